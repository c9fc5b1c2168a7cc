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

    /// <summary>
    /// One misreading of a scanned form (<see cref="OcrConfusion"/>: <c>rn</c>/<c>m</c>, <c>O</c>/<c>Q</c>, <c>0</c>/<c>O</c>
    /// in postcodes, …) in the given name, family name, address or postcode: at most two characters changed.
    /// </summary>
    OcrNoise = 1 << 12,

    /// <summary>The given names reduced to initials, with or without full stops (<c>J</c>, <c>J.</c>, GP <c>J. P.</c>).</summary>
    GivenNameInitial = 1 << 13,

    /// <summary>A nickname or variant replaces the first given name and one typing error is in the nickname or the family name.</summary>
    NicknameAndTypo = 1 << 14,

    /// <summary>Only part of the date of birth is written (<see cref="PartialDateKind"/>); the year is kept.</summary>
    PartialDateOfBirth = 1 << 15,

    /// <summary>The date of birth is blank.</summary>
    MissingDateOfBirth = 1 << 16,

    /// <summary>Given and family names are swapped and the address and postcode are another, in the same row.</summary>
    NameSwapAndMove = 1 << 17,

    /// <summary>
    /// The middle name shows where the layout would not (PAS forename "John Paul"; GP given names with an invented
    /// middle name when the person has none) or is left out (GP given names without the person's middle names).
    /// </summary>
    MiddleNameOneSource = 1 << 18,

    /// <summary>A single family name is written double-barrelled with a second surname (<c>Smith-Jones</c> or <c>Jones Smith</c> for <c>Smith</c>).</summary>
    DoubleBarrelled = 1 << 19,
}
