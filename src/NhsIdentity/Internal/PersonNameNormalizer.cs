using System.Buffers;

namespace NhsIdentity.Internal;

/// <summary>
/// The one normalisation core behind <see cref="Demographics.PersonName"/>, <see cref="Text.NicknameTable"/> and
/// <see cref="Text.NameFrequencyTable"/>: fold every character (<see cref="AsciiFolding"/>), collapse separators,
/// then drop titles and suffixes (<see cref="PersonNameWords"/>), all in one caller-provided scratch buffer.
/// </summary>
internal static class PersonNameNormalizer
{
    /// <summary>Text beyond this many chars is ignored: nothing this long is a name, and it bounds the scratch size.</summary>
    public const int MaxInputLength = 4096;

    /// <summary>One input char folds to at most three letters (the ﬃ ligature), separators included.</summary>
    public const int MaxExpansion = 3;

    /// <summary>Scratch sizes up to this many chars live on the stack (sized to the text: stackalloc memory is zeroed).</summary>
    public const int StackScratchLimit = 768;

    /// <summary>The scratch length <see cref="Normalize"/> needs for <paramref name="textLength"/> chars of text.</summary>
    public static int ScratchLength(int textLength) => Math.Min(textLength, MaxInputLength) * MaxExpansion;

    /// <summary>
    /// Normalises <paramref name="text"/> into <paramref name="scratch"/> (at least <see cref="ScratchLength"/> chars)
    /// and returns the normalised length.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> scratch)
    {
        if (text.Length > MaxInputLength)
        {
            text = text[..MaxInputLength];
        }

        var length = Fold(text, scratch);
        return length == 0 ? 0 : PersonNameWords.RemoveTitlesAndSuffixes(scratch[..length]);
    }

    /// <summary>Rents a scratch buffer when the stack one is too small; returns <see langword="null"/> otherwise.</summary>
    public static char[]? RentIfNeeded(int textLength, out int scratchLength)
    {
        scratchLength = ScratchLength(textLength);
        return scratchLength > StackScratchLimit ? ArrayPool<char>.Shared.Rent(scratchLength) : null;
    }

    /// <summary>Returns a buffer from <see cref="RentIfNeeded"/>.</summary>
    public static void Return(char[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Folds each char and writes words separated by exactly one separator: <c>','</c> if the gap held a comma, else
    /// <c>'-'</c> if it held a hyphen, else <c>' '</c>. No separator at either end.
    /// </summary>
    private static int Fold(ReadOnlySpan<char> text, Span<char> scratch)
    {
        var written = 0;
        var pending = 0; // 0 none, else the strongest separator seen since the last letter (Space > Hyphen > Comma)
        foreach (var c in text)
        {
            var n = AsciiFolding.Fold(c, out var first, out var second, out var third);
            if (n > 0)
            {
                if (pending != 0 && written > 0)
                {
                    scratch[written++] = pending switch
                    {
                        AsciiFolding.Comma => ',',
                        AsciiFolding.Hyphen => '-',
                        _ => ' ',
                    };
                }

                pending = 0;
                scratch[written++] = first;
                if (n > 1)
                {
                    scratch[written++] = second;
                    if (n > 2)
                    {
                        scratch[written++] = third;
                    }
                }
            }
            else if (n < pending || (n < 0 && pending == 0))
            {
                // Separator codes are negative and stronger the more negative: comma beats hyphen beats space.
                pending = n;
            }
        }

        return written;
    }
}
