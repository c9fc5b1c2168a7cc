namespace NhsIdentity.Matching;

/// <summary>What a <see cref="Linker"/> run does when a blocking rule would take its candidate pairs past
/// <see cref="LinkOptions.PairBudget"/> (<see cref="LinkOptions.OnPairBudgetExceeded"/>).</summary>
public enum PairBudgetPolicy
{
    /// <summary>Stop before any pair is scored: throw <see cref="PairBudgetExceededException"/> naming the rule and
    /// the counts. The default: a run that would compare far more pairs than its records warrant is almost always a
    /// placeholder value or a rule too broad for the data, and its output would not be what was asked for.</summary>
    Stop = 0,

    /// <summary>Leave that rule out (its pairs are compared only where a later rule blocks them), list it in
    /// <see cref="LinkResult.BlockingReport"/> with a warning, and carry on; a later rule that crosses the budget is
    /// left out too.</summary>
    SkipRule = 1,
}
