namespace NhsIdentity.Text.Phonetics;

/// <summary>
/// American Soundex as defined by the U.S. National Archives (NARA, "The Soundex Indexing System", the rules used
/// for the U.S. census indexes) and by Knuth (<i>The Art of Computer Programming</i>, vol. 3, §6): the first letter,
/// then three digits for the consonants that follow, padded with <c>0</c>: Robert and Rupert are <c>R163</c>,
/// Ashcroft is <c>A261</c>, Lee is <c>L000</c>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Variant.</b> The NARA/American rules, including the H and W rule: letters with the same digit that are
/// separated only by <c>H</c> or <c>W</c> are coded once (Ashcroft <c>A261</c>, not <c>A226</c>), while a vowel
/// (<c>A E I O U Y</c>) between them keeps both (Tymczak <c>T522</c>); a consonant with the same digit as the first
/// letter is not coded again (Pfister <c>P236</c>). This is the variant of Knuth, of Apache Commons Codec's
/// <c>Soundex.US_ENGLISH</c> and of most databases' <c>SOUNDEX()</c>; the "simplified" variant, where H and W
/// separate like vowels, gives <c>A226</c> for Ashcroft. NARA's extra advice to also code surnames without a
/// prefix (Van, De, Le) is a search policy, not part of the code, and is left to callers.
/// </para>
/// <para>
/// <b>Why it is here.</b> Soundex is the oldest and most widely supported phonetic key in patient-index and
/// database software, and NHS England's Personal Demographics Service fuzzy search is described as phonetic
/// matching of this kind. PDS does not publish its algorithm, so no claim is made that these codes equal its
/// internal keys; they are the published NARA codes.
/// </para>
/// <para>
/// <b>Input.</b> Case-insensitive. Only ASCII letters are coded; everything else (spaces, hyphens, apostrophes,
/// digits, accented or other non-ASCII letters) is ignored, as if absent: <c>O'Brien</c> codes as <c>OBRIEN</c>.
/// Fold accents to ASCII first (the <c>PersonName</c> helpers do) if <c>Zoë</c> should code as <c>ZOE</c>. Text
/// without an ASCII letter has the empty code.
/// </para>
/// <para>Thread-safe, allocation-free (the <see cref="Encode(string)"/> convenience allocates its result only).</para>
/// </remarks>
public static class Soundex
{
    /// <summary>The length of every non-empty Soundex code: a letter and three digits.</summary>
    public const int MaxCodeLength = 4;

    /// <summary>
    /// The digit of each letter A..Z; '0' marks the vowels A E I O U Y (which separate equal digits) and 'h' marks
    /// H and W (which do not).
    /// </summary>
    private static ReadOnlySpan<byte> Digits => "0123012h02245501262301h202"u8;

    /// <summary>Tries to write the Soundex code of <paramref name="name"/> to <paramref name="destination"/>.</summary>
    /// <param name="name">The name; any text is accepted.</param>
    /// <param name="destination">Where to write; <see cref="MaxCodeLength"/> characters always suffice.</param>
    /// <param name="charsWritten">4, or 0 when the name has no ASCII letter (the empty code) or on failure.</param>
    /// <returns><see langword="false"/> only when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    public static bool TryEncode(ReadOnlySpan<char> name, Span<char> destination, out int charsWritten)
    {
        Span<char> code = stackalloc char[MaxCodeLength];
        return PhoneticScratch.TryCopy(code[..EncodeCore(name, code)], destination, out charsWritten);
    }

    /// <summary>Returns the Soundex code of <paramref name="name"/> (for example <c>"R163"</c>), or an empty string when it has no ASCII letter.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static string Encode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<char> code = stackalloc char[MaxCodeLength];
        return new string(code[..EncodeCore(name, code)]);
    }

    /// <summary>Writes the code to <paramref name="code"/> (4 chars) and returns its length: 4, or 0 without letters.</summary>
    private static int EncodeCore(ReadOnlySpan<char> name, Span<char> code)
    {
        var i = 0;
        char first = '\0';
        while (i < name.Length && first == '\0')
        {
            first = PhoneticScratch.UpperAsciiLetter(name[i++]);
        }

        if (first == '\0')
        {
            return 0;
        }

        code[0] = first;
        var written = 1;

        // The digit of the previous coded letter; the first letter's digit counts, so Pfister's F is not coded.
        // H and W leave it unchanged (so digits either side of them merge); vowels reset it.
        var previous = Digits[first - 'A'];
        if (previous == 'h')
        {
            previous = (byte)'0';
        }

        for (; i < name.Length && written < MaxCodeLength; i++)
        {
            var letter = PhoneticScratch.UpperAsciiLetter(name[i]);
            if (letter == '\0')
            {
                continue;
            }

            var digit = Digits[letter - 'A'];
            if (digit == 'h')
            {
                continue;
            }

            if (digit != '0' && digit != previous)
            {
                code[written++] = (char)digit;
            }

            previous = digit;
        }

        code[written..].Fill('0');
        return MaxCodeLength;
    }
}
