namespace NhsIdentity.Matching.Splink;

/// <summary>How one comparison scored a pair: the level the pair took and its partial weights.</summary>
/// <param name="Comparison">The comparison.</param>
/// <param name="LevelIndex">The index of the level in <see cref="SplinkComparison.Levels"/>, or -1 when no level's
/// condition was true and the comparison has no ELSE (Splink's comparison vector is then NULL, and so is its weight).</param>
/// <param name="Weight">The level's partial weight, <c>log2(m / u)</c> (0 for a null level; NaN when no level).</param>
/// <param name="TfAdjustmentWeight">The term-frequency adjustment's weight, <c>log2</c> of its Bayes factor (0 when the
/// level makes none).</param>
public readonly record struct SplinkComparisonScore(SplinkComparison Comparison, int LevelIndex, double Weight, double TfAdjustmentWeight)
{
    /// <summary>Gets the level the pair took, or null.</summary>
    public SplinkComparisonLevel? Level => LevelIndex < 0 ? null : Comparison.Levels[LevelIndex];
}
