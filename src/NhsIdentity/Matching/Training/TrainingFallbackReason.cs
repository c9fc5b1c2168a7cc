namespace NhsIdentity.Matching.Training;

/// <summary>Why training kept a starting value (<see cref="TrainingFallback"/>).</summary>
public enum TrainingFallbackReason
{
    /// <summary>Neither input has a value for the comparison's field: nothing was estimated, and the comparison
    /// (which every pair finds missing, weighing 0) keeps the starting model's m and u.</summary>
    AbsentFromInputs = 0,

    /// <summary>Too few pairs taken to be matches showed the comparison or level (fewer than
    /// <see cref="TrainingOptions.MinimumObservationsPerLevel"/>, and fewer expected under the starting model): m
    /// keeps the starting value.</summary>
    TooFewMatchedPairs = 1,

    /// <summary>Too few random pairs showed the comparison or level (fewer than
    /// <see cref="TrainingOptions.MinimumObservationsPerLevel"/>, and fewer expected under the starting model): u
    /// keeps the starting value.</summary>
    TooFewRandomPairs = 2,
}
