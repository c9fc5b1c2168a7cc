using NhsIdentity.Internal;

namespace NhsIdentity.Text.Similarity;

/// <summary>
/// A query string prepared once for <see cref="JaroWinkler"/> and <see cref="Jaro"/> comparisons with many
/// candidates: its bit-parallel pattern-match vectors are built in the constructor. Results equal
/// <see cref="JaroWinkler.Similarity(ReadOnlySpan{char}, ReadOnlySpan{char}, double)"/> and
/// <see cref="Jaro.Similarity(ReadOnlySpan{char}, ReadOnlySpan{char})"/> with the query as the first argument,
/// bit for bit.
/// </summary>
/// <remarks>
/// Complexity: O(|query| + |candidate|) word operations per comparison when both have at most 64 chars; otherwise
/// the textbook O(|query| x |candidate|) loop. Allocation: the constructor copies the query and, up to 64 chars,
/// allocates a 1 KB table of masks; comparisons allocate nothing (the fallback rents its flags from
/// <see cref="System.Buffers.ArrayPool{T}.Shared"/> beyond 1,024 chars in total). Thread safety: immutable; share
/// one instance across threads freely. The query text is never exposed.
/// </remarks>
public sealed class PreparedJaroWinkler
{
    private readonly SimilarityPreparedPattern _pattern;

    /// <summary>Prepares <paramref name="query"/> (copied) with the standard prefix scale 0.1.</summary>
    /// <param name="query">The string every candidate is compared with.</param>
    public PreparedJaroWinkler(ReadOnlySpan<char> query)
        : this(query, JaroWinkler.DefaultPrefixScale)
    {
    }

    /// <summary>Prepares <paramref name="query"/> (copied) with a chosen prefix scale.</summary>
    /// <param name="query">The string every candidate is compared with.</param>
    /// <param name="prefixScale">The weight of each common prefix char, 0 to <see cref="JaroWinkler.MaxPrefixScale"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prefixScale"/> is outside 0..0.25 or NaN.</exception>
    public PreparedJaroWinkler(ReadOnlySpan<char> query, double prefixScale)
    {
        JaroWinkler.ValidatePrefixScale(prefixScale);
        PrefixScale = prefixScale;
        _pattern = new SimilarityPreparedPattern(query);
    }

    /// <summary>The prefix scale used by <see cref="Similarity"/>.</summary>
    public double PrefixScale { get; }

    /// <summary>The length of the prepared query, in chars.</summary>
    public int QueryLength => _pattern.Query.Length;

    /// <summary>The Jaro-Winkler similarity of the query and <paramref name="candidate"/>.</summary>
    /// <param name="candidate">The string to compare with the query.</param>
    /// <returns>The similarity in 0..1.</returns>
    public double Similarity(ReadOnlySpan<char> candidate) =>
        JaroWinkler.Boost(JaroSimilarity(candidate), _pattern.Query, candidate, PrefixScale);

    /// <summary>The Jaro similarity (no prefix boost) of the query and <paramref name="candidate"/>.</summary>
    /// <param name="candidate">The string to compare with the query.</param>
    /// <returns>The similarity in 0..1.</returns>
    public double JaroSimilarity(ReadOnlySpan<char> candidate)
    {
        var query = _pattern.Query;
        if (query.Length == 0 || candidate.IsEmpty)
        {
            return query.Length == 0 && candidate.IsEmpty ? 1 : 0;
        }

        if (candidate.Length > SimilarityPatternMask.MaxLength || !_pattern.FitsOneWord)
        {
            return SimilarityClassic.Jaro(query, candidate);
        }

        return _pattern.IsAsciiWord
            ? SimilarityBitParallel.Jaro(_pattern.AsciiMask, query, candidate)
            : SimilarityBitParallel.Jaro(_pattern.Mask, query, candidate);
    }
}
