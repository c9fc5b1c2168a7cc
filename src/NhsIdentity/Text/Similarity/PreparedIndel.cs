using NhsIdentity.Internal;

namespace NhsIdentity.Text.Similarity;

/// <summary>
/// A query string prepared once for <see cref="Indel"/> comparisons with many candidates: its bit-parallel
/// pattern-match vectors are built in the constructor. Results equal
/// <see cref="Indel.Distance(ReadOnlySpan{char}, ReadOnlySpan{char})"/> and
/// <see cref="Indel.NormalizedSimilarity(ReadOnlySpan{char}, ReadOnlySpan{char})"/> exactly.
/// </summary>
/// <remarks>
/// Complexity: O(|candidate|) word operations per comparison when the query has at most 64 chars (bit-parallel
/// LCS, Allison and Dix 1986 / Hyyrö 2004); longer queries use the O(|query| x |candidate|) DP. Allocation: the
/// constructor copies the query and, up to 64 chars, allocates a 1 KB table of masks; comparisons allocate nothing
/// (the DP fallback rents rows over 255 chars from <see cref="System.Buffers.ArrayPool{T}.Shared"/>). Thread safety:
/// immutable; share one instance across threads freely. The query text is never exposed.
/// </remarks>
public sealed class PreparedIndel
{
    private readonly SimilarityPreparedPattern _pattern;

    /// <summary>Prepares <paramref name="query"/> (copied).</summary>
    /// <param name="query">The string every candidate is compared with.</param>
    public PreparedIndel(ReadOnlySpan<char> query) => _pattern = new SimilarityPreparedPattern(query);

    /// <summary>The length of the prepared query, in chars.</summary>
    public int QueryLength => _pattern.Query.Length;

    /// <summary>The indel distance between the query and <paramref name="candidate"/>.</summary>
    /// <param name="candidate">The string to compare with the query.</param>
    /// <returns>The number of insertions and deletions, 0 to <c>|query| + |candidate|</c>.</returns>
    public int Distance(ReadOnlySpan<char> candidate)
    {
        var query = _pattern.Query;
        if (query.Length == 0 || candidate.IsEmpty)
        {
            return query.Length + candidate.Length;
        }

        var lcs = _pattern.IsAsciiWord
            ? SimilarityBitParallel.LcsLength(_pattern.AsciiMask, query.Length, candidate)
            : _pattern.FitsOneWord
                ? SimilarityBitParallel.LcsLength(_pattern.Mask, query.Length, candidate)
                : SimilarityClassic.LcsLength(query, candidate);
        return query.Length + candidate.Length - (2 * lcs);
    }

    /// <summary><c>1 - indel / (|query| + |candidate|)</c>; 1 when both are empty.</summary>
    /// <param name="candidate">The string to compare with the query.</param>
    /// <returns>The similarity in 0..1.</returns>
    public double NormalizedSimilarity(ReadOnlySpan<char> candidate)
    {
        var total = _pattern.Query.Length + candidate.Length;
        return total == 0 ? 1 : 1 - ((double)Distance(candidate) / total);
    }
}
