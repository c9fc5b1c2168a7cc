namespace NhsIdentity.Synthetic;

/// <summary>The errors applied to one extract row (flags), so tests can measure rates and find examples.</summary>
[Flags]
public enum RecordErrors
{
    /// <summary>The row matches the truth (apart from the dialect's layout).</summary>
    None = 0,

    /// <summary>The NHS number is blank.</summary>
    MissingNhsNumber = 1 << 0,

    /// <summary>One edit in the given or family name.</summary>
    NameTypo = 1 << 1,

    /// <summary>A nickname or variant replaces the first given name.</summary>
    Nickname = 1 << 2,

    /// <summary>Day and month of the date of birth are swapped.</summary>
    DayMonthSwap = 1 << 3,

    /// <summary>One digit of the date of birth is wrong.</summary>
    DateOfBirthDigit = 1 << 4,

    /// <summary>The date of birth is 1 January of the right year.</summary>
    DateOfBirthPlaceholder = 1 << 5,

    /// <summary>The address and postcode are another (the person moved).</summary>
    MovedHouse = 1 << 6,

    /// <summary>One of given names, date of birth, sex, address or postcode is blank (or sex "unknown").</summary>
    MissingField = 1 << 7,

    /// <summary>A different surname (marriage): a new one, or the old and new double-barrelled.</summary>
    SurnameChange = 1 << 8,

    /// <summary>Given and family names are swapped.</summary>
    NameSwap = 1 << 9,

    /// <summary>Upper or lower case, or extra spaces, in a name or the postcode.</summary>
    CaseAndSpacing = 1 << 10,

    /// <summary>Only one part of a double-barrelled surname.</summary>
    SurnamePart = 1 << 11,
}
