using System.Text;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.NhsNumberTests;

/// <summary>Every row of Data/nhs-numbers.csv, checked through the char, string and UTF-8 paths.</summary>
public sealed class VectorTests
{
    private static readonly NhsNumberStatus[] FormatReasons =
        [NhsNumberStatus.Empty, NhsNumberStatus.WrongLength, NhsNumberStatus.NonDigit, NhsNumberStatus.BadSeparator];

    public static TheoryData<int, string, string> Rows()
    {
        var data = new TheoryData<int, string, string>();
        foreach (var row in NhsNumberVectors.All)
        {
            data.Add(row.Line, row.Input, row.Expected);
        }

        return data;
    }

    [Fact]
    public void The_file_is_the_verbatim_copy_with_its_quirks()
    {
        var bytes = File.ReadAllBytes(NhsNumberVectors.FilePath);
        var text = Encoding.UTF8.GetString(bytes);

        // CRLF line endings and the awkward rows survive (nobody "cleaned" the copy).
        Assert.StartsWith(NhsNumberVectors.Header + "\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\n,invalid-format,empty\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\n   ,invalid-format,whitespace only\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\n 123456789,invalid-format,", text, StringComparison.Ordinal);
        Assert.Contains("\r\n400000002 ,invalid-format,", text, StringComparison.Ordinal);
        Assert.Contains("\u0664\u0665\u0660\u0665\u0665\u0667\u0667\u0661\u0660\u0664,invalid-format", text, StringComparison.Ordinal);
        Assert.Contains("\uFF14\uFF15\uFF10\uFF15\uFF15\uFF17\uFF17\uFF11\uFF10\uFF14,invalid-format", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_parses_into_rows_of_the_three_kinds_without_trimming()
    {
        var rows = NhsNumberVectors.All;
        Assert.True(rows.Count >= 100, $"only {rows.Count} rows");
        Assert.All(rows, r => Assert.Contains(r.Expected, new[] { "valid", "invalid-check-digit", "invalid-format" }));
        Assert.Contains(rows, r => r.Input.Length == 0);
        Assert.Contains(rows, r => r.Input == "   ");
        Assert.Contains(rows, r => r.Input == " 123456789");
        Assert.Contains(rows, r => r.Input == "400000002 ");
        Assert.Contains(rows, r => r.Input == "012  345  6789");
        Assert.Contains(rows, r => r.Source.Contains("Rust nhs-number crate", StringComparison.Ordinal));
        Assert.Equal(rows.Count, rows.Select(r => r.Input).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_behaves_as_labelled(int line, string input, string expected)
    {
        _ = line; // identifies the row in the test name
        switch (expected)
        {
            case "valid":
                AssertValid(input);
                break;
            case "invalid-check-digit":
                AssertInvalidCheckDigit(input);
                break;
            case "invalid-format":
                AssertInvalidFormat(input);
                break;
            default:
                Assert.Fail($"unknown expectation '{expected}'");
                break;
        }
    }

    private static void AssertValid(string input)
    {
        var utf8 = Encoding.UTF8.GetBytes(input);
        Assert.Equal(NhsNumberStatus.Valid, ReferenceNhsNumber.StatusOfTenDigits(input));

        Assert.Equal(NhsNumberStatus.Valid, NhsNumber.Validate(input));
        Assert.Equal(NhsNumberStatus.Valid, NhsNumber.Validate(input.AsSpan()));
        Assert.Equal(NhsNumberStatus.Valid, NhsNumber.Validate(utf8));
        Assert.Equal(NhsNumberStatus.Valid, NhsNumber.Validate(input.AsSpan(), NhsNumberStyles.Strict));
        Assert.Equal(NhsNumberStatus.Valid, NhsNumber.Validate(utf8, NhsNumberStyles.Strict));
        Assert.True(NhsNumber.IsValid(input));
        Assert.True(NhsNumber.IsValid(input.AsSpan()));
        Assert.True(NhsNumber.IsValid(utf8));

        var value = long.Parse(input, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(NhsNumber.TryParse(input, out var fromString));
        Assert.True(NhsNumber.TryParse(input.AsSpan(), out var fromSpan));
        Assert.True(NhsNumber.TryParse(utf8, out var fromUtf8));
        Assert.Equal(value, fromString.Value);
        Assert.Equal(fromString, fromSpan);
        Assert.Equal(fromString, fromUtf8);
        Assert.Equal(fromString, NhsNumber.Parse(input));
        Assert.Equal(fromString, NhsNumber.Parse(utf8));
        Assert.Equal(fromString, NhsNumber.FromValue(value));

        var n = fromString;
        Assert.Equal(input, n.ToString("N"));
        Assert.Equal($"{input[..3]} {input[3..6]} {input[6..]}", n.ToString());
        Assert.Equal($"{input[..3]}-{input[3..6]}-{input[6..]}", n.ToString("H"));
        Assert.Equal($"*** *** {input[6..]}", n.ToString("M"));
        Span<byte> buffer = stackalloc byte[12];
        foreach (var format in new[] { "S", "N", "H", "s", "n", "h" })
        {
            var text = n.ToString(format);
            Assert.Equal(n, NhsNumber.Parse(text));
            Assert.True(n.TryFormat(buffer, out var written, format));
            Assert.Equal(n, NhsNumber.Parse(buffer[..written]));
            Assert.Equal(text, Encoding.UTF8.GetString(buffer[..written]));
        }
    }

    private static void AssertInvalidCheckDigit(string input)
    {
        var utf8 = Encoding.UTF8.GetBytes(input);
        var expected = ReferenceNhsNumber.StatusOfTenDigits(input);
        Assert.NotEqual(NhsNumberStatus.Valid, expected);

        foreach (var styles in new[] { NhsNumberStyles.Lenient, NhsNumberStyles.Strict })
        {
            Assert.Equal(expected, NhsNumber.Validate(input.AsSpan(), styles));
            Assert.Equal(expected, NhsNumber.Validate(utf8, styles));
            Assert.False(NhsNumber.TryParse(input.AsSpan(), styles, out var r1, out var s1));
            Assert.Equal(expected, s1);
            Assert.True(r1.IsEmpty);
            Assert.False(NhsNumber.TryParse(utf8, styles, out var r2, out var s2));
            Assert.Equal(expected, s2);
            Assert.True(r2.IsEmpty);
        }

        Assert.Equal(expected, NhsNumber.Validate(input));
        Assert.False(NhsNumber.IsValid(input));
        Assert.False(NhsNumber.IsValid(utf8));
        Assert.False(NhsNumber.TryFromValue(long.Parse(input, System.Globalization.CultureInfo.InvariantCulture), out _));
        var ex = Assert.Throws<FormatException>(() => NhsNumber.Parse(input));
        Assert.Contains(expected.ToString(), ex.Message, StringComparison.Ordinal);
    }

    private static void AssertInvalidFormat(string input)
    {
        var utf8 = Encoding.UTF8.GetBytes(input);
        var charStatus = NhsNumber.Validate(input.AsSpan());
        var utf8Status = NhsNumber.Validate(utf8);
        Assert.Contains(charStatus, FormatReasons);
        Assert.Equal(charStatus, utf8Status);
        Assert.Equal(charStatus, NhsNumber.Validate(input));
        Assert.Contains(NhsNumber.Validate(input.AsSpan(), NhsNumberStyles.Strict), FormatReasons);
        Assert.Contains(NhsNumber.Validate(utf8, NhsNumberStyles.Strict), FormatReasons);

        Assert.False(NhsNumber.IsValid(input));
        Assert.False(NhsNumber.TryParse(input, out var result));
        Assert.True(result.IsEmpty);
        Assert.False(NhsNumber.TryParse(utf8, out result));
        Assert.True(result.IsEmpty);
        Assert.Throws<FormatException>(() => NhsNumber.Parse(input));
        Assert.Throws<FormatException>(() => NhsNumber.Parse(utf8));
    }
}
