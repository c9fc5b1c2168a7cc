using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.NhsNumberTests;

public sealed class ConstructionTests
{
    [Theory]
    [InlineData(450557710, 4505577104L)]
    [InlineData(943476591, 9434765919L)]
    [InlineData(0, 0L)]
    [InlineData(999999999, 9999999999L)]
    [InlineData(999100010, 9991000100L)] // remainder 0: check digit 0
    [InlineData(21116579, 211165794L)]
    public void FromBase_appends_the_check_digit(int nineDigitBase, long expected)
    {
        var n = NhsNumber.FromBase(nineDigitBase);
        Assert.Equal(expected, n.Value);
        Assert.Equal(nineDigitBase, n.Base);
        Assert.Equal((int)(expected % 10), n.CheckDigit);
        Assert.Equal(ReferenceNhsNumber.CheckDigitOrMinusOne(nineDigitBase), n.CheckDigit);

        Assert.True(NhsNumber.TryFromBase(nineDigitBase, out var t));
        Assert.Equal(n, t);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000_000)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void FromBase_out_of_range(int nineDigitBase)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NhsNumber.FromBase(nineDigitBase));
        Assert.Equal("nineDigitBase", ex.ParamName);
        Assert.False(NhsNumber.TryFromBase(nineDigitBase, out var result));
        Assert.True(result.IsEmpty);
    }

    [Theory]
    [InlineData(999123456)]
    [InlineData(123456789)]
    [InlineData(999000000)]
    public void FromBase_with_check_value_ten(int nineDigitBase)
    {
        Assert.False(ReferenceNhsNumber.HasCheckDigit(nineDigitBase)); // the premise, by the reference
        var ex = Assert.Throws<ArgumentException>(() => NhsNumber.FromBase(nineDigitBase));
        Assert.Equal("nineDigitBase", ex.ParamName);
        Assert.False(NhsNumber.TryFromBase(nineDigitBase, out var result));
        Assert.True(result.IsEmpty);
        Assert.Equal(-1, NhsNumber.ComputeCheckDigit(nineDigitBase));
    }

    [Theory]
    [InlineData(4505577104L)]
    [InlineData(0L)]
    [InlineData(9999999999L)]
    [InlineData(211165794L)]
    [InlineData(9990000018L)]
    public void FromValue_accepts_valid_values(long value)
    {
        var n = NhsNumber.FromValue(value);
        Assert.Equal(value, n.Value);
        Assert.True(NhsNumber.TryFromValue(value, out var t));
        Assert.Equal(n, t);
        Assert.Equal(n, NhsNumber.Parse(ReferenceNhsNumber.TenDigits(value)));
    }

    [Theory]
    [InlineData(4505577105L)] // wrong check digit
    [InlineData(1234567890L)] // check value 10
    [InlineData(9990000000L)] // check value 10
    [InlineData(-1L)]
    [InlineData(-4505577104L)]
    [InlineData(10_000_000_000L)]
    [InlineData(14505577104L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void FromValue_rejects_invalid_values(long value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NhsNumber.FromValue(value));
        Assert.Equal("value", ex.ParamName);
        Assert.False(NhsNumber.TryFromValue(value, out var result));
        Assert.True(result.IsEmpty);
    }

    [Theory]
    [InlineData("450557710", 4)]
    [InlineData("943476591", 9)]
    [InlineData("000000000", 0)]
    [InlineData("999100010", 0)]
    [InlineData("021116579", 4)]
    [InlineData("999123456", -1)]
    [InlineData("123456789", -1)]
    public void ComputeCheckDigit_all_overloads_agree(string nineDigits, int expected)
    {
        Assert.Equal(expected, ReferenceNhsNumber.CheckDigitOrMinusOne(int.Parse(nineDigits, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, NhsNumber.ComputeCheckDigit(nineDigits));
        Assert.Equal(expected, NhsNumber.ComputeCheckDigit(nineDigits.AsSpan()));
        Assert.Equal(expected, NhsNumber.ComputeCheckDigit(System.Text.Encoding.ASCII.GetBytes(nineDigits)));
        Assert.Equal(expected, NhsNumber.ComputeCheckDigit(int.Parse(nineDigits, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("45055771")] // 8
    [InlineData("4505577104")] // 10
    [InlineData("")]
    [InlineData("45055771a")]
    [InlineData("-45055771")]
    [InlineData("+45055771")]
    [InlineData(" 45055771")]
    [InlineData("450 557 7")]
    [InlineData("\u0664\u0665\u0660\u0665\u0665\u0667\u0667\u0661\u0660")]
    [InlineData("\uFF14\uFF15\uFF10\uFF15\uFF15\uFF17\uFF17\uFF11\uFF10")]
    public void ComputeCheckDigit_rejects_anything_but_nine_ascii_digits(string text)
    {
        var fromString = Assert.Throws<ArgumentException>(() => NhsNumber.ComputeCheckDigit(text));
        Assert.Equal("nineDigits", fromString.ParamName);
        var fromSpan = Assert.Throws<ArgumentException>(() => NhsNumber.ComputeCheckDigit(text.AsSpan()));
        Assert.Equal("nineDigits", fromSpan.ParamName);
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        Assert.Throws<ArgumentException>(() => NhsNumber.ComputeCheckDigit(utf8));
    }

    [Fact]
    public void ComputeCheckDigit_utf8_names_its_own_parameter()
    {
        // BCL convention: ArgumentException.ParamName is the name of the public method's parameter.
        var ex = Assert.Throws<ArgumentException>(() => NhsNumber.ComputeCheckDigit("45055771"u8));
        Assert.Equal("utf8NineDigits", ex.ParamName);
    }

    [Fact]
    public void ComputeCheckDigit_null_and_out_of_range()
    {
        Assert.Throws<ArgumentNullException>(() => NhsNumber.ComputeCheckDigit((string)null!));
        Assert.Equal("nineDigitBase", Assert.Throws<ArgumentOutOfRangeException>(() => NhsNumber.ComputeCheckDigit(-1)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => NhsNumber.ComputeCheckDigit(1_000_000_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => NhsNumber.ComputeCheckDigit(int.MinValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => NhsNumber.ComputeCheckDigit(int.MaxValue));
    }

    [Fact]
    public void Repdigits_are_valid_and_flagged()
    {
        for (var digit = 0; digit <= 9; digit++)
        {
            var text = new string((char)('0' + digit), 10);
            var n = NhsNumber.Parse(text);
            Assert.True(n.IsRepdigit, text);
            Assert.Equal(digit * 1_111_111_111L, n.Value);
            Assert.Equal(n, NhsNumber.FromValue(digit * 1_111_111_111L));
            Assert.Equal(NhsNumberStatus.Valid, ReferenceNhsNumber.StatusOfTenDigits(text));
        }

        Assert.False(NhsNumber.FromValue(4505577104).IsRepdigit);
        Assert.False(NhsNumber.FromValue(9990000018).IsRepdigit);
        Assert.False(NhsNumber.Parse("1111111111").Equals(NhsNumber.Parse("2222222222")));
        Assert.False(NhsNumber.Empty.IsRepdigit);

        // Every near-repdigit (one digit changed) is either invalid or not a repdigit.
        Assert.False(NhsNumber.TryParse("1111121111", out _));
    }

    [Fact]
    public void IsTestNumber_only_for_the_999_range()
    {
        Assert.True(NhsNumber.FromValue(9990000018).IsTestNumber);
        Assert.True(NhsNumber.FromValue(9999999999).IsTestNumber);
        Assert.False(NhsNumber.FromValue(9000000009).IsTestNumber);
        Assert.False(NhsNumber.FromValue(4505577104).IsTestNumber);
        Assert.False(NhsNumber.Empty.IsTestNumber);
    }
}
