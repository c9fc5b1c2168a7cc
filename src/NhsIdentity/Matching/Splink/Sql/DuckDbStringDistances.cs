using System.Buffers;
using System.Numerics;

namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>
/// DuckDB's string distances, written to give DuckDB's answers (measured against DuckDB 1.5.6), which differ from the
/// library's own <see cref="Text.Similarity.Jaro"/>, <see cref="Text.Similarity.Levenshtein"/> and
/// <see cref="Text.Similarity.OptimalStringAlignment"/> in four ways a Splink model's thresholds can see:
/// <list type="bullet">
/// <item>DuckDB compares UTF-8 <em>bytes</em>, not chars: <c>levenshtein('é', 'e')</c> is 2 and
/// <c>jaro_similarity('é', 'e')</c> is 0.</item>
/// <item><c>jaro_similarity('', '')</c> and <c>jaro_winkler_similarity('', '')</c> are 0, not 1.</item>
/// <item><c>damerau_levenshtein</c> is the unrestricted distance (<c>'ca'</c> / <c>'abc'</c> is 2), not optimal string
/// alignment (3).</item>
/// <item>Jaro is the sum of three quotients divided by 3 (rapidfuzz's arithmetic, which DuckDB embeds), so a value at a
/// threshold rounds the way DuckDB's does; the library's Jaro divides once.</item>
/// </list>
/// Allocation: none for strings up to 256 bytes (stack buffers); longer ones rent from <see cref="ArrayPool{T}"/>.
/// </summary>
internal static class DuckDbStringDistances
{
    private const int StackLimit = 256;

    /// <summary>Per thread, each byte's match mask for <see cref="BitParallelLevenshtein"/> (all zero between calls).</summary>
    [ThreadStatic]
    private static ulong[]? t_matchMasks;

    /// <summary>DuckDB's <c>levenshtein</c>: insertions, deletions and substitutions of bytes.</summary>
    public static int Levenshtein(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return a.Length + b.Length;
        }

        if (a.Length <= 64 || b.Length <= 64)
        {
            return a.Length <= 64 ? BitParallelLevenshtein(a, b) : BitParallelLevenshtein(b, a);
        }

        return MatrixLevenshtein(a, b);
    }

    /// <summary>
    /// Levenshtein distance with one 64-bit word per text byte (Hyyrö 2003, the form rapidfuzz uses): the same answer
    /// as the full matrix (<see cref="MatrixLevenshtein"/>, checked by a property test) in |text| steps instead of
    /// |pattern| × |text|. The pattern is 1 to 64 bytes.
    /// </summary>
    internal static int BitParallelLevenshtein(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> text)
    {
        var masks = t_matchMasks ??= new ulong[256];
        for (var i = 0; i < pattern.Length; i++)
        {
            masks[pattern[i]] |= 1UL << i;
        }

        var last = 1UL << (pattern.Length - 1);
        var vp = ulong.MaxValue;
        var vn = 0UL;
        var distance = pattern.Length;
        foreach (var c in text)
        {
            var x = masks[c];
            var d0 = (((x & vp) + vp) ^ vp) | x | vn;
            var hp = vn | ~(d0 | vp);
            var hn = d0 & vp;
            distance += (hp & last) != 0 ? 1 : 0;
            distance -= (hn & last) != 0 ? 1 : 0;
            hp = (hp << 1) | 1;
            hn <<= 1;
            vp = hn | ~(d0 | hp);
            vn = hp & d0;
        }

        // Leave the table zeroed for the next call (only the pattern's bytes were set).
        for (var i = 0; i < pattern.Length; i++)
        {
            masks[pattern[i]] = 0;
        }

        return distance;
    }

    /// <summary>Levenshtein distance by the full dynamic-programming matrix (one row at a time).</summary>
    internal static int MatrixLevenshtein(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return a.Length + b.Length;
        }

        int[]? rented = null;
        var row = b.Length + 1 <= StackLimit ? stackalloc int[b.Length + 1] : (rented = ArrayPool<int>.Shared.Rent(b.Length + 1));
        for (var j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                var substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
                row[j] = Math.Min(substitution, Math.Min(above, row[j - 1]) + 1);
                diagonal = above;
            }
        }

        var distance = row[b.Length];
        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }

        return distance;
    }

    /// <summary>DuckDB's <c>damerau_levenshtein</c>: the unrestricted Damerau-Levenshtein distance over bytes
    /// (Lowrance and Wagner's algorithm, with the 256-byte alphabet's last-seen rows).</summary>
    public static int DamerauLevenshtein(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return a.Length + b.Length;
        }

        var width = b.Length + 2;
        var cells = (a.Length + 2) * width;
        int[]? rented = null;
        var d = cells <= StackLimit * 4 ? stackalloc int[cells] : (rented = ArrayPool<int>.Shared.Rent(cells));
        Span<int> lastRowOf = stackalloc int[256];
        lastRowOf.Clear();

        var infinity = a.Length + b.Length;
        d[0] = infinity;
        for (var i = 0; i <= a.Length; i++)
        {
            d[((i + 1) * width) + 0] = infinity;
            d[((i + 1) * width) + 1] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0 * width + j + 1] = infinity;
            d[1 * width + j + 1] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var lastMatchColumn = 0;
            for (var j = 1; j <= b.Length; j++)
            {
                var k = lastRowOf[b[j - 1]];
                var l = lastMatchColumn;
                int cost;
                if (a[i - 1] == b[j - 1])
                {
                    cost = 0;
                    lastMatchColumn = j;
                }
                else
                {
                    cost = 1;
                }

                var substitution = d[(i * width) + j] + cost;
                var insertion = d[((i + 1) * width) + j] + 1;
                var deletion = d[(i * width) + j + 1] + 1;
                var transposition = d[(k * width) + l] + (i - k - 1) + 1 + (j - l - 1);
                d[((i + 1) * width) + j + 1] = Math.Min(Math.Min(substitution, insertion), Math.Min(deletion, transposition));
            }

            lastRowOf[a[i - 1]] = i;
        }

        var distance = d[((a.Length + 1) * width) + b.Length + 1];
        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }

        return distance;
    }

    /// <summary>DuckDB's <c>jaro_similarity(p, t)</c> over bytes: 0 when either is empty; a match window of
    /// <c>max(|p|, |t|) / 2 - 1</c>; each byte of <paramref name="t"/> in turn matches the first unmatched equal byte of
    /// <paramref name="p"/> in its window.</summary>
    public static double Jaro(ReadOnlySpan<byte> p, ReadOnlySpan<byte> t)
    {
        if (p.IsEmpty || t.IsEmpty)
        {
            return 0;
        }

        if (p.Length == 1 && t.Length == 1)
        {
            return p[0] == t[0] ? 1 : 0;
        }

        var bound = (Math.Max(p.Length, t.Length) / 2) - 1;
        bool[]? rentedP = null;
        bool[]? rentedT = null;
        var pFlag = p.Length <= StackLimit ? stackalloc bool[p.Length] : (rentedP = ArrayPool<bool>.Shared.Rent(p.Length));
        var tFlag = t.Length <= StackLimit ? stackalloc bool[t.Length] : (rentedT = ArrayPool<bool>.Shared.Rent(t.Length));
        pFlag[..p.Length].Clear();
        tFlag[..t.Length].Clear();

        var common = 0;
        for (var j = 0; j < t.Length; j++)
        {
            var from = Math.Max(0, j - bound);
            var to = Math.Min(p.Length, j + bound + 1);
            for (var i = from; i < to; i++)
            {
                if (!pFlag[i] && p[i] == t[j])
                {
                    pFlag[i] = true;
                    tFlag[j] = true;
                    common++;
                    break;
                }
            }
        }

        var similarity = 0.0;
        if (common > 0)
        {
            var transpositions = 0;
            var pi = 0;
            for (var j = 0; j < t.Length; j++)
            {
                if (!tFlag[j])
                {
                    continue;
                }

                while (!pFlag[pi])
                {
                    pi++;
                }

                if (p[pi] != t[j])
                {
                    transpositions++;
                }

                pi++;
            }

            transpositions /= 2;
            similarity += (double)common / p.Length;
            similarity += (double)common / t.Length;
            similarity += ((double)common - transpositions) / common;
            similarity /= 3.0;
        }

        if (rentedP is not null)
        {
            ArrayPool<bool>.Shared.Return(rentedP);
        }

        if (rentedT is not null)
        {
            ArrayPool<bool>.Shared.Return(rentedT);
        }

        return similarity;
    }

    /// <summary>DuckDB's <c>jaro_winkler_similarity</c>: <see cref="Jaro"/> plus 0.1 per common prefix byte (at most
    /// 4) times <c>1 - jaro</c>, when the Jaro similarity is above 0.7.</summary>
    public static double JaroWinkler(ReadOnlySpan<byte> p, ReadOnlySpan<byte> t)
    {
        var maxPrefix = Math.Min(Math.Min(p.Length, t.Length), 4);
        var prefix = 0;
        while (prefix < maxPrefix && p[prefix] == t[prefix])
        {
            prefix++;
        }

        var similarity = Jaro(p, t);
        if (similarity > 0.7)
        {
            similarity += prefix * 0.1 * (1.0 - similarity);
        }

        return similarity;
    }

    /// <summary>One of the distance functions by name, as both the interpreter and the typed pair path call it.</summary>
    /// <returns><see langword="false"/> only for <c>jaccard</c> of an empty string, which DuckDB refuses.</returns>
    public static bool TryMeasure(StringDistance distance, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, out double value)
    {
        switch (distance)
        {
            case StringDistance.Levenshtein:
                value = Levenshtein(a, b);
                return true;
            case StringDistance.DamerauLevenshtein:
                value = DamerauLevenshtein(a, b);
                return true;
            case StringDistance.Jaro:
                value = Jaro(a, b);
                return true;
            case StringDistance.JaroWinkler:
                value = JaroWinkler(a, b);
                return true;
            default:
                return TryJaccard(a, b, out value);
        }
    }

    /// <summary>DuckDB's <c>jaccard</c>: the Jaccard index of the two strings' sets of bytes; false when either is
    /// empty, where DuckDB raises "An argument too short".</summary>
    public static bool TryJaccard(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, out double similarity)
    {
        similarity = 0;
        if (a.IsEmpty || b.IsEmpty)
        {
            return false;
        }

        Span<ulong> setA = stackalloc ulong[4];
        Span<ulong> setB = stackalloc ulong[4];
        setA.Clear();
        setB.Clear();
        foreach (var c in a)
        {
            setA[c >> 6] |= 1UL << (c & 63);
        }

        foreach (var c in b)
        {
            setB[c >> 6] |= 1UL << (c & 63);
        }

        var intersection = 0;
        var union = 0;
        for (var i = 0; i < 4; i++)
        {
            intersection += BitOperations.PopCount(setA[i] & setB[i]);
            union += BitOperations.PopCount(setA[i] | setB[i]);
        }

        similarity = (double)intersection / union;
        return true;
    }
}
