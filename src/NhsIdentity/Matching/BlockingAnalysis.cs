using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching;

/// <summary>
/// Counts the candidate pairs blocking rules would produce, before any pair is scored and without a model: what
/// Splink's <c>count_comparisons_from_blocking_rule</c> and <c>cumulative_comparisons_from_blocking_rules</c> tell an
/// analyst before a run. Used by <c>nhsid profile</c>.
/// </summary>
/// <remarks>
/// <para>The blocks are built exactly as <see cref="Linker"/> builds them (same rules, same size and pair caps), and each
/// rule's new pairs are counted with the same earlier-rule check the run uses, so
/// <see cref="BlockingReportEntry.PairsProduced"/> and <see cref="BlockingReport.TotalPairs"/> equal what a
/// <see cref="Linker.Deduplicate"/> or <see cref="Linker.Link"/> with the same options would compare.
/// <see cref="BlockingReportEntry.BlockPairs"/> says what each rule would produce on its own.</para>
/// <para>No pair budget is applied (<see cref="BlockingReport.PairBudget"/> is null): the point is to see the counts
/// that a budget would refuse. Counting visits every candidate pair once per earlier rule, without allocating per pair.</para>
/// <para>The report holds counts and sizes only, never a key or a value. Thread-safe: nothing is shared.</para>
/// </remarks>
public static class BlockingAnalysis
{
    /// <summary>Counts the candidate pairs of a deduplication of one set.</summary>
    /// <param name="records">The records.</param>
    /// <param name="options">The rules and caps (<see cref="LinkOptions.BlockingRules"/>, <see cref="LinkOptions.MaxBlockSize"/>,
    /// <see cref="LinkOptions.MaxPairsPerBlock"/>); null for <see cref="LinkOptions.Default"/>. Other options are not used.</param>
    /// <param name="cancellationToken">Checked before each block is counted.</param>
    /// <returns>One entry per rule, in rule order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static BlockingReport CountDeduplicationPairs(RecordSet records, LinkOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        options ??= LinkOptions.Default;
        return Count(CandidatePairSource.ForDeduplication(records, options.BlockingRules, options.MaxBlockSize, options.MaxPairsPerBlock),
            options.MaxBlockSize, cancellationToken);
    }

    /// <summary>Counts the candidate pairs of a linkage of two sets (pairs across the sets only).</summary>
    /// <param name="left">The left records.</param>
    /// <param name="right">The right records.</param>
    /// <param name="options">As for <see cref="CountDeduplicationPairs"/>.</param>
    /// <param name="cancellationToken">Checked before each block is counted.</param>
    /// <returns>One entry per rule, in rule order.</returns>
    /// <exception cref="ArgumentNullException">A set is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static BlockingReport CountLinkagePairs(RecordSet left, RecordSet right, LinkOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        options ??= LinkOptions.Default;
        return Count(CandidatePairSource.ForLinkage(left, right, options.BlockingRules, options.MaxBlockSize, options.MaxPairsPerBlock),
            options.MaxBlockSize, cancellationToken);
    }

    private static BlockingReport Count(CandidatePairSource source, int maxBlockSize, CancellationToken cancellationToken)
    {
        var produced = new long[source.Rules.Count];
        foreach (var block in source.Blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            produced[block.Rule] += source.CountNewPairs(block);
        }

        return BlockingReport.Create(source, produced, maxBlockSize);
    }
}
