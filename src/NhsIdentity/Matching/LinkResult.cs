using System.Globalization;

namespace NhsIdentity.Matching;

/// <summary>The pairs a <see cref="Linker"/> found, and how blocking produced them.</summary>
/// <remarks>
/// <para>Deterministic: the same records, model and options give the same result, byte for byte, whatever the number
/// of threads. Pairs are sorted by (left index, right index). No elapsed time is recorded, for that reason.</para>
/// <para>Immutable and safe to share between threads.</para>
/// </remarks>
public sealed class LinkResult
{
    internal LinkResult(MatchPair[] pairs, long pairsCompared, BlockingReport blockingReport, int leftCount, int rightCount,
        bool isDeduplication)
    {
        Pairs = pairs;
        PairsCompared = pairsCompared;
        BlockingReport = blockingReport;
        LeftCount = leftCount;
        RightCount = rightCount;
        IsDeduplication = isDeduplication;
    }

    /// <summary>Gets the pairs at or above <see cref="LinkOptions.MinimumDecision"/> (and, with
    /// <see cref="LinkOptions.OneToOne"/>, the ones assigned), sorted by (left index, right index).</summary>
    public IReadOnlyList<MatchPair> Pairs { get; }

    /// <summary>Gets the number of pairs scored (every candidate pair, whatever its decision).</summary>
    public long PairsCompared { get; }

    /// <summary>Gets what each blocking rule produced, the blocks skipped for their size or their pairs, and the rules
    /// left out for the pair budget.</summary>
    public BlockingReport BlockingReport { get; }

    /// <summary>Gets the number of records on the left (the set's size for a deduplication).</summary>
    public int LeftCount { get; }

    /// <summary>Gets the number of records on the right (the set's size for a deduplication).</summary>
    public int RightCount { get; }

    /// <summary>Gets the candidate pairs that scoring dropped before making all their comparisons, because an upper
    /// bound on their weight was below the lowest weight kept (<see cref="LinkOptions.BoundedScoring"/>); for tests and
    /// measurements, not part of the result.</summary>
    internal long PairsRuledOutEarly { get; init; }

    /// <summary>Gets whether the result is of <see cref="Linker.Deduplicate"/> (one set) rather than
    /// <see cref="Linker.Link"/> (two).</summary>
    public bool IsDeduplication { get; }

    /// <summary>Describes the result with counts only, never patient data.</summary>
    /// <returns>For example <c>LinkResult(Pairs = 12, PairsCompared = 3456, CappedBlocks = 0)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"LinkResult(Pairs = {Pairs.Count}, PairsCompared = {PairsCompared}, CappedBlocks = {BlockingReport.CappedBlocks})");
}
