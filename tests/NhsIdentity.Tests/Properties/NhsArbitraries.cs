using FsCheck;
using FsCheck.Fluent;

namespace NhsIdentity.Tests.Properties;

/// <summary>FsCheck generators shared by the property tests.</summary>
internal static class NhsArbitraries
{
    /// <summary>The regions a generator can draw from.</summary>
    public static readonly NhsNumberRegion[] GeneratableRegions =
    [
        NhsNumberRegion.Test,
        NhsNumberRegion.Synthetic,
        NhsNumberRegion.EnglandWalesIsleOfMan,
        NhsNumberRegion.ScotlandChi,
        NhsNumberRegion.NorthernIrelandHealthAndCare,
    ];

    /// <summary>Any base 0..999 999 999.</summary>
    public static Gen<int> AnyBase => Gen.Choose(0, 999_999_999);

    /// <summary>Valid numbers: uniform bases (those with a check digit), plus the edges and repdigits now and then.</summary>
    public static Gen<NhsNumber> ValidNumberGen => Gen.Frequency(
        (8, AnyBase.Where(b => NhsNumber.TryFromBase(b, out _)).Select(NhsNumber.FromBase)),
        (1, Gen.Choose(0, 9).Select(d => NhsNumber.FromValue(d * 1_111_111_111L))),
        (1, Gen.Elements(0L, 19L, 9991000100L, 9990000018L, 9999999999L, 211165794L, 4505577104L).Select(NhsNumber.FromValue)));

    public static Arbitrary<NhsNumber> ValidNumbers => Arb.From(ValidNumberGen);

    public static Arbitrary<string> RoundTripFormats => Arb.From(Gen.Elements("S", "N", "H", "s", "n", "h", ""));

    /// <summary>Characters that exercise every branch of the parser: digits, separators, white space, look-alikes, surrogates.</summary>
    public static Gen<char> InterestingChar => Gen.Frequency(
        (10, Gen.Choose('0', '9').Select(i => (char)i)),
        (3, Gen.Elements(' ', '-', '\t', '\r', '\n', '\v', '\f')),
        (2, Gen.Elements('\u00A0', '\u2003', '\u0085', '\u3000', '\u200B', '\uFEFF', '\u1680', '\u2028')),
        (2, Gen.Elements('a', 'X', '+', '.', '_', '/', '*', '\0', '\u007F', '/', ':')),
        (2, Gen.Elements('\u0660', '\u0664', '\u06F4', '\u0966', '\uFF10', '\uFF14', '\u00B2', '\u2074', '\uD835', '\uDFCE')),
        (1, Gen.Elements('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFD', '\uFFFF')),
        (1, Gen.Choose(0, 0xFFFF).Select(i => (char)i)));

    /// <summary>Short strings of interesting characters (length 0..16).</summary>
    public static Gen<string> InterestingString =>
        Gen.Choose(0, 16).SelectMany(length => Gen.ArrayOf(InterestingChar, length)).Select(chars => new string(chars));

    /// <summary>
    /// Text that is close to a valid number: a valid number in some layout, possibly padded with white space and
    /// possibly with one character replaced, inserted or deleted.
    /// </summary>
    public static Gen<string> NearValidString =>
        from n in ValidNumberGen
        from format in Gen.Elements("S", "N", "H")
        from pad in Gen.Elements("", " ", "\t", "\u00A0", "\r\n", "  ")
        from padRight in Gen.Elements("", " ", "\n", "\u2003")
        from edit in Gen.Choose(0, 3)
        from position in Gen.Choose(0, 11)
        from c in InterestingChar
        select Edit(pad + n.ToString(format) + padRight, edit, position, c);

    public static Arbitrary<string> AnyText => Arb.From(Gen.Frequency(
        (3, InterestingString),
        (3, NearValidString),
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""))));

    public static Arbitrary<byte[]> AnyBytes => Arb.From(Gen.Frequency(
        (2, Gen.Choose(0, 16).SelectMany(length => Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), length))),
        (2, Gen.Choose(0, 16).SelectMany(length => Gen.ArrayOf(Gen.Elements("0"u8.ToArray()[0], (byte)'7', (byte)' ', (byte)'-', (byte)0xC2, (byte)0xA0, (byte)0xE2, (byte)0x80, (byte)0x83, (byte)0xFF, (byte)0x80, (byte)0xED, (byte)0xA0), length))),
        (2, NearValidString.Select(s => System.Text.Encoding.UTF8.GetBytes(s)))));

    private static string Edit(string text, int edit, int position, char c)
    {
        var at = Math.Min(position, text.Length);
        return edit switch
        {
            0 => text,
            1 when at < text.Length => text.Remove(at, 1).Insert(at, c.ToString()),
            2 => text.Insert(at, c.ToString()),
            3 when at < text.Length => text.Remove(at, 1),
            _ => text,
        };
    }
}
