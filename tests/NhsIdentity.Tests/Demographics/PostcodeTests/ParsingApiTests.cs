using System.Text;
using NhsIdentity.Demographics;

namespace NhsIdentity.Tests.Demographics.PostcodeTests;

public sealed class ParsingApiTests
{
    [Fact]
    public void Every_entry_point_agrees_on_a_valid_postcode()
    {
        const string text = " sw1a 1aa ";
        var utf8 = Encoding.UTF8.GetBytes(text);
        var expected = Postcode.Parse("SW1A 1AA", PostcodeStyles.Strict);

        Assert.Equal(expected, Postcode.Parse(text));
        Assert.Equal(expected, Postcode.Parse(text.AsSpan()));
        Assert.Equal(expected, Postcode.Parse(text, PostcodeStyles.Lenient));
        Assert.Equal(expected, Postcode.Parse(text.AsSpan(), PostcodeStyles.Lenient));
        Assert.Equal(expected, Postcode.Parse(utf8));
        Assert.Equal(expected, Postcode.Parse(utf8, PostcodeStyles.Lenient));
        Assert.Equal(expected, Postcode.Parse(text, null));
        Assert.Equal(expected, Postcode.Parse(text.AsSpan(), null));
        Assert.Equal(expected, Postcode.Parse(utf8.AsSpan(), null));
        Assert.Equal(expected, Parse<Postcode>(text));
        Assert.Equal(expected, ParseUtf8<Postcode>(utf8));

        Assert.True(Postcode.TryParse(text, out var a) && a == expected);
        Assert.True(Postcode.TryParse(text.AsSpan(), out var b) && b == expected);
        Assert.True(Postcode.TryParse(text, PostcodeStyles.Lenient, out var c) && c == expected);
        Assert.True(Postcode.TryParse(text.AsSpan(), PostcodeStyles.Lenient, out var d) && d == expected);
        Assert.True(Postcode.TryParse(utf8, out var e) && e == expected);
        Assert.True(Postcode.TryParse(utf8, PostcodeStyles.Lenient, out var f) && f == expected);
        Assert.True(Postcode.TryParse(text, null, out var g) && g == expected);
        Assert.True(Postcode.TryParse(text.AsSpan(), null, out var h) && h == expected);
        Assert.True(Postcode.TryParse(utf8.AsSpan(), null, out var i) && i == expected);

        Assert.True(Postcode.IsValid(text));
        Assert.True(Postcode.IsValid(text.AsSpan()));
        Assert.True(Postcode.IsValid(utf8));
        Assert.False(Postcode.IsValid(text.AsSpan(), PostcodeStyles.Strict));
        Assert.False(Postcode.IsValid(utf8, PostcodeStyles.Strict));
        Assert.Equal(PostcodeStatus.Valid, Postcode.Validate(text));
        Assert.Equal(PostcodeStatus.InvalidCharacter, Postcode.Validate(utf8, PostcodeStyles.Strict));
    }

    [Fact]
    public void Null_string_fails_softly_and_throws_ArgumentNullException_from_Parse()
    {
        Assert.False(Postcode.TryParse((string?)null, out var result));
        Assert.True(result.IsEmpty);
        Assert.False(Postcode.IsValid((string?)null));
        Assert.Equal(PostcodeStatus.Empty, Postcode.Validate((string?)null));
        Assert.Throws<ArgumentNullException>(() => Postcode.Parse((string)null!));
        Assert.Throws<ArgumentNullException>(() => Postcode.Parse((string)null!, PostcodeStyles.Strict));
    }

    [Theory]
    [InlineData("SW1A 1AI", PostcodeStatus.InvalidLetter)]
    [InlineData("EC1A 1BX8", PostcodeStatus.WrongLength)]
    [InlineData("DN55-1PT", PostcodeStatus.InvalidCharacter)]
    [InlineData("", PostcodeStatus.Empty)]
    public void Parse_throws_FormatException_with_the_reason_and_never_the_text(string text, PostcodeStatus status)
    {
        var ex = Assert.Throws<FormatException>(() => Postcode.Parse(text));
        Assert.Contains($"({status})", ex.Message, StringComparison.Ordinal);
        Assert.Contains(status.GetDescription(), ex.Message, StringComparison.Ordinal);
        if (text.Length > 0)
        {
            Assert.DoesNotContain(text, ex.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(text[..3], ex.Message, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Throws<FormatException>(() => Postcode.Parse(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Undefined_styles_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Postcode.TryParse("SW1A 1AA", (PostcodeStyles)2, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Postcode.Validate("SW1A 1AA"u8, (PostcodeStyles)(-1)));
    }

    [Fact]
    public void Every_status_has_a_description()
    {
        foreach (var status in Enum.GetValues<PostcodeStatus>())
        {
            Assert.NotEqual("unknown status", status.GetDescription());
        }

        Assert.Equal("unknown status", ((PostcodeStatus)99).GetDescription());
    }

    private static T Parse<T>(string text)
        where T : ISpanParsable<T> => T.Parse(text.AsSpan(), null);

    private static T ParseUtf8<T>(byte[] utf8)
        where T : IUtf8SpanParsable<T> => T.Parse(utf8, null);
}
