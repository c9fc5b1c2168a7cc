using System.Buffers;

namespace NhsIdentity.Text.Phonetics;

/// <summary>
/// NYSIIS, the New York State Identification and Intelligence System phonetic code (Robert L. Taft, "Name Search
/// Techniques", New York State Identification and Intelligence System, 1970): Brian, Brown and Brun are
/// <c>BRAN</c>; Smith and Schmit are <c>SNAT</c>; Macintosh is <c>MCANT</c>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Rules</b> (Taft's, in the form published by dropby.com and Wikipedia and implemented by Apache Commons Codec):
/// (1) a leading MAC becomes MCC, KN becomes NN, K becomes C, PH and PF become FF, SCH becomes SSS;
/// (2) a trailing EE or IE becomes Y, a trailing DT, RT, RD, NT or ND becomes D;
/// (3) the first letter is kept;
/// (4) each later letter is transcoded in turn, the result overwriting the name as it goes: EV to AF, any other
/// vowel to A, Q to G, Z to S, M to N, KN to NN, other K to C, SCH to SSS, PH to FF, H after or before a non-vowel
/// to the letter before, W after a vowel to the letter before; a letter is added to the key only if it differs
/// from the letter before it;
/// (5) a trailing S is removed, (6) a trailing AY becomes Y, (7) a trailing A is removed. Like Wikipedia's
/// description (and unlike Apache's code, which turns "AS" into an empty key), steps 5-7 never remove the first
/// letter.
/// </para>
/// <para>
/// <b>Truncation.</b> Taft's key is at most six characters, and that is the default
/// (<see cref="DefaultMaxLength"/>; Apache's "strict" mode). Many linkage systems use the full key; pass
/// <see cref="int.MaxValue"/> as the maximum length for it (Westerlund: <c>WASTAR</c> truncated,
/// <c>WASTARLAD</c> in full). The full key is never longer than the number of letters in the name.
/// </para>
/// <para>
/// <b>Input.</b> Case-insensitive. Only ASCII letters are coded; spaces, hyphens, apostrophes, digits and accented or
/// other non-ASCII letters are ignored as if absent (<c>O'Daniel</c> is <c>ODANAL</c>). Fold accents to ASCII
/// first if they should count. Text without an ASCII letter has the empty code.
/// </para>
/// <para>Thread-safe, allocation-free (the <see cref="Encode(string)"/> convenience allocates its result only).</para>
/// <para>Only the first 1,048,576 characters of the text are read (no name comes near it), so no input length can
/// make the working space overflow.</para>
/// </remarks>
public static class Nysiis
{
    /// <summary>The maximum code length used when none is given: 6, Taft's original key length.</summary>
    public const int DefaultMaxLength = 6;

    /// <summary>Tries to write the NYSIIS code of <paramref name="name"/>, truncated to <see cref="DefaultMaxLength"/>, to <paramref name="destination"/>.</summary>
    /// <param name="name">The name; any text is accepted.</param>
    /// <param name="destination">Where to write; <see cref="DefaultMaxLength"/> characters always suffice.</param>
    /// <param name="charsWritten">The code's length (0 when the name has no ASCII letter, and on failure).</param>
    /// <returns><see langword="false"/> only when <paramref name="destination"/> is too short for the code; it is then left untouched.</returns>
    public static bool TryEncode(ReadOnlySpan<char> name, Span<char> destination, out int charsWritten) =>
        TryEncode(name, destination, out charsWritten, DefaultMaxLength);

    /// <summary>Tries to write the NYSIIS code of <paramref name="name"/>, truncated to <paramref name="maxLength"/>, to <paramref name="destination"/>.</summary>
    /// <param name="name">The name; any text is accepted.</param>
    /// <param name="destination">Where to write; <paramref name="maxLength"/> characters, or as many as the name has letters, always suffice.</param>
    /// <param name="charsWritten">The code's length (0 when the name has no ASCII letter, and on failure).</param>
    /// <param name="maxLength">The maximum code length, at least 1: 6 is Taft's, <see cref="int.MaxValue"/> keeps the full key.</param>
    /// <returns><see langword="false"/> only when <paramref name="destination"/> is too short for the code; it is then left untouched.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 1.</exception>
    public static bool TryEncode(ReadOnlySpan<char> name, Span<char> destination, out int charsWritten, int maxLength)
    {
        if (maxLength < 1)
        {
            PhoneticsThrowHelper.ThrowMaxLengthOutOfRange(nameof(maxLength));
        }

        var text = PhoneticScratch.Clip(name);
        char[]? rented = null;
        var work = text.Length <= PhoneticScratch.StackLimit
            ? stackalloc char[text.Length * 2]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length * 2));
        try
        {
            var length = EncodeCore(text, work[..text.Length], work.Slice(text.Length, text.Length), maxLength);
            return PhoneticScratch.TryCopy(work.Slice(text.Length, length), destination, out charsWritten);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Returns the NYSIIS code of <paramref name="name"/> truncated to <see cref="DefaultMaxLength"/> (for example <c>"SNAT"</c>), or an empty string when it has no ASCII letter.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static string Encode(string name) => Encode(name, DefaultMaxLength);

    /// <summary>Returns the NYSIIS code of <paramref name="name"/> truncated to <paramref name="maxLength"/>, or an empty string when it has no ASCII letter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="maxLength">The maximum code length, at least 1: 6 is Taft's, <see cref="int.MaxValue"/> keeps the full key.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 1.</exception>
    public static string Encode(string name, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (maxLength < 1)
        {
            PhoneticsThrowHelper.ThrowMaxLengthOutOfRange(nameof(maxLength));
        }

        var text = PhoneticScratch.Clip(name);
        char[]? rented = null;
        var work = text.Length <= PhoneticScratch.StackLimit
            ? stackalloc char[text.Length * 2]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length * 2));
        try
        {
            var length = EncodeCore(text, work[..text.Length], work.Slice(text.Length, text.Length), maxLength);
            return new string(work.Slice(text.Length, length));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U';

    /// <summary>
    /// Writes the key to <paramref name="key"/> and returns its (truncated) length. <paramref name="letters"/> and
    /// <paramref name="key"/> are scratch space as long as the name.
    /// </summary>
    private static int EncodeCore(ReadOnlySpan<char> name, Span<char> letters, Span<char> key, int maxLength)
    {
        var n = PhoneticScratch.CopyUpperAsciiLetters(name, letters);
        if (n == 0)
        {
            return 0;
        }

        var s = letters[..n];

        // Step 1: the start of the name. Every rewrite keeps the length, so it is done in place.
        if (s.StartsWith("MAC"))
        {
            s[1] = 'C';
        }
        else if (s.StartsWith("KN"))
        {
            s[0] = 'N';
        }
        else if (s[0] == 'K')
        {
            s[0] = 'C';
        }
        else if (s.StartsWith("PH") || s.StartsWith("PF"))
        {
            s[0] = 'F';
            s[1] = 'F';
        }
        else if (s.StartsWith("SCH"))
        {
            s[1] = 'S';
            s[2] = 'S';
        }

        // Step 2: the end of the name; each rewrite drops one letter.
        if (s.EndsWith("EE") || s.EndsWith("IE"))
        {
            s[n - 2] = 'Y';
            n--;
        }

        if (n >= 2 && s[n - 1] is 'T' or 'D' && s[n - 2] is 'D' or 'R' or 'N' && !(s[n - 2] == 'D' && s[n - 1] == 'D'))
        {
            // DT, RT, RD, NT, ND (not DD) become D.
            s[n - 2] = 'D';
            n--;
        }

        s = s[..n];

        // Steps 3 and 4: keep the first letter, transcode the rest left to right, overwriting the name as the
        // published rules do (so "SCH" turns the next two letters into S before they are read).
        key[0] = s[0];
        var k = 1;
        for (var i = 1; i < n; i++)
        {
            var previous = s[i - 1];
            var current = s[i];
            var next = i + 1 < n ? s[i + 1] : ' ';
            var afterNext = i + 2 < n ? s[i + 2] : ' ';
            switch (current)
            {
                case 'E' when next == 'V':
                    s[i] = 'A';
                    s[i + 1] = 'F';
                    break;
                case 'A' or 'E' or 'I' or 'O' or 'U':
                    s[i] = 'A';
                    break;
                case 'Q':
                    s[i] = 'G';
                    break;
                case 'Z':
                    s[i] = 'S';
                    break;
                case 'M':
                    s[i] = 'N';
                    break;
                case 'K':
                    if (next == 'N')
                    {
                        s[i] = 'N';
                    }
                    else
                    {
                        s[i] = 'C';
                    }

                    break;
                case 'S' when next == 'C' && afterNext == 'H':
                    s[i + 1] = 'S';
                    s[i + 2] = 'S';
                    break;
                case 'P' when next == 'H':
                    s[i] = 'F';
                    s[i + 1] = 'F';
                    break;
                case 'H' when !IsVowel(previous) || !IsVowel(next):
                    s[i] = previous;
                    break;
                case 'W' when IsVowel(previous):
                    s[i] = previous;
                    break;
            }

            if (s[i] != s[i - 1])
            {
                key[k++] = s[i];
            }
        }

        // Steps 5-7 on the key's tail; the first letter (the name's own) is never removed.
        if (k > 1 && key[k - 1] == 'S')
        {
            k--;
        }

        if (k > 2 && key[k - 2] == 'A' && key[k - 1] == 'Y')
        {
            key[k - 2] = 'Y';
            k--;
        }

        if (k > 1 && key[k - 1] == 'A')
        {
            k--;
        }

        return Math.Min(k, maxLength);
    }
}
