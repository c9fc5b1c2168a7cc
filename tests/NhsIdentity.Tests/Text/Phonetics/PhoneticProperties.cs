using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Text.Phonetics;

namespace NhsIdentity.Tests.Text.Phonetics;

/// <summary>
/// Invariants of every encoder over arbitrary text: never throws, deterministic, case-insensitive, documented
/// alphabet and length, too-short destinations untouched, span and string overloads agree, ignored characters are
/// ignored; plus independent oracles for Soundex and Caverphone 2.0 and truncation laws for the length options.
/// </summary>
public sealed class PhoneticProperties
{
    private static Gen<char> NameChar => Gen.Frequency(
        (20, Gen.Choose('a', 'z').Select(i => (char)i)),
        (10, Gen.Choose('A', 'Z').Select(i => (char)i)),
        (3, Gen.Elements(' ', '-', '\'', '.', '\t', '\u00A0', ',')),
        (2, Gen.Elements('ç', 'Ç', 'ñ', 'Ñ', 'é', 'ö', 'ß', 'ı', 'ſ', '\u212A', 'Ø', 'ł', 'İ')),
        (1, Gen.Elements('\uD800', '\uDC00', '\uFFFF', '\0', '0', '9', '\u0301')),
        (1, Gen.Choose(0, 0xFFFF).Select(i => (char)i)));

    private static Gen<string> NameLike =>
        Gen.Choose(0, 24).SelectMany(length => Gen.ArrayOf(NameChar, length)).Select(chars => new string(chars));

    /// <summary>Longer than the encoders' stack buffers, so the pooled path runs too.</summary>
    private static Gen<string> Long =>
        Gen.Choose(120, 400).SelectMany(length => Gen.ArrayOf(NameChar, length)).Select(chars => new string(chars));

    private static Gen<string> Letters =>
        Gen.Choose(1, 16).SelectMany(length => Gen.ArrayOf(Gen.Choose('a', 'z').Select(i => (char)i), length)).Select(chars => new string(chars));

    private static Arbitrary<string> AnyText => Arb.From(Gen.Frequency(
        (8, NameLike),
        (1, Long),
        (2, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""))));

    private static Arbitrary<int> Seeds => Arb.From(Gen.Choose(0, int.MaxValue));

    [Property(MaxTest = 1000)]
    public Property Encoders_never_throw_are_deterministic_and_overloads_agree() =>
        Prop.ForAll(AnyText, name =>
        {
            foreach (var encoder in PhoneticEncoders.All)
            {
                var fromString = encoder.Encode(name);
                if (fromString != encoder.Encode(name) || fromString != encoder.EncodeSpan(name))
                {
                    return false;
                }
            }

            var pair = DoubleMetaphone.Encode(name);
            var primary = new char[DoubleMetaphone.DefaultMaxLength];
            var alternate = new char[DoubleMetaphone.DefaultMaxLength];
            return DoubleMetaphone.TryEncode(name, primary, alternate, out var p, out var a)
                && pair == new DoubleMetaphoneCode(new string(primary, 0, p), new string(alternate, 0, a))
                && pair == DoubleMetaphone.Encode(name);
        });

    [Property(MaxTest = 1000)]
    public Property Codes_use_the_documented_alphabet_and_length() =>
        Prop.ForAll(AnyText, name =>
        {
            var letters = PhoneticEncoders.LetterCount(name);
            foreach (var encoder in PhoneticEncoders.All)
            {
                var code = encoder.Encode(name);
                var expectEmpty = letters == 0 && !encoder.Name.StartsWith("Double", StringComparison.Ordinal);
                if (expectEmpty ? code.Length != 0 : letters > 0 && !encoder.Name.StartsWith("Double", StringComparison.Ordinal) && !encoder.IsWellFormed(code, letters))
                {
                    return false;
                }
            }

            var dmLetters = PhoneticEncoders.LetterCount(name, doubleMetaphone: true);
            var pair = DoubleMetaphone.Encode(name);
            return PhoneticEncoders.IsDoubleMetaphoneCode(pair.Primary, dmLetters, DoubleMetaphone.DefaultMaxLength)
                && PhoneticEncoders.IsDoubleMetaphoneCode(pair.Alternate, dmLetters, DoubleMetaphone.DefaultMaxLength)
                && (dmLetters > 0 || pair.IsEmpty);
        });

    [Property(MaxTest = 1000)]
    public Property Encoders_are_case_insensitive() =>
        Prop.ForAll(AnyText, Seeds, (name, seed) =>
        {
            var upper = FlipCase(name, _ => true);
            var lower = FlipCase(name, _ => false);
            var random = new Random(seed);
            var mixed = FlipCase(name, _ => random.Next(2) == 0);
            foreach (var encoder in PhoneticEncoders.All)
            {
                var code = encoder.Encode(name);
                if (code != encoder.Encode(upper) || code != encoder.Encode(lower) || code != encoder.Encode(mixed))
                {
                    return false;
                }
            }

            var pair = DoubleMetaphone.Encode(name);
            return pair == DoubleMetaphone.Encode(upper) && pair == DoubleMetaphone.Encode(mixed);
        });

    [Property(MaxTest = 1000)]
    public Property Too_short_destinations_are_left_untouched() =>
        Prop.ForAll(AnyText, name =>
        {
            foreach (var encoder in PhoneticEncoders.All)
            {
                var code = encoder.Encode(name);
                if (code.Length == 0)
                {
                    continue;
                }

                var buffer = Enumerable.Repeat('#', code.Length - 1).ToArray();
                if (encoder.TryEncode(name, buffer, out var written) || written != 0 || buffer.Any(c => c != '#'))
                {
                    return false;
                }

                // And exactly the code's length is enough.
                var exact = new char[code.Length];
                if (!encoder.TryEncode(name, exact, out written) || new string(exact) != code)
                {
                    return false;
                }
            }

            var pair = DoubleMetaphone.Encode(name);
            if (pair.Primary.Length == 0)
            {
                return true;
            }

            var shortPrimary = Enumerable.Repeat('#', pair.Primary.Length - 1).ToArray();
            var roomyAlternate = Enumerable.Repeat('#', 20).ToArray();
            return !DoubleMetaphone.TryEncode(name, shortPrimary, roomyAlternate, out var p, out var a)
                && p == 0 && a == 0
                && shortPrimary.All(c => c == '#') && roomyAlternate.All(c => c == '#');
        });

    [Property(MaxTest = 1000)]
    public Property Ignored_characters_are_ignored() =>
        Prop.ForAll(AnyText, Seeds, (name, seed) =>
        {
            // Apostrophes, full stops, digits and non-ASCII letters other than Ç and Ñ are ignored by every encoder;
            // spaces and hyphens are ignored by all but Double Metaphone (where they separate words).
            const string IgnoredByAll = "'.0123456789éöüßłØ\u0301";
            var random = new Random(seed);
            var noisy = Insert(name, random, IgnoredByAll);
            var spaced = Insert(name, random, " -\t");
            foreach (var encoder in PhoneticEncoders.All)
            {
                var code = encoder.Encode(name);
                if (code != encoder.Encode(noisy))
                {
                    return false;
                }

                if (!encoder.Name.StartsWith("Double", StringComparison.Ordinal) && code != encoder.Encode(spaced))
                {
                    return false;
                }
            }

            return DoubleMetaphone.Encode(name) == DoubleMetaphone.Encode(noisy);
        });

    [Property(MaxTest = 2000)]
    public Property Soundex_matches_a_textbook_transcription() =>
        Prop.ForAll(AnyText, name => Soundex.Encode(name) == PhoneticOracles.Soundex(name));

    [Property(MaxTest = 2000)]
    public Property Caverphone2_matches_Hoods_regular_expressions() =>
        Prop.ForAll(Arb.From(Gen.Frequency((3, Letters), (1, NameLike))), name => Caverphone2.Encode(name) == PhoneticOracles.Caverphone2(name));

    [Property(MaxTest = 1000)]
    public Property Shorter_maximum_lengths_are_prefixes_of_the_full_code() =>
        Prop.ForAll(AnyText, Arb.From(Gen.Choose(1, 14)), (name, maxLength) =>
        {
            var fullNysiis = Nysiis.Encode(name, int.MaxValue);
            var fullPair = DoubleMetaphone.Encode(name, int.MaxValue);
            var cutPair = DoubleMetaphone.Encode(name, maxLength);
            return Nysiis.Encode(name, maxLength) == fullNysiis[..Math.Min(maxLength, fullNysiis.Length)]
                && cutPair.Primary == fullPair.Primary[..Math.Min(maxLength, fullPair.Primary.Length)]
                && cutPair.Alternate == fullPair.Alternate[..Math.Min(maxLength, fullPair.Alternate.Length)];
        });

    private static string FlipCase(string text, Func<int, bool> upper)
    {
        // Only the letters the encoders code: ToUpperInvariant would also turn 'ı' and 'ſ' into ASCII letters.
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsAsciiLetter(c) || c is 'ç' or 'Ç' or 'ñ' or 'Ñ')
            {
                chars[i] = upper(i) ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
            }
        }

        return new string(chars);
    }

    private static string Insert(string text, Random random, string pool)
    {
        var result = new System.Text.StringBuilder(text);
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            result.Insert(random.Next(result.Length + 1), pool[random.Next(pool.Length)]);
        }

        return result.ToString();
    }
}
