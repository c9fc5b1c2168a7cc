using System.IO.Hashing;
using System.Runtime.InteropServices;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Training;

/// <summary>
/// Chooses the pairs each training stage compares: by a 64-bit hash of the two records (their
/// <see cref="RecordHashes"/>, seeded), never by their positions, so the same records in any order give the same pairs;
/// and within a budget, so training time grows with records and budget, not with the pairs the rules make.
/// </summary>
/// <remarks>
/// <para><b>Which pairs.</b> A rule's pairs (those no earlier rule of its list finds, as the linker counts them) are
/// ranked by pair hash and the lowest <c>k</c> taken (bottom-k: exactly <c>k</c> pairs, or all when there are fewer,
/// a uniform sample without replacement). Pairs with one hash are the same two records by id and every value, so
/// which of them is taken changes no count.</para>
/// <para><b>How much work.</b> Only chosen pairs are compared. Hashing a pair is cheap but not free, so when a rule
/// holds more pairs than the enumeration budget (<see cref="Budget"/>, at least twice <c>k</c>), only records whose
/// (remixed) hash falls under a rate <c>q</c> take part: every pair then survives with probability <c>q²</c>
/// whatever its block, so the survivors are still a uniform sample, and the share of them no earlier rule finds,
/// times the pairs of the rule's blocks (known from their sizes), estimates the rule's pairs
/// (<see cref="SelectedPairs.Estimated"/>; exact for a rule with no rule before it). If too few survive, <c>q</c> doubles and the rule is
/// enumerated again; all of it is fixed by the hashes, so it is as deterministic as the rest.</para>
/// </remarks>
internal sealed class TrainingPairs
{
    /// <summary>The largest sample one stage holds (pairs live in arrays).</summary>
    private const long MaxSample = 1 << 28;

    private readonly List<TrainingSample> _samples = [];
    private readonly TrainingOptions _options;
    private readonly long _pairSeed;

    public TrainingPairs(RecordSet left, RecordSet right, bool deduplicating, TrainingOptions options)
    {
        Left = left;
        Right = right;
        Deduplicating = deduplicating;
        _options = options;
        LeftHashes = RecordHashes.Of(left, options.Seed);
        RightHashes = deduplicating ? LeftHashes : RecordHashes.Of(right, options.Seed);
        long records = deduplicating ? left.Count : (long)left.Count + right.Count;
        // The linker's floor: small extracts still train on a million pairs.
        Budget = Math.Max(LinkOptions.MinimumPairBudget, records * options.MaxPairsPerRecord);
        _pairSeed = (long)RecordHashes.Remix((ulong)options.Seed);
    }

    public RecordSet Left { get; }

    public RecordSet Right { get; }

    public bool Deduplicating { get; }

    public ulong[] LeftHashes { get; }

    public ulong[] RightHashes { get; }

    /// <summary>Pairs one stage may hash: <c>records × MaxPairsPerRecord</c>, at least <see cref="LinkOptions.MinimumPairBudget"/>.</summary>
    public long Budget { get; }

    /// <summary>Every stage that compared fewer pairs than its rule has, in the order they ran.</summary>
    public IReadOnlyList<TrainingSample> Samples => _samples;

    /// <summary>Up to <paramref name="maxCompared"/> (and <see cref="Budget"/>) of the pairs rule
    /// <paramref name="rule"/> of <paramref name="rules"/> adds to the rules before it.</summary>
    public SelectedPairs Select(IReadOnlyList<BlockingRule> rules, int rule, long maxCompared, CancellationToken cancellationToken)
    {
        var earlier = new RuleBlocks[rule];
        for (var q = 0; q < rule; q++)
        {
            earlier[q] = Blocks(rules[q]);
        }

        var blocks = Blocks(rules[rule]);
        var k = (int)Math.Min(Math.Min(maxCompared, Budget), MaxSample);
        var upper = blocks.UpperBoundPairs(Deduplicating);
        var enumerated = Math.Max(Budget, 2L * k);
        var rate = upper <= enumerated ? 1.0 : Math.Sqrt((double)enumerated / upper);
        while (true)
        {
            var sample = new BottomK(k);
            var found = Enumerate(blocks, earlier, rate, ref sample, cancellationToken, out var considered);
            if (rate < 1 && found < k)
            {
                // Too few records fell under the rate (pairs bunched in a few blocks): enumerate again with more.
                rate = Math.Min(1.0, rate * 2);
                continue;
            }

            var available = rate >= 1 || considered == 0 ? found : (long)Math.Round(upper * ((double)found / considered));
            var selected = sample.ToPairs(blocks.CappedBlocks, available, estimated: rate < 1);
            if (selected.Estimated || (k > 0 && selected.Count < selected.Available))
            {
                _samples.Add(new TrainingSample(rules[rule].Name, selected.Available, selected.Count, selected.Estimated));
            }

            return selected;
        }
    }

    /// <summary>A rule's blocks, built afresh for each selection (not kept: a national extract's keys for every rule
    /// would hold hundreds of megabytes; building them is a sort).</summary>
    private RuleBlocks Blocks(BlockingRule rule) => RuleBlocks.Build(rule, Left, Right, Deduplicating, _options);

    /// <summary>Offers every pair of the blocks between records under the rate that no earlier rule finds to the
    /// sample; returns how many, and in <paramref name="considered"/> how many pairs of records under the rate there were.</summary>
    private long Enumerate(RuleBlocks blocks, RuleBlocks[] earlier, double rate, ref BottomK sample, CancellationToken cancellationToken,
        out long considered)
    {
        considered = 0;
        var cut = rate >= 1 ? ulong.MaxValue : (ulong)(rate * 18446744073709551615.0);
        var leftKept = new List<int>();
        var rightKept = new List<int>();
        long found = 0;
        foreach (var block in blocks.Blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Kept(blocks.LeftMembers, block.LeftStart, block.LeftCount, LeftHashes, cut, leftKept);
            if (Deduplicating)
            {
                var kept = CollectionsMarshal.AsSpan(leftKept);
                considered += (long)kept.Length * (kept.Length - 1) / 2;
                for (var x = 0; x < kept.Length; x++)
                {
                    for (var y = x + 1; y < kept.Length; y++)
                    {
                        found += Offer(kept[x], kept[y], earlier, ref sample);
                    }
                }
            }
            else
            {
                Kept(blocks.RightMembers, block.RightStart, block.RightCount, RightHashes, cut, rightKept);
                considered += (long)leftKept.Count * rightKept.Count;
                foreach (var a in CollectionsMarshal.AsSpan(leftKept))
                {
                    foreach (var b in CollectionsMarshal.AsSpan(rightKept))
                    {
                        found += Offer(a, b, earlier, ref sample);
                    }
                }
            }
        }

        return found;
    }

    private int Offer(int a, int b, RuleBlocks[] earlier, ref BottomK sample)
    {
        foreach (var rule in earlier)
        {
            var key = rule.LeftKeys[a];
            if (key != 0 && key == rule.RightKeys[b])
            {
                return 0;
            }
        }

        var (ha, hb) = (LeftHashes[a], RightHashes[b]);
        if (Deduplicating && ha > hb)
        {
            // One way round whatever the positions: the record with the smaller hash on the left.
            (a, b, ha, hb) = (b, a, hb, ha);
        }

        ReadOnlySpan<ulong> both = [ha, hb];
        sample.Offer(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(both), _pairSeed), a, b);
        return 1;
    }

    private static void Kept(int[] members, int start, int count, ulong[] hashes, ulong cut, List<int> kept)
    {
        kept.Clear();
        for (var x = start; x < start + count; x++)
        {
            var record = members[x];
            if (cut == ulong.MaxValue || RecordHashes.Remix(hashes[record]) < cut)
            {
                kept.Add(record);
            }
        }
    }

    /// <summary>The <c>k</c> pairs of lowest hash offered so far: a buffer of up to <c>2k</c>, cut back to the lowest
    /// <c>k</c> whenever it fills (amortised O(log k) a pair, memory O(k)).</summary>
    private struct BottomK(int k)
    {
        private ulong[] _hashes = new ulong[Math.Min(Math.Max(2 * k, 2), 1 << 16)];
        private long[] _pairs = new long[Math.Min(Math.Max(2 * k, 2), 1 << 16)];
        private int _count;
        private ulong _ceiling = ulong.MaxValue;

        public void Offer(ulong hash, int a, int b)
        {
            if (k == 0 || hash > _ceiling)
            {
                return;
            }

            if (_count == _hashes.Length)
            {
                if (_count < 2 * k)
                {
                    var size = (int)Math.Min(2L * k, 2L * _count);
                    Array.Resize(ref _hashes, size);
                    Array.Resize(ref _pairs, size);
                }
                else
                {
                    Array.Sort(_hashes, _pairs, 0, _count);
                    _count = k;
                    _ceiling = _hashes[k - 1];
                    if (hash > _ceiling)
                    {
                        return;
                    }
                }
            }

            _hashes[_count] = hash;
            _pairs[_count++] = ((long)a << 32) | (uint)b;
        }

        public readonly SelectedPairs ToPairs(int capped, long available, bool estimated)
        {
            // Sorted by hash: the pairs in an order no input order changes (ties are interchangeable pairs).
            Array.Sort(_hashes, _pairs, 0, _count);
            var n = Math.Min(_count, k);
            var left = new int[n];
            var right = new int[n];
            for (var p = 0; p < n; p++)
            {
                left[p] = (int)(_pairs[p] >> 32);
                right[p] = (int)(uint)_pairs[p];
            }

            return new SelectedPairs(left, right, Math.Max(available, n), estimated, capped);
        }
    }
}
