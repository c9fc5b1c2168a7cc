using NhsIdentity.Internal;

namespace NhsIdentity.Text.Similarity;

/// <summary>
/// The Levenshtein edit distance: the fewest single-char insertions, deletions and substitutions that turn one
/// string into the other (V. I. Levenshtein, "Binary codes capable of correcting deletions, insertions, and
/// reversals", Soviet Physics Doklady 10(8), 1966). <c>kitten</c> / <c>sitting</c> is 3.
/// </summary>
/// <remarks>
/// <para>
/// Comparison is ordinal (UTF-16 code units, no case folding): normalise first. The distance is symmetric, 0 only
/// for equal strings, and obeys the triangle inequality.
/// </para>
/// <para>
/// Complexity: when <c>a</c> has at most 16 chars (and AVX2 is available) it is the pattern as it is, since trimming
/// and ordering cost more than they save on names; otherwise the common prefix and suffix are stripped first, and when the shorter remainder has at most 64 chars the
/// distance is computed with Myers' bit-vector algorithm (G. Myers, JACM 46(3), 1999, in H. Hyyrö's 2001
/// formulation) in O(|longer|) word operations; otherwise with the two-row Wagner-Fischer DP in
/// O(|a| x |b|). Allocation: none per call. A
/// pattern (the shorter remainder) of up to 16 chars is held in one AVX2 register and compared with each char of
/// the other; up to 64 chars a per-thread 1.6 KB table of pattern bits is used (created on the thread's first such
/// call, then reused and cleared after each call); the fallback keeps its row on the stack up to 255
/// chars and rents longer rows from <see cref="System.Buffers.ArrayPool{T}.Shared"/>. Thread safety: pure functions.
/// To compare one string with many, use <see cref="PreparedLevenshtein"/>.
/// </para>
/// </remarks>
public static class Levenshtein
{
    /// <summary>The Levenshtein distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <returns>The number of edits, 0 to <c>max(|a|, |b|)</c>.</returns>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (SimilarityShortPath.Fits(a))
        {
            return a.IsEmpty || b.IsEmpty ? a.Length + b.Length : SimilarityBitParallel.LevenshteinDistanceShort(a, b);
        }

        SimilarityAffix.Trim(ref a, ref b);
        SimilarityAffix.OrderByLength(ref a, ref b);
        if (a.IsEmpty)
        {
            return b.Length;
        }

        return SimilarityDispatch.Run<LevenshteinCores>(a, b);
    }

    /// <summary>
    /// The Levenshtein distance when it is at most <paramref name="maxDistance"/>, otherwise
    /// <c><paramref name="maxDistance"/> + 1</c>: the form a matcher needs for "within k edits" levels.
    /// </summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <param name="maxDistance">The largest distance of interest, 0 or more.</param>
    /// <returns>The distance, capped at <c><paramref name="maxDistance"/> + 1</c> (<see cref="int.MaxValue"/> means no cap).</returns>
    /// <remarks>
    /// Returns at once when the lengths alone differ by more than <paramref name="maxDistance"/>; otherwise the
    /// bit-parallel distance costs no more than finishing it, so it is computed in full and capped.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDistance"/> is negative.</exception>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int maxDistance)
    {
        if (maxDistance < 0)
        {
            SimilarityThrowHelper.ThrowNegativeMaxDistance(nameof(maxDistance));
        }

        // "Over the cap" is maxDistance + 1, which int.MaxValue cannot hold: that cap means "no cap".
        var overCap = maxDistance == int.MaxValue ? int.MaxValue : maxDistance + 1;

        if (Math.Abs(a.Length - b.Length) > maxDistance)
        {
            return overCap;
        }

        return Math.Min(Distance(a, b), overCap);
    }

    /// <summary>
    /// The distance scaled to a similarity: <c>1 - distance / max(|a|, |b|)</c>; 1 when both are empty.
    /// </summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <returns>The similarity in 0..1; 1 only for equal strings.</returns>
    public static double NormalizedSimilarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var longest = Math.Max(a.Length, b.Length);
        return longest == 0 ? 1 : 1 - ((double)Distance(a, b) / longest);
    }
}
