using NhsIdentity.Internal;

namespace NhsIdentity.Text.Similarity;

/// <summary>
/// The indel distance: the fewest single-char insertions and deletions (no substitutions) that turn one string
/// into the other, <c>|a| + |b| - 2 LCS(a, b)</c> with LCS the longest common subsequence. Its normalised form,
/// <c>1 - indel / (|a| + |b|)</c>, is the ratio behind FuzzySharp's and fuzzywuzzy's <c>Fuzz.Ratio</c> (which
/// report it as a rounded percentage).
/// </summary>
/// <remarks>
/// <para>Comparison is ordinal (UTF-16 code units, no case folding): normalise first. The distance is symmetric.</para>
/// <para>
/// Complexity: when <c>a</c> has at most 16 chars (and AVX2 is available) it is the pattern as it is, since trimming
/// and ordering cost more than they save on names; otherwise the common prefix and suffix are stripped, and when the shorter remainder has at most 64 chars the LCS is
/// computed bit-parallel (L. Allison and T. I. Dix, IPL 23(6), 1986; H. Hyyrö, "Bit-parallel LCS-length computation
/// revisited", AWOCA 2004) in O(|longer|) word operations, otherwise with the one-row DP in O(|a| x |b|).
/// Allocation: none per call. A
/// pattern (the shorter remainder) of up to 16 chars is held in one AVX2 register and compared with each char of
/// the other; up to 64 chars a per-thread 1.6 KB table of pattern bits is used (created on the thread's first such
/// call, then reused and cleared after each call); the fallback keeps its row on the stack up to 255 chars and rents longer rows
/// from <see cref="System.Buffers.ArrayPool{T}.Shared"/>. Thread safety: pure functions. To compare one string with
/// many, use <see cref="PreparedIndel"/>.
/// </para>
/// </remarks>
public static class Indel
{
    /// <summary>The indel distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <returns>The number of insertions and deletions, 0 to <c>|a| + |b|</c>.</returns>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var total = a.Length + b.Length;
        if (SimilarityShortPath.Fits(a))
        {
            return a.IsEmpty || b.IsEmpty ? total : total - (2 * SimilarityBitParallel.LcsLengthShort(a, b));
        }

        SimilarityAffix.Trim(ref a, ref b);
        var trimmed = (total - a.Length - b.Length) / 2;
        SimilarityAffix.OrderByLength(ref a, ref b);
        return total - (2 * (trimmed + Lcs(a, b)));
    }

    /// <summary>
    /// The indel distance scaled to a similarity: <c>1 - indel / (|a| + |b|)</c>, equivalently
    /// <c>2 LCS / (|a| + |b|)</c>; 1 when both are empty. <c>Fuzz.Ratio</c> of FuzzySharp is this value times 100,
    /// rounded.
    /// </summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <returns>The similarity in 0..1; 1 only for equal strings.</returns>
    public static double NormalizedSimilarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var total = a.Length + b.Length;
        return total == 0 ? 1 : 1 - ((double)Distance(a, b) / total);
    }

    /// <summary>The LCS length of a pair already trimmed and ordered (<paramref name="shorter"/> not longer).</summary>
    private static int Lcs(ReadOnlySpan<char> shorter, ReadOnlySpan<char> longer)
    {
        if (shorter.IsEmpty)
        {
            return 0;
        }

        return SimilarityDispatch.Run<LcsCores>(shorter, longer);
    }
}
