namespace NhsIdentity.Matching.Comparisons;

/// <summary>The levels of the exact-only comparisons (<see cref="ComparisonKind.Email"/>, <see cref="ComparisonKind.Phone"/>,
/// <see cref="ComparisonKind.GpPractice"/>).</summary>
public enum ExactLevel
{
    /// <summary>Equal after normalisation (email lower-cased; phone as its last ten digits; GP practice codes upper-cased).</summary>
    Equal = 0,

    /// <summary>Different.</summary>
    Different = 1,
}
