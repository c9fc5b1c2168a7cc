using System.Globalization;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching;

/// <summary>What each blocking rule of a <see cref="Linker"/> run produced: blocks, pairs, the largest block sizes, the
/// blocks skipped because they exceeded <see cref="LinkOptions.MaxBlockSize"/> or <see cref="LinkOptions.MaxPairsPerBlock"/>,
/// and the rules left out for the run's pair budget (<see cref="PairBudgetPolicy.SkipRule"/>).</summary>
/// <remarks>Holds counts and sizes only, never a block's key or any record's values, so it can be logged.</remarks>
public sealed class BlockingReport
{
    /// <summary>How many of a rule's largest block sizes are kept.</summary>
    public const int LargestBlockCount = 5;

    internal BlockingReport(BlockingReportEntry[] rules, int maxBlockSize, long maxPairsPerBlock = long.MaxValue, long? pairBudget = null)
    {
        Rules = rules;
        MaxBlockSize = maxBlockSize;
        MaxPairsPerBlock = maxPairsPerBlock;
        PairBudget = pairBudget;
        var warnings = new List<string>();
        foreach (var rule in rules)
        {
            TotalPairs += rule.PairsProduced;
            CappedBlocks += rule.CappedBlocks;
            SkippedRules += rule.SkippedForPairBudget ? 1 : 0;
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

    /// <summary>Gets the block pair cap the run used (<see cref="LinkOptions.MaxPairsPerBlock"/>).</summary>
    public long MaxPairsPerBlock { get; }

    /// <summary>Gets the candidate-pair budget the run was checked against (<see cref="LinkOptions.PairBudget"/>), or
    /// null when it was not checked.</summary>
    public long? PairBudget { get; }

    /// <summary>Gets the number of rules left out because they would have taken the run past its pair budget
    /// (<see cref="PairBudgetPolicy.SkipRule"/>); see <see cref="BlockingReportEntry.SkippedForPairBudget"/>.</summary>
    public int SkippedRules { get; }

    /// <summary>Gets the number of distinct pairs the rules produced (each pair counted once).</summary>
    public long TotalPairs { get; }

    /// <summary>Gets the number of blocks skipped, over all rules, because they exceeded the size cap or the pair cap.</summary>
    public int CappedBlocks { get; }

    /// <summary>Gets one warning per rule that had capped blocks or was left out for the pair budget (empty when
    /// neither happened).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Builds the report from a pair source and the number of pairs each rule produced.</summary>
    internal static BlockingReport Create(CandidatePairSource source, long[] producedByRule, int maxBlockSize)
    {
        var rules = source.Rules;
        var blocks = new int[rules.Count];
        var capped = new int[rules.Count];
        var pairCapped = new int[rules.Count];
        var cappedPairs = new long[rules.Count];
        var skippedPairs = new long[rules.Count];
        var blockPairs = new long[rules.Count];
        var largest = new List<int>[rules.Count];
        for (var r = 0; r < rules.Count; r++)
        {
            largest[r] = new List<int>(LargestBlockCount + 1);
        }

        foreach (var block in source.Blocks)
        {
            blocks[block.Rule]++;
            blockPairs[block.Rule] += block.PairCount(source.IsDeduplicating);
            KeepLargest(largest[block.Rule], Size(block, source.IsDeduplicating));
        }

        foreach (var block in source.CappedBlocks)
        {
            capped[block.Rule]++;
            pairCapped[block.Rule] += source.IsOverSize(block) ? 0 : 1;
            cappedPairs[block.Rule] += block.PairCount(source.IsDeduplicating);
            KeepLargest(largest[block.Rule], Size(block, source.IsDeduplicating));
        }

        foreach (var block in source.SkippedBlocks)
        {
            skippedPairs[block.Rule] += block.PairCount(source.IsDeduplicating);
            blockPairs[block.Rule] += block.PairCount(source.IsDeduplicating);
            KeepLargest(largest[block.Rule], Size(block, source.IsDeduplicating));
        }

        var entries = new BlockingReportEntry[rules.Count];
        long cumulative = 0;
        for (var r = 0; r < rules.Count; r++)
        {
            cumulative += producedByRule[r];
            var skipped = source.SkippedRules.Contains(r);
            var warning = skipped ? SkippedWarning(rules[r].Name, skippedPairs[r], source.PairBudget ?? 0)
                : capped[r] == 0 ? null
                : CappedWarning(rules[r].Name, capped[r] - pairCapped[r], pairCapped[r], cappedPairs[r], largest[r][0], maxBlockSize, source.MaxPairsPerBlock);
            entries[r] = new BlockingReportEntry(rules[r].Name, blocks[r], producedByRule[r], cumulative, [.. largest[r]], capped[r],
                cappedPairs[r], warning)
            {
                PairCappedBlocks = pairCapped[r],
                SkippedForPairBudget = skipped,
                SkippedPairs = skippedPairs[r],
                BlockPairs = blockPairs[r],
            };
        }

        return new BlockingReport(entries, maxBlockSize, source.MaxPairsPerBlock, source.PairBudget);
    }

    private static string CappedWarning(string rule, int overSize, int overPairs, long cappedPairs, int largest, int maxBlockSize, long maxPairsPerBlock)
    {
        var which = (overSize, overPairs) switch
        {
            (> 0, 0) => string.Create(CultureInfo.InvariantCulture, $"{overSize} block(s) larger than the maximum of {maxBlockSize} records"),
            (0, _) => string.Create(CultureInfo.InvariantCulture, $"{overPairs} block(s) holding more than the maximum of {maxPairsPerBlock} pairs"),
            _ => string.Create(CultureInfo.InvariantCulture,
                $"{overSize} block(s) larger than the maximum of {maxBlockSize} records and {overPairs} holding more than the maximum of {maxPairsPerBlock} pairs"),
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"Blocking rule '{rule}': {which} were skipped ({cappedPairs} candidate pairs not compared by this rule; the largest held {largest} records). A value shared by that many records is usually a placeholder; clean it or use a narrower rule.");
    }

    private static string SkippedWarning(string rule, long pairs, long budget) => string.Create(CultureInfo.InvariantCulture,
        $"Blocking rule '{rule}' was left out: it would have taken the candidate pairs past the run's budget of {budget} ({pairs} pairs in its blocks). Its pairs were compared only where a later rule blocks them.");

    /// <summary>Describes the report with counts only.</summary>
    /// <returns>For example <c>BlockingReport(Rules = 7, TotalPairs = 1234, CappedBlocks = 0, SkippedRules = 0)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"BlockingReport(Rules = {Rules.Count}, TotalPairs = {TotalPairs}, CappedBlocks = {CappedBlocks}, SkippedRules = {SkippedRules})");

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
