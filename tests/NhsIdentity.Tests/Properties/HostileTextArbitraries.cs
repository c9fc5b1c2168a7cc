using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace NhsIdentity.Tests.Properties;

/// <summary>
/// Arbitrary Unicode text for the "Try* never throws" properties: well-formed and ill-formed UTF-16 (lone
/// surrogates), NUL and other controls, combining marks, bidirectional controls, look-alike digits and letters,
/// characters whose case mapping changes length, near-valid identifiers with one hostile edit, and very long strings.
/// </summary>
internal static class HostileTextArbitraries
{
    /// <summary>Above this length a few APIs borrow from the shared array pool (documented), so allocation checks stop.</summary>
    public const int StackScratchLength = 256;

    /// <summary>Characters chosen to reach the edges of every text path.</summary>
    public static Gen<char> HostileChar => Gen.Frequency(
        (6, Gen.Elements("ABCXYZabcxyz0123456789 -'/.,:".ToCharArray())),
        (2, Gen.Elements('\0', '\t', '\n', '\r', '\v', '\f', '\u0001', '\u001F', '\u007F', '\u0085', '\u00A0', '\u2028', '\u3000', '\u200B', '\uFEFF')),
        // Combining marks: acute, diaeresis, the combining long stroke, enclosing circle, a Hebrew point, a variation selector.
        (2, Gen.Elements('\u0301', '\u0308', '\u0336', '\u20DD', '\u05B4', '\uFE0F', '\u034F')),
        // Bidirectional controls: LRM, RLM, LRE..RLO, LRI..PDI, Arabic letter mark.
        (2, Gen.Elements('\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u061C')),
        // Lone and paired surrogate halves (pairs arise when a high one happens to precede a low one).
        (2, Gen.Elements('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD835', '\uDFCE', '\uD83D', '\uDE00')),
        // Look-alikes: other scripts' digits, fullwidth forms, superscripts, Kelvin sign, long s, dotless i, sharp s,
        // ligatures, the letter O for zero, Cyrillic and Greek capitals that look Latin.
        (2, Gen.Elements('\u0660', '\u06F5', '\u0966', '\uFF10', '\uFF19', '\uFF21', '\u00B2', '\u2075', '\u212A', '\u017F', '\u0131', '\u0130', '\u00DF', '\uFB01', '\u0410', '\u0391', '\u00C9', '\u0141')),
        (1, Gen.Elements('\uFFFD', '\uFFFE', '\uFFFF', '\uE000', '\u1680', '\u180E')),
        (1, Gen.Choose(0, 0xFFFF).Select(i => (char)i)));

    /// <summary>Short strings (0 to 24 chars) of hostile characters.</summary>
    public static Gen<string> ShortText =>
        Gen.Choose(0, 24).SelectMany(length => Gen.ArrayOf(HostileChar, length)).Select(chars => new string(chars));

    /// <summary>Very long strings: a hostile fragment repeated to 300..70,000 chars, past every stack scratch.</summary>
    public static Gen<string> LongText =>
        from fragment in ShortText.Where(s => s.Length > 0)
        from length in Gen.Elements(StackScratchLength + 1, 1_000, 4_097, 70_000)
        select string.Concat(Enumerable.Repeat(fragment, (length / fragment.Length) + 1))[..length];

    /// <summary>Text close to something a parser accepts, with one hostile character inserted, replaced or added.</summary>
    public static Gen<string> NearValidText =>
        from valid in Gen.Elements(
            "999 000 0018", "9990000026", "999-000-0034", "LS1 4AP", "sw1a1aa", "GIR 0AA", "BFPO 1234", "05/03/1961",
            "1961-03-05", "19610305", "1961-03", "M", "female", "not known", "Quillfeather", "O'Neill-Smith", "1 Example Row, Leeds")
        from edit in Gen.Choose(0, 3)
        from position in Gen.Choose(0, 20)
        from c in HostileChar
        select Edit(valid, edit, position, c);

    /// <summary>The text arbitrary: mostly short, often near-valid, sometimes very long.</summary>
    public static Arbitrary<string> Text => Arb.From(Gen.Frequency(
        (6, ShortText),
        (3, NearValidText),
        (1, LongText),
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty))));

    /// <summary>UTF-8 inputs: encoded hostile text, raw bytes, and ill-formed sequences (overlong, surrogates, truncated).</summary>
    public static Arbitrary<byte[]> Utf8 => Arb.From(Gen.Frequency(
        (4, Gen.Frequency((6, ShortText), (3, NearValidText), (1, LongText)).Select(s => Encoding.UTF8.GetBytes(s))),
        (2, Gen.Choose(0, 24).SelectMany(length => Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), length))),
        (2, Gen.Choose(0, 12).SelectMany(length => Gen.ArrayOf(
            Gen.Elements<byte[]>([0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
                [0xE2, 0x80], [0xF0, 0x9F], [0xFF], [0x80], [0x00], [0xC2, 0xA0], [0xEF, 0xBC, 0x90], (byte[])"9"u8.ToArray(), (byte[])"A"u8.ToArray(), (byte[])" "u8.ToArray()),
            length)).Select(parts => parts.SelectMany(p => p).ToArray()))));

    private static string Edit(string text, int edit, int position, char c)
    {
        var at = Math.Min(position, text.Length);
        return edit switch
        {
            1 when at < text.Length => string.Concat(text.AsSpan(0, at), new string(c, 1), text.AsSpan(at + 1)),
            2 => text.Insert(at, new string(c, 1)),
            3 => text + new string(c, 1),
            _ => new string(c, 1) + text,
        };
    }
}
