using NhsIdentity.Text.Phonetics;

namespace NhsIdentity.Tests.Text.Phonetics;

public sealed class SoundexTests
{
    private const string Nara = "NARA, The Soundex Indexing System (archives.gov/research/census/soundex)";
    private const string Knuth = "Knuth, TAOCP vol. 3, 2nd ed., 6.2.5 (Soundex)";
    private const string Wikipedia = "Wikipedia, Soundex (American Soundex examples)";
    private const string Myatt = "myatt.demon.co.uk/sxalg.htm, via Apache Commons Codec SoundexTest (H/W rule examples)";
    private const string Rosetta = "Rosetta Code, Soundex task (test list of the REXX solution)";

    [Theory]
    [InlineData("Ashcraft", "A261", Nara)] // H rule: S and C (both 2) separated by H are coded once
    [InlineData("Ashcroft", "A261", Wikipedia)]
    [InlineData("Tymczak", "T522", Nara)] // C and Z merge; K after the vowel A is coded again
    [InlineData("Pfister", "P236", Nara)] // F has P's digit and is not coded
    [InlineData("Jackson", "J250", Nara)]
    [InlineData("Gutierrez", "G362", Nara)]
    [InlineData("Lee", "L000", Nara)]
    [InlineData("Washington", "W252", Nara)]
    [InlineData("VanDeusen", "V532", Nara)]
    [InlineData("Euler", "E460", Knuth)]
    [InlineData("Ellery", "E460", Knuth)]
    [InlineData("Gauss", "G200", Knuth)]
    [InlineData("Ghosh", "G200", Knuth)]
    [InlineData("Hilbert", "H416", Knuth)]
    [InlineData("Heilbronn", "H416", Knuth)]
    [InlineData("Knuth", "K530", Knuth)]
    [InlineData("Kant", "K530", Knuth)]
    [InlineData("Lloyd", "L300", Knuth)]
    [InlineData("Ladd", "L300", Knuth)]
    [InlineData("Lukasiewicz", "L222", Knuth)]
    [InlineData("Lissajous", "L222", Knuth)]
    [InlineData("Robert", "R163", Wikipedia)]
    [InlineData("Rupert", "R163", Wikipedia)]
    [InlineData("Rubin", "R150", Wikipedia)]
    [InlineData("Honeyman", "H555", Wikipedia)] // Y is a vowel: the two 5s around it are both coded
    [InlineData("Sgler", "S460", Myatt)]
    [InlineData("Swhgler", "S460", Myatt)] // W and H between S and G: G is not coded again
    [InlineData("BOOTHDAVIS", "B312", Myatt)] // T and D separated by H: coded once
    [InlineData("BOOTH-DAVIS", "B312", Myatt)]
    [InlineData("SCHUYLER", "S460", Myatt)]
    [InlineData("Soundex", "S532", Rosetta)]
    [InlineData("sownteks", "S532", Rosetta)]
    [InlineData("Wheaton", "W350", Rosetta)]
    [InlineData("Williams", "W452", Rosetta)]
    [InlineData("Uhrbach", "U612", Rosetta)]
    [InlineData("Van de Graaff", "V532", Rosetta)]
    [InlineData("Peterson", "P362", Rosetta)]
    [InlineData("R2-D2", "R300", Rosetta)]
    [InlineData("'til", "T400", Rosetta)]
    public void Published_vectors(string name, string expected, string source)
    {
        Assert.False(string.IsNullOrEmpty(source));
        Assert.Equal(expected, Soundex.Encode(name));
        Assert.Equal(expected, Soundex.Encode(name.ToUpperInvariant()));
        Assert.Equal(expected, Soundex.Encode(name.ToLowerInvariant()));

        Span<char> buffer = stackalloc char[Soundex.MaxCodeLength];
        Assert.True(Soundex.TryEncode(name, buffer, out var written));
        Assert.Equal(expected, buffer[..written].ToString());
    }

    [Theory]
    [InlineData("O'Hara", "OHara")] // apostrophe ignored
    [InlineData("Van Deusen", "VanDeusen")] // space ignored
    [InlineData("Smith-Jones", "SmithJones")] // hyphen ignored
    [InlineData("Zoë", "Zo")] // non-ASCII letters ignored, not folded
    [InlineData("  lee  ", "LEE")]
    [InlineData("Le3e", "Lee")] // digits ignored
    public void Non_letters_and_non_ASCII_letters_are_ignored(string name, string same)
    {
        Assert.Equal(Soundex.Encode(same), Soundex.Encode(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("123-'")]
    [InlineData("Øßé")]
    public void Text_without_an_ASCII_letter_has_the_empty_code(string name)
    {
        Assert.Equal("", Soundex.Encode(name));
        Span<char> empty = [];
        Assert.True(Soundex.TryEncode(name, empty, out var written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void A_too_short_destination_is_left_untouched()
    {
        Span<char> buffer = ['#', '#', '#'];
        Assert.False(Soundex.TryEncode("Robert", buffer, out var written));
        Assert.Equal(0, written);
        Assert.Equal("###", buffer.ToString());
    }

    [Fact]
    public void Encode_rejects_null() => Assert.Throws<ArgumentNullException>(() => Soundex.Encode(null!));

    [Fact]
    public void MaxCodeLength_is_four() => Assert.Equal(4, Soundex.MaxCodeLength);
}
