namespace NhsIdentity.Matching.Training;

/// <summary>A comparison or level the data could not estimate, which kept the starting model's value
/// (<see cref="TrainingOptions.StartingModel"/>).</summary>
/// <param name="Comparison">The comparison.</param>
/// <param name="Level">The level (its enum value), or <see langword="null"/> when the whole comparison kept its
/// starting values.</param>
/// <param name="Reason">Why: which of m or u, and for what lack of data.</param>
/// <remarks>Names and counts only: no patient data.</remarks>
public sealed record TrainingFallback(ComparisonKind Comparison, int? Level, TrainingFallbackReason Reason)
{
    /// <summary>Gets the level's name (<c>JaroWinkler88</c>), or <see langword="null"/> for the whole comparison.</summary>
    public string? LevelName => Level is { } level ? ComparisonDefinition.Get(Comparison).Levels[level].Name : null;

    /// <summary>Says what kept its starting value and why, by comparison and level name.</summary>
    /// <returns>For example <c>Name JaroWinkler88: m kept the starting value (too few matched pairs)</c>.</returns>
    public override string ToString() => Comparison.ToString() + (Level is null ? string.Empty : " " + LevelName) + ": " + Reason switch
    {
        TrainingFallbackReason.AbsentFromInputs => "absent from the inputs, not estimated (starting values kept)",
        TrainingFallbackReason.TooFewMatchedPairs => "m kept the starting value (too few matched pairs)",
        _ => "u kept the starting value (too few random pairs)",
    };
}
