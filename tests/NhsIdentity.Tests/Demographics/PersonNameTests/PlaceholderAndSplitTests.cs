using NhsIdentity.Demographics;

namespace NhsIdentity.Tests.Demographics.PersonNameTests;

/// <summary>Placeholders, given-name splits and token enumeration.</summary>
public sealed class PlaceholderAndSplitTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("?")]
    [InlineData("123")]
    [InlineData("Unknown")]
    [InlineData("UNKNOWN MALE")]
    [InlineData("Mr Unknown")]
    [InlineData("Not Known")]
    [InlineData("not-known")]
    [InlineData("NOTKNOWN")]
    [InlineData("UNK")]
    [InlineData("N/K")]
    [InlineData("N/A")]
    [InlineData("NK")]
    [InlineData("None")]
    [InlineData("NULL")]
    [InlineData("No Name")]
    [InlineData("Baby")]
    [InlineData("BABY BOY")]
    [InlineData("Baby Girl")]
    [InlineData("baby-boy")]
    [InlineData("Baby of Jane Smith")]
    [InlineData("BABY A")]
    [InlineData("Baby Twin")]
    [InlineData("Twin")]
    [InlineData("Twin 1")]
    [InlineData("TWIN 2")]
    [InlineData("Twin A")]
    [InlineData("Twin Two")]
    [InlineData("XXX")]
    [InlineData("xx")]
    [InlineData("ZZZ")]
    [InlineData("ZZ")]
    [InlineData("AAAA")]
    public void Placeholders_are_missing(string text) => Assert.True(PersonName.IsPlaceholder(text));

    [Theory]
    [InlineData("Jane")]
    [InlineData("Babyface")]
    [InlineData("Twinkle")]
    [InlineData("Twin Peaks Smith")] // TWIN followed by more than one word
    [InlineData("Not")]
    [InlineData("Noel")]
    [InlineData("Bo")]
    [InlineData("Ann")]
    [InlineData("Lee")]
    [InlineData("X")]
    [InlineData("AA")]
    [InlineData("Unknownson")]
    [InlineData("Xavier")]
    [InlineData("Mary Unknown")] // UNKNOWN only counts as the first word
    public void Names_are_not_placeholders(string text) => Assert.False(PersonName.IsPlaceholder(text));

    [Theory]
    [InlineData("Mary Jane Ann", "MARY", "JANE ANN")]
    [InlineData("Dr Mary Jane Ann", "MARY", "JANE ANN")]
    [InlineData("Mary", "MARY", "")]
    [InlineData("Mary-Jane Ann", "MARY-JANE", "ANN")]
    [InlineData("  mary ,  jane  ", "MARY", "JANE")]
    [InlineData("", "", "")]
    [InlineData("J. R. R.", "J", "R R")]
    public void Given_names_split_into_first_and_middle(string text, string first, string middle)
    {
        Assert.Equal((first, middle), PersonName.SplitGivenNames(text));
        PersonName.SplitGivenNames(PersonName.Normalize(text), out var f, out var m);
        Assert.Equal(first, f.ToString());
        Assert.Equal(middle, m.ToString());
    }

    [Fact]
    public void SplitGivenNames_on_spans_tolerates_extra_spaces()
    {
        PersonName.SplitGivenNames("  MARY   JANE ", out var first, out var middle);
        Assert.Equal("MARY", first.ToString());
        Assert.Equal("JANE", middle.ToString());
    }

    [Theory]
    [InlineData("Jones-Smith", "JONES|SMITH|JONESSMITH")]
    [InlineData("Mary-Jane O'Neil", "MARY|JANE|MARYJANE|ONEIL")]
    [InlineData("Anne Smith-Jones-Brown Lee", "ANNE|SMITH|JONES|BROWN|SMITHJONESBROWN|LEE")]
    [InlineData("Smith", "SMITH")]
    [InlineData("", "")]
    public void Tokenize_gives_words_parts_and_compounds(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', PersonName.Tokenize(text)));

    [Fact]
    public void EnumerateTokens_without_a_buffer_gives_parts_only()
    {
        var tokens = new List<string>();
        foreach (var token in PersonName.EnumerateTokens("JONES-SMITH LEE"))
        {
            tokens.Add(token.ToString());
        }

        Assert.Equal(["JONES", "SMITH", "LEE"], tokens);
    }

    [Fact]
    public void EnumerateTokens_flags_compounds_and_skips_those_that_do_not_fit()
    {
        var kinds = new List<string>();
        Span<char> small = stackalloc char[6];
        foreach (var token in PersonName.EnumerateTokens("AB-CD JONES-SMITH", small))
        {
            kinds.Add(token.ToString());
        }

        Assert.Equal(["AB", "CD", "ABCD", "JONES", "SMITH"], kinds); // JONESSMITH needs 10 chars

        var e = PersonName.EnumerateTokens("AB-CD", new char[8]);
        Assert.True(e.MoveNext());
        Assert.False(e.IsCompound);
        Assert.True(e.MoveNext());
        Assert.True(e.MoveNext());
        Assert.True(e.IsCompound);
        Assert.Equal("ABCD", e.Current.ToString());
        Assert.False(e.MoveNext());
    }

    [Theory]
    [InlineData(" - , -- ", "")]
    [InlineData("--A--B--", "A|B|AB")]
    [InlineData(",A,,B,", "A|B")]
    public void EnumerateTokens_tolerates_text_that_is_not_normalised(string text, string expected)
    {
        var tokens = new List<string>();
        foreach (var token in PersonName.EnumerateTokens(text, new char[text.Length]))
        {
            tokens.Add(token.ToString());
        }

        Assert.Equal(expected, string.Join('|', tokens));
    }
}
