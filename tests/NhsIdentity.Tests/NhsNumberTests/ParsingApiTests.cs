using System.Text;
using System.Text.RegularExpressions;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.NhsNumberTests;

public sealed partial class ParsingApiTests
{
    private static readonly NhsNumber Example = NhsNumber.FromValue(4505577104);

    public static TheoryData<string, NhsNumberStatus> BadInputs => new()
    {
        { "4505577105", NhsNumberStatus.CheckDigitMismatch },
        { "450 557 7105", NhsNumberStatus.CheckDigitMismatch },
        { "9991234560", NhsNumberStatus.CheckDigitIsTen },
        { "12345678901", NhsNumberStatus.WrongLength },
        { "999000001", NhsNumberStatus.WrongLength },
        { "999000001x", NhsNumberStatus.NonDigit },
        { "Patient 9990000018", NhsNumberStatus.NonDigit },
        { "999 0000 018", NhsNumberStatus.BadSeparator },
        { "", NhsNumberStatus.Empty },
    };

    [GeneratedRegex("[0-9]{4,}")]
    private static partial Regex FourOrMoreDigits();

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Parse_failure_names_the_status_and_never_echoes_the_input(string input, NhsNumberStatus status)
    {
        Assert.Equal(status, NhsNumber.Validate(input));
        var messages = new[]
        {
            Assert.Throws<FormatException>(() => NhsNumber.Parse(input)).Message,
            Assert.Throws<FormatException>(() => NhsNumber.Parse(input, NhsNumberStyles.Lenient)).Message,
            Assert.Throws<FormatException>(() => NhsNumber.Parse(input.AsSpan())).Message,
            Assert.Throws<FormatException>(() => NhsNumber.Parse(Encoding.UTF8.GetBytes(input))).Message,
            Assert.Throws<FormatException>(() => NhsNumber.Parse(input, (IFormatProvider?)null)).Message,
        };

        foreach (var message in messages)
        {
            Assert.Contains(status.ToString(), message, StringComparison.Ordinal);
            Assert.Contains(status.GetDescription(), message, StringComparison.Ordinal);
            if (input.Length > 0)
            {
                Assert.DoesNotContain(input, message, StringComparison.Ordinal);
            }

            foreach (Match run in FourOrMoreDigits().Matches(input))
            {
                for (var start = 0; start + 4 <= run.Value.Length; start++)
                {
                    Assert.DoesNotContain(run.Value.Substring(start, 4), message, StringComparison.Ordinal);
                }
            }

            Assert.DoesNotMatch(FourOrMoreDigits(), message);
        }
    }

    [Fact]
    public void Null_strings()
    {
        Assert.Throws<ArgumentNullException>(() => NhsNumber.Parse((string)null!));
        Assert.Throws<ArgumentNullException>(() => NhsNumber.Parse((string)null!, NhsNumberStyles.Strict));
        Assert.Throws<ArgumentNullException>(() => NhsNumber.Parse((string)null!, (IFormatProvider?)null));

        Assert.False(NhsNumber.TryParse((string?)null, out var a));
        Assert.True(a.IsEmpty);
        Assert.False(NhsNumber.TryParse((string?)null, NhsNumberStyles.Strict, out var b));
        Assert.True(b.IsEmpty);
        Assert.False(NhsNumber.TryParse((string?)null, null, out var c));
        Assert.True(c.IsEmpty);

        Assert.Equal(NhsNumberStatus.Empty, NhsNumber.Validate((string?)null));
        Assert.False(NhsNumber.IsValid((string?)null));
    }

    [Theory]
    [InlineData(42)]
    [InlineData(-1)]
    [InlineData(2)]
    public void Undefined_styles_throw_ArgumentOutOfRangeException(int raw)
    {
        var styles = (NhsNumberStyles)raw;
        var utf8 = "4505577104"u8.ToArray();
        AssertStyles(() => NhsNumber.Validate("4505577104".AsSpan(), styles));
        AssertStyles(() => NhsNumber.Validate(utf8, styles));
        AssertStyles(() => NhsNumber.IsValid("4505577104".AsSpan(), styles));
        AssertStyles(() => NhsNumber.IsValid(utf8, styles));
        AssertStyles(() => NhsNumber.TryParse("4505577104", styles, out _));
        AssertStyles(() => NhsNumber.TryParse("4505577104".AsSpan(), styles, out _));
        AssertStyles(() => NhsNumber.TryParse("4505577104".AsSpan(), styles, out _, out _));
        AssertStyles(() => NhsNumber.TryParse(utf8, styles, out _));
        AssertStyles(() => NhsNumber.TryParse(utf8, styles, out _, out _));
        AssertStyles(() => NhsNumber.Parse("4505577104", styles));
        AssertStyles(() => NhsNumber.Parse("4505577104".AsSpan(), styles));
        AssertStyles(() => NhsNumber.Parse(utf8, styles));
        // Even on input that would fail anyway: an undefined style is a programming error.
        AssertStyles(() => NhsNumber.Validate("".AsSpan(), styles));
        AssertStyles(() => NhsNumber.Validate("  x ".AsSpan(), styles));

        static void AssertStyles(Action action) =>
            Assert.Equal("styles", Assert.Throws<ArgumentOutOfRangeException>(action).ParamName);
    }

    [Fact]
    public void Status_out_parameter_overloads()
    {
        Assert.True(NhsNumber.TryParse("450 557 7104".AsSpan(), NhsNumberStyles.Strict, out var ok, out var okStatus));
        Assert.Equal(Example, ok);
        Assert.Equal(NhsNumberStatus.Valid, okStatus);

        Assert.False(NhsNumber.TryParse("450-557-7104".AsSpan(), NhsNumberStyles.Strict, out var bad, out var badStatus));
        Assert.True(bad.IsEmpty);
        Assert.Equal(NhsNumberStatus.BadSeparator, badStatus);

        Assert.True(NhsNumber.TryParse("450-557-7104"u8, NhsNumberStyles.Lenient, out var okUtf8, out var okUtf8Status));
        Assert.Equal(Example, okUtf8);
        Assert.Equal(NhsNumberStatus.Valid, okUtf8Status);

        Assert.False(NhsNumber.TryParse("4505577105"u8, NhsNumberStyles.Lenient, out var badUtf8, out var badUtf8Status));
        Assert.True(badUtf8.IsEmpty);
        Assert.Equal(NhsNumberStatus.CheckDigitMismatch, badUtf8Status);
    }

    [Fact]
    public void Styles_overloads()
    {
        Assert.True(NhsNumber.TryParse("450-557-7104", NhsNumberStyles.Lenient, out var a));
        Assert.Equal(Example, a);
        Assert.False(NhsNumber.TryParse("450-557-7104", NhsNumberStyles.Strict, out var b));
        Assert.True(b.IsEmpty);
        Assert.True(NhsNumber.TryParse(" 4505577104".AsSpan(), NhsNumberStyles.Lenient, out var c));
        Assert.Equal(Example, c);
        Assert.False(NhsNumber.TryParse(" 4505577104".AsSpan(), NhsNumberStyles.Strict, out _));
        Assert.True(NhsNumber.TryParse("4505577104"u8, NhsNumberStyles.Strict, out var d));
        Assert.Equal(Example, d);
        Assert.False(NhsNumber.TryParse("4505577104 "u8, NhsNumberStyles.Strict, out _));
        Assert.True(NhsNumber.IsValid("450 557 7104".AsSpan(), NhsNumberStyles.Strict));
        Assert.False(NhsNumber.IsValid("450-557-7104"u8, NhsNumberStyles.Strict));
        Assert.True(NhsNumber.IsValid("450-557-7104"u8, NhsNumberStyles.Lenient));
        Assert.Equal(Example, NhsNumber.Parse("450 557 7104".AsSpan(), NhsNumberStyles.Strict));
        Assert.Equal(Example, NhsNumber.Parse("450 557 7104"u8, NhsNumberStyles.Strict));
    }

    [Fact]
    public void Provider_overloads_ignore_the_provider()
    {
        var provider = ThrowingFormatProvider.Instance;
        Assert.Equal(Example, NhsNumber.Parse("450 557 7104", provider));
        Assert.Equal(Example, NhsNumber.Parse("450 557 7104".AsSpan(), provider));
        Assert.Equal(Example, NhsNumber.Parse("450 557 7104"u8, provider));
        Assert.True(NhsNumber.TryParse("450 557 7104", provider, out var a));
        Assert.True(NhsNumber.TryParse("450 557 7104".AsSpan(), provider, out var b));
        Assert.True(NhsNumber.TryParse("450 557 7104"u8, provider, out var c));
        Assert.Equal(Example, a);
        Assert.Equal(Example, b);
        Assert.Equal(Example, c);
        Assert.False(NhsNumber.TryParse("nope", provider, out _));
    }

    private static T ParseVia<T>(string s)
        where T : ISpanParsable<T> => T.Parse(s.AsSpan(), null);

    private static bool TryParseVia<T>(string? s, out T? result)
        where T : ISpanParsable<T> => T.TryParse(s.AsSpan(), null, out result);

    private static T ParseStringVia<T>(string s)
        where T : IParsable<T> => T.Parse(s, null);

    private static bool TryParseStringVia<T>(string? s, out T? result)
        where T : IParsable<T> => T.TryParse(s, null, out result);

    private static T ParseUtf8Via<T>(byte[] utf8)
        where T : IUtf8SpanParsable<T> => T.Parse(utf8, null);

    private static bool TryParseUtf8Via<T>(byte[] utf8, out T? result)
        where T : IUtf8SpanParsable<T> => T.TryParse(utf8, null, out result);

    [Fact]
    public void Generic_parsing_interfaces()
    {
        Assert.Equal(Example, ParseVia<NhsNumber>("450 557 7104"));
        Assert.Equal(Example, ParseStringVia<NhsNumber>("450-557-7104"));
        Assert.Equal(Example, ParseUtf8Via<NhsNumber>("4505577104"u8.ToArray()));

        Assert.True(TryParseVia<NhsNumber>("4505577104", out var a));
        Assert.Equal(Example, a);
        Assert.True(TryParseStringVia<NhsNumber>("4505577104", out var b));
        Assert.Equal(Example, b);
        Assert.True(TryParseUtf8Via<NhsNumber>("450 557 7104"u8.ToArray(), out var c));
        Assert.Equal(Example, c);

        Assert.False(TryParseVia<NhsNumber>("4505577105", out var d));
        Assert.True(d.IsEmpty);
        Assert.False(TryParseStringVia<NhsNumber>(null, out var e));
        Assert.True(e.IsEmpty);
        Assert.False(TryParseUtf8Via<NhsNumber>([0xFF, 0xFE], out _));

        Assert.Throws<FormatException>(() => ParseVia<NhsNumber>("4505577105"));
        Assert.Throws<ArgumentNullException>(() => ParseStringVia<NhsNumber>(null!));
        Assert.Throws<FormatException>(() => ParseUtf8Via<NhsNumber>("abc"u8.ToArray()));
    }

    [Fact]
    public void Invalid_utf8_is_rejected_not_thrown()
    {
        byte[][] inputs =
        [
            [0xFF, 0x34, 0x35, 0x30, 0x35, 0x35, 0x37, 0x37, 0x31, 0x30],
            [0x34, 0x35, 0x30, 0x35, 0x35, 0x37, 0x37, 0x31, 0x30, 0x34, 0xC2],
            [0xC2, 0xA0],
            [0xE2, 0x80],
        ];
        foreach (var input in inputs)
        {
            var status = NhsNumber.Validate(input);
            Assert.NotEqual(NhsNumberStatus.Valid, status);
            Assert.False(NhsNumber.TryParse(input, out _));
            Assert.Throws<FormatException>(() => NhsNumber.Parse(input));
        }

        // A lone UTF-8 non-breaking space is white space, so lenient sees empty text.
        Assert.Equal(NhsNumberStatus.Empty, NhsNumber.Validate([0xC2, 0xA0]));
    }

    [Fact]
    public void Status_descriptions_are_fixed_and_free_of_digits()
    {
        foreach (var status in Enum.GetValues<NhsNumberStatus>())
        {
            var description = status.GetDescription();
            Assert.False(string.IsNullOrWhiteSpace(description));
            Assert.NotEqual("unknown status", description);
            Assert.DoesNotMatch(FourOrMoreDigits(), description);
        }

        Assert.Equal("unknown status", ((NhsNumberStatus)99).GetDescription());
        Assert.Equal(Enum.GetValues<NhsNumberStatus>().Length,
            Enum.GetValues<NhsNumberStatus>().Select(s => s.GetDescription()).Distinct(StringComparer.Ordinal).Count());
    }
}
