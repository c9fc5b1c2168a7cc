using System.Globalization;

namespace NhsIdentity.Matching;

/// <summary>What one blocking rule produced in a <see cref="Linker"/> run (counts and sizes only, no values).</summary>
public sealed class BlockingReportEntry
{
    internal BlockingReportEntry(string ruleName, int blocks, long pairsProduced, long cumulativePairs, int[] largestBlockSizes,
        int cappedBlocks, long cappedPairs, string? warning)
    {
        RuleName = ruleName;
        Blocks = blocks;
        PairsProduced = pairsProduced;
        CumulativePairs = cumulativePairs;
        LargestBlockSizes = largestBlockSizes;
        CappedBlocks = cappedBlocks;
        CappedPairs = cappedPairs;
        Warning = warning;
    }

    /// <summary>Gets the rule's name (<see cref="Blocking.BlockingRule.Name"/>).</summary>
    public string RuleName { get; }

    /// <summary>Gets the number of blocks compared (blocks of two or more records, for linkage with records on both
    /// sides, under the size cap).</summary>
    public int Blocks { get; }

    /// <summary>Gets the number of pairs this rule produced that no earlier rule had: the pairs it added.</summary>
    public long PairsProduced { get; }

    /// <summary>Gets the pairs in the rule's blocks under the caps, before removing those an earlier rule produced: what
    /// the rule would produce on its own (a rule left out for the pair budget included). At least
    /// <see cref="PairsProduced"/>.</summary>
    public long BlockPairs { get; internal init; }

    /// <summary>Gets the number of distinct pairs produced by this rule and every rule before it.</summary>
    public long CumulativePairs { get; }

    /// <summary>Gets the sizes in records of the rule's largest blocks, capped ones included, largest first (at most
    /// <see cref="BlockingReport.LargestBlockCount"/>). A linkage block's size counts both sides.</summary>
    public IReadOnlyList<int> LargestBlockSizes { get; }

    /// <summary>Gets the number of blocks skipped because they exceeded <see cref="LinkOptions.MaxBlockSize"/> or
    /// <see cref="LinkOptions.MaxPairsPerBlock"/>.</summary>
    public int CappedBlocks { get; }

    /// <summary>Gets how many of <see cref="CappedBlocks"/> were under the size cap and skipped for their pairs alone
    /// (<see cref="LinkOptions.MaxPairsPerBlock"/>).</summary>
    public int PairCappedBlocks { get; internal init; }

    /// <summary>Gets whether the rule was left out because it would have taken the run past its pair budget
    /// (<see cref="PairBudgetPolicy.SkipRule"/>): it then produced no pairs, and its pairs were compared only where a
    /// later rule blocks them.</summary>
    public bool SkippedForPairBudget { get; internal init; }

    /// <summary>Gets the pairs in the blocks of a rule left out for the pair budget (0 when it was not), before
    /// removing those an earlier rule produced.</summary>
    public long SkippedPairs { get; internal init; }

    /// <summary>Gets the number of candidate pairs in the skipped blocks (some may still be compared through
    /// another rule).</summary>
    public long CappedPairs { get; }

    /// <summary>Gets a warning naming the rule and the skipped blocks' sizes, or saying the rule was left out for the
    /// pair budget; null when neither happened.</summary>
    public string? Warning { get; }

    /// <summary>Describes the entry with counts only.</summary>
    /// <returns>For example <c>nhs-number: 120 blocks, 130 pairs (cumulative 130), 0 capped</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{RuleName}: {Blocks} blocks, {PairsProduced} pairs (cumulative {CumulativePairs}), {CappedBlocks} capped{(SkippedForPairBudget ? ", skipped for the pair budget" : string.Empty)}");
}
