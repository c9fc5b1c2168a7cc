namespace NhsIdentity.Matching.Comparisons;

/// <summary>The levels of the <see cref="ComparisonKind.Postcode"/> comparison, best first.</summary>
/// <remarks>
/// UK postcodes are compared by their parts (<see cref="Demographics.PostcodePart"/>). Pseudo-postcodes
/// (<c>ZZ99</c>: no fixed abode, not known, abroad) are treated as missing. A postcode that is not a UK postcode
/// (an overseas patient's, or a benchmark's) is kept as text and can reach only <see cref="Full"/> or
/// <see cref="Else"/>.
/// </remarks>
public enum PostcodeLevel
{
    /// <summary>The full postcode equal (term-frequency adjusted).</summary>
    Full = 0,

    /// <summary>Same sector (<c>LS1 4</c>).</summary>
    Sector = 1,

    /// <summary>Same district (<c>LS1</c>).</summary>
    District = 2,

    /// <summary>Same area (<c>LS</c>).</summary>
    Area = 3,

    /// <summary>None of the above.</summary>
    Else = 4,
}
