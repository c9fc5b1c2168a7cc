using System.Runtime.InteropServices;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Training;

/// <summary>
/// The distinct comparison vectors among a rule's pairs, each with how many pairs share it. A model has at most nine
/// comparisons of 16 codes each, so a vector packs into 36 bits of a <see cref="ulong"/>. EM then runs over a few
/// thousand patterns however many million pairs there are.
/// </summary>
internal sealed class ComparisonPatterns
{
    private const int BitsPerCode = 4;

    private ComparisonPatterns(ulong[] keys, long[] counts, long pairs)
    {
        Keys = keys;
        Counts = counts;
        Pairs = pairs;
    }

    /// <summary>The packed patterns, ascending.</summary>
    public ulong[] Keys { get; }

    public long[] Counts { get; }

    public long Pairs { get; }

    public static int Code(ulong key, int comparison) => (int)(key >> (comparison * BitsPerCode)) & 0xF;

    public static ulong Pack(ReadOnlySpan<byte> codes)
    {
        ulong key = 0;
        for (var c = 0; c < codes.Length; c++)
        {
            key |= (ulong)codes[c] << (c * BitsPerCode);
        }

        return key;
    }

    /// <summary>Collects the patterns of the source's pairs, or of one rule's (<paramref name="onlyRule"/>, its
    /// position in the source's rules: the pairs it finds that no earlier rule found).</summary>
    public static ComparisonPatterns Collect(MatchModel model, CandidatePairSource source, long maxPairs, int seed, CancellationToken cancellationToken,
        int onlyRule = -1)
    {
        var visitor = new PatternVisitor(model, source.Left, source.Right);
        long available = 0;
        var chosen = new List<int>(source.Blocks.Count);
        for (var b = 0; b < source.Blocks.Count; b++)
        {
            var block = source.Blocks[b];
            if (onlyRule < 0 || block.Rule == onlyRule)
            {
                available += block.PairCount(source.IsDeduplicating);
                chosen.Add(b);
            }
        }

        // Within budget: every block in order. Beyond it: whole blocks in a seeded shuffled order until it is spent.
        var order = chosen.ToArray();

        if (available > maxPairs)
        {
            new Random(seed).Shuffle(order);
        }

        long pairs = 0;
        foreach (var b in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pairs += source.VisitPairs(source.Blocks[b], ref visitor);
            if (pairs >= maxPairs)
            {
                break;
            }
        }

        var keys = new ulong[visitor.Patterns.Count];
        var counts = new long[keys.Length];
        var k = 0;
        foreach (var (key, count) in visitor.Patterns)
        {
            keys[k] = key;
            counts[k++] = count;
        }

        // Sorted, so the order EM adds them up in never depends on the dictionary's internals.
        Array.Sort(keys, counts);

        return new ComparisonPatterns(keys, counts, pairs);
    }

    /// <summary>Adds every visited pair's packed comparison vector to the dictionary.</summary>
    private readonly struct PatternVisitor : IPairVisitor
    {
        private readonly MatchModel _model;
        private readonly RecordSet _left;
        private readonly RecordSet _right;
        private readonly byte[] _codes;

        public PatternVisitor(MatchModel model, RecordSet left, RecordSet right)
        {
            _model = model;
            _left = left;
            _right = right;
            _codes = new byte[model.ActiveComparisons.Length];
            Patterns = [];
        }

        public Dictionary<ulong, long> Patterns { get; }

        public void Visit(int left, int right)
        {
            _model.Levels(_left, left, _right, right, _codes);
            CollectionsMarshal.GetValueRefOrAddDefault(Patterns, Pack(_codes), out _)++;
        }
    }
}
