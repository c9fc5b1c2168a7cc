using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Demographics;

namespace NhsIdentity.Tests.Demographics.SexTests;

public sealed class SexCodeProperties
{
    private static readonly string[] KnownCodes =
    [
        "1", "2", "9", "0", "x", "m", "f", "u", "o", "a", "n", "i", "male", "female", "other", "unknown", "man", "woman", "boy",
        "girl", "indeterminate", "not known", "not stated", "not specified", "not recorded", "not applicable", "ambiguous", "unk",
    ];

    private static Gen<char> InterestingChar => Gen.Frequency(
        (6, Gen.Elements("mfunoaxiletwbygrkdsp".ToCharArray())),
        (3, Gen.Elements("MFUNOAXILETWBYGRKDSP".ToCharArray())),
        (2, Gen.Elements(' ', '-', '_', '\t', '0', '1', '2', '9', '\u00A0', '\u2003')),
        (1, Gen.Choose(0, 0xFFFF).Select(i => (char)i)));

    private static Arbitrary<string> AnyText => Arb.From(Gen.Frequency(
        (3, Gen.Choose(0, 18).SelectMany(n => Gen.ArrayOf(InterestingChar, n)).Select(c => new string(c))),
        (2, Gen.Elements(KnownCodes)),
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""))));

    [Property(MaxTest = 3000)]
    public Property Never_throws_and_char_and_utf8_agree() =>
        Prop.ForAll(AnyText, text =>
        {
            var ok = SexCodes.TryParse(text, out var sex);
            var okUtf8 = SexCodes.TryParse(Encoding.UTF8.GetBytes(text), out var sexUtf8);
            return ok == okUtf8 && sex == sexUtf8 && (ok || sex == Sex.Unknown) && Enum.IsDefined(sex);
        });

    [Property(MaxTest = 3000)]
    public Property Never_throws_on_arbitrary_bytes() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 20).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), n))), bytes =>
        {
            var ok = SexCodes.TryParse(bytes, out var sex);
            return (ok || sex == Sex.Unknown) && Enum.IsDefined(sex);
        });

    [Property(MaxTest = 2000)]
    public Property Ascii_case_does_not_matter() =>
        Prop.ForAll(Arb.From(Gen.Elements(KnownCodes)), Arb.From(Gen.ArrayOf(Gen.Elements(true, false), 16)), (code, upper) =>
        {
            var chars = code.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (upper[i % upper.Length])
                {
                    chars[i] = char.ToUpperInvariant(chars[i]);
                }
            }

            return SexCodes.TryParse(new string(chars), out var mixed) && SexCodes.TryParse(code, out var lower) && mixed == lower;
        });

    [Property(MaxTest = 1000)]
    public Property Surrounding_white_space_does_not_matter() =>
        Prop.ForAll(AnyText, Arb.From(Gen.Elements("", " ", "\t", "\u00A0", "\u2003 ", "\r\n")), (text, pad) =>
        {
            var trimmed = text.Trim();
            return SexCodes.TryParse(pad + trimmed + pad, out var padded) == SexCodes.TryParse(trimmed, out var plain) && padded == plain;
        });
}
