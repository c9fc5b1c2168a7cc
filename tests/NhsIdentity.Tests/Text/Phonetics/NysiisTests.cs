using NhsIdentity.Text.Phonetics;

namespace NhsIdentity.Tests.Text.Phonetics;

public sealed class NysiisTests
{
    private const string Apache = "Apache Commons Codec NysiisTest (Taft's rules, 6-character key)";
    private const string DropBy = "dropby.com NYSIIS examples, via Apache Commons Codec NysiisTest (full key)";
    private const string ApacheFull = "Apache Commons Codec NysiisTest (full key)";

    [Theory]
    [InlineData("Brian", "BRAN", Apache)]
    [InlineData("Brown", "BRAN", Apache)]
    [InlineData("Brun", "BRAN", Apache)]
    [InlineData("Capp", "CAP", Apache)]
    [InlineData("Cope", "CAP", Apache)]
    [InlineData("Kipp", "CAP", Apache)] // leading K becomes C
    [InlineData("Dent", "DAD", Apache)] // trailing NT becomes D
    [InlineData("Dane", "DAN", Apache)]
    [InlineData("Dionne", "DAN", Apache)]
    [InlineData("Phil", "FAL", Apache)] // leading PH becomes FF
    [InlineData("Schmidt", "SNAD", Apache)]
    [InlineData("Smith", "SNAT", Apache)]
    [InlineData("Schmit", "SNAT", Apache)] // leading SCH becomes SSS
    [InlineData("Kobwick", "CABWAC", Apache)]
    [InlineData("Kocher", "CACAR", Apache)]
    [InlineData("Fesca", "FASC", Apache)] // trailing A removed
    [InlineData("Shom", "SAN", Apache)] // H after S is S; M becomes N
    [InlineData("Ohlo", "OL", Apache)]
    [InlineData("Uhu", "UH", Apache)]
    [InlineData("Um", "UN", Apache)]
    [InlineData("Trueman", "TRANAN", Apache)]
    [InlineData("Truman", "TRANAN", Apache)]
    [InlineData("WESTERLUND", "WASTAR", Apache)] // truncated to six
    public void Published_vectors_truncated_to_six(string name, string expected, string source)
    {
        Assert.False(string.IsNullOrEmpty(source));
        Assert.Equal(expected, Nysiis.Encode(name));
        Assert.Equal(expected, Nysiis.Encode(name, Nysiis.DefaultMaxLength));
        Span<char> buffer = stackalloc char[Nysiis.DefaultMaxLength];
        Assert.True(Nysiis.TryEncode(name, buffer, out var written));
        Assert.Equal(expected, buffer[..written].ToString());
    }

    [Theory]
    [InlineData("MACINTOSH", "MCANT", DropBy)] // MAC becomes MCC
    [InlineData("KNUTH", "NAT", DropBy)] // KN becomes NN
    [InlineData("KOEHN", "CAN", DropBy)]
    [InlineData("PHILLIPSON", "FALAPSAN", DropBy)]
    [InlineData("PFEISTER", "FASTAR", DropBy)] // PF becomes FF
    [InlineData("SCHOENHOEFT", "SANAFT", ApacheFull)]
    [InlineData("MCKEE", "MCY", DropBy)] // trailing EE becomes Y
    [InlineData("MACKIE", "MCY", DropBy)] // trailing IE becomes Y
    [InlineData("HEITSCHMIDT", "HATSNAD", DropBy)]
    [InlineData("BART", "BAD", DropBy)]
    [InlineData("HURD", "HAD", DropBy)]
    [InlineData("HUNT", "HAD", DropBy)]
    [InlineData("WESTERLUND", "WASTARLAD", DropBy)]
    [InlineData("CASSTEVENS", "CASTAFAN", DropBy)] // EV becomes AF
    [InlineData("VASQUEZ", "VASG", DropBy)] // Q becomes G, Z becomes S
    [InlineData("FRAZIER", "FRASAR", DropBy)]
    [InlineData("BOWMAN", "BANAN", DropBy)] // W after a vowel takes the vowel
    [InlineData("MCKNIGHT", "MCNAGT", ApacheFull)]
    [InlineData("RICKERT", "RACAD", DropBy)]
    [InlineData("DEUTSCH", "DAT", DropBy)]
    [InlineData("WESTPHAL", "WASTFAL", DropBy)]
    [InlineData("SHRIVER", "SRAVAR", DropBy)]
    [InlineData("KUHL", "CAL", DropBy)]
    [InlineData("RAWSON", "RASAN", DropBy)]
    [InlineData("JILES", "JAL", DropBy)] // trailing S removed
    [InlineData("CARRAWAY", "CARY", DropBy)] // trailing AY becomes Y
    [InlineData("YAMADA", "YANAD", DropBy)]
    [InlineData("O'Daniel", "ODANAL", ApacheFull)]
    [InlineData("O'Donnel", "ODANAL", ApacheFull)]
    [InlineData("Cory", "CARY", ApacheFull)]
    [InlineData("Kory", "CARY", ApacheFull)]
    [InlineData("FUZZY", "FASY", ApacheFull)]
    [InlineData("XAYS", "XY", ApacheFull)] // rules 5 and 6
    [InlineData("XAS", "X", ApacheFull)] // rules 5 and 7
    public void Published_vectors_full_key(string name, string expected, string source)
    {
        Assert.False(string.IsNullOrEmpty(source));
        Assert.Equal(expected, Nysiis.Encode(name, int.MaxValue));
        Span<char> buffer = stackalloc char[name.Length];
        Assert.True(Nysiis.TryEncode(name, buffer, out var written, int.MaxValue));
        Assert.Equal(expected, buffer[..written].ToString());

        // The default form is the same key cut to six.
        Assert.Equal(expected[..Math.Min(6, expected.Length)], Nysiis.Encode(name));
    }

    [Theory]
    [InlineData("AS", "A")] // Apache's code gives "" here; Wikipedia's rules apply steps 5-7 after the first letter
    [InlineData("A", "A")]
    [InlineData("SS", "S")]
    public void The_first_letter_is_never_removed(string name, string expected) =>
        Assert.Equal(expected, Nysiis.Encode(name, int.MaxValue));

    [Theory]
    [InlineData(1, "W")]
    [InlineData(3, "WAS")]
    [InlineData(6, "WASTAR")]
    [InlineData(9, "WASTARLAD")]
    [InlineData(100, "WASTARLAD")]
    public void MaxLength_truncates(int maxLength, string expected) =>
        Assert.Equal(expected, Nysiis.Encode("Westerlund", maxLength));

    [Fact]
    public void A_too_short_destination_is_left_untouched()
    {
        Span<char> buffer = ['#', '#', '#'];
        Assert.False(Nysiis.TryEncode("Westerlund", buffer, out var written));
        Assert.Equal(0, written);
        Assert.Equal("###", buffer.ToString());

        // Short codes fit short buffers: "too short" is about the code, not DefaultMaxLength.
        Assert.True(Nysiis.TryEncode("Dent", buffer, out written));
        Assert.Equal("DAD", buffer[..written].ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" - ' ")]
    [InlineData("éèö")]
    public void Text_without_an_ASCII_letter_has_the_empty_code(string name)
    {
        Assert.Equal("", Nysiis.Encode(name));
        Assert.True(Nysiis.TryEncode(name, [], out var written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => Nysiis.Encode(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nysiis.Encode("Smith", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nysiis.TryEncode("Smith", new char[8], out _, -1));
    }
}
