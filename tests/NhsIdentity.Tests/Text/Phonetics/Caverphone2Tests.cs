using NhsIdentity.Text.Phonetics;

namespace NhsIdentity.Tests.Text.Phonetics;

public sealed class Caverphone2Tests
{
    private const string Hood = "Hood 2004, Caverphone Revisited (ctp150804), examples as in Apache Commons Codec Caverphone2Test";
    private const string Apache = "Apache Commons Codec Caverphone2Test";
    private const string Published = "published Caverphone 2.0 examples (Wikipedia, Caverphone; CaverphoneTest suites)";

    [Theory]
    [InlineData("Peter", "PTA1111111", Hood)]
    [InlineData("ready", "RTA1111111", Hood)]
    [InlineData("social", "SSA1111111", Hood)]
    [InlineData("able", "APA1111111", Hood)]
    [InlineData("Tedder", "TTA1111111", Hood)]
    [InlineData("Karleen", "KLN1111111", Hood)]
    [InlineData("Dyun", "TN11111111", Hood)]
    [InlineData("Stevenson", "STFNSN1111", Hood)]
    [InlineData("Peady", "PTA1111111", Apache)]
    [InlineData("mb", "M111111111", Apache)] // final mb
    [InlineData("mbmb", "MPM1111111", Apache)]
    [InlineData("Lee", "LA11111111", Published)]
    [InlineData("Thompson", "TMPSN11111", Published)]
    [InlineData("Thomson", "TMSN111111", Published)]
    [InlineData("Christopher", "KRSTFA1111", Published)]
    [InlineData("Kristofer", "KRSTFA1111", Published)]
    [InlineData("Christophe", "KRSTF11111", Published)]
    [InlineData("Robert", "RPT1111111", Published)]
    [InlineData("Rupert", "RPT1111111", Published)]
    [InlineData("Johnson", "YNSN111111", Published)]
    [InlineData("Jonson", "YNSN111111", Published)]
    [InlineData("Cough", "KF11111111", Published)] // leading cough
    public void Published_vectors(string name, string expected, string source)
    {
        Assert.False(string.IsNullOrEmpty(source));
        Assert.Equal(expected, Caverphone2.Encode(name));
        Span<char> buffer = stackalloc char[Caverphone2.MaxCodeLength];
        Assert.True(Caverphone2.TryEncode(name, buffer, out var written));
        Assert.Equal(expected, buffer[..written].ToString());
    }

    /// <summary>Hood's groups of words and names that share one code (via Apache Commons Codec Caverphone2Test).</summary>
    [Theory]
    [InlineData("AT11111111", "add aid at art eat earth head hit hot hold hard heart it out old")]
    [InlineData("RTA1111111", "rather ready writer")]
    [InlineData("APA1111111", "able appear")]
    [InlineData("KLN1111111", "Cailean Callahan Carleen Charlene Cherlyn Cline Colleen Cullen Gaelan Gillian Glenn Glyn Karlyn Kellyann Khalin Kline Quillan Qulllon Xylon")]
    [InlineData("TN11111111", "Dan Dawn Ddene DeeAnn Deeyn Diahann Doehne Duane Dyun Tan Teahan Terhune Thain Thanh Theone Thorne Tjon Towne Turne Tyne")]
    [InlineData("TTA1111111", "Darda Deerdre Deirdre Detta Didier Dieter Doherty Dorthea Doughty Dowdell Duthie Taddeo Teador Teodoor Thordia Tjader Torto Tuddor Turtle Tutto")]
    public void Hood_groups_share_one_code(string expected, string names)
    {
        foreach (var name in names.Split(' '))
        {
            Assert.True(expected == Caverphone2.Encode(name), $"{name}: expected {expected}, got {Caverphone2.Encode(name)}");
        }
    }

    [Theory]
    [InlineData("Cough-Test", "CoughTest")]
    [InlineData("O'Neill", "ONeill")]
    [InlineData("Renée", "Rene")] // é is ignored, so the final e rule sees "rene"
    [InlineData("Cough123", "Cough")]
    public void Non_letters_and_non_ASCII_letters_are_ignored(string name, string same) =>
        Assert.Equal(Caverphone2.Encode(same), Caverphone2.Encode(name));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!@#$%^&*()")]
    [InlineData("ØÆ")]
    public void Text_without_an_ASCII_letter_has_the_empty_code(string name)
    {
        Assert.Equal("", Caverphone2.Encode(name));
        Assert.True(Caverphone2.TryEncode(name, [], out var written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Letters_that_all_vanish_give_ten_ones() => Assert.Equal("1111111111", Caverphone2.Encode("e"));

    [Fact]
    public void A_too_short_destination_is_left_untouched()
    {
        var buffer = new string('#', 9).ToCharArray();
        Assert.False(Caverphone2.TryEncode("Peter", buffer, out var written));
        Assert.Equal(0, written);
        Assert.Equal(new string('#', 9), new string(buffer));
    }

    [Fact]
    public void Encode_rejects_null() => Assert.Throws<ArgumentNullException>(() => Caverphone2.Encode(null!));
}
