using FsCheck;
using FsCheck.Fluent;
using NhsIdentity.Demographics;

namespace NhsIdentity.Tests.Demographics.PostcodeTests;

/// <summary>FsCheck generators for postcodes, written from the published rules (not from the parser).</summary>
internal static class PostcodeArbitraries
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // Wikipedia, "Postcodes in the United Kingdom", Validation.
    private static readonly char[] FirstLetters = Letters.Except("QVX").ToArray();
    private static readonly char[] SecondLetters = Letters.Except("IJZ").ToArray();
    private static readonly char[] ThirdLetters = "ABCDEFGHJKPSTUW".ToCharArray();
    private static readonly char[] FourthLetters = "ABEHMNPRVWXY".ToCharArray();
    private static readonly char[] InwardLetters = Letters.Except("CIKMOV").ToArray();

    public static readonly string[] Shapes = ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"];

    private static Gen<char> Digit => Gen.Choose('0', '9').Select(i => (char)i);

    /// <summary>The outward code of a shape, with the letters each position allows.</summary>
    public static Gen<string> Outward(string shape) => shape switch
    {
        "A9" => from a in Gen.Elements(FirstLetters) from d in Digit select $"{a}{d}",
        "A99" => from a in Gen.Elements(FirstLetters) from d in Digit from e in Digit select $"{a}{d}{e}",
        "AA9" => from a in Gen.Elements(FirstLetters) from b in Gen.Elements(SecondLetters) from d in Digit select $"{a}{b}{d}",
        "AA99" => from a in Gen.Elements(FirstLetters) from b in Gen.Elements(SecondLetters) from d in Digit from e in Digit select $"{a}{b}{d}{e}",
        "A9A" => from a in Gen.Elements(FirstLetters) from d in Digit from c in Gen.Elements(ThirdLetters) select $"{a}{d}{c}",
        _ => from a in Gen.Elements(FirstLetters) from b in Gen.Elements(SecondLetters) from d in Digit from c in Gen.Elements(FourthLetters) select $"{a}{b}{d}{c}",
    };

    public static Gen<string> Inward => from d in Digit from x in Gen.Elements(InwardLetters) from y in Gen.Elements(InwardLetters) select $"{d}{x}{y}";

    /// <summary>Canonical geographic postcodes, every shape equally likely.</summary>
    public static Gen<string> GeographicText =>
        from shape in Gen.Elements(Shapes)
        from outward in Outward(shape)
        from inward in Inward
        select $"{outward} {inward}";

    /// <summary>Canonical special postcodes of every kind.</summary>
    public static Gen<string> SpecialText => Gen.OneOf(
        Gen.Constant("GIR 0AA"),
        Gen.Elements("ASCN", "BBND", "BIQQ", "FIQQ", "PCRN", "SIQQ", "STHL", "TDCU", "TKCA").Select(o => o + " 1ZZ"),
        Gen.Choose(1, 9999).Select(n => $"BFPO {n}"),
        from d in Digit from x in Gen.Elements(Letters.ToCharArray()) from y in Gen.Elements(Letters.ToCharArray()) select $"ZZ99 {d}{x}{y}");

    public static Gen<string> CanonicalText => Gen.Frequency((6, GeographicText), (1, SpecialText));

    public static Gen<Postcode> ValidGen => CanonicalText.Select(t => Postcode.Parse(t, PostcodeStyles.Strict));

    public static Arbitrary<Postcode> Valid => Arb.From(ValidGen);

    public static Arbitrary<string> Canonical => Arb.From(CanonicalText);

    /// <summary>Two geographic postcodes of one shape that share nothing, their area, district, sector or everything.</summary>
    public static Arbitrary<(Postcode, Postcode)> NearPairs => Arb.From(
        from shape in Gen.Elements(Shapes)
        from o1 in Outward(shape)
        from o2 in Outward(shape)
        from i1 in Inward
        from i2 in Inward
        from level in Gen.Choose(0, 4)
        let areaLength = shape.StartsWith("AA", StringComparison.Ordinal) ? 2 : 1
        let second = level switch
        {
            0 => $"{o2} {i2}",
            1 => $"{o1[..areaLength]}{o2[areaLength..]} {i2}",
            2 => $"{o1} {i2}",
            3 => $"{o1} {i1[0]}{i2[1..]}",
            _ => $"{o1} {i1}",
        }
        select (Postcode.Parse($"{o1} {i1}"), Postcode.Parse(second)));

    /// <summary>The same postcode typed differently: case, spacing, surrounding white space.</summary>
    public static Gen<string> Variant(string canonical) =>
        from lower in Gen.ArrayOf(Gen.Elements(true, false), canonical.Length)
        from squeeze in Gen.Elements("", " ", "  ", "\t")
        from pad in Gen.Elements("", " ", "\t", "\u00A0", "\r\n")
        select pad + string.Concat(canonical.Select((c, i) => c == ' ' ? squeeze : (lower[i] ? char.ToLowerInvariant(c) : c).ToString())) + pad;

    /// <summary>Characters that exercise the parser's branches.</summary>
    public static Gen<char> InterestingChar => Gen.Frequency(
        (6, Gen.Elements(Letters.ToCharArray())),
        (4, Digit),
        (2, Gen.Elements('a', 'z', 'o', 'i', 'l', ' ', '\t', '-', '.', '\u00A0', '\u2003', '\0', '\u00C4', '\uFF33', '\uFF11')),
        (1, Gen.Elements('\uD800', '\uDC00', '\uFFFD', '\u0660')),
        (1, Gen.Choose(0, 0xFFFF).Select(i => (char)i)));

    /// <summary>Arbitrary text: random, near-valid (a valid postcode with one edit) and FsCheck's own strings.</summary>
    public static Arbitrary<string> AnyText => Arb.From(Gen.Frequency(
        (3, Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(InterestingChar, n)).Select(c => new string(c))),
        (4, from t in CanonicalText from v in Variant(t) from at in Gen.Choose(0, 12) from c in InterestingChar from edit in Gen.Choose(0, 3) select Edit(v, edit, at, c)),
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""))));

    public static Arbitrary<byte[]> AnyBytes => Arb.From(Gen.Frequency(
        (2, Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), n))),
        (3, AnyText.Generator.Select(s => System.Text.Encoding.UTF8.GetBytes(s)))));

    public static Arbitrary<string> AllFormats => Arb.From(Gen.Elements("", "U", "N", "A", "D", "S", "O", "I", "u", "n", "a", "d", "s", "o", "i"));

    private static string Edit(string text, int edit, int position, char c)
    {
        var at = Math.Min(position, text.Length);
        return edit switch
        {
            1 when at < text.Length => text.Remove(at, 1).Insert(at, c.ToString()),
            2 => text.Insert(at, c.ToString()),
            3 when at < text.Length => text.Remove(at, 1),
            _ => text,
        };
    }
}
