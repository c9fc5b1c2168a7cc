using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Training;

/// <summary>
/// One rule's blocks over the training records: each record's key and the members of each block, with blocks over
/// <see cref="TrainingOptions.MaxBlockSize"/> or <see cref="TrainingOptions.MaxPairsPerBlock"/> left out.
/// </summary>
/// <remarks>
/// <para>Built by <see cref="CandidatePairSource"/> for the one rule, so keys, runs and caps are the linker's, but
/// training never asks it to visit pairs: it reaches a block's members without visiting its pairs, so that only the
/// pairs it samples cost anything (issue 14: 200,000 records of one family name and birth date made hundreds of
/// millions of pairs).</para>
/// <para>A capped block's keys are forgotten (set to 0), as the source does for every rule: a pair in a capped
/// block of one rule is still a pair of a later rule that blocks it in a block under the caps.</para>
/// </remarks>
internal sealed class RuleBlocks
{
    private RuleBlocks(ulong[] leftKeys, ulong[] rightKeys, int[] leftMembers, int[] rightMembers, Block[] blocks, int capped)
    {
        LeftKeys = leftKeys;
        RightKeys = rightKeys;
        LeftMembers = leftMembers;
        RightMembers = rightMembers;
        Blocks = blocks;
        CappedBlocks = capped;
    }

    /// <summary>Each left record's key, 0 for none or in a capped block.</summary>
    public ulong[] LeftKeys { get; }

    /// <summary>Each right record's key (the same array when deduplicating).</summary>
    public ulong[] RightKeys { get; }

    /// <summary>Left record positions grouped by key; a block's members are a run of them.</summary>
    public int[] LeftMembers { get; }

    public int[] RightMembers { get; }

    public Block[] Blocks { get; }

    public int CappedBlocks { get; }

    /// <summary>The pairs of the blocks under the caps, before pairs of earlier rules are removed.</summary>
    public long UpperBoundPairs(bool deduplicating)
    {
        long pairs = 0;
        foreach (var block in Blocks)
        {
            pairs += block.Pairs(deduplicating);
        }

        return pairs;
    }

    public static RuleBlocks Build(BlockingRule rule, RecordSet left, RecordSet right, bool deduplicating, TrainingOptions options)
    {
        // The linker's blocks of this one rule, with training's caps: the same keys, runs and capped-block handling.
        var source = deduplicating
            ? CandidatePairSource.ForDeduplication(left, [rule], options.MaxBlockSize, options.MaxPairsPerBlock)
            : CandidatePairSource.ForLinkage(left, right, [rule], options.MaxBlockSize, options.MaxPairsPerBlock);
        var blocks = new Block[source.Blocks.Count];
        for (var i = 0; i < blocks.Length; i++)
        {
            var block = source.Blocks[i];
            blocks[i] = new Block(block.LeftStart, block.LeftCount, block.RightStart, block.RightCount);
        }

        return new RuleBlocks(source.LeftKeysOf(0), source.RightKeysOf(0), source.LeftOrderOf(0), source.RightOrderOf(0), blocks,
            source.CappedBlocks.Count);
    }

    /// <summary>A block: a run of <see cref="LeftMembers"/> and one of <see cref="RightMembers"/> (the same run when
    /// deduplicating).</summary>
    internal readonly record struct Block(int LeftStart, int LeftCount, int RightStart, int RightCount)
    {
        public long Pairs(bool deduplicating) => deduplicating ? (long)LeftCount * (LeftCount - 1) / 2 : (long)LeftCount * RightCount;
    }
}
