namespace NhsIdentity.Matching.Training;

/// <summary>Where the trained model's prior λ came from (<see cref="TrainingResult.PriorSource"/>).</summary>
public enum TrainingPriorSource
{
    /// <summary>Nothing to estimate it from (no pairs, or no deterministic rule found one): the starting model's.</summary>
    StartingModel = 0,

    /// <summary>The pairs the <see cref="TrainingOptions.DeterministicRules"/> find, each counted by its posterior
    /// match probability, divided by the rules' recall and the number of pairs.</summary>
    DeterministicRules = 1,

    /// <summary>The share of pairs with two valid NHS numbers whose numbers are the same, divided by the NHS number's
    /// trained m for agreement.</summary>
    NhsNumberLabels = 2,
}
