using System.Runtime.InteropServices;

namespace NhsIdentity.Matching.Training;

/// <summary>
/// The distinct comparison vectors among a rule's pairs, each with how many pairs share it. A model has at most
/// <see cref="Comparisons.ComparisonCatalog.MaxComparisons"/> comparisons of 16 codes each (four bits a code), so a
/// vector packs into one <see cref="ulong"/>. EM then runs over a few
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

    /// <summary>Pairs one thread takes at a time: enough to amortise a dictionary per share.</summary>
    private const int PairsPerShare = 65_536;

    /// <summary>The patterns of the chosen pairs, counted on all cores (each share of the pairs into its own
    /// dictionary, then added up: counts, so the result does not depend on the threads).</summary>
    public static ComparisonPatterns Collect(MatchModel model, RecordSet left, RecordSet right, SelectedPairs pairs, int maxDegreeOfParallelism,
        CancellationToken cancellationToken)
    {
        var patterns = new Dictionary<ulong, long>();
        var comparisons = model.ActiveComparisons.Length;
        var shares = (pairs.Count + PairsPerShare - 1) / PairsPerShare;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(
            0,
            shares,
            parallel,
            () => (Counts: new Dictionary<ulong, long>(), Codes: new byte[comparisons]),
            (share, state, local) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                var end = Math.Min(pairs.Count, (share + 1) * PairsPerShare);
                for (var p = share * PairsPerShare; p < end; p++)
                {
                    model.Levels(left, pairs.Left[p], right, pairs.Right[p], local.Codes);
                    CollectionsMarshal.GetValueRefOrAddDefault(local.Counts, Pack(local.Codes), out _)++;
                }

                return local;
            },
            local =>
            {
                lock (patterns)
                {
                    foreach (var (key, count) in local.Counts)
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(patterns, key, out _) += count;
                    }
                }
            });

        var keys = new ulong[patterns.Count];
        var counts = new long[keys.Length];
        var k = 0;
        foreach (var (key, count) in patterns)
        {
            keys[k] = key;
            counts[k++] = count;
        }

        // Sorted, so the order EM adds them up in never depends on the dictionary's internals.
        Array.Sort(keys, counts);

        return new ComparisonPatterns(keys, counts, pairs.Count);
    }
}
