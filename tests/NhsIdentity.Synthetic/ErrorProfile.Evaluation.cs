namespace NhsIdentity.Synthetic;

/// <summary>The evaluation profiles of issue 13: error types and households the matcher's rules were not written against.</summary>
public sealed partial record ErrorProfile
{
    /// <summary>The names <see cref="TryFromName"/> accepts, in the order the command line lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["default", "supplier-hard", "census-noisy"];

    /// <summary>
    /// Gets clean supplier extracts made hard: <see cref="Default"/>'s rates, the new error types at modest rates, and
    /// more of the households whose members look alike.
    /// </summary>
    /// <remarks>
    /// <para><b>New error types</b> (per eligible row), each a little under what a busy acute trust sees, so they add
    /// up to about 17% of rows with one more error and leave the default errors dominant:
    /// <see cref="MiddleNameOneSource"/> 0.10 (the commonest: PAS forename fields hold one name, GP systems all, and
    /// clerks differ about middle names); <see cref="GivenNameInitial"/> 0.02 (registrations keyed from referral letters
    /// addressed to "J Smith"); <see cref="OcrNoise"/> 0.01 (scanned forms read by OCR and not checked);
    /// <see cref="NicknameAndTypo"/> 0.01; <see cref="PartialDateOfBirth"/> 0.01 and <see cref="MissingDateOfBirth"/> 0.01
    /// (unknown, unconscious and overseas patients with estimated or no dates); <see cref="DoubleBarrelled"/> 0.01;
    /// <see cref="NameSwapAndMove"/> 0.005 (rare, but the combination defeats a rule that relies on either the names
    /// or the address agreeing).</para>
    /// <para><b>Households</b>: twins in 40% of families with two or more children (default 20%), half of same-sex
    /// twins and a third of opposite-sex twins with similar names (Jack and Jake, John and Joan), half of the rest
    /// with one initial; juniors (father and son or mother and daughter with one full name) in 25% of eligible couples
    /// with children (default 12%); 15% of other children with a parent's initial (Margaret and Mary); 5% of people
    /// living alone with the name and birth year of an adult elsewhere. These are far above real rates on purpose:
    /// the set measures how the matcher keeps look-alikes apart, and needs hundreds of them in a few thousand persons.</para>
    /// </remarks>
    // Built with new() rather than from Default: static initialisers in different files of a partial type run in no
    // defined order, and new() is Default.
    public static ErrorProfile SupplierHard { get; } = new()
    {
        OcrNoise = 0.01,
        GivenNameInitial = 0.02,
        NicknameAndTypo = 0.01,
        PartialDateOfBirth = 0.01,
        MissingDateOfBirth = 0.01,
        NameSwapAndMove = 0.005,
        MiddleNameOneSource = 0.10,
        DoubleBarrelled = 0.01,
        Households = HouseholdMix.Default with
        {
            Twins = 0.40,
            SimilarTwinNames = 0.50,
            SimilarOppositeSexTwinNames = 0.35,
            SameInitialTwinNames = 0.50,
            Junior = 0.25,
            SameInitialChild = 0.15,
            NamesakeElsewhere = 0.05,
        },
    };

    /// <summary>
    /// Gets a noisy census-style pair of files: no NHS numbers, transcription and OCR noise, initials, many partial or
    /// missing dates of birth, and more people in family households.
    /// </summary>
    /// <remarks>
    /// <para><b>Coverage</b> 0.92 and <b>duplicates</b> 0.01: an enumeration reaches most of the population and counts
    /// a few people at two addresses. <see cref="MissingNhsNumber"/> 1 (census and survey forms carry none) and
    /// <see cref="LocalIdentifierShared"/> 0 (no hospital numbers to share), so every link rests on names, dates and
    /// addresses.</para>
    /// <para><b>Transcription</b>: <see cref="OcrNoise"/> 0.25 (one misreading in a quarter of rows: scanned handwriting);
    /// <see cref="NameTypo"/> 0.06 (keyed by hand); <see cref="GivenNameInitial"/> 0.20 (forms and transcribers that
    /// write "J Smith"); <see cref="NicknameAndTypo"/> 0.02; <see cref="CaseAndSpacing"/> 0.10.</para>
    /// <para><b>Dates</b>: <see cref="PartialDateOfBirth"/> 0.30 (forms that ask for age or year, or a month left blank)
    /// and <see cref="MissingDateOfBirth"/> 0.10, so about 37% of rows lack a full date; <see cref="DateOfBirthDigit"/>
    /// 0.03; <see cref="DayMonthSwap"/> 0.01; no 1 January placeholders (a partial date is written instead).</para>
    /// <para><b>Names and moves</b>: <see cref="MovedHouse"/> 0.10 (the two files a year or more apart);
    /// <see cref="NameSwap"/> 0.02 and <see cref="NameSwapAndMove"/> 0.01 (forms with surname first);
    /// <see cref="MiddleNameOneSource"/> 0.15; <see cref="DoubleBarrelled"/> 0.01; the default rates for nicknames,
    /// marriage, surname parts and missing fields.</para>
    /// <para><b>Households</b>: 15% one adult (default 28%), 20% couples, 40% couples with children, 13% lone parents,
    /// 12% adult siblings, so more people share an address and a surname with someone else; twins, juniors, same
    /// initials and namesakes elsewhere as <see cref="SupplierHard"/> but twins in 30% of larger families.
    /// Initials and missing dates make exactly these people hard to tell apart.</para>
    /// </remarks>
    public static ErrorProfile CensusNoisy { get; } = new()
    {
        Coverage = 0.92,
        DuplicateRate = 0.01,
        MissingNhsNumber = 1,
        NameTypo = 0.06,
        Nickname = 0.04,
        DayMonthSwap = 0.01,
        DateOfBirthDigit = 0.03,
        DateOfBirthPlaceholder = 0,
        MovedHouse = 0.10,
        MissingField = 0.04,
        NameSwap = 0.02,
        CaseAndSpacing = 0.10,
        LocalIdentifierShared = 0,
        OcrNoise = 0.25,
        GivenNameInitial = 0.20,
        NicknameAndTypo = 0.02,
        PartialDateOfBirth = 0.30,
        MissingDateOfBirth = 0.10,
        NameSwapAndMove = 0.01,
        MiddleNameOneSource = 0.15,
        DoubleBarrelled = 0.01,
        Households = SupplierHard.Households with
        {
            LivesAlone = 0.15,
            Couple = 0.20,
            CoupleWithChildren = 0.40,
            LoneParent = 0.13,
            Twins = 0.30,
        },
    };

    /// <summary>The profile with a command-line name: <c>default</c>, <c>supplier-hard</c> or <c>census-noisy</c>.</summary>
    /// <param name="name">The name (case-insensitive).</param>
    /// <param name="profile">The profile, or <see langword="null"/>.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryFromName(string name, out ErrorProfile profile)
    {
        profile = name.ToLowerInvariant() switch
        {
            "default" => Default,
            "supplier-hard" => SupplierHard,
            "census-noisy" => CensusNoisy,
            _ => null!,
        };
        return profile is not null;
    }
}
