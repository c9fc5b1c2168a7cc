namespace NhsIdentity.Matching.Comparisons;

/// <summary>The levels of the <see cref="ComparisonKind.Sex"/> comparison.</summary>
/// <remarks>
/// Only male and female take part; not known, not specified, indeterminate and other are treated as missing
/// (neutral), because they say nothing about whether two records agree. The default model gives sex a low weight:
/// PDS guidance is not to rely on it (it is recorded inconsistently and changes).
/// </remarks>
public enum SexLevel
{
    /// <summary>Equal.</summary>
    Equal = 0,

    /// <summary>Different.</summary>
    Different = 1,
}
