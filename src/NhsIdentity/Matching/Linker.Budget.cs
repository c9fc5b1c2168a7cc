using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching;

// LinkOptions.MaxPairsPerRecord: the run's candidate-pair budget, checked before any pair is scored. The blocks' pair
// counts are an upper bound and cost nothing; only when they exceed the budget are each rule's new pairs counted
// exactly (the earlier-rule check, no scoring), rule by rule, stopping at the first rule that crosses. Counting stops
// as soon as the budget is passed, so the check costs at most the budget's worth of key comparisons plus one block.
public sealed partial class Linker
{
    /// <summary>Checks the source against the run's pair budget: returns when it fits (after leaving out the rules
    /// that do not, under <see cref="PairBudgetPolicy.SkipRule"/>), throws under <see cref="PairBudgetPolicy.Stop"/>.</summary>
    private void ApplyPairBudget(CandidatePairSource source, CancellationToken cancellationToken) =>
        ApplyPairBudget(source, Options.PairBudget(Records(source)), Options.OnPairBudgetExceeded, cancellationToken);

    /// <summary>The records of a run: left plus right for a linkage.</summary>
    private static long Records(CandidatePairSource source) =>
        (long)source.Left.Count + (source.IsDeduplicating ? 0 : source.Right.Count);

    /// <summary>Checks a source against a budget given outright (tests use budgets below
    /// <see cref="LinkOptions.MinimumPairBudget"/>).</summary>
    internal static void ApplyPairBudget(CandidatePairSource source, long budget, PairBudgetPolicy policy, CancellationToken cancellationToken)
    {
        source.PairBudget = budget;
        var rulePairs = BlockPairsByRule(source);
        long remainingBound = 0;
        foreach (var pairs in rulePairs)
        {
            remainingBound += pairs;
        }

        long counted = 0;
        for (var rule = 0; rule < rulePairs.Length; rule++)
        {
            // What is left cannot cross the budget even if no pair were shared with an earlier rule.
            if (counted + remainingBound <= budget)
            {
                return;
            }

            remainingBound -= rulePairs[rule];
            var added = CountNewPairs(source, rule, budget - counted, cancellationToken);
            if (added <= budget - counted)
            {
                counted += added;
                continue;
            }

            if (policy == PairBudgetPolicy.Stop)
            {
                throw new PairBudgetExceededException(source.Rules[rule].Name, counted, rulePairs[rule], budget);
            }

            // Its keys are forgotten, so the later rules, counted next, take over the pairs they block.
            source.SkipRule(rule);
        }
    }

    /// <summary>The pairs in each rule's blocks, before removing those an earlier rule produced.</summary>
    private static long[] BlockPairsByRule(CandidatePairSource source)
    {
        var pairs = new long[source.Rules.Count];
        foreach (var block in source.Blocks)
        {
            pairs[block.Rule] += block.PairCount(source.IsDeduplicating);
        }

        return pairs;
    }

    /// <summary>The pairs <paramref name="rule"/> adds to those of the rules before it, counted exactly until they
    /// pass <paramref name="limit"/> (then some number above it).</summary>
    private static long CountNewPairs(CandidatePairSource source, int rule, long limit, CancellationToken cancellationToken)
    {
        long added = 0;
        foreach (var block in source.Blocks)
        {
            if (block.Rule != rule)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            added += source.CountNewPairs(block);
            if (added > limit)
            {
                break;
            }
        }

        return added;
    }
}
