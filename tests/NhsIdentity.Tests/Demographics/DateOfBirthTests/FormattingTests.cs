using System.Text;
using NhsIdentity.Demographics;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Demographics.DateOfBirthTests;

public sealed class FormattingTests
{
    public static TheoryData<int, string, string> Examples => new()
    {
        { 19610305, "", "1961-03-05" },
        { 19610305, "I", "1961-03-05" },
        { 19610305, "i", "1961-03-05" },
        { 19610305, "H", "19610305" },
        { 19610305, "h", "19610305" },
        { 19610305, "D", "05/03/1961" },
        { 19610305, "d", "05/03/1961" },
        { 19610300, "I", "1961-03" },
        { 19610300, "H", "196103" },
        { 19610300, "D", "03/1961" },
        { 19610000, "I", "1961" },
        { 19610000, "H", "1961" },
        { 19610000, "D", "1961" },
        { 18000101, "I", "1800-01-01" },
        { 21991231, "D", "31/12/2199" },
        { 20000229, "H", "20000229" },
        { 0, "I", "" },
        { 0, "H", "" },
        { 0, "D", "" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Formats_write_the_expected_text(int packed, string format, string expected)
    {
        var dob = DateOfBirth.FromInt32(packed);
        Assert.Equal(expected, dob.ToString(format));
        Assert.Equal(expected, dob.ToString(format, ThrowingFormatProvider.Instance));
        if (format.Length == 0)
        {
            Assert.Equal(expected, dob.ToString());
            Assert.Equal(expected, dob.ToString(null));
        }

        Span<char> chars = stackalloc char[16];
        Assert.True(dob.TryFormat(chars, out var charsWritten, format));
        Assert.Equal(expected, chars[..charsWritten].ToString());

        Span<byte> bytes = stackalloc byte[16];
        Assert.True(dob.TryFormat(bytes, out var bytesWritten, format));
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes[..bytesWritten]));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_format_parses_back_to_the_same_value(int packed, string format, string expected)
    {
        _ = format;
        var dob = DateOfBirth.FromInt32(packed);
        if (dob.IsEmpty)
        {
            Assert.False(DateOfBirth.TryParse(expected, out _));
            return;
        }

        Assert.Equal(dob, DateOfBirth.Parse(expected, DateOrder.DayMonthYear));
    }

    [Theory]
    [InlineData("X")]
    [InlineData("yyyy-MM-dd")]
    [InlineData("II")]
    [InlineData("O")]
    public void Unknown_formats_throw_FormatException(string format)
    {
        var dob = new DateOfBirth(1961, 3, 5);
        Assert.Throws<FormatException>(() => dob.ToString(format));
        Assert.Throws<FormatException>(() => dob.TryFormat(new char[16], out _, format));
        Assert.Throws<FormatException>(() => dob.TryFormat(new byte[16], out _, format));
        Assert.Throws<FormatException>(() => DateOfBirth.Empty.ToString(format));
    }

    [Fact]
    public void Interpolation_and_the_formattable_interfaces_use_the_same_formats()
    {
        var dob = new DateOfBirth(1961, 3, 5);
        Assert.Equal("1961-03-05 19610305 05/03/1961", $"{dob} {dob:H} {dob:D}");
        var utf8 = new byte[32];
        Assert.True(System.Text.Unicode.Utf8.TryWrite(utf8, $"{dob:H}", out var written));
        Assert.Equal("19610305", Encoding.UTF8.GetString(utf8, 0, written));
    }

    [Fact]
    public void Empty_writes_nothing_and_succeeds_even_into_an_empty_buffer()
    {
        Assert.True(DateOfBirth.Empty.TryFormat(Span<char>.Empty, out var charsWritten));
        Assert.Equal(0, charsWritten);
        Assert.True(DateOfBirth.Empty.TryFormat(Span<byte>.Empty, out var bytesWritten));
        Assert.Equal(0, bytesWritten);
    }
}
