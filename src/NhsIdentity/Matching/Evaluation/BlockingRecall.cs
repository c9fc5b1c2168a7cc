using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Evaluation;

/// <summary>
/// Measures blocking recall: the share of true pairs that blocking makes candidate pairs, so the matcher ever scores
/// them. A true pair no rule blocks can never be linked, whatever the model, so blocking recall is the ceiling of
/// the recall of a run with the same rules.
/// </summary>
/// <remarks>
/// <para>
/// A pair is a candidate when, under some rule, both records have a key (no part missing), the keys are equal, and
/// their block is not skipped for exceeding the block size cap or the block pair cap: exactly the pairs a
/// <see cref="Linker"/> with the same <see cref="LinkOptions.BlockingRules"/>, <see cref="LinkOptions.MaxBlockSize"/>
/// and <see cref="LinkOptions.MaxPairsPerBlock"/> compares (leave out of the rules any that a run skipped for its pair
/// budget, <see cref="BlockingReportEntry.SkippedForPairBudget"/>: a skipped rule is as if it were not there).
/// </para>
/// <para>
/// Cost: each rule's keys are computed and sorted once per record (as a <see cref="Linker"/> run does), then each
/// true pair is checked against them; candidate pairs are never enumerated, so the cost does not grow with the size
/// of the blocks. Thread-safe (no shared state).
/// </para>
/// </remarks>
public static class BlockingRecall
{
    /// <summary>Measures which true pairs of a linkage of two record sets the rules block.</summary>
    /// <param name="left">The left records.</param>
    /// <param name="right">The right records.</param>
    /// <param name="rules">The blocking rules, in the order a linker applies them (for example
    /// <see cref="LinkOptions.BlockingRules"/>).</param>
    /// <param name="maxBlockSize">The block size cap (for example <see cref="LinkOptions.MaxBlockSize"/>); at least 2.</param>
    /// <param name="truePairs">The true pairs as (position in <paramref name="left"/>, position in
    /// <paramref name="right"/>). A pair listed twice counts once.</param>
    /// <param name="maxPairsPerBlock">The block pair cap (for example <see cref="LinkOptions.MaxPairsPerBlock"/>, the
    /// default); at least 1.</param>
    /// <returns>The overall and per-rule counts.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or a rule is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBlockSize"/> is below 2,
    /// <paramref name="maxPairsPerBlock"/> below 1, or a position is outside its set.</exception>
    public static BlockingRecallResult Measure(
        RecordSet left,
        RecordSet right,
        IReadOnlyList<BlockingRule> rules,
        int maxBlockSize,
        IEnumerable<(int Left, int Right)> truePairs,
        long maxPairsPerBlock = LinkOptions.DefaultMaxPairsPerBlock)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        RequireRules(rules, maxBlockSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPairsPerBlock, 1);
        ArgumentNullException.ThrowIfNull(truePairs);
        var pairs = Distinct(truePairs, left.Count, right.Count, unordered: false);
        return Count(CandidatePairSource.ForLinkage(left, right, rules, maxBlockSize, maxPairsPerBlock), pairs);
    }

    /// <summary>Measures which true pairs of a deduplication of one record set the rules block.</summary>
    /// <param name="records">The records.</param>
    /// <param name="rules">The blocking rules, in the order a linker applies them.</param>
    /// <param name="maxBlockSize">The block size cap; at least 2.</param>
    /// <param name="truePairs">The true pairs as two positions in <paramref name="records"/>, in either order; (a, b)
    /// and (b, a) are the same pair and count once.</param>
    /// <param name="maxPairsPerBlock">The block pair cap; at least 1. Default <see cref="LinkOptions.DefaultMaxPairsPerBlock"/>.</param>
    /// <returns>The overall and per-rule counts.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or a rule is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBlockSize"/> is below 2,
    /// <paramref name="maxPairsPerBlock"/> below 1, or a position is outside the set.</exception>
    /// <exception cref="ArgumentException">A pair joins a record to itself.</exception>
    public static BlockingRecallResult MeasureDeduplication(
        RecordSet records,
        IReadOnlyList<BlockingRule> rules,
        int maxBlockSize,
        IEnumerable<(int Left, int Right)> truePairs,
        long maxPairsPerBlock = LinkOptions.DefaultMaxPairsPerBlock)
    {
        ArgumentNullException.ThrowIfNull(records);
        RequireRules(rules, maxBlockSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPairsPerBlock, 1);
        ArgumentNullException.ThrowIfNull(truePairs);
        var pairs = Distinct(truePairs, records.Count, records.Count, unordered: true);
        return Count(CandidatePairSource.ForDeduplication(records, rules, maxBlockSize, maxPairsPerBlock), pairs);
    }

    private static void RequireRules(IReadOnlyList<BlockingRule> rules, int maxBlockSize)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlockSize, 2);
    }

    private static List<(int Left, int Right)> Distinct(IEnumerable<(int Left, int Right)> truePairs, int leftCount, int rightCount, bool unordered)
    {
        var seen = new HashSet<(int, int)>();
        var pairs = new List<(int Left, int Right)>();
        foreach (var (a, b) in truePairs)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(a, nameof(truePairs));
            ArgumentOutOfRangeException.ThrowIfNegative(b, nameof(truePairs));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(a, leftCount, nameof(truePairs));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(b, rightCount, nameof(truePairs));
            if (unordered && a == b)
            {
                throw new ArgumentException("A true pair joins a record to itself.", nameof(truePairs));
            }

            var pair = unordered && a > b ? (b, a) : (a, b);
            if (seen.Add(pair))
            {
                pairs.Add(pair);
            }
        }

        return pairs;
    }

    private static BlockingRecallResult Count(CandidatePairSource source, List<(int Left, int Right)> pairs)
    {
        var rules = source.Rules;
        var blocked = new long[rules.Count];
        var added = new long[rules.Count];
        var skipped = new long[rules.Count];
        foreach (var (a, b) in pairs)
        {
            var first = -1;
            for (var r = 0; r < rules.Count; r++)
            {
                if (source.BlocksUnder(r, a, b))
                {
                    blocked[r]++;
                    first = first < 0 ? r : first;
                }
                else if (SharesKey(rules[r], source.Left, a, source.Right, b))
                {
                    // The records share the rule's key, but their block was over the cap and skipped.
                    skipped[r]++;
                }
            }

            if (first >= 0)
            {
                added[first]++;
            }
        }

        var entries = new BlockingRuleRecall[rules.Count];
        long cumulative = 0;
        for (var r = 0; r < rules.Count; r++)
        {
            cumulative += added[r];
            entries[r] = new BlockingRuleRecall(rules[r].Name, pairs.Count, blocked[r], added[r], cumulative, skipped[r]);
        }

        return new BlockingRecallResult(pairs.Count, cumulative, entries);
    }

    private static bool SharesKey(BlockingRule rule, RecordSet left, int a, RecordSet right, int b)
    {
        var key = rule.GetKeyUnchecked(left, a);
        return key != 0 && key == rule.GetKeyUnchecked(right, b);
    }
}
