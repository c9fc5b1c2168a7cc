namespace NhsIdentity.Matching.Blocking;

// The rules that ship. Together they find a true pair if it agrees exactly on any one of: NHS number; date of birth;
// full name; the Soundex codes of the two names in either order with the birth year; family-name Soundex, birth year
// and postcode district; postcode and birth year; address; local identifier; email; telephone. The name-set and
// date-of-birth rules are there for pairs where two keys break at once (given and family names transposed with a typo;
// both names misspelt or missing): on Splink's fake_1000 they raise blocking recall from 0.58 to 0.70. A pair with
// errors in all of those at once is rare and is left unfound.
//
// Two more rules serve records whose date of birth is missing or only partly known (a year, or zeros for the day and
// month) as well as a broken name: postcode with given initial, and family-name Soundex with given initial and birth
// year. On the census-style synthetic set (seed 42) they raise blocking recall from 0.80 to 0.92.
//
// The same address (its words in any order, with a house or flat number) serves a pair whose names, date of birth and
// postcode are all broken or missing at one home. On the census-style synthetic set (seed 42, 20,000 persons, link) it
// raises blocking recall from 0.912 to 0.942 (507 of the 1,506 true pairs no other rule found) for 0.62 more candidate
// pairs per record (2.04 -> 2.67), and link recall by 0.028-0.031 on seeds 42-44; it also brings household members that
// the model then links (census-noisy false matches 321 -> 390, 333 -> 462, 283 -> 366 on seeds 42, 43, 44). On a
// synthetic population of 1,000,000 records it makes 0.82 pairs per record on its own and adds 0.69 (101.9 -> 102.5 in
// all): its blocks are households, so the cost stays per record as the population grows. The index leaves it out (see
// IndexDefaults).
//
// The date of birth alone holds every pair the two narrower date rules before it do; those stay because a date shared
// by thousands (a placeholder such as 1900-01-01) is capped for "dob" but not for them. About 27 people share a date
// in a million (100 years of 365 days): on a synthetic population of 1,000,000 records "dob" adds 14 candidate pairs
// per record (19 before it, 33 after), the name-set rule 0.3. That cost grows with the population, not per block.
public sealed partial class BlockingRule
{
    /// <summary>Gets the rule "same valid NHS number".</summary>
    public static BlockingRule NhsNumber { get; } = Create("nhs-number", BlockingKeyPart.NhsNumber);

    /// <summary>Gets the rule "same date of birth and family-name Soundex".</summary>
    public static BlockingRule DateOfBirthAndFamilySoundex { get; } =
        Create("dob+family-soundex", BlockingKeyPart.DateOfBirth, BlockingKeyPart.FamilySoundex);

    /// <summary>Gets the rule "same date of birth and given initial" (catches a changed family name).</summary>
    public static BlockingRule DateOfBirthAndGivenInitial { get; } =
        Create("dob+given-initial", BlockingKeyPart.DateOfBirth, BlockingKeyPart.GivenInitial);

    /// <summary>Gets the rule "same given and family name" (catches a wrong date of birth).</summary>
    public static BlockingRule FullName { get; } = Create("full-name", BlockingKeyPart.GivenName, BlockingKeyPart.FamilyName);

    /// <summary>Gets the rule "same Soundex codes of first given name and family name, in either order, and same birth
    /// year" (<see cref="BlockingKeyPart.NameSoundexSet"/>): catches names transposed or misspelt together with a
    /// wrong day or month of birth.</summary>
    public static BlockingRule NameSoundexSetAndBirthYear { get; } =
        Create("name-soundex-set+birth-year", BlockingKeyPart.NameSoundexSet, BlockingKeyPart.BirthYear);

    /// <summary>Gets the rule "same date of birth" (catches pairs whose given and family names both differ or are
    /// missing). About 27 records share a date in a million; a placeholder date shared by more than the block size cap
    /// is skipped.</summary>
    public static BlockingRule DateOfBirth { get; } = Create("dob", BlockingKeyPart.DateOfBirth);

    /// <summary>Gets the rule "same family-name Soundex and birth year and postcode district".</summary>
    public static BlockingRule FamilySoundexBirthYearAndDistrict { get; } =
        Create("family-soundex+birth-year+district", BlockingKeyPart.FamilySoundex, BlockingKeyPart.BirthYear, BlockingKeyPart.PostcodeDistrict);

    /// <summary>Gets the rule "same full postcode and birth year" (catches name changes and typos together).</summary>
    public static BlockingRule PostcodeAndBirthYear { get; } =
        Create("postcode+birth-year", BlockingKeyPart.PostcodeUnit, BlockingKeyPart.BirthYear);

    /// <summary>Gets the rule "same full postcode and given initial": catches a record without a usable date of birth
    /// (missing, or a year the other record lacks) whose family name changed or was misspelt, at the same home.</summary>
    public static BlockingRule PostcodeAndGivenInitial { get; } =
        Create("postcode+given-initial", BlockingKeyPart.PostcodeUnit, BlockingKeyPart.GivenInitial);

    /// <summary>Gets the rule "same address" (<see cref="BlockingKeyPart.Address"/>: the same words in any order, case
    /// or punctuation): catches a pair whose names and date of birth are all broken or missing, or whose postcode is
    /// missing or mistyped, at one home. Only addresses with a number are keyed (a town alone would make a block of
    /// the town). Its blocks are households: under one candidate pair per record.</summary>
    public static BlockingRule Address { get; } = Create("address", BlockingKeyPart.Address);

    /// <summary>Gets the rule "same family-name Soundex, given initial and birth year": catches a move to another
    /// district together with a partial or mistyped date of birth and a given name that is an initial or misspelt.</summary>
    public static BlockingRule FamilySoundexGivenInitialAndBirthYear { get; } =
        Create("family-soundex+given-initial+birth-year", BlockingKeyPart.FamilySoundex, BlockingKeyPart.GivenInitial, BlockingKeyPart.BirthYear);

    /// <summary>Gets the rule "same local identifier".</summary>
    public static BlockingRule LocalIdentifier { get; } = Create("local-id", BlockingKeyPart.LocalIdentifier);

    /// <summary>Gets the rule "same email address" (lower-cased).</summary>
    public static BlockingRule Email { get; } = Create("email", BlockingKeyPart.Email);

    /// <summary>Gets the rule "same telephone number" (last ten digits).</summary>
    public static BlockingRule Phone { get; } = Create("phone", BlockingKeyPart.Phone);

    /// <summary>Gets the rules used when none are given, in the order they are applied.</summary>
    public static IReadOnlyList<BlockingRule> Defaults { get; } =
    [
        NhsNumber,
        DateOfBirthAndFamilySoundex,
        DateOfBirthAndGivenInitial,
        FullName,
        NameSoundexSetAndBirthYear,
        DateOfBirth,
        FamilySoundexBirthYearAndDistrict,
        PostcodeAndBirthYear,
        PostcodeAndGivenInitial,
        Address,
        FamilySoundexGivenInitialAndBirthYear,
        LocalIdentifier,
        Email,
        Phone,
    ];

    /// <summary>Gets the rules a <see cref="PatientIndex"/> uses when none are given: <see cref="Defaults"/> without
    /// <see cref="DateOfBirth"/> alone and without <see cref="Address"/>, in the same order.</summary>
    /// <remarks>
    /// A lookup pays for every candidate it scores, and the date of birth alone selects about 27 records in a million
    /// (five in six of a lookup's candidates at that size), almost none of which can reach a review decision when
    /// both names disagree. Measured with the default model (synthetic extracts of 20,000 people, one indexed and
    /// the other looked up): the rule added 0 of 11,747 true counterparts at review or better on the default
    /// profile, 1 of 11,747 on supplier-hard, 9 of 16,961 on census-noisy; on Splink's fake_1000 (names, date of
    /// birth and email only: no address or postcode) it added 46 of 2,016 true pairs found at review (2.3%) and 6 of
    /// 1,228 matches. Add <see cref="DateOfBirth"/> back (<c>PatientIndexOptions.Default with { BlockingRules =
    /// [.. BlockingRule.IndexDefaults, BlockingRule.DateOfBirth] }</c>) for records with no address, postcode or
    /// contact details. The linker keeps it (<see cref="Defaults"/>): a batch pays for it once per record, not
    /// per lookup, and training uses the pairs it finds.
    /// <para>
    /// <see cref="Address"/> is left out too: with it, a lookup cost 10.0 times as much at the median (in-process A/B
    /// of PatientIndexBench, 1,000,000 records, 2026-12-07, session 13), where the bar for an index rule is 3%. That
    /// benchmark's population has 3,200 distinct addresses (200 house numbers in 16 streets, no town) for a million
    /// records, so every lookup met about 300 more candidates; on real addresses the cost is smaller but still a
    /// block of a household per lookup, for the few pairs whose names, date of birth and postcode all break at once.
    /// Add it back (<c>[.. BlockingRule.IndexDefaults, BlockingRule.Address]</c>) when lookups carry little but an
    /// address.
    /// </para>
    /// </remarks>
    public static IReadOnlyList<BlockingRule> IndexDefaults { get; } = [.. Defaults.Where(rule => rule != DateOfBirth && rule != Address)];
}
