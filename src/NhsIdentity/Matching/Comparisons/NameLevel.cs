namespace NhsIdentity.Matching.Comparisons;

/// <summary>The levels of the <see cref="ComparisonKind.Name"/> comparison, best first; the first that holds wins.</summary>
/// <remarks>
/// <para>Names are compared after <see cref="Demographics.PersonName"/> normalisation. "Given" is the first given
/// name; "family" is the whole family name with its hyphens and spaces removed (JONES-SMITH is JONESSMITH).
/// Middle names and the parts of a double-barrelled name take part through <see cref="TokenOverlap"/>.</para>
/// <para>The Jaro-Winkler thresholds 0.92, 0.88 and 0.70 are the ones Splink's name comparisons and NHS England's
/// Splink-based linkage model use. When either record has no given name, only <see cref="FamilyOnly"/> and
/// <see cref="Else"/> can apply; when either has no family name, only <see cref="GivenOnly"/> and
/// <see cref="Else"/>; when either has neither, the comparison is missing.</para>
/// </remarks>
public enum NameLevel
{
    /// <summary>Given and family names equal (term-frequency adjusted: a common full name counts for less).</summary>
    ExactFullName = 0,

    /// <summary>Given and family names swapped (a frequent keying error).</summary>
    Swapped = 1,

    /// <summary>Family names equal and given names nickname-equivalent (BOB and ROBERT).</summary>
    Nickname = 2,

    /// <summary>Jaro-Winkler similarity at least 0.92 on both given and family names.</summary>
    JaroWinkler92 = 3,

    /// <summary>Jaro-Winkler similarity at least 0.88 on both given and family names.</summary>
    JaroWinkler88 = 4,

    /// <summary>Double Metaphone codes (primary or alternate) shared by both given and family names.</summary>
    Phonetic = 5,

    /// <summary>A given-name token and a family-name token shared (middle names; JONES-SMITH and SMITH).</summary>
    TokenOverlap = 6,

    /// <summary>Jaro-Winkler similarity at least 0.70 on both given and family names.</summary>
    JaroWinkler70 = 7,

    /// <summary>Only the family names equal (term-frequency adjusted).</summary>
    FamilyOnly = 8,

    /// <summary>Only the given names equal.</summary>
    GivenOnly = 9,

    /// <summary>None of the above.</summary>
    Else = 10,
}
