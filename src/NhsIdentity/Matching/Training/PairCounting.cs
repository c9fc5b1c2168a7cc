using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Training;

/// <summary>Counting pairs: all possible ones, and those a set of rules produces.</summary>
internal static class PairCounting
{
    /// <summary><c>n(n-1)/2</c> when deduplicating, <c>left × right</c> when linking.</summary>
    public static long TotalPairs(RecordSet left, RecordSet right, bool deduplicating) =>
        deduplicating ? (long)left.Count * (left.Count - 1) / 2 : (long)left.Count * right.Count;

    public static CandidatePairSource Source(RecordSet left, RecordSet right, bool deduplicating, IReadOnlyList<BlockingRule> rules, int maxBlockSize) =>
        deduplicating
            ? CandidatePairSource.ForDeduplication(left, rules, maxBlockSize)
            : CandidatePairSource.ForLinkage(left, right, rules, maxBlockSize);

    /// <summary>The number of distinct pairs the rules produce together (capped blocks left out).</summary>
    public static long CountPairs(CandidatePairSource source, CancellationToken cancellationToken)
    {
        long pairs = 0;
        foreach (var count in CountPairsByRule(source, cancellationToken))
        {
            pairs += count;
        }

        return pairs;
    }

    /// <summary>The number of distinct pairs each rule adds to those of the rules before it (capped blocks left
    /// out); they add up to <see cref="CountPairs"/>.</summary>
    public static long[] CountPairsByRule(CandidatePairSource source, CancellationToken cancellationToken)
    {
        var counter = default(PairCounter);
        var pairs = new long[source.Rules.Count];
        foreach (var block in source.Blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pairs[block.Rule] += source.VisitPairs(block, ref counter);
        }

        return pairs;
    }

    private struct PairCounter : IPairVisitor
    {
        public readonly void Visit(int left, int right)
        {
        }
    }
}
