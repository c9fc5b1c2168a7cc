using NhsIdentity.Demographics;

namespace NhsIdentity.Tests.Demographics.PersonNameTests;

/// <summary>
/// Unicode to ASCII folding. Expected values follow the Unicode Character Database: the canonical/compatibility
/// decomposition of each letter (UnicodeData.txt, field 5) with combining marks removed, or, for letters that have
/// no decomposition, the conventional ASCII spelling named in <see cref="PersonName"/> (Æ AE, Ø O, ß SS, Þ TH, Œ OE,
/// Đ D, Ł L). Names are invented or are common public given names and surnames.
/// </summary>
public sealed class FoldingTests
{
    [Theory]
    [InlineData("Kociński", "KOCINSKI")] // ń U+0144 = n + U+0301
    [InlineData("Zoë", "ZOE")] // ë U+00EB = e + U+0308
    [InlineData("Zoe\u0308", "ZOE")] // decomposed input: the combining diaeresis is removed
    [InlineData("Sio\u0302n", "SION")] // decomposed circumflex
    [InlineData("Øyvind", "OYVIND")] // Ø U+00D8: no decomposition, O
    [InlineData("Søren", "SOREN")] // ø U+00F8
    [InlineData("Æthelred", "AETHELRED")] // Æ U+00C6: AE
    [InlineData("æsa", "AESA")] // æ U+00E6
    [InlineData("Straße", "STRASSE")] // ß U+00DF: SS
    [InlineData("Łukasz", "LUKASZ")] // Ł U+0141: L
    [InlineData("Michał", "MICHAL")] // ł U+0142
    [InlineData("Đorđe", "DORDE")] // Đ U+0110, đ U+0111: D
    [InlineData("Þóra", "THORA")] // Þ U+00DE: TH; ó = o + U+0301
    [InlineData("Guðrún", "GUDRUN")] // ð U+00F0: D
    [InlineData("Œdipe", "OEDIPE")] // Œ U+0152: OE
    [InlineData("Griﬃn", "GRIFFIN")] // ﬃ U+FB03 = ffi (compatibility)
    [InlineData("Aﬁfa", "AFIFA")] // ﬁ U+FB01 = fi
    [InlineData("ＪＯＮＥＳ", "JONES")] // full-width U+FF2A.. = ASCII (compatibility)
    [InlineData("ｊｏｎｅｓ", "JONES")] // full-width lower case
    [InlineData("Gwŷn", "GWYN")] // ŷ U+0177 = y + U+0302 (Welsh)
    [InlineData("Ẃyn", "WYN")] // Ẃ U+1E82 = W + U+0301 (Latin Extended Additional)
    [InlineData("Nguyễn", "NGUYEN")] // ễ U+1EC5 = e + U+0302 + U+0303
    [InlineData("İlhan", "ILHAN")] // İ U+0130 = I + U+0307
    [InlineData("Yıldız", "YILDIZ")] // ı U+0131: I
    [InlineData("Ðặng", "DANG")] // Ð U+00D0: D
    [InlineData("Ǆemal", "DZEMAL")] // Ǆ U+01C4 = D Ž (compatibility)
    [InlineData("Ŀlorenç", "LLORENC")] // Ŀ U+013F = L + middle dot (compatibility)
    [InlineData("Paral·lel", "PARALLEL")] // U+00B7 middle dot dropped inside a word
    [InlineData("Ångström", "ANGSTROM")] // Å U+00C5, ö U+00F6
    [InlineData("\u212Bsa", "ASA")] // Angstrom sign U+212B = Å (canonical)
    [InlineData("Ēvans", "EVANS")] // Ē U+0112 (Latin Extended-A)
    [InlineData("Ǧül", "GUL")] // Ǧ U+01E6 (Latin Extended-B)
    [InlineData("Jos\u00E9 Mar\u00EDa", "JOSE MARIA")]
    public void Latin_letters_fold_to_ascii(string text, string expected) => Assert.Equal(expected, PersonName.Normalize(text));

    [Theory]
    [InlineData("Иван", "ИВАН")] // Cyrillic: kept, upper-cased
    [InlineData("王", "王")] // CJK: kept
    [InlineData("ivan Иван", "IVAN ИВАН")]
    public void Letters_without_an_ascii_form_are_kept_upper_cased(string text, string expected) =>
        Assert.Equal(expected, PersonName.Normalize(text));

    [Theory]
    [InlineData("Ann\uD83D\uDE00Lee", "ANN LEE")] // an emoji (surrogate pair) separates
    [InlineData("Ann2Lee", "ANN LEE")] // digits separate
    [InlineData("Ann\u200BLee", "ANNLEE")] // a format character (zero-width space) is dropped
    [InlineData("Ann\u00ADLee", "ANNLEE")] // soft hyphen dropped
    [InlineData("\u00A0Ann\u2003 Lee\t", "ANN LEE")]
    public void Other_characters_separate_or_vanish(string text, string expected) => Assert.Equal(expected, PersonName.Normalize(text));

    [Fact]
    public void Every_latin_letter_in_the_tables_folds_to_A_to_Z_only()
    {
        // Latin-1 Supplement, Extended-A, Extended-B (to U+024F) and Latin Extended Additional: every letter whose
        // Unicode name starts with LATIN and that the table covers gives only A-Z (others are kept, upper-cased).
        var folded = 0;
        for (var c = '\u00C0'; c <= '\u024F'; c++)
        {
            var result = PersonName.Normalize(c.ToString());
            if (result.Length > 0 && result.All(char.IsAsciiLetterUpper))
            {
                folded++;
            }
        }

        Assert.True(folded > 330, $"only {folded} of 400 code points folded to A-Z");
    }
}
