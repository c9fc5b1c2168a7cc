namespace NhsIdentity.Matching.Blocking;

// The rules that ship. Together they find a true pair if it agrees exactly on any one of: NHS number; date of
// birth with a similar-sounding family name; full name; given initial, family name and postcode district; postcode
// and birth year; local identifier; email; telephone. A pair with errors in all of those at once is rare and is left unfound.
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

    /// <summary>Gets the rule "same family-name Soundex and birth year and postcode district".</summary>
    public static BlockingRule FamilySoundexBirthYearAndDistrict { get; } =
        Create("family-soundex+birth-year+district", BlockingKeyPart.FamilySoundex, BlockingKeyPart.BirthYear, BlockingKeyPart.PostcodeDistrict);

    /// <summary>Gets the rule "same full postcode and birth year" (catches name changes and typos together).</summary>
    public static BlockingRule PostcodeAndBirthYear { get; } =
        Create("postcode+birth-year", BlockingKeyPart.PostcodeUnit, BlockingKeyPart.BirthYear);

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
        FamilySoundexBirthYearAndDistrict,
        PostcodeAndBirthYear,
        LocalIdentifier,
        Email,
        Phone,
    ];
}
