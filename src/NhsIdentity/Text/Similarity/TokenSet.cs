using System.Buffers;
using NhsIdentity.Internal;

namespace NhsIdentity.Text.Similarity;

/// <summary>
/// Token-set similarity of free text such as addresses: word order, repeated words and case do not matter, and a
/// text whose words all appear in the other scores 1 (<c>FLAT 3 12 ACACIA AVENUE</c> against
/// <c>12 Acacia Ave, Flat 3</c> differs only by <c>AVE</c>/<c>AVENUE</c>). It is the token-set ratio of fuzzywuzzy's
/// <c>token_set_ratio</c> and FuzzySharp's <c>Fuzz.TokenSetRatio</c>, as a fraction instead of a rounded percentage,
/// built on <see cref="Indel"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Preparation</b> (<see cref="TryPrepare"/>): letters are folded to upper-case ASCII the way person names are
/// (<c>é</c> → <c>E</c>, <c>ß</c> → <c>SS</c>, ligatures expanded; letters with no ASCII form, such as Greek or
/// Cyrillic, are kept upper-cased); ASCII and full-width digits are kept; every other char separates tokens, except
/// invisible ones (combining accents, format chars such as the soft hyphen), which are dropped. The tokens are sorted
/// ordinally, repeats removed, and joined by single spaces: <c>"12 Acacia Avenue, Leeds"</c> →
/// <c>"12 ACACIA AVENUE LEEDS"</c>. Preparing a prepared form gives it back. Text beyond 1,048,576 chars is ignored.
/// </para>
/// <para>
/// <b>Similarity</b>: with <c>S</c> the intersection of the two token sets, and <c>A'</c> and <c>B'</c> each set's
/// remaining tokens after <c>S</c> (all three as prepared strings), the result is the largest of the
/// <see cref="Indel"/> ratios <c>(|x| + |y| - indel(x, y)) / (|x| + |y|)</c> of (<c>S</c>, <c>A'</c>), (<c>S</c>,
/// <c>B'</c>) and (<c>A'</c>, <c>B'</c>). Computed with one indel alignment, of the two remainders (the other two
/// pairs have closed forms). Both texts without tokens (empty, blank or punctuation only): 1, the same (empty) set.
/// Exactly one without tokens: 0.
/// </para>
/// <para>
/// <b>Agreement with FuzzySharp 2.0.2</b>: <c>Math.Round(100 * Similarity(a, b))</c> equals
/// <c>Fuzz.TokenSetRatio(a, b, PreprocessMode.Full)</c> when both texts are ASCII and have a token, and equals the
/// default (unprocessed) <c>Fuzz.TokenSetRatio(a, b)</c> when, in addition, they are upper case (or lower case)
/// letters and digits separated by white space — the same integer and double arithmetic, and <see cref="Math.Round(double)"/>
/// rounds half to even as FuzzySharp does. Differences: FuzzySharp's default overload does no preprocessing at all
/// (case and punctuation are part of its tokens); its full preprocessing turns every non-ASCII char into a
/// separator (<c>Zoë</c> → <c>zo</c>, where this class folds to <c>ZOE</c>); and it returns 0 when both texts are
/// empty, where this class returns 1.
/// </para>
/// <para>
/// <b>Prepare once, compare many</b>: the matcher prepares each record's address once (<see cref="Prepare"/> or
/// <see cref="TryPrepare"/>) and compares pairs with <see cref="SimilarityOfPrepared"/>, which only merges two sorted
/// token lists and aligns what is left over.
/// </para>
/// <para>
/// Allocation: none, except the string that <see cref="Prepare"/> returns. Scratch lives on the stack for texts of up
/// to 256 chars (prepared forms up to 512 chars in all) and is rented from <see cref="ArrayPool{T}.Shared"/> and
/// returned beyond. Thread safety: pure functions. Complexity: <see cref="TryPrepare"/> is O(n log n) in the tokens;
/// <see cref="SimilarityOfPrepared"/> is linear in the prepared lengths plus one <see cref="Indel"/> alignment of the
/// remainders (bit-parallel up to 64 chars).
/// </para>
/// </remarks>
public static class TokenSet
{
    /// <summary>Raw texts up to this many chars in all are prepared into stack scratch by <see cref="Similarity"/>.</summary>
    private const int StackScratchLimit = 1536;

    /// <summary>The largest number of chars <see cref="TryPrepare"/> can write for a text of <paramref name="textLength"/> chars.</summary>
    /// <param name="textLength">The length of the text to prepare.</param>
    /// <returns>Three times <paramref name="textLength"/> (one char can fold to three letters), at most 3,145,728.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="textLength"/> is negative.</exception>
    public static int GetMaxPreparedLength(int textLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(textLength);
        return TokenSetPreparer.MaxPreparedLength(textLength);
    }

    /// <summary>
    /// Writes the prepared form of <paramref name="text"/>: its upper-case ASCII letter-and-digit tokens, sorted
    /// ordinally, each once, joined by single spaces (see <see cref="TokenSet"/>). Never throws.
    /// </summary>
    /// <param name="text">Free text, such as an address.</param>
    /// <param name="destination">
    /// Where to write; <see cref="GetMaxPreparedLength"/> of the text's length always suffices, and the text's own
    /// length does for ASCII text.
    /// </param>
    /// <param name="charsWritten">The chars written; 0 when the text has no token or the destination is too short.</param>
    /// <returns><see langword="false"/> only when <paramref name="destination"/> is too short, and then nothing is written.</returns>
    public static bool TryPrepare(ReadOnlySpan<char> text, Span<char> destination, out int charsWritten)
    {
        var written = TokenSetPreparer.Prepare(text, destination);
        charsWritten = Math.Max(written, 0);
        return written >= 0;
    }

    /// <summary>The prepared form of <paramref name="text"/> as a string (see <see cref="TryPrepare"/>).</summary>
    /// <param name="text">Free text, such as an address; <see langword="null"/> is treated as empty.</param>
    /// <returns>The prepared form; <see cref="string.Empty"/> when the text has no token.</returns>
    public static string Prepare(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var length = TokenSetPreparer.MaxPreparedLength(text.Length);
        char[]? rented = null;
        var buffer = length <= TokenSetPreparer.StackScratchLimit
            ? stackalloc char[length]
            : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            return new string(buffer[..TokenSetPreparer.Prepare(text, buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The token-set similarity of two raw texts: each is prepared (as by <see cref="TryPrepare"/>) into scratch
    /// memory, then compared as by <see cref="SimilarityOfPrepared"/>.
    /// </summary>
    /// <param name="a">The first text.</param>
    /// <param name="b">The second text.</param>
    /// <returns>The similarity in 0..1 (see <see cref="TokenSet"/> for texts without tokens); symmetric.</returns>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var lengthA = TokenSetPreparer.MaxPreparedLength(a.Length);
        var scratchLength = lengthA + TokenSetPreparer.MaxPreparedLength(b.Length);
        char[]? rented = null;
        var scratch = scratchLength <= StackScratchLimit
            ? stackalloc char[scratchLength]
            : (rented = ArrayPool<char>.Shared.Rent(scratchLength));
        try
        {
            var preparedA = scratch[..TokenSetPreparer.Prepare(a, scratch[..lengthA])];
            var preparedB = scratch[lengthA..];
            preparedB = preparedB[..TokenSetPreparer.Prepare(b, preparedB)];
            return TokenSetScorer.Similarity(preparedA, preparedB);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The token-set similarity of two prepared forms (from <see cref="TryPrepare"/> or <see cref="Prepare"/>), the
    /// hot path of the matcher: no preparation, no allocation.
    /// </summary>
    /// <param name="preparedA">The first prepared form.</param>
    /// <param name="preparedB">The second prepared form.</param>
    /// <returns>
    /// The similarity in 0..1; equal to <see cref="Similarity"/> of the original texts. Text that is not a prepared
    /// form is read as space-separated tokens assumed sorted and distinct: the result is still in 0..1 and nothing
    /// throws, but it means nothing.
    /// </returns>
    public static double SimilarityOfPrepared(ReadOnlySpan<char> preparedA, ReadOnlySpan<char> preparedB) =>
        TokenSetScorer.Similarity(preparedA, preparedB);
}
