using NhsIdentity.Demographics;

namespace NhsIdentity.Tests.Demographics.PersonNameTests;

/// <summary>Titles, suffixes, apostrophes, hyphens and punctuation (rules documented on <see cref="PersonName"/>).</summary>
public sealed class TitleAndSeparatorTests
{
    [Theory]
    [InlineData("Mr John Smith", "JOHN SMITH")]
    [InlineData("MRS. Jane Smith", "JANE SMITH")]
    [InlineData("Ms Smith", "SMITH")]
    [InlineData("Miss Jane", "JANE")]
    [InlineData("Mx Alex", "ALEX")]
    [InlineData("Dr. Prof. Jane Doe", "JANE DOE")] // consecutive titles
    [InlineData("Rev Sir John", "JOHN")]
    [InlineData("Dame Judi", "JUDI")]
    [InlineData("Lady Jane Grey", "JANE GREY")]
    [InlineData("Master Tom", "TOM")]
    [InlineData("SMITH, Mr John", "SMITH JOHN")] // title after a comma (SURNAME, Title Forenames)
    [InlineData("John Smith Jr", "JOHN SMITH")]
    [InlineData("John Smith Jnr.", "JOHN SMITH")]
    [InlineData("John Smith Sr", "JOHN SMITH")]
    [InlineData("Henry Ford II", "HENRY FORD")]
    [InlineData("John Smith III", "JOHN SMITH")]
    [InlineData("John Smith IV", "JOHN SMITH")]
    [InlineData("Mr John Smith Jr III", "JOHN SMITH")]
    public void Titles_and_suffixes_are_removed(string text, string expected) => Assert.Equal(expected, PersonName.Normalize(text));

    [Theory]
    [InlineData("Lord", "LORD")] // a family name that is also a title stays when it is the whole name
    [InlineData("Mr Lord", "LORD")] // all titles: the last is the name
    [InlineData("Miss", "MISS")]
    [InlineData("Jr", "JR")] // a suffix alone stays
    [InlineData("John Lord", "JOHN LORD")] // a title in the middle or at the end is a name
    [InlineData("Sir Lord", "LORD")]
    [InlineData("Doctor Doctor", "DOCTOR")]
    [InlineData("Lady-Smith", "LADY-SMITH")] // hyphenated words are not titles
    [InlineData("Drummond", "DRUMMOND")] // titles are whole words only
    [InlineData("Misson", "MISSON")]
    [InlineData("Ivy Smith", "IVY SMITH")] // IVY is not IV
    [InlineData("Mr Jr", "JR")]
    public void A_name_never_loses_its_last_word_and_titles_are_whole_words(string text, string expected) =>
        Assert.Equal(expected, PersonName.Normalize(text));

    [Theory]
    [InlineData("O'Reilly", "OREILLY")]
    [InlineData("O’Reilly", "OREILLY")] // U+2019
    [InlineData("O‘Reilly", "OREILLY")] // U+2018
    [InlineData("Oʼreilly", "OREILLY")] // U+02BC modifier letter apostrophe
    [InlineData("O`Reilly", "OREILLY")]
    [InlineData("D´Arcy", "DARCY")] // U+00B4 acute accent used as an apostrophe
    [InlineData("O' Reilly", "O REILLY")] // a space is still a separator
    [InlineData("Jones-Smith", "JONES-SMITH")]
    [InlineData("Jones–Smith", "JONES-SMITH")] // en dash
    [InlineData("Jones — Smith", "JONES-SMITH")] // em dash with spaces: still joined
    [InlineData("Jones--Smith", "JONES-SMITH")]
    [InlineData("-Jones-", "JONES")]
    [InlineData("  john   SMITH  ", "JOHN SMITH")]
    [InlineData("Smith,John", "SMITH JOHN")]
    [InlineData("J. R. R. Tolkien", "J R R TOLKIEN")]
    [InlineData("Smith, - Jones", "SMITH JONES")] // a comma beats a hyphen
    [InlineData("", "")]
    [InlineData("-", "")]
    [InlineData(".", "")]
    [InlineData("  ,.;-  ", "")]
    public void Apostrophes_hyphens_and_punctuation(string text, string expected) => Assert.Equal(expected, PersonName.Normalize(text));

    [Fact]
    public void Null_is_empty()
    {
        Assert.Equal("", PersonName.Normalize((string?)null));
        Assert.True(PersonName.IsPlaceholder((string?)null));
        Assert.Empty(PersonName.Tokenize(null));
        Assert.Equal(("", ""), PersonName.SplitGivenNames((string?)null));
    }

    [Fact]
    public void TryNormalize_writes_the_normalised_text_and_fails_untouched_when_too_short()
    {
        var text = "Mrs Zoë O'Reilly-Kociński";
        const string expected = "ZOE OREILLY-KOCINSKI";
        var buffer = new char[PersonName.GetMaxNormalizedLength(text.Length)];
        Assert.True(PersonName.TryNormalize(text, buffer, out var written));
        Assert.Equal(expected, new string(buffer, 0, written));

        var exact = new char[expected.Length];
        Assert.True(PersonName.TryNormalize(text, exact, out written));
        Assert.Equal(expected.Length, written);

        var shorter = Enumerable.Repeat('#', expected.Length - 1).ToArray();
        Assert.False(PersonName.TryNormalize(text, shorter, out written));
        Assert.Equal(0, written);
        Assert.All(shorter, c => Assert.Equal('#', c));

        Assert.True(PersonName.TryNormalize("-", [], out written)); // an empty result fits anywhere
        Assert.Equal(0, written);
    }

    [Fact]
    public void Max_length_covers_the_worst_expansion()
    {
        var text = new string('\uFB03', 50); // ﬃ: one char, three letters
        Assert.Equal(150, PersonName.GetMaxNormalizedLength(text.Length));
        Assert.Equal(150, PersonName.Normalize(text).Length);
        Assert.Equal(0, PersonName.GetMaxNormalizedLength(-5));
    }

    [Fact]
    public void Long_text_is_normalised_with_a_pooled_buffer_and_cut_at_4096_chars()
    {
        var longName = string.Concat(Enumerable.Repeat("Kociński ", 1000));
        var result = PersonName.Normalize(longName);
        Assert.StartsWith("KOCINSKI KOCINSKI", result, StringComparison.Ordinal);
        Assert.Equal(456, result.Split(' ').Length); // 4096 chars = 455 words of 9 chars and one of 1 char ("K")
    }
}
