namespace NhsIdentity.Matching.Comparisons;

/// <summary>The levels of the <see cref="ComparisonKind.NhsNumber"/> comparison, best first.</summary>
/// <remarks>
/// Only valid NHS numbers take part. A number that fails its check digit, or a repdigit such as <c>9999999999</c>
/// that suppliers key as a placeholder, is treated as missing when the record is prepared (and counted), so it gives
/// no evidence either way. Different valid numbers are strong evidence against a match but not proof: NHS numbers
/// are reissued on adoption and gender reassignment (PDS practice), so the level has a finite weight.
/// </remarks>
public enum NhsNumberLevel
{
    /// <summary>Both valid and equal.</summary>
    Equal = 0,

    /// <summary>Both valid and different.</summary>
    Different = 1,
}
