using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Demographics;

namespace NhsIdentity.Tests.Demographics.PersonNameTests;

/// <summary>The invariants documented on <see cref="PersonName"/>, over arbitrary and name-like Unicode text.</summary>
public sealed class PersonNameProperties
{
    private static readonly string[] Words =
        ["MR", "Mrs.", "dr", "Lord", "Lady", "jr", "III", "Smith", "O'Neil", "Zoë", "Kociński", "Jones-Smith", "Baby", "Twin", "XXX", "IV", "Miss"];

    private static Gen<char> NameChar => Gen.Frequency(
        (8, Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray())),
        (3, Gen.Choose(0x00A0, 0x024F).Select(i => (char)i)),
        (2, Gen.Choose(0x1E00, 0x1EFF).Select(i => (char)i)),
        (3, Gen.Elements(' ', ' ', '-', ',', '.', '\'', '’', '`', '\u2013', '\u00AD', '\t', '1')),
        (2, Gen.Choose(0x0300, 0x036F).Select(i => (char)i)),
        (1, Gen.Elements('\uFB00', '\uFB01', '\uFB03', '\uFB06', '\uFF21', '\uFF41', '\uFF0D', '\u212A', '\u2126', '\u212B', '\u0130', '\u0131', '\u01C5', '\u1E9E')),
        (1, Gen.Elements('\uD83D', '\uDE00', '\uD800', '\uDFFF', '\u200B', '\uFEFF', '\u0000')),
        (2, Gen.Choose(0x0080, 0xFFFF).Select(i => (char)i)));

    private static Gen<string> NameLike =>
        Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Gen.Frequency(
            (2, Gen.Elements(Words)),
            (3, Gen.Choose(0, 10).SelectMany(k => Gen.ArrayOf(NameChar, k)).Select(c => new string(c)))), n))
            .SelectMany(parts => Gen.Elements(" ", ", ", "-", "  ").Select(sep => string.Join(sep, parts)));

    private static Arbitrary<string> AnyName => Arb.From(Gen.Frequency(
        (4, NameLike),
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""))));

    [Property(MaxTest = 3000)]
    public Property Never_throws_and_all_entry_points_agree() =>
        Prop.ForAll(AnyName, text =>
        {
            var normalized = PersonName.Normalize(text);
            var buffer = new char[PersonName.GetMaxNormalizedLength(text.Length)];
            var ok = PersonName.TryNormalize(text, buffer, out var written);
            _ = PersonName.IsPlaceholder(text);
            _ = PersonName.Tokenize(text);
            _ = PersonName.SplitGivenNames(text);
            return ok && normalized == new string(buffer, 0, written) && normalized == PersonName.Normalize(text.AsSpan());
        });

    [Property(MaxTest = 3000)]
    public Property Normalising_is_idempotent() =>
        Prop.ForAll(AnyName, text =>
        {
            var once = PersonName.Normalize(text);
            return (PersonName.Normalize(once) == once).Label($"once={Escape(once)} twice={Escape(PersonName.Normalize(once))}");
        });

    [Property(MaxTest = 3000)]
    public Property Output_is_letters_and_single_inner_separators() =>
        Prop.ForAll(AnyName, text =>
        {
            var s = PersonName.Normalize(text);
            var wellFormed = s.Length == 0 || (s[0] is not (' ' or '-') && s[^1] is not (' ' or '-'))
                && !s.Contains("  ", StringComparison.Ordinal) && !s.Contains("--", StringComparison.Ordinal)
                && !s.Contains(" -", StringComparison.Ordinal) && !s.Contains("- ", StringComparison.Ordinal);
            var onlyLetters = s.All(c => c is ' ' or '-' || char.IsLetter(c));
            var asciiLettersAreUpper = !s.Any(char.IsAsciiLetterLower);
            return (wellFormed && onlyLetters && asciiLettersAreUpper).Label(Escape(s));
        });

    [Property(MaxTest = 3000)]
    public Property Latin_input_gives_only_A_to_Z_space_and_hyphen() =>
        Prop.ForAll(AnyName, text =>
        {
            // Restrict to Basic Latin, Latin-1 letters, Latin Extended-A and the marks, apostrophes and separators.
            var latin = new string(text.Where(c => c < 0x80 || (c >= 0xC0 && c <= 0x17F && c != 0xD7 && c != 0xF7 && c != 0x138) || (c >= 0x300 && c <= 0x36F) || c is '’' or '\u2013').ToArray());
            var s = PersonName.Normalize(latin);
            return s.All(c => c is ' ' or '-' || char.IsAsciiLetterUpper(c)).Label(Escape(s));
        });

    [Property(MaxTest = 3000)]
    public Property Letter_case_does_not_matter() =>
        Prop.ForAll(AnyName, original =>
        {
            // U+0345 (combining ypogegrammeni) is the one combining mark with an upper-case mapping (to the letter
            // Greek capital iota), so upper-casing the input changes what it says; it is left out.
            var text = original.Replace("\u0345", "", StringComparison.Ordinal);
            var s = PersonName.Normalize(text);
            return (PersonName.Normalize(text.ToUpperInvariant()) == s && PersonName.Normalize(text.ToLowerInvariant()) == s)
                .Label($"{Escape(text)}: {Escape(s)} / {Escape(PersonName.Normalize(text.ToUpperInvariant()))} / {Escape(PersonName.Normalize(text.ToLowerInvariant()))}");
        });

    [Property(MaxTest = 1000)]
    public Property Too_short_destination_fails_and_stays_untouched() =>
        Prop.ForAll(AnyName, text =>
        {
            var length = PersonName.Normalize(text).Length;
            for (var size = 0; size < length; size++)
            {
                var buffer = new char[size + 2];
                Array.Fill(buffer, '\uFFFF');
                if (PersonName.TryNormalize(text, buffer.AsSpan(1, size), out var written) || written != 0
                    || buffer.AsSpan().ContainsAnyExcept('\uFFFF'))
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 2000)]
    public Property Tokens_are_the_parts_and_compounds_of_the_normalised_words() =>
        Prop.ForAll(AnyName, text =>
        {
            var normalized = PersonName.Normalize(text);
            var expected = new List<string>();
            foreach (var word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = word.Split('-');
                expected.AddRange(parts);
                if (parts.Length > 1)
                {
                    expected.Add(string.Concat(parts));
                }
            }

            return PersonName.Tokenize(text).SequenceEqual(expected);
        });

    private static string Escape(string s) => string.Concat(s.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));
}
