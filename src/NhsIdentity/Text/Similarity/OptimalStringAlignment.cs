using NhsIdentity.Internal;

namespace NhsIdentity.Text.Similarity;

/// <summary>
/// The optimal string alignment (OSA) distance, the "restricted" Damerau-Levenshtein distance: Levenshtein's
/// insertions, deletions and substitutions plus the transposition of two adjacent chars, with no substring edited
/// more than once (F. J. Damerau, CACM 7(3), 1964; restriction as in R. Lowrance and R. A. Wagner, JACM 22(2),
/// 1975). Because of the restriction it is not a metric: <c>CA</c> / <c>ABC</c> is 3, where the unrestricted
/// Damerau-Levenshtein distance is 2.
/// </summary>
/// <remarks>
/// <para>Comparison is ordinal (UTF-16 code units, no case folding): normalise first. The distance is symmetric.</para>
/// <para>
/// Complexity: when <c>a</c> has at most 16 chars (and AVX2 is available) it is the pattern as it is, since trimming
/// and ordering cost more than they save on names; otherwise the common prefix and suffix are stripped, and when the shorter remainder has at most 64 chars the distance
/// is computed with Hyyrö's bit-vector extension of Myers' algorithm (H. Hyyrö, "A bit-vector algorithm for
/// computing Levenshtein and Damerau edit distances", Nordic Journal of Computing 10, 2003) in O(|longer|) word
/// operations, otherwise with the three-row DP in O(|a| x |b|). Allocation: none per call. A
/// pattern (the shorter remainder) of up to 16 chars is held in one AVX2 register and compared with each char of
/// the other; up to 64 chars a per-thread 1.6 KB table of pattern bits is used (created on the thread's first such
/// call, then reused and cleared after each call); the fallback keeps
/// its rows on the stack up to 84 chars and rents longer ones from <see cref="System.Buffers.ArrayPool{T}.Shared"/>.
/// Thread safety: a pure function.
/// </para>
/// </remarks>
public static class OptimalStringAlignment
{
    /// <summary>The optimal string alignment distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <returns>The number of edits, 0 to <c>max(|a|, |b|)</c>; never more than the Levenshtein distance.</returns>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (SimilarityShortPath.Fits(a))
        {
            return a.IsEmpty || b.IsEmpty ? a.Length + b.Length : SimilarityBitParallel.OsaDistanceShort(a, b);
        }

        SimilarityAffix.Trim(ref a, ref b);
        SimilarityAffix.OrderByLength(ref a, ref b);
        if (a.IsEmpty)
        {
            return b.Length;
        }

        return SimilarityDispatch.Run<OsaCores>(a, b);
    }
}
