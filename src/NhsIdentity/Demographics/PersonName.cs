using NhsIdentity.Internal;

namespace NhsIdentity.Demographics;

/// <summary>
/// Turns a person's name as a supplier system recorded it into comparable text: folded to upper-case ASCII where the
/// letter has an ASCII form, with titles, suffixes, apostrophes and punctuation removed. Spans in, spans out; nothing
/// is allocated except by the <see cref="string"/> conveniences.
/// </summary>
/// <remarks>
/// <para><b>The normalised form</b> is one or more words of letters, separated by a single space; a single
/// <c>'-'</c> joins the parts of a hyphenated (double-barrelled) name: <c>"  mrs. Zoë  O’Reilly-Kociński "</c>
/// becomes <c>"ZOE OREILLY-KOCINSKI"</c>. There is never a leading, trailing or doubled separator.</para>
/// <para><b>Folding.</b> Letters of the Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional blocks
/// map to their base letters from their Unicode decompositions (é → E, Ł → L, ẃ → W), and letters with no
/// decomposition to their conventional ASCII spelling (Æ → AE, Ø → O, ß → SS, Þ → TH, Œ → OE, Đ/Ð → D, ı → I).
/// Ligatures (ﬁ → FI) and full-width forms (Ａ → A) use their compatibility decompositions; combining marks
/// (decomposed input), format characters and soft hyphens are removed. Letters of other scripts (Cyrillic, Greek,
/// Arabic, CJK, ...) have no ASCII form: they are <b>kept</b>, upper-cased with invariant casing, so two records
/// spelled alike in the same script still agree; transliteration is out of scope. Letters outside the Basic
/// Multilingual Plane (surrogate pairs) are treated as separators.</para>
/// <para><b>Separators.</b> Apostrophes (<c>' ` ’ ‘ ʼ ´</c>) are dropped inside a word (O'Reilly = OREILLY).
/// Hyphens and dashes (<c>- ‐ ‑ – — −</c>) join words with <c>'-'</c>. Every other character (spaces, digits,
/// full stops, commas, symbols) separates words; a gap that holds a hyphen becomes <c>'-'</c>
/// (<c>"SMITH - JONES"</c> = <c>"SMITH-JONES"</c>) unless it also holds a comma.</para>
/// <para><b>Titles and suffixes.</b> Titles (MR, MRS, MS, MISS, MX, MSTR, MASTER, DR, DOCTOR, PROF, PROFESSOR, REV,
/// REVD, REVEREND, SIR, DAME, LORD, LADY) are removed when they are the first word, follow a comma
/// (<c>"SMITH, MR JOHN"</c> → <c>"SMITH JOHN"</c>) or follow another removed title. Suffixes (JR, JNR, JUNIOR, SR,
/// SNR, SENIOR, II, III, IV, ESQ) are removed from the end. A name never loses its last word: when every word is
/// a title, the last is kept, so a family name <c>"Lord"</c> stays <c>"LORD"</c> and <c>"Mr Lord"</c> becomes
/// <c>"LORD"</c>; <c>"Jr"</c> alone stays <c>"JR"</c>. A title in the middle (<c>"JOHN LORD"</c>) is a name and stays.
/// Words joined by a hyphen are one word here (<c>"LADY-SMITH"</c> is not a title).</para>
/// <para><b>Properties</b> (tested): normalising normalised text changes nothing; the result does not depend on the
/// letter case of the input; it contains only letters and the separators space and <c>'-'</c>, and only A-Z when
/// the input has only Latin letters. Text beyond the first 4,096 chars is ignored. Nothing here throws on any
/// input text, and no message ever contains the name.</para>
/// </remarks>
public static partial class PersonName
{
    /// <summary>
    /// The destination length that is always enough for <see cref="TryNormalize"/> of <paramref name="textLength"/>
    /// chars: three times the length (one char can fold to three letters), capped at the 4,096 chars read.
    /// </summary>
    /// <param name="textLength">The length of the text to normalise; negative values count as 0.</param>
    /// <returns>The maximum number of chars <see cref="TryNormalize"/> can write.</returns>
    public static int GetMaxNormalizedLength(int textLength) => PersonNameNormalizer.ScratchLength(Math.Max(textLength, 0));

    /// <summary>Normalises a name into <paramref name="destination"/> (see <see cref="PersonName"/> for the rules).</summary>
    /// <param name="text">The name as recorded: a family name, given names, or a full name.</param>
    /// <param name="destination">Receives the normalised name.</param>
    /// <param name="charsWritten">The number of chars written; 0 when the name normalises to nothing or on failure.</param>
    /// <returns>
    /// <see langword="true"/> on success (also when the result is empty, e.g. for <c>"."</c>); <see langword="false"/>
    /// only when <paramref name="destination"/> is too short, and then nothing is written to it.
    /// <see cref="GetMaxNormalizedLength"/> gives a length that is always enough.
    /// </returns>
    /// <remarks>Allocates nothing for text up to 256 chars; longer text borrows a buffer from the shared array pool.</remarks>
    public static bool TryNormalize(ReadOnlySpan<char> text, Span<char> destination, out int charsWritten)
    {
        var rented = PersonNameNormalizer.RentIfNeeded(text.Length, out var scratchLength);
        Span<char> scratch = rented ?? stackalloc char[scratchLength];
        var length = PersonNameNormalizer.Normalize(text, scratch[..scratchLength]);
        var ok = length <= destination.Length;
        if (ok)
        {
            scratch[..length].CopyTo(destination);
        }

        PersonNameNormalizer.Return(rented);
        charsWritten = ok ? length : 0;
        return ok;
    }

    /// <summary>Normalises a name (see <see cref="PersonName"/> for the rules).</summary>
    /// <param name="text">The name as recorded; <see langword="null"/> is treated as empty.</param>
    /// <returns>The normalised name; <see cref="string.Empty"/> when nothing is left (e.g. for <c>"-"</c>).</returns>
    public static string Normalize(string? text) => Normalize(text.AsSpan());

    /// <summary>Normalises a name (see <see cref="PersonName"/> for the rules).</summary>
    /// <param name="text">The name as recorded.</param>
    /// <returns>The normalised name; <see cref="string.Empty"/> when nothing is left (e.g. for <c>"-"</c>).</returns>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        var rented = PersonNameNormalizer.RentIfNeeded(text.Length, out var scratchLength);
        Span<char> scratch = rented ?? stackalloc char[scratchLength];
        var length = PersonNameNormalizer.Normalize(text, scratch[..scratchLength]);
        var result = length == 0 ? string.Empty : new string(scratch[..length]);
        PersonNameNormalizer.Return(rented);
        return result;
    }
}
