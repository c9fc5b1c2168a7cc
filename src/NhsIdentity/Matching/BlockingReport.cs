using System.Globalization;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching;

/// <summary>What each blocking rule of a <see cref="Linker"/> run produced: blocks, pairs, the largest block sizes, and
/// the blocks skipped because they exceeded <see cref="LinkOptions.MaxBlockSize"/>.</summary>
/// <remarks>Holds counts and sizes only, never a block's key or any record's values, so it can be logged.</remarks>
public sealed class BlockingReport
{
    /// <summary>How many of a rule's largest block sizes are kept.</summary>
    public const int LargestBlockCount = 5;

    internal BlockingReport(BlockingReportEntry[] rules, int maxBlockSize)
    {
        Rules = rules;
        MaxBlockSize = maxBlockSize;
        var warnings = new List<string>();
        foreach (var rule in rules)
        {
            TotalPairs += rule.PairsProduced;
            CappedBlocks += rule.CappedBlocks;
            if (rule.Warning is not null)
            {
                warnings.Add(rule.Warning);
            }
        }

        Warnings = warnings;
    }

    /// <summary>Gets one entry per rule, in the order the rules were applied.</summary>
    public IReadOnlyList<BlockingReportEntry> Rules { get; }

    /// <summary>Gets the block size cap the run used (<see cref="LinkOptions.MaxBlockSize"/>).</summary>
    public int MaxBlockSize { get; }

    /// <summary>Gets the number of distinct pairs the rules produced (each pair counted once).</summary>
    public long TotalPairs { get; }

    /// <summary>Gets the number of blocks skipped, over all rules, because they exceeded the cap.</summary>
    public int CappedBlocks { get; }

    /// <summary>Gets one warning per rule that had capped blocks (empty when none were capped).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Builds the report from a pair source and the number of pairs each rule produced.</summary>
    internal static BlockingReport Create(CandidatePairSource source, long[] producedByRule, int maxBlockSize)
    {
        var rules = source.Rules;
        var blocks = new int[rules.Count];
        var capped = new int[rules.Count];
        var cappedPairs = new long[rules.Count];
        var largest = new List<int>[rules.Count];
        for (var r = 0; r < rules.Count; r++)
        {
            largest[r] = new List<int>(LargestBlockCount + 1);
        }

        foreach (var block in source.Blocks)
        {
            blocks[block.Rule]++;
            KeepLargest(largest[block.Rule], Size(block, source.IsDeduplicating));
        }

        foreach (var block in source.CappedBlocks)
        {
            capped[block.Rule]++;
            cappedPairs[block.Rule] += block.PairCount(source.IsDeduplicating);
            KeepLargest(largest[block.Rule], Size(block, source.IsDeduplicating));
        }

        var entries = new BlockingReportEntry[rules.Count];
        long cumulative = 0;
        for (var r = 0; r < rules.Count; r++)
        {
            cumulative += producedByRule[r];
            var warning = capped[r] == 0 ? null : string.Create(CultureInfo.InvariantCulture,
                $"Blocking rule '{rules[r].Name}': {capped[r]} block(s) larger than the maximum of {maxBlockSize} records were skipped ({cappedPairs[r]} candidate pairs not compared by this rule; the largest held {largest[r][0]} records). A value shared by that many records is usually a placeholder; clean it or use a narrower rule.");
            entries[r] = new BlockingReportEntry(rules[r].Name, blocks[r], producedByRule[r], cumulative, [.. largest[r]], capped[r],
                cappedPairs[r], warning);
        }

        return new BlockingReport(entries, maxBlockSize);
    }

    /// <summary>Describes the report with counts only.</summary>
    /// <returns>For example <c>BlockingReport(Rules = 7, TotalPairs = 1234, CappedBlocks = 0)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"BlockingReport(Rules = {Rules.Count}, TotalPairs = {TotalPairs}, CappedBlocks = {CappedBlocks})");

    /// <summary>A block's size in records (both sides of a linkage block).</summary>
    private static int Size(CandidateBlock block, bool deduplicating) =>
        deduplicating ? block.LeftCount : block.LeftCount + block.RightCount;

    /// <summary>Keeps the largest sizes seen, largest first.</summary>
    private static void KeepLargest(List<int> largest, int size)
    {
        if (largest.Count == LargestBlockCount && size <= largest[^1])
        {
            return;
        }

        var at = largest.Count;
        while (at > 0 && largest[at - 1] < size)
        {
            at--;
        }

        largest.Insert(at, size);
        if (largest.Count > LargestBlockCount)
        {
            largest.RemoveAt(LargestBlockCount);
        }
    }
}
