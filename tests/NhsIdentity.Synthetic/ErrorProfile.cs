namespace NhsIdentity.Synthetic;

/// <summary>
/// How a supplier extract differs from the truth: which persons it holds, how often it holds them twice, and how
/// often each kind of error appears in a row. Rates are probabilities per row, drawn independently; set with
/// <c>with</c> (<c>ErrorProfile.Default with { NameTypo = 0.1 }</c>).
/// </summary>
/// <remarks>
/// The defaults are the project's judgement of a typical acute-trust PAS or GP extract, not measured values: NHS
/// number missing in about a tenth of rows (the brief for issue 4), a few per cent of typing errors, nicknames and
/// moves, and rarer date errors. Some errors only apply to some rows; their rate is per eligible row, and
/// <see cref="RecordErrors"/> on each row says what was actually applied. The error types added for issue 13
/// (<see cref="OcrNoise"/> to <see cref="DoubleBarrelled"/>) are 0 here and draw no random numbers while they are
/// 0, so default extracts are byte for byte what they were; <see cref="SupplierHard"/> and <see cref="CensusNoisy"/>
/// use them.
/// </remarks>
public sealed partial record ErrorProfile
{
    /// <summary>Gets the default profile (every property at its documented default).</summary>
    public static ErrorProfile Default { get; } = new();

    /// <summary>Gets a profile with every person once and no errors (rows equal the truth, in the dialect's layout).</summary>
    public static ErrorProfile None { get; } = new()
    {
        Coverage = 1,
        DuplicateRate = 0,
        MissingNhsNumber = 0,
        NameTypo = 0,
        Nickname = 0,
        DayMonthSwap = 0,
        DateOfBirthDigit = 0,
        DateOfBirthPlaceholder = 0,
        MovedHouse = 0,
        MissingField = 0,
        SurnameChange = 0,
        NameSwap = 0,
        CaseAndSpacing = 0,
        SurnamePart = 0,
        LocalIdentifierShared = 0,
    };

    /// <summary>Gets the share of the population the extract holds (default 0.75).</summary>
    public double Coverage { get; init; } = 0.75;

    /// <summary>Gets the chance that a held person has a second row of their own in the same extract (default 0.05).</summary>
    public double DuplicateRate { get; init; } = 0.05;

    /// <summary>Gets the chance the NHS number is blank (default 0.10).</summary>
    public double MissingNhsNumber { get; init; } = 0.10;

    /// <summary>Gets the chance of one typing error (substitution, insertion, deletion or transposition) in the given or family name (default 0.04).</summary>
    public double NameTypo { get; init; } = 0.04;

    /// <summary>Gets the chance the given name is replaced by a <see cref="Text.NicknameTable.Default"/> equivalent, when it has one (default 0.05).</summary>
    public double Nickname { get; init; } = 0.05;

    /// <summary>Gets the chance day and month are swapped, for dates whose day is 12 or less and differs from the month (default 0.02).</summary>
    public double DayMonthSwap { get; init; } = 0.02;

    /// <summary>Gets the chance one digit of the date of birth is wrong, still giving a real date (default 0.02).</summary>
    public double DateOfBirthDigit { get; init; } = 0.02;

    /// <summary>Gets the chance the date of birth is recorded as 1 January of the right year, when it is not 1 January (default 0.005).</summary>
    public double DateOfBirthPlaceholder { get; init; } = 0.005;

    /// <summary>Gets the chance the row holds a different address and postcode (the person moved; default 0.06).</summary>
    public double MovedHouse { get; init; } = 0.06;

    /// <summary>Gets the chance one of given names, date of birth, sex, address or postcode is blank (default 0.03).</summary>
    public double MissingField { get; init; } = 0.03;

    /// <summary>Gets the chance a woman aged 18 or over (on 1 January 2026) is recorded under another surname (marriage; default 0.05).</summary>
    public double SurnameChange { get; init; } = 0.05;

    /// <summary>Gets the chance given and family names are swapped (default 0.01).</summary>
    public double NameSwap { get; init; } = 0.01;

    /// <summary>Gets the chance of odd case or extra spaces in a name or the postcode (default 0.08).</summary>
    public double CaseAndSpacing { get; init; } = 0.08;

    /// <summary>Gets the chance a double-barrelled surname is recorded as one of its parts (default 0.30).</summary>
    public double SurnamePart { get; init; } = 0.30;

    /// <summary>
    /// Gets the chance a GP row's <c>local_id</c> holds the person's hospital number (from hospital letters);
    /// otherwise it is blank (default 0.30). PAS rows always carry their own hospital number as the row id.
    /// </summary>
    public double LocalIdentifierShared { get; init; } = 0.30;

    /// <summary>Gets the chance of one OCR misreading (<see cref="RecordErrors.OcrNoise"/>) in the given name, family name, address or postcode, when any has a letter that can be misread (default 0).</summary>
    public double OcrNoise { get; init; }

    /// <summary>Gets the chance the given names are written as initials, when no nickname was applied and names are not swapped (default 0).</summary>
    public double GivenNameInitial { get; init; }

    /// <summary>Gets the chance of a nickname plus one typing error in the same row, when the name has a nickname and no other nickname was applied (default 0).</summary>
    public double NicknameAndTypo { get; init; }

    /// <summary>Gets the chance only part of the date of birth is written (year only, month and year, or day unknown), when it is not blank (default 0).</summary>
    public double PartialDateOfBirth { get; init; }

    /// <summary>Gets the chance the date of birth is blank (on top of <see cref="MissingField"/>; default 0).</summary>
    public double MissingDateOfBirth { get; init; }

    /// <summary>Gets the chance given and family names are swapped and the person moved, in one row, when <see cref="NameSwap"/> did not apply (default 0).</summary>
    public double NameSwapAndMove { get; init; }

    /// <summary>Gets the chance the middle name is written where this layout would not show it, or left out where it would, when names are not swapped (default 0).</summary>
    public double MiddleNameOneSource { get; init; }

    /// <summary>Gets the chance a single family name is written double-barrelled with a second surname, when no surname change applied (default 0).</summary>
    public double DoubleBarrelled { get; init; }

    /// <summary>
    /// Gets the household mix of the population the extracts are made from (default <see cref="HouseholdMix.Default"/>).
    /// The extract generator does not read it: pass it to <see cref="SyntheticPopulation.Generate(int, int, HouseholdMix)"/>,
    /// as the command line does, so one profile names both the people and their errors.
    /// </summary>
    public HouseholdMix Households { get; init; } = HouseholdMix.Default;
}
