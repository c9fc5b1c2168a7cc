using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace NhsIdentity.Internal;

/// <summary>
/// The one preparation core behind <see cref="Text.Similarity.TokenSet"/>: fold every char to upper-case ASCII
/// letters and digits (<see cref="AsciiFolding"/>, the person-name folding, plus digits), split on everything else,
/// sort the tokens ordinally, drop repeats and join them with single spaces. Scratch lives on the stack for
/// address-sized text and is rented from <see cref="ArrayPool{T}.Shared"/> beyond.
/// </summary>
internal static class TokenSetPreparer
{
    /// <summary>
    /// Text beyond this many chars is ignored: no address is this long, and it keeps every scratch size
    /// (<see cref="MaxExpansion"/> times the text) far from overflowing.
    /// </summary>
    public const int MaxInputLength = 1 << 20;

    /// <summary>
    /// One input char adds at most three chars to the prepared form: a letter folds to at most three (the ﬃ
    /// ligature), and each separator char pays for at most the one space written before the next token.
    /// </summary>
    public const int MaxExpansion = 3;

    /// <summary>Fold scratch up to this many chars lives on the stack (sized to the text: stackalloc memory is zeroed).</summary>
    public const int StackScratchLimit = 768;

    /// <summary>Token tables up to this many entries (8 bytes each) live on the stack: texts up to 255 chars.</summary>
    private const int StackTokenLimit = 128;

    /// <summary>Below this many tokens insertion sort beats heap sort; addresses have about 4 to 12.</summary>
    private const int InsertionSortLimit = 16;

    /// <summary>The largest prepared length of <paramref name="textLength"/> chars of text.</summary>
    public static int MaxPreparedLength(int textLength) => Math.Min(textLength, MaxInputLength) * MaxExpansion;

    /// <summary>
    /// Prepares <paramref name="text"/> into <paramref name="destination"/>. Returns the chars written, or -1 (and
    /// writes nothing) when <paramref name="destination"/> is too short.
    /// </summary>
    public static int Prepare(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (text.Length > MaxInputLength)
        {
            text = text[..MaxInputLength];
        }

        var scratchLength = text.Length * MaxExpansion;
        char[]? rentedChars = null;
        var folded = scratchLength <= StackScratchLimit
            ? stackalloc char[scratchLength]
            : (rentedChars = ArrayPool<char>.Shared.Rent(scratchLength));

        // A token takes at least one char of the text and is followed by at least one separator.
        var maxTokens = (text.Length + 1) / 2;
        Token[]? rentedTokens = null;
        var tokenTable = maxTokens <= StackTokenLimit
            ? stackalloc Token[maxTokens]
            : (rentedTokens = ArrayPool<Token>.Shared.Rent(maxTokens));
        try
        {
            var foldedLength = Fold(text, folded, tokenTable, out var tokenCount);
            if (tokenCount == 0)
            {
                return 0;
            }

            var tokens = tokenTable[..tokenCount];
            ReadOnlySpan<char> words = folded[..foldedLength];
            Sort(words, tokens);
            return WriteDistinct(words, tokens, destination);
        }
        finally
        {
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }

            if (rentedTokens is not null)
            {
                ArrayPool<Token>.Shared.Return(rentedTokens);
            }
        }
    }

    /// <summary>
    /// Folds each char and writes the tokens separated by exactly one space, none at either end. ASCII letters are
    /// upper-cased and ASCII (and full-width) digits kept; other chars go through <see cref="AsciiFolding"/>, whose
    /// letters are kept and whose separators separate. Of the chars it drops, the invisible ones (combining accents,
    /// format chars such as the soft hyphen) are dropped here too, so a decomposed <c>e</c> + acute stays one token;
    /// the visible ones (apostrophes, spacing accents) separate, as the ASCII apostrophe does.
    /// </summary>
    private static int Fold(ReadOnlySpan<char> text, Span<char> folded, Span<Token> tokens, out int tokenCount)
    {
        var written = 0;
        var count = 0;
        var start = 0;
        var separate = false;
        foreach (var c in text)
        {
            char first;
            var second = '\0';
            var third = '\0';
            int n;
            if (c < 0x80)
            {
                first = (char)(c & ~0x20);
                if ((uint)(first - 'A') <= 'Z' - 'A')
                {
                    n = 1;
                }
                else if ((uint)(c - '0') <= 9)
                {
                    first = c;
                    n = 1;
                }
                else
                {
                    separate = true;
                    continue;
                }
            }
            else if ((uint)(c - '\uFF10') <= 9)
            {
                // Full-width digits: AsciiFolding reads them as the ASCII digits, which it treats as separators.
                first = (char)(c - ('\uFF10' - '0'));
                n = 1;
            }
            else
            {
                n = AsciiFolding.Fold(c, out first, out second, out third);
                if (n <= 0)
                {
                    separate |= n != AsciiFolding.Drop || !IsInvisible(c);
                    continue;
                }
            }

            if (separate || count == 0)
            {
                if (count > 0)
                {
                    tokens[count - 1] = new Token(start, written - start);
                    folded[written++] = ' ';
                }

                start = written;
                count++;
                separate = false;
            }

            folded[written++] = first;
            if (n > 1)
            {
                folded[written++] = second;
                if (n > 2)
                {
                    folded[written++] = third;
                }
            }
        }

        if (count > 0)
        {
            tokens[count - 1] = new Token(start, written - start);
        }

        tokenCount = count;
        return written;
    }

    /// <summary>Marks and format chars: parts of the letter before them, never word breaks.</summary>
    private static bool IsInvisible(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
        or UnicodeCategory.Format;

    /// <summary>Ordinal sort of the tokens (insertion sort for a handful, heap sort so long text stays O(n log n)).</summary>
    private static void Sort(ReadOnlySpan<char> words, Span<Token> tokens)
    {
        if (tokens.Length <= InsertionSortLimit)
        {
            for (var i = 1; i < tokens.Length; i++)
            {
                var current = tokens[i];
                var j = i - 1;
                while (j >= 0 && Compare(words, tokens[j], current) > 0)
                {
                    tokens[j + 1] = tokens[j];
                    j--;
                }

                tokens[j + 1] = current;
            }

            return;
        }

        for (var root = (tokens.Length / 2) - 1; root >= 0; root--)
        {
            SiftDown(words, tokens, root, tokens.Length);
        }

        for (var end = tokens.Length - 1; end > 0; end--)
        {
            (tokens[0], tokens[end]) = (tokens[end], tokens[0]);
            SiftDown(words, tokens, 0, end);
        }
    }

    private static void SiftDown(ReadOnlySpan<char> words, Span<Token> tokens, int root, int end)
    {
        while (true)
        {
            var child = (2 * root) + 1;
            if (child >= end)
            {
                return;
            }

            if (child + 1 < end && Compare(words, tokens[child], tokens[child + 1]) < 0)
            {
                child++;
            }

            if (Compare(words, tokens[root], tokens[child]) >= 0)
            {
                return;
            }

            (tokens[root], tokens[child]) = (tokens[child], tokens[root]);
            root = child;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Compare(ReadOnlySpan<char> words, Token x, Token y) =>
        CompareTokens(words.Slice(x.Start, x.Length), words.Slice(y.Start, y.Length));

    /// <summary>
    /// Ordinal comparison of two non-empty tokens. Most tokens differ in their first char, so that is compared
    /// inline before the general (vectorised, but called) comparison.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CompareTokens(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        var first = x[0] - y[0];
        return first != 0 ? first : x.SequenceCompareTo(y);
    }

    /// <summary>
    /// Writes the sorted tokens once each, space-separated, or returns -1 (writing nothing) if they do not fit.
    /// Repeats are found in one pass and marked with length 0 (no real token is empty), so each pair is compared once.
    /// </summary>
    private static int WriteDistinct(ReadOnlySpan<char> words, Span<Token> tokens, Span<char> destination)
    {
        var length = tokens[0].Length;
        var previous = tokens[0];
        for (var i = 1; i < tokens.Length; i++)
        {
            var current = tokens[i];
            if (Compare(words, previous, current) == 0)
            {
                tokens[i] = current with { Length = 0 };
            }
            else
            {
                length += 1 + current.Length;
            }

            previous = current;
        }

        if (length > destination.Length)
        {
            return -1;
        }

        var written = 0;
        foreach (var token in tokens)
        {
            if (token.Length == 0)
            {
                continue;
            }

            if (written > 0)
            {
                destination[written++] = ' ';
            }

            words.Slice(token.Start, token.Length).CopyTo(destination[written..]);
            written += token.Length;
        }

        return written;
    }

    /// <summary>Where one token lies in the folded text.</summary>
    private readonly record struct Token(int Start, int Length);
}
