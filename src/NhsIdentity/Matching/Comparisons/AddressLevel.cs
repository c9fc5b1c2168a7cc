namespace NhsIdentity.Matching.Comparisons;

/// <summary>The levels of the <see cref="ComparisonKind.Address"/> comparison, best first.</summary>
/// <remarks>Addresses are compared by token-set similarity (the measure of FuzzySharp's <c>TokenSetRatio</c>), so word
/// order, repeated words and a missing town matter little.</remarks>
public enum AddressLevel
{
    /// <summary>Token-set similarity at least 0.9.</summary>
    Similar90 = 0,

    /// <summary>Token-set similarity at least 0.7.</summary>
    Similar70 = 1,

    /// <summary>Below 0.7.</summary>
    Else = 2,
}
