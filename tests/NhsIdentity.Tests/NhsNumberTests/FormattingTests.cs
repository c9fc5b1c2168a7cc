using System.Globalization;
using System.Text;
using System.Text.Unicode;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.NhsNumberTests;

public sealed class FormattingTests
{
    private static readonly NhsNumber Example = NhsNumber.FromValue(4505577104);

    public static TheoryData<string?, string> Formats => new()
    {
        { null, "450 557 7104" },
        { "", "450 557 7104" },
        { "S", "450 557 7104" },
        { "s", "450 557 7104" },
        { "N", "4505577104" },
        { "n", "4505577104" },
        { "H", "450-557-7104" },
        { "h", "450-557-7104" },
        { "M", "*** *** 7104" },
        { "m", "*** *** 7104" },
    };

    public static TheoryData<string> UnknownFormats => new()
    {
        "X", "SS", "D", "G", "D10", "N0", "n ", " N", "S\0", "0", "*", "\u0053\u0301", "\u017F",
    };

    [Fact]
    public void ToString_is_spaced()
    {
        Assert.Equal("450 557 7104", Example.ToString());
        Assert.Equal("943 476 5919", NhsNumber.FromValue(9434765919).ToString());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Formats_write_the_documented_layout(string? format, string expected)
    {
        Assert.Equal(expected, Example.ToString(format));
        Assert.Equal(expected, Example.ToString(format, null));
        Assert.Equal(expected, Example.ToString(format, CultureInfo.InvariantCulture));
        Assert.Equal(expected, Example.ToString(format, ThrowingFormatProvider.Instance));

        Span<char> chars = stackalloc char[20];
        Assert.True(Example.TryFormat(chars, out var charsWritten, format));
        Assert.Equal(expected, chars[..charsWritten].ToString());

        Span<byte> bytes = stackalloc byte[20];
        Assert.True(Example.TryFormat(bytes, out var bytesWritten, format));
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes[..bytesWritten]));

        // Through the interfaces, with a provider that must not be consulted.
        ISpanFormattable spanFormattable = Example;
        Assert.True(spanFormattable.TryFormat(chars, out charsWritten, format, ThrowingFormatProvider.Instance));
        Assert.Equal(expected, chars[..charsWritten].ToString());
        IUtf8SpanFormattable utf8Formattable = Example;
        Assert.True(utf8Formattable.TryFormat(bytes, out bytesWritten, format, ThrowingFormatProvider.Instance));
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes[..bytesWritten]));
        Assert.Equal(expected, ((IFormattable)Example).ToString(format, ThrowingFormatProvider.Instance));
    }

    [Fact]
    public void Default_TryFormat_overloads_are_spaced()
    {
        Span<char> chars = stackalloc char[12];
        Assert.True(Example.TryFormat(chars, out var charsWritten));
        Assert.Equal(12, charsWritten);
        Assert.Equal("450 557 7104", chars.ToString());

        Span<byte> bytes = stackalloc byte[12];
        Assert.True(Example.TryFormat(bytes, out var bytesWritten));
        Assert.Equal(12, bytesWritten);
        Assert.True(bytes.SequenceEqual("450 557 7104"u8));
    }

    [Theory]
    [MemberData(nameof(UnknownFormats))]
    public void Unknown_formats_throw_FormatException(string format)
    {
        Assert.Throws<FormatException>(() => Example.ToString(format));
        Assert.Throws<FormatException>(() => Example.ToString(format, CultureInfo.InvariantCulture));
        Assert.Throws<FormatException>(() => Example.TryFormat(new char[20], out _, format));
        Assert.Throws<FormatException>(() => Example.TryFormat(new byte[20], out _, format));
        // A bad format is a programming error even when the buffer is also too short, and even for Empty.
        Assert.Throws<FormatException>(() => Example.TryFormat(new char[1], out _, format));
        Assert.Throws<FormatException>(() => Example.TryFormat(new byte[1], out _, format));
        Assert.Throws<FormatException>(() => NhsNumber.Empty.ToString(format));
        Assert.Throws<FormatException>(() => NhsNumber.Empty.TryFormat(new char[20], out _, format));
        Assert.Throws<FormatException>(() => string.Format(CultureInfo.InvariantCulture, "{0:" + format.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal) + "}", Example));
    }

    [Theory]
    [InlineData(0L, "000 000 0000", "0000000000", "000-000-0000", "*** *** 0000")]
    [InlineData(211165794L, "021 116 5794", "0211165794", "021-116-5794", "*** *** 5794")]
    [InlineData(402070763L, "040 207 0763", "0402070763", "040-207-0763", "*** *** 0763")]
    [InlineData(572002688L, "057 200 2688", "0572002688", "057-200-2688", "*** *** 2688")]
    [InlineData(9999999999L, "999 999 9999", "9999999999", "999-999-9999", "*** *** 9999")]
    [InlineData(9990000018L, "999 000 0018", "9990000018", "999-000-0018", "*** *** 0018")]
    public void Leading_zeros_are_kept(long value, string spaced, string plain, string hyphenated, string masked)
    {
        var n = NhsNumber.FromValue(value);
        Assert.Equal(spaced, n.ToString());
        Assert.Equal(plain, n.ToString("N"));
        Assert.Equal(hyphenated, n.ToString("H"));
        Assert.Equal(masked, n.ToString("M"));
        Assert.Equal(n, NhsNumber.Parse(plain));
    }

    [Fact]
    public void String_interpolation_and_composite_formatting_use_the_format()
    {
        var n = Example;
        Assert.Equal("4505577104", $"{n:N}");
        Assert.Equal("450 557 7104", $"{n}");
        Assert.Equal("[450-557-7104]", $"[{n:H}]");
        Assert.Equal("NHS *** *** 7104", $"NHS {n:M}");
        Assert.Equal("  4505577104", $"{n,12:N}");
        Assert.Equal("4505577104  |", $"{n,-12:N}|");
        Assert.Equal("450 557 7104", string.Format(CultureInfo.InvariantCulture, "{0}", n));
        Assert.Equal("450-557-7104", string.Format(CultureInfo.InvariantCulture, "{0:h}", n));
        Assert.Equal("", $"{NhsNumber.Empty}");
        Assert.Equal("", $"{NhsNumber.Empty:N}");

        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"a{n:N}b");
        Assert.Equal("a4505577104b", builder.ToString());

        Span<byte> utf8 = stackalloc byte[64];
        Assert.True(Utf8.TryWrite(utf8, CultureInfo.InvariantCulture, $"id={n:N};", out var written));
        Assert.Equal("id=4505577104;", Encoding.UTF8.GetString(utf8[..written]));
        Assert.True(Utf8.TryWrite(utf8, $"{n:M}", out written));
        Assert.Equal("*** *** 7104", Encoding.UTF8.GetString(utf8[..written]));

        Span<char> chars = stackalloc char[64];
        Assert.True(chars.TryWrite(CultureInfo.InvariantCulture, $"<{n:S}>", out var charsWritten));
        Assert.Equal("<450 557 7104>", chars[..charsWritten].ToString());
    }

    [Fact]
    public void Exact_length_buffers_succeed_and_longer_buffers_keep_their_tail()
    {
        foreach (var (format, length) in new[] { ("S", 12), ("N", 10), ("H", 12), ("M", 12) })
        {
            var chars = new char[length];
            Assert.True(Example.TryFormat(chars, out var charsWritten, format));
            Assert.Equal(length, charsWritten);
            Assert.Equal(Example.ToString(format), new string(chars));

            var bytes = new byte[length];
            Assert.True(Example.TryFormat(bytes, out var bytesWritten, format));
            Assert.Equal(length, bytesWritten);
            Assert.Equal(Example.ToString(format), Encoding.UTF8.GetString(bytes));

            var longChars = Enumerable.Repeat('#', length + 5).ToArray();
            Assert.True(Example.TryFormat(longChars, out charsWritten, format));
            Assert.Equal(length, charsWritten);
            Assert.Equal(new string('#', 5), new string(longChars, length, 5));

            var longBytes = Enumerable.Repeat((byte)0xAA, length + 5).ToArray();
            Assert.True(Example.TryFormat(longBytes, out bytesWritten, format));
            Assert.Equal(length, bytesWritten);
            Assert.All(longBytes[length..], b => Assert.Equal(0xAA, b));
        }
    }

    [Fact]
    public void Too_short_buffers_fail_untouched()
    {
        foreach (var format in new[] { "", "S", "N", "H", "M" })
        {
            var length = Example.ToString(format).Length;
            for (var size = 0; size < length; size++)
            {
                var chars = Enumerable.Repeat('#', size).ToArray();
                Assert.False(Example.TryFormat(chars, out var charsWritten, format));
                Assert.Equal(0, charsWritten);
                Assert.All(chars, c => Assert.Equal('#', c));

                var bytes = Enumerable.Repeat((byte)0xAA, size).ToArray();
                Assert.False(Example.TryFormat(bytes, out var bytesWritten, format));
                Assert.Equal(0, bytesWritten);
                Assert.All(bytes, b => Assert.Equal(0xAA, b));
            }
        }
    }

    [Fact]
    public void Masked_format_hides_the_first_six_digits()
    {
        var masked = NhsNumber.FromValue(9434765919).ToString("M");
        Assert.Equal("*** *** 5919", masked);
        Assert.DoesNotContain("943", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("476", masked, StringComparison.Ordinal);
    }
}
