namespace NhsIdentity.Matching;

/// <summary>One comparison's part in a pair's score: a bar of the waterfall that explains a match weight.</summary>
/// <param name="Comparison">The comparison.</param>
/// <param name="Level">The level reached (the value of the comparison's level enum), or -1 when a side was missing.</param>
/// <param name="Missing">Which side, if any, had no usable value; when not <see cref="MissingSide.None"/> the weight is 0.</param>
/// <param name="Weight">The weight added, in bits, including <paramref name="TermFrequencyAdjustment"/>.</param>
/// <param name="TermFrequencyAdjustment">The part of the weight due to how common the agreeing value is (0 when none).</param>
public readonly record struct ComparisonOutcome(ComparisonKind Comparison, int Level, MissingSide Missing, double Weight, double TermFrequencyAdjustment)
{
    /// <summary>Gets the level's name (<c>ExactFullName</c>, <c>DayMonthSwapped</c>, ...), or <c>Missing</c>.</summary>
    public string LevelName => Missing != MissingSide.None ? "Missing" : ComparisonDefinition.Get(Comparison).Levels[Level].Name;
}
