namespace NhsIdentity.Matching.Comparisons;

/// <summary>The levels of the <see cref="ComparisonKind.GivenName"/> comparison, best first; the first that holds wins.</summary>
/// <remarks>
/// <para>"Given name" is the first given name after <see cref="Demographics.PersonName"/> normalisation, without
/// hyphens (MARY-JANE is MARYJANE); the other given names take part through <see cref="MiddleName"/>. The
/// Jaro-Winkler thresholds 0.92, 0.88 and 0.70 are Splink's and NHS England's.</para>
/// <para>An initial, a middle name used as the first name and a known nickname are agreement evidence of their own,
/// not disagreement: each level's weight is learned.</para>
/// </remarks>
public enum GivenNameLevel
{
    /// <summary>Equal (term-frequency adjusted: a common given name counts for less).</summary>
    Exact = 0,

    /// <summary>Given and family names swapped (JOHN SMITH and SMITH JOHN); the family-name comparison is then not
    /// made, so the swap counts once.</summary>
    Swapped = 1,

    /// <summary>Nickname-equivalent (BOB and ROBERT), from the set's nickname table.</summary>
    Nickname = 2,

    /// <summary>Jaro-Winkler similarity at least 0.92.</summary>
    JaroWinkler92 = 3,

    /// <summary>Jaro-Winkler similarity at least 0.88.</summary>
    JaroWinkler88 = 4,

    /// <summary>One side is an initial and it is the other's first letter (C and CHRISTOPHER), or both sides are the same
    /// initial (an initial says no more about a person when the other side is one too).</summary>
    Initial = 5,

    /// <summary>A given-name token shared, such as a middle name used as the first (JOHN PAUL and PAUL).</summary>
    MiddleName = 6,

    /// <summary>A Double Metaphone code (primary or alternate) shared.</summary>
    Phonetic = 7,

    /// <summary>Jaro-Winkler similarity at least 0.70.</summary>
    JaroWinkler70 = 8,

    /// <summary>None of the above.</summary>
    Else = 9,
}
