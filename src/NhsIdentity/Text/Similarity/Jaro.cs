using NhsIdentity.Internal;

namespace NhsIdentity.Text.Similarity;

/// <summary>
/// The Jaro similarity of two strings (M. A. Jaro, "Advances in record-linkage methodology as applied to matching
/// the 1985 census of Tampa, Florida", JASA 84(406), 1989; as restated by W. E. Winkler, "String comparator metrics
/// and enhanced decision rules in the Fellegi-Sunter model of record linkage", 1990).
/// </summary>
/// <remarks>
/// <para>
/// Two chars <em>match</em> when they are equal and at most <c>max(|a|, |b|) / 2 - 1</c> positions apart (integer
/// division, never below 0); each char matches at most once, greedily left to right. With <c>m</c> matches and
/// <c>t</c> half the number of matched chars that appear in a different order in the two strings, the similarity
/// is <c>(m/|a| + m/|b| + (m - t)/m) / 3</c>, or 0 when <c>m = 0</c>. <c>t</c> is kept fractional (Winkler's C
/// <c>strcmp95</c> rounds it down; the two differ only when the out-of-order count is odd).
/// </para>
/// <para>
/// Comparison is ordinal, char by char (UTF-16 code units): fold case, strip accents and punctuation before calling
/// (normalisation is the caller's job). Both empty gives 1; one empty gives 0. The measure is symmetric.
/// </para>
/// <para>
/// Complexity: when both strings have at most 64 chars (every real name), matches are flagged bit-parallel in
/// O(|a| + |b|) word operations; longer input falls back to the textbook O(|a| x |b|) double loop.
/// Allocation: none per call. A pattern (the shorter string) of up to 16 chars is held in one AVX2 register and
/// compared with each char of the other; up to 64 chars a per-thread 1.6 KB table of pattern bits is used (created
/// on the thread's first such call, then reused and cleared after each call); the fallback keeps its flags on the
/// stack up to 1,024 chars in total and rents them from <see cref="System.Buffers.ArrayPool{T}.Shared"/> beyond that.
/// Thread safety: a pure function. To compare one string with many, use <see cref="PreparedJaroWinkler"/>.
/// </para>
/// </remarks>
public static class Jaro
{
    /// <summary>The Jaro similarity of <paramref name="a"/> and <paramref name="b"/>, from 0 (nothing in common) to 1 (equal).</summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <returns>The similarity in 0..1.</returns>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return a.IsEmpty && b.IsEmpty ? 1 : 0;
        }

        // Symmetric, so the first string can be the pattern whenever it fits one register (see SimilarityShortPath).
        if (SimilarityShortPath.Fits(a) && b.Length <= SimilarityPatternMask.MaxLength)
        {
            return SimilarityBitParallel.JaroShort(a, b);
        }

        if (a.Length > SimilarityPatternMask.MaxLength || b.Length > SimilarityPatternMask.MaxLength)
        {
            return SimilarityClassic.Jaro(a, b);
        }

        // The measure is symmetric, so the shorter string is the pattern: more often it fits one register.
        SimilarityAffix.OrderByLength(ref a, ref b);
        if (a.Length <= SimilarityVectorMask.MaxLength && SimilarityVectorMask.IsSupported)
        {
            return SimilarityBitParallel.JaroShort(a, b);
        }

        // Jaro's cores return a double and need both strings, so it does not go through SimilarityDispatch, but it
        // clears the per-thread table the same way.
        var scratch = SimilarityScratch.Current;
        try
        {
            return SimilarityBitParallel.Jaro(scratch.Fill(a), a, b);
        }
        finally
        {
            scratch.Clear(a);
        }
    }
}
