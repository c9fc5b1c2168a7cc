using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Training;

/// <summary>
/// One rule's blocks over the training records: each record's key and the members of each block, with blocks over
/// <see cref="TrainingOptions.MaxBlockSize"/> or <see cref="TrainingOptions.MaxPairsPerBlock"/> left out.
/// </summary>
/// <remarks>
/// <para>Training does not use <see cref="CandidatePairSource"/>: that source visits every pair of a block, and
/// training must reach a block's members without visiting its pairs, so that only the pairs it samples cost
/// anything (issue 14: 200,000 records of one family name and birth date made hundreds of millions of pairs).</para>
/// <para>A capped block's keys are forgotten (set to 0), as in <see cref="CandidatePairSource"/>: a pair in a capped
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
        var leftKeys = Keys(rule, left);
        var leftMembers = Grouped(leftKeys, out var leftSorted);
        var blocks = new List<Block>();
        var capped = new List<Block>();
        if (deduplicating)
        {
            for (var start = 0; start < leftSorted.Length;)
            {
                var end = RunEnd(leftSorted, start);
                var block = new Block(start, end - start, start, end - start);
                if (block.LeftCount > 1)
                {
                    (block.LeftCount > options.MaxBlockSize || block.Pairs(true) > options.MaxPairsPerBlock ? capped : blocks).Add(block);
                }

                start = end;
            }

            Forget(capped, leftKeys, leftMembers, leftKeys, leftMembers, deduplicating);
            return new RuleBlocks(leftKeys, leftKeys, leftMembers, leftMembers, [.. blocks], capped.Count);
        }

        var rightKeys = Keys(rule, right);
        var rightMembers = Grouped(rightKeys, out var rightSorted);
        int x = 0, y = 0;
        while (x < leftSorted.Length && y < rightSorted.Length)
        {
            if (leftSorted[x] != rightSorted[y])
            {
                (x, y) = leftSorted[x] < rightSorted[y] ? (x + 1, y) : (x, y + 1);
                continue;
            }

            var (xEnd, yEnd) = (RunEnd(leftSorted, x), RunEnd(rightSorted, y));
            var block = new Block(x, xEnd - x, y, yEnd - y);
            var pairs = block.Pairs(false);
            var oversized = pairs > (long)options.MaxBlockSize * options.MaxBlockSize / 2 || pairs > options.MaxPairsPerBlock;
            (oversized ? capped : blocks).Add(block);
            (x, y) = (xEnd, yEnd);
        }

        Forget(capped, leftKeys, leftMembers, rightKeys, rightMembers, deduplicating);
        return new RuleBlocks(leftKeys, rightKeys, leftMembers, rightMembers, [.. blocks], capped.Count);
    }

    private static ulong[] Keys(BlockingRule rule, RecordSet set)
    {
        var keys = new ulong[set.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = rule.GetKey(set, i);
        }

        return keys;
    }

    /// <summary>Positions of the records with a key, sorted by key (the order within a block does not matter: pairs
    /// are chosen by hash); <paramref name="sortedKeys"/> alongside.</summary>
    private static int[] Grouped(ulong[] keys, out ulong[] sortedKeys)
    {
        var count = 0;
        foreach (var key in keys)
        {
            count += key != 0 ? 1 : 0;
        }

        var members = new int[count];
        sortedKeys = new ulong[count];
        var n = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
            {
                members[n] = i;
                sortedKeys[n++] = keys[i];
            }
        }

        Array.Sort(sortedKeys, members);
        return members;
    }

    private static int RunEnd(ulong[] sorted, int start)
    {
        var end = start + 1;
        while (end < sorted.Length && sorted[end] == sorted[start])
        {
            end++;
        }

        return end;
    }

    private static void Forget(List<Block> capped, ulong[] leftKeys, int[] leftMembers, ulong[] rightKeys, int[] rightMembers, bool deduplicating)
    {
        foreach (var block in capped)
        {
            for (var x = 0; x < block.LeftCount; x++)
            {
                leftKeys[leftMembers[block.LeftStart + x]] = 0;
            }

            for (var y = 0; y < block.RightCount && !deduplicating; y++)
            {
                rightKeys[rightMembers[block.RightStart + y]] = 0;
            }
        }
    }

    /// <summary>A block: a run of <see cref="LeftMembers"/> and one of <see cref="RightMembers"/> (the same run when
    /// deduplicating).</summary>
    internal readonly record struct Block(int LeftStart, int LeftCount, int RightStart, int RightCount)
    {
        public long Pairs(bool deduplicating) => deduplicating ? (long)LeftCount * (LeftCount - 1) / 2 : (long)LeftCount * RightCount;
    }
}
