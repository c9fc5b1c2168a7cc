using System.Text;

namespace NhsIdentity.Internal;

/// <summary>
/// A query held by a <c>Prepared*</c> similarity class: a private copy of its chars and, when it fits one 64-bit
/// word, its pattern-match vectors (<see cref="SimilarityPatternMask"/>), built once.
/// </summary>
/// <remarks>Immutable after construction; the arrays are never handed out, so sharing across threads is safe.</remarks>
internal readonly struct SimilarityPreparedPattern
{
    private readonly ulong[] _ascii;
    private readonly char[] _otherChars;
    private readonly ulong[] _otherMasks;

    public SimilarityPreparedPattern(ReadOnlySpan<char> query)
    {
        Query = query.ToArray();
        if (query.Length > SimilarityPatternMask.MaxLength)
        {
            // Longer queries take the classic dynamic-programming path, which needs only the chars.
            _ascii = [];
            _otherChars = [];
            _otherMasks = [];
            return;
        }

        _ascii = new ulong[SimilarityPatternMask.AsciiTableLength];
        var isAscii = Ascii.IsValid(query);
        var otherChars = isAscii ? [] : new char[query.Length];
        var otherMasks = isAscii ? [] : new ulong[query.Length];
        var count = SimilarityPatternMask.Fill(query, _ascii, otherChars, otherMasks);
        _otherChars = otherChars.AsSpan(0, count).ToArray();
        _otherMasks = otherMasks.AsSpan(0, count).ToArray();
    }

    /// <summary>The query's chars (a private copy).</summary>
    public char[] Query { get; }

    /// <summary>Whether the query has at most 64 chars, so <see cref="Mask"/> is available.</summary>
    public bool FitsOneWord => Query.Length <= SimilarityPatternMask.MaxLength;

    /// <summary>Whether the query fits one word and is all ASCII, so <see cref="AsciiMask"/> is available.</summary>
    public bool IsAsciiWord => _ascii.Length != 0 && _otherChars.Length == 0;

    /// <summary>The pattern-match vectors of an all-ASCII query; only when <see cref="IsAsciiWord"/>.</summary>
    public SimilarityAsciiMask AsciiMask => new(_ascii);

    /// <summary>The pattern-match vectors; only when <see cref="FitsOneWord"/>.</summary>
    public SimilarityPatternMask Mask => new(_ascii, _otherChars, _otherMasks);
}
