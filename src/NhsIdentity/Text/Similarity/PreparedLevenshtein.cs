using NhsIdentity.Internal;

namespace NhsIdentity.Text.Similarity;

/// <summary>
/// A query string prepared once for <see cref="Levenshtein"/> comparisons with many candidates: its bit-parallel
/// pattern-match vectors are built in the constructor instead of once per comparison. Results equal
/// <see cref="Levenshtein.Distance(ReadOnlySpan{char}, ReadOnlySpan{char})"/> and
/// <see cref="Levenshtein.NormalizedSimilarity(ReadOnlySpan{char}, ReadOnlySpan{char})"/> exactly.
/// </summary>
/// <remarks>
/// <para>
/// The <c>Prepared*</c> classes (<see cref="PreparedLevenshtein"/>, <see cref="PreparedIndel"/>,
/// <see cref="PreparedJaroWinkler"/>) all take the query in the constructor and the candidate in each method, and
/// name their methods after the static ones they cache.
/// </para>
/// <para>
/// Complexity: O(|candidate|) word operations per comparison when the query has at most 64 chars (Myers 1999);
/// longer queries use the O(|query| x |candidate|) DP. Allocation: the constructor copies the query and, up to 64
/// chars, allocates a 1 KB table of masks; comparisons allocate nothing (the DP fallback for queries over 64 chars
/// rents rows over 255 chars from <see cref="System.Buffers.ArrayPool{T}.Shared"/>). Thread safety: immutable;
/// one instance may be used by any number of threads at once. The query text is never exposed (it may be patient
/// data).
/// </para>
/// </remarks>
public sealed class PreparedLevenshtein
{
    private readonly SimilarityPreparedPattern _pattern;

    /// <summary>Prepares <paramref name="query"/> (copied; later changes to the caller's buffer do not matter).</summary>
    /// <param name="query">The string every candidate is compared with.</param>
    public PreparedLevenshtein(ReadOnlySpan<char> query) => _pattern = new SimilarityPreparedPattern(query);

    /// <summary>The length of the prepared query, in chars.</summary>
    public int QueryLength => _pattern.Query.Length;

    /// <summary>The Levenshtein distance between the query and <paramref name="candidate"/>.</summary>
    /// <param name="candidate">The string to compare with the query.</param>
    /// <returns>The number of edits, 0 to <c>max(|query|, |candidate|)</c>.</returns>
    public int Distance(ReadOnlySpan<char> candidate)
    {
        var query = _pattern.Query;
        if (query.Length == 0 || candidate.IsEmpty)
        {
            return query.Length + candidate.Length;
        }

        if (_pattern.IsAsciiWord)
        {
            return SimilarityBitParallel.LevenshteinDistance(_pattern.AsciiMask, query.Length, candidate);
        }

        return _pattern.FitsOneWord
            ? SimilarityBitParallel.LevenshteinDistance(_pattern.Mask, query.Length, candidate)
            : SimilarityClassic.LevenshteinDistance(query, candidate);
    }

    /// <summary>
    /// The distance when it is at most <paramref name="maxDistance"/>, otherwise <c><paramref name="maxDistance"/> + 1</c>
    /// (as <see cref="Levenshtein.Distance(ReadOnlySpan{char}, ReadOnlySpan{char}, int)"/>).
    /// </summary>
    /// <param name="candidate">The string to compare with the query.</param>
    /// <param name="maxDistance">The largest distance of interest, 0 or more.</param>
    /// <returns>The distance, capped at <c><paramref name="maxDistance"/> + 1</c> (<see cref="int.MaxValue"/> means no cap).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDistance"/> is negative.</exception>
    public int Distance(ReadOnlySpan<char> candidate, int maxDistance)
    {
        if (maxDistance < 0)
        {
            SimilarityThrowHelper.ThrowNegativeMaxDistance(nameof(maxDistance));
        }

        // "Over the cap" is maxDistance + 1, which int.MaxValue cannot hold: that cap means "no cap".
        var overCap = maxDistance == int.MaxValue ? int.MaxValue : maxDistance + 1;

        if (Math.Abs(_pattern.Query.Length - candidate.Length) > maxDistance)
        {
            return overCap;
        }

        return Math.Min(Distance(candidate), overCap);
    }

    /// <summary><c>1 - distance / max(|query|, |candidate|)</c>; 1 when both are empty.</summary>
    /// <param name="candidate">The string to compare with the query.</param>
    /// <returns>The similarity in 0..1.</returns>
    public double NormalizedSimilarity(ReadOnlySpan<char> candidate)
    {
        var longest = Math.Max(_pattern.Query.Length, candidate.Length);
        return longest == 0 ? 1 : 1 - ((double)Distance(candidate) / longest);
    }
}
