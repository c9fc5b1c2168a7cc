using System.Globalization;

namespace NhsIdentity.Matching;

/// <summary>
/// Thrown by <see cref="Linker"/> before any pair is scored when a blocking rule would take the run's candidate pairs
/// past <see cref="LinkOptions.PairBudget"/> and <see cref="LinkOptions.OnPairBudgetExceeded"/> is
/// <see cref="PairBudgetPolicy.Stop"/>.
/// </summary>
/// <remarks>The message holds the rule's name, counts and option names only, never a block's key or any record's
/// values, so it can be logged.</remarks>
public sealed class PairBudgetExceededException : InvalidOperationException
{
    internal PairBudgetExceededException(string ruleName, long pairsBeforeRule, long rulePairs, long budget)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Blocking rule '{ruleName}' would take the candidate pairs past the budget of {budget:N0} (MaxPairsPerRecord × records, at least {LinkOptions.MinimumPairBudget:N0}): the rules before it produce {pairsBeforeRule:N0} pairs and its blocks hold {rulePairs:N0} more, before removing those already produced. No pair was scored. Raise MaxPairsPerRecord, lower MaxPairsPerBlock, use narrower blocking rules, or set OnPairBudgetExceeded to SkipRule."))
    {
        RuleName = ruleName;
        PairsBeforeRule = pairsBeforeRule;
        RulePairs = rulePairs;
        Budget = budget;
    }

    /// <summary>Gets the name of the rule that crosses the budget (<see cref="Blocking.BlockingRule.Name"/>).</summary>
    public string RuleName { get; }

    /// <summary>Gets the distinct candidate pairs of the rules before it (counted exactly), at most
    /// <see cref="Budget"/>.</summary>
    public long PairsBeforeRule { get; }

    /// <summary>Gets the pairs in the rule's blocks under the caps, before removing those an earlier rule produced:
    /// an upper bound on what the rule adds, which is more than <see cref="Budget"/> − <see cref="PairsBeforeRule"/>.</summary>
    public long RulePairs { get; }

    /// <summary>Gets the run's budget of candidate pairs (<see cref="LinkOptions.PairBudget"/>).</summary>
    public long Budget { get; }
}
