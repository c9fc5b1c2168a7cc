namespace NhsIdentity.Matching.Comparisons;

/// <summary>The levels of the <see cref="ComparisonKind.FamilyName"/> comparison, best first; the first that holds wins.</summary>
/// <remarks>
/// <para>"Family name" is the whole family name after <see cref="Demographics.PersonName"/> normalisation, with its
/// hyphens and spaces removed (JONES-SMITH is JONESSMITH); its parts take part through <see cref="DoubleBarrel"/>.
/// The Jaro-Winkler thresholds 0.92, 0.88 and 0.70 are Splink's and NHS England's.</para>
/// <para>When the given and family names are swapped (<see cref="GivenNameLevel.Swapped"/>) the family-name comparison
/// is not made (it is reported as missing on both sides), so a swap counts once.</para>
/// </remarks>
public enum FamilyNameLevel
{
    /// <summary>Equal (term-frequency adjusted: a common family name counts for less).</summary>
    Exact = 0,

    /// <summary>Jaro-Winkler similarity at least 0.92.</summary>
    JaroWinkler92 = 1,

    /// <summary>A part of a double-barrelled or multi-part name shared (JONES-SMITH and SMITH).</summary>
    DoubleBarrel = 2,

    /// <summary>Jaro-Winkler similarity at least 0.88.</summary>
    JaroWinkler88 = 3,

    /// <summary>A Double Metaphone code (primary or alternate) shared.</summary>
    Phonetic = 4,

    /// <summary>Jaro-Winkler similarity at least 0.70.</summary>
    JaroWinkler70 = 5,

    /// <summary>None of the above (a new family name on marriage is the common true-match case).</summary>
    Else = 6,
}
