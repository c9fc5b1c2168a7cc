using System.Text;
using NhsIdentity.Demographics;

namespace NhsIdentity.Tests.Demographics.PostcodeTests;

public sealed class FormattingAndPartsTests
{
    [Theory]
    [InlineData("SW1A 1AA", "SW1A 1AA", "SW1A1AA", "SW", "SW1A", "SW1A 1", "SW1A", "1AA")]
    [InlineData("M1 1AA", "M1 1AA", "M11AA", "M", "M1", "M1 1", "M1", "1AA")]
    [InlineData("M60 1NW", "M60 1NW", "M601NW", "M", "M60", "M60 1", "M60", "1NW")]
    [InlineData("CR2 6XH", "CR2 6XH", "CR26XH", "CR", "CR2", "CR2 6", "CR2", "6XH")]
    [InlineData("DN55 1PT", "DN55 1PT", "DN551PT", "DN", "DN55", "DN55 1", "DN55", "1PT")]
    [InlineData("W1A 1HQ", "W1A 1HQ", "W1A1HQ", "W", "W1A", "W1A 1", "W1A", "1HQ")]
    [InlineData("GIR 0AA", "GIR 0AA", "GIR0AA", "GIR", "GIR", "GIR 0", "GIR", "0AA")]
    [InlineData("STHL 1ZZ", "STHL 1ZZ", "STHL1ZZ", "STHL", "STHL", "STHL 1", "STHL", "1ZZ")]
    [InlineData("BFPO 1234", "BFPO 1234", "BFPO1234", "BFPO", "BFPO 1234", "BFPO 1234", "BFPO", "1234")]
    [InlineData("BFPO 7", "BFPO 7", "BFPO7", "BFPO", "BFPO 7", "BFPO 7", "BFPO", "7")]
    [InlineData("ZZ99 3VZ", "ZZ99 3VZ", "ZZ993VZ", "ZZ", "ZZ99", "ZZ99 3", "ZZ99", "3VZ")]
    public void Every_format_and_part(string text, string u, string n, string a, string d, string s, string o, string i)
    {
        var postcode = Postcode.Parse(text);
        Assert.Equal(u, postcode.ToString());
        Assert.Equal(u, postcode.ToString("U"));
        Assert.Equal(u, postcode.ToString(""));
        Assert.Equal(u, postcode.ToString(null));
        Assert.Equal(n, postcode.ToString("n"));
        Assert.Equal(a, postcode.ToString("A"));
        Assert.Equal(d, postcode.ToString("d"));
        Assert.Equal(s, postcode.ToString("S"));
        Assert.Equal(o, postcode.ToString("O"));
        Assert.Equal(i, postcode.ToString("i"));
        Assert.Equal(a, postcode.Area);
        Assert.Equal(d, postcode.District);
        Assert.Equal(s, postcode.Sector);
        Assert.Equal(o, postcode.OutwardCode);
        Assert.Equal(i, postcode.InwardCode);
        Assert.Equal(u, $"{postcode}");

        foreach (var (format, expected) in new[] { ("U", u), ("N", n), ("A", a), ("D", d), ("S", s), ("O", o), ("I", i) })
        {
            var chars = new char[Postcode.MaxFormattedLength];
            Assert.True(postcode.TryFormat(chars, out var written, format));
            Assert.Equal(expected, new string(chars, 0, written));
            var bytes = new byte[Postcode.MaxFormattedLength];
            Assert.True(postcode.TryFormat(bytes, out written, format));
            Assert.Equal(expected, Encoding.ASCII.GetString(bytes, 0, written));
        }
    }

    [Fact]
    public void Empty_formats_as_nothing_and_has_no_parts()
    {
        var empty = default(Postcode);
        Assert.True(empty.IsEmpty);
        Assert.Equal(Postcode.Empty, empty);
        Assert.Equal(PostcodeKind.None, empty.Kind);
        Assert.False(empty.IsPseudo);
        Assert.False(empty.HasLocation);
        Assert.Equal("", empty.ToString());
        Assert.Equal("", empty.Area);
        Assert.Equal("", empty.InwardCode);
        Assert.True(empty.TryFormat(Span<char>.Empty, out var written));
        Assert.Equal(0, written);
        Assert.True(empty.TryFormat(Span<byte>.Empty, out written, "S"));
        Assert.Equal(0, written);
        foreach (var part in Enum.GetValues<PostcodePart>())
        {
            Assert.Equal(0, empty.GetPartKey(part));
            Assert.False(empty.SharesPart(empty, part));
        }
    }

    [Theory]
    [InlineData("X")]
    [InlineData("UU")]
    [InlineData("G")]
    [InlineData("M")]
    public void Unknown_formats_throw_FormatException(string format)
    {
        var postcode = Postcode.Parse("SW1A 1AA");
        Assert.Throws<FormatException>(() => postcode.ToString(format));
        Assert.Throws<FormatException>(() => postcode.TryFormat(new char[16], out _, format));
        Assert.Throws<FormatException>(() => postcode.TryFormat(new byte[16], out _, format));
        Assert.Throws<FormatException>(() => Postcode.Empty.ToString(format));
    }

    [Theory]
    [InlineData("SW1A 1AA", "SW1A 1AB", PostcodePart.Sector)]
    [InlineData("SW1A 1AA", "SW1A 2AA", PostcodePart.District)]
    [InlineData("SW1A 1AA", "SW1P 1AA", PostcodePart.Area)]
    [InlineData("SW1A 1AA", "SW11 1AA", PostcodePart.Area)]
    [InlineData("M1 1AA", "M11 1AA", PostcodePart.Area)]
    [InlineData("M1 1AA", "MA1 1AA", null)]
    [InlineData("SW1A 1AA", "SE1A 1AA", null)]
    [InlineData("BFPO 1", "BFPO 2", PostcodePart.Area)]
    [InlineData("GIR 0AA", "ASCN 1ZZ", null)]
    [InlineData("ASCN 1ZZ", "STHL 1ZZ", null)]
    [InlineData("SW1A 1AA", "BFPO 1", null)]
    public void Shares_exactly_the_parts_it_should(string left, string right, PostcodePart? finestShared)
    {
        var a = Postcode.Parse(left);
        var b = Postcode.Parse(right);
        foreach (var part in Enum.GetValues<PostcodePart>())
        {
            var expected = finestShared is { } finest && part <= finest;
            Assert.Equal(expected, a.SharesPart(b, part));
            Assert.Equal(expected, b.SharesPart(a, part));
            Assert.Equal(expected, a.GetPartKey(part) == b.GetPartKey(part));
            Assert.NotEqual(0, a.GetPartKey(part));
            Assert.True(a.SharesPart(a, part));
        }
    }

    [Fact]
    public void Undefined_part_throws()
    {
        var postcode = Postcode.Parse("SW1A 1AA");
        Assert.Throws<ArgumentOutOfRangeException>(() => postcode.GetPartKey((PostcodePart)4));
        Assert.Throws<ArgumentOutOfRangeException>(() => postcode.SharesPart(postcode, (PostcodePart)(-1)));
    }
}
