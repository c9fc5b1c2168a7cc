namespace NhsIdentity.Matching;

/// <summary>
/// The comparisons a <see cref="MatchModel"/> can make between two prepared records, one per field. The default model
/// compares given and family names separately (<see cref="GivenName"/>, <see cref="FamilyName"/>), so it knows which
/// part of a name agrees; <see cref="Name"/>, both together, is what models saved before version 2 use.
/// </summary>
/// <remarks>Each comparison has its own ordered levels, best first: see the level enums in
/// <c>NhsIdentity.Matching.Comparisons</c> (<see cref="Comparisons.NameLevel"/> and the others) and everything else
/// about it in its <see cref="ComparisonDefinition"/>.</remarks>
public enum ComparisonKind
{
    /// <summary>NHS numbers: <see cref="Comparisons.NhsNumberLevel"/>.</summary>
    NhsNumber = 0,

    /// <summary>Given and family names together: <see cref="Comparisons.NameLevel"/> (the comparison of version 1
    /// models; the default model uses <see cref="GivenName"/> and <see cref="FamilyName"/> instead).</summary>
    Name = 1,

    /// <summary>Dates of birth: <see cref="Comparisons.DateOfBirthLevel"/>.</summary>
    DateOfBirth = 2,

    /// <summary>Sex: <see cref="Comparisons.SexLevel"/>.</summary>
    Sex = 3,

    /// <summary>Postcodes: <see cref="Comparisons.PostcodeLevel"/>.</summary>
    Postcode = 4,

    /// <summary>Address text: <see cref="Comparisons.AddressLevel"/>.</summary>
    Address = 5,

    /// <summary>Local identifiers (hospital number, MRN): <see cref="Comparisons.LocalIdentifierLevel"/>.</summary>
    LocalIdentifier = 6,

    /// <summary>Email addresses: <see cref="Comparisons.ExactLevel"/>.</summary>
    Email = 7,

    /// <summary>Telephone numbers (the last ten digits): <see cref="Comparisons.ExactLevel"/>.</summary>
    Phone = 8,

    /// <summary>The registered GP practice (ODS code): <see cref="Comparisons.ExactLevel"/>.</summary>
    GpPractice = 9,

    /// <summary>The first given names (<see cref="Comparisons.GivenNameLevel"/>): exact, a swap with the family name,
    /// nickname, Jaro-Winkler bands, an initial, a middle name, sound.</summary>
    GivenName = 10,

    /// <summary>The family names (<see cref="Comparisons.FamilyNameLevel"/>): exact, Jaro-Winkler bands, one part of a
    /// double-barrelled name, sound.</summary>
    FamilyName = 11,
}
