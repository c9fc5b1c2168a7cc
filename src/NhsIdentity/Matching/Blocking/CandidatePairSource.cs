namespace NhsIdentity.Matching.Blocking;

/// <summary>Receives candidate pairs from <see cref="CandidatePairSource.VisitPairs{TVisitor}(CandidateBlock, ref TVisitor)"/> without a delegate.</summary>
internal interface IPairVisitor
{
    void Visit(int left, int right);
}

/// <summary>One block: the records of one rule that share a key (for linkage, on each side).</summary>
internal readonly record struct CandidateBlock(int Rule, ulong Key, int LeftStart, int LeftCount, int RightStart, int RightCount)
{
    /// <summary>The number of pairs the block holds before pairs of earlier rules are removed.</summary>
    public long PairCount(bool deduplicating) =>
        deduplicating ? (long)LeftCount * (LeftCount - 1) / 2 : (long)LeftCount * RightCount;
}

/// <summary>
/// The blocks of a set of rules over one record set (deduplication) or two (linkage), and the pairs in them. Each
/// pair is produced once: by the first rule that blocks it in a block under the size cap; later rules skip it by
/// checking the earlier rules' keys (as Splink does), so no set of seen pairs is ever held.
/// </summary>
/// <remarks>
/// <para>Blocks come in a deterministic order (rule, then key, then record position), so any partitioning of
/// the blocks over threads gives the same pairs. In a deduplication block the left position is always the smaller.</para>
/// <para>A capped block (over the size cap or the pair cap) produces nothing, so its records' keys under that rule are
/// forgotten for the earlier-rule check: a pair in a capped block of one rule is still produced by a later rule that
/// blocks it in a normal block (otherwise the cap would drop such pairs silently). A rule skipped for the run's pair
/// budget (<see cref="SkipRule"/>) has all its keys forgotten the same way.</para>
/// </remarks>
internal sealed class CandidatePairSource
{
    private readonly ulong[][] _leftKeys;
    private readonly ulong[][] _rightKeys;
    private readonly int[][] _leftOrder;
    private readonly int[][] _rightOrder;
    private readonly bool _deduplicating;
    private readonly int _maxBlockSize;
    private readonly List<CandidateBlock> _blocks;
    private readonly List<int> _skippedRules = [];
    private readonly List<CandidateBlock> _skippedBlocks = [];

    private CandidatePairSource(RecordSet left, RecordSet right, IReadOnlyList<BlockingRule> rules, int maxBlockSize, long maxPairsPerBlock,
        bool deduplicating)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlockSize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPairsPerBlock, 1);
        _maxBlockSize = maxBlockSize;
        MaxPairsPerBlock = maxPairsPerBlock;
        Left = left;
        Right = right;
        Rules = rules;
        _deduplicating = deduplicating;
        _leftKeys = new ulong[rules.Count][];
        _rightKeys = new ulong[rules.Count][];
        _leftOrder = new int[rules.Count][];
        _rightOrder = new int[rules.Count][];
        var blocks = new List<CandidateBlock>();
        var capped = new List<CandidateBlock>();
        for (var r = 0; r < rules.Count; r++)
        {
            _leftKeys[r] = Keys(rules[r], left);
            _leftOrder[r] = Order(_leftKeys[r], out var sortedLeft);
            if (deduplicating)
            {
                _rightKeys[r] = _leftKeys[r];
                _rightOrder[r] = _leftOrder[r];
                FindBlocks(r, sortedLeft, maxBlockSize, maxPairsPerBlock, blocks, capped);
            }
            else
            {
                _rightKeys[r] = Keys(rules[r], right);
                _rightOrder[r] = Order(_rightKeys[r], out var sortedRight);
                JoinBlocks(r, sortedLeft, sortedRight, maxBlockSize, maxPairsPerBlock, blocks, capped);
            }
        }

        _blocks = blocks;
        CappedBlocks = capped;
        foreach (var block in capped)
        {
            ForgetKeys(block);
        }
    }

    public RecordSet Left { get; }

    public RecordSet Right { get; }

    public IReadOnlyList<BlockingRule> Rules { get; }

    public bool IsDeduplicating => _deduplicating;

    /// <summary>The most pairs a block may hold before it is capped (<see cref="long.MaxValue"/>: no pair cap).</summary>
    public long MaxPairsPerBlock { get; }

    /// <summary>The blocks to compare, in deterministic order (rule, then key); a skipped rule's are removed.</summary>
    public IReadOnlyList<CandidateBlock> Blocks => _blocks;

    /// <summary>Blocks left out because they exceeded the size cap or the pair cap (a placeholder value shared by
    /// thousands, or a key too coarse for the data).</summary>
    public IReadOnlyList<CandidateBlock> CappedBlocks { get; }

    /// <summary>The rules left out by <see cref="SkipRule"/>, in the order they were skipped (which is rule order).</summary>
    public IReadOnlyList<int> SkippedRules => _skippedRules;

    /// <summary>The blocks of the skipped rules (under the caps), for the report.</summary>
    public IReadOnlyList<CandidateBlock> SkippedBlocks => _skippedBlocks;

    /// <summary>The pair budget the run was checked against, or null when none was (set by the linker).</summary>
    public long? PairBudget { get; set; }

    /// <summary>A source for deduplicating one set. <paramref name="maxPairsPerBlock"/> defaults to no pair cap, as
    /// before there was one (training's callers pass none).</summary>
    public static CandidatePairSource ForDeduplication(RecordSet set, IReadOnlyList<BlockingRule> rules, int maxBlockSize,
        long maxPairsPerBlock = long.MaxValue) =>
        new(set, set, rules, maxBlockSize, maxPairsPerBlock, deduplicating: true);

    /// <summary>A source for linking two sets; see <see cref="ForDeduplication"/> for <paramref name="maxPairsPerBlock"/>.</summary>
    public static CandidatePairSource ForLinkage(RecordSet left, RecordSet right, IReadOnlyList<BlockingRule> rules, int maxBlockSize,
        long maxPairsPerBlock = long.MaxValue) =>
        new(left, right, rules, maxBlockSize, maxPairsPerBlock, deduplicating: false);

    /// <summary>Whether a capped block was capped for its size in records (<c>false</c>: for its pairs alone).</summary>
    public bool IsOverSize(CandidateBlock block) => _deduplicating
        ? block.LeftCount > _maxBlockSize
        : (long)block.LeftCount * block.RightCount > MaxLinkagePairs(_maxBlockSize);

    /// <summary>
    /// Leaves a rule out of the run: its blocks are removed and all its keys forgotten, so it produces nothing and
    /// suppresses nothing (a pair it would have produced is produced by a later rule that blocks it). Rules must be
    /// skipped in ascending order, before any pair is visited.
    /// </summary>
    public void SkipRule(int rule)
    {
        if (_skippedRules.Count > 0 && _skippedRules[^1] >= rule)
        {
            throw new InvalidOperationException("Rules are skipped in ascending order, once each.");
        }

        _skippedRules.Add(rule);
        foreach (var block in _blocks)
        {
            if (block.Rule == rule)
            {
                _skippedBlocks.Add(block);
            }
        }

        _blocks.RemoveAll(block => block.Rule == rule);
        Array.Clear(_leftKeys[rule]);
        Array.Clear(_rightKeys[rule]);
    }

    /// <summary>Counts the block's pairs that no earlier rule produced, without visiting them: exactly what
    /// <see cref="VisitPairs{TVisitor}(CandidateBlock, ref TVisitor)"/> would visit.</summary>
    public long CountNewPairs(CandidateBlock block)
    {
        var counter = default(PairCounter);
        return VisitPairs(block, ref counter);
    }

    /// <summary>Visits the block's pairs that no earlier rule produced; returns how many were visited.</summary>
    public long VisitPairs<TVisitor>(CandidateBlock block, ref TVisitor visitor)
        where TVisitor : struct, IPairVisitor =>
        VisitPairs(block, 0, block.LeftCount, ref visitor);

    /// <summary>Visits the pairs of some of the block's left rows (<paramref name="firstRow"/> up to, not including,
    /// <paramref name="endRow"/>) that no earlier rule produced, so one large block can be shared between threads;
    /// returns how many were visited.</summary>
    public long VisitPairs<TVisitor>(CandidateBlock block, int firstRow, int endRow, ref TVisitor visitor)
        where TVisitor : struct, IPairVisitor
    {
        var leftOrder = _leftOrder[block.Rule];
        var rightOrder = _rightOrder[block.Rule];
        long visited = 0;
        for (var x = firstRow; x < endRow; x++)
        {
            var a = leftOrder[block.LeftStart + x];
            var y0 = _deduplicating ? x + 1 : 0;
            var rightCount = _deduplicating ? block.LeftCount : block.RightCount;
            var rightStart = _deduplicating ? block.LeftStart : block.RightStart;
            for (var y = y0; y < rightCount; y++)
            {
                var b = rightOrder[rightStart + y];
                if (!ProducedEarlier(block.Rule, a, b))
                {
                    visitor.Visit(a, b);
                    visited++;
                }
            }
        }

        return visited;
    }

    /// <summary>Whether <paramref name="rule"/> blocks the pair in a block under the size cap, so the pair is one of
    /// its candidates (a capped block's keys were forgotten when the source was built).</summary>
    public bool BlocksUnder(int rule, int left, int right)
    {
        var key = _leftKeys[rule][left];
        return key != 0 && key == _rightKeys[rule][right];
    }

    /// <summary>The left records' keys under a rule (0: no key, or forgotten because its block was capped).</summary>
    internal ulong[] LeftKeysOf(int rule) => _leftKeys[rule];

    /// <summary>The right records' keys under a rule (the left ones when deduplicating).</summary>
    internal ulong[] RightKeysOf(int rule) => _rightKeys[rule];

    /// <summary>The left record positions with a key under a rule, sorted by key: blocks are runs of it.</summary>
    internal int[] LeftOrderOf(int rule) => _leftOrder[rule];

    /// <summary>The right record positions with a key under a rule, sorted by key (the left ones when deduplicating).</summary>
    internal int[] RightOrderOf(int rule) => _rightOrder[rule];

    /// <summary>Whether a rule before <paramref name="rule"/> blocks the pair (and so produced it already).</summary>
    public bool ProducedEarlier(int rule, int left, int right)
    {
        for (var q = 0; q < rule; q++)
        {
            var key = _leftKeys[q][left];
            if (key != 0 && key == _rightKeys[q][right])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The number of pairs the rows <paramref name="firstRow"/> to <paramref name="endRow"/> (exclusive)
    /// of a block hold before pairs of earlier rules are removed.</summary>
    public long PairCount(CandidateBlock block, int firstRow, int endRow)
    {
        if (!_deduplicating)
        {
            return (long)(endRow - firstRow) * block.RightCount;
        }

        // Row x of a deduplication block pairs with the rows after it: n - 1 - x pairs.
        long rows = endRow - firstRow;
        return (rows * (2L * block.LeftCount - firstRow - endRow - 1)) / 2;
    }

    /// <summary>Removes a capped block's records from its rule's keys, so the earlier-rule check ignores it.</summary>
    private void ForgetKeys(CandidateBlock block)
    {
        var leftKeys = _leftKeys[block.Rule];
        var leftOrder = _leftOrder[block.Rule];
        for (var x = 0; x < block.LeftCount; x++)
        {
            leftKeys[leftOrder[block.LeftStart + x]] = 0;
        }

        if (!_deduplicating)
        {
            var rightKeys = _rightKeys[block.Rule];
            var rightOrder = _rightOrder[block.Rule];
            for (var y = 0; y < block.RightCount; y++)
            {
                rightKeys[rightOrder[block.RightStart + y]] = 0;
            }
        }
    }

    private static ulong[] Keys(BlockingRule rule, RecordSet set)
    {
        var keys = new ulong[set.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = rule.GetKeyUnchecked(set, i);
        }

        return keys;
    }

    /// <summary>Record positions with a key, sorted by key then position; <paramref name="sortedKeys"/> alongside.</summary>
    private static int[] Order(ulong[] keys, out ulong[] sortedKeys)
    {
        var withKey = 0;
        foreach (var key in keys)
        {
            withKey += key != 0 ? 1 : 0;
        }

        var order = new int[withKey];
        sortedKeys = new ulong[withKey];
        var n = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
            {
                order[n] = i;
                sortedKeys[n++] = keys[i];
            }
        }

        // Array.Sort is not stable; positions were in ascending order, so sort each run of equal keys afterwards.
        Array.Sort(sortedKeys, order);
        for (var start = 0; start < withKey;)
        {
            var end = start + 1;
            while (end < withKey && sortedKeys[end] == sortedKeys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start);
            }

            start = end;
        }

        return order;
    }

    /// <summary>The linkage form of the size cap: as many pairs as a deduplication block of that size holds.</summary>
    private static long MaxLinkagePairs(int maxBlockSize) => (long)maxBlockSize * maxBlockSize / 2;

    private static void FindBlocks(int rule, ulong[] sorted, int maxBlockSize, long maxPairsPerBlock, List<CandidateBlock> blocks,
        List<CandidateBlock> capped)
    {
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end] == sorted[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                var block = new CandidateBlock(rule, sorted[start], start, end - start, start, end - start);
                var over = end - start > maxBlockSize || block.PairCount(deduplicating: true) > maxPairsPerBlock;
                (over ? capped : blocks).Add(block);
            }

            start = end;
        }
    }

    private static void JoinBlocks(int rule, ulong[] left, ulong[] right, int maxBlockSize, long maxPairsPerBlock, List<CandidateBlock> blocks,
        List<CandidateBlock> capped)
    {
        int x = 0, y = 0;
        while (x < left.Length && y < right.Length)
        {
            if (left[x] < right[y])
            {
                x++;
                continue;
            }

            if (left[x] > right[y])
            {
                y++;
                continue;
            }

            var key = left[x];
            var xEnd = x;
            while (xEnd < left.Length && left[xEnd] == key)
            {
                xEnd++;
            }

            var yEnd = y;
            while (yEnd < right.Length && right[yEnd] == key)
            {
                yEnd++;
            }

            var block = new CandidateBlock(rule, key, x, xEnd - x, y, yEnd - y);
            var pairs = (long)(xEnd - x) * (yEnd - y);
            var over = pairs > MaxLinkagePairs(maxBlockSize) || pairs > maxPairsPerBlock;
            (over ? capped : blocks).Add(block);
            x = xEnd;
            y = yEnd;
        }
    }

    /// <summary>Counts visits and does nothing else: the budget check's exact count of new pairs.</summary>
    private struct PairCounter : IPairVisitor
    {
        public readonly void Visit(int left, int right)
        {
        }
    }
}
