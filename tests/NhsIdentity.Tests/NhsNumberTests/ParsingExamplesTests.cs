using System.Text;

namespace NhsIdentity.Tests.NhsNumberTests;

/// <summary>
/// Explicit expected statuses for specific inputs, under both styles and through the char and UTF-8 paths. The
/// expectations follow the documented policy: checks run emptiness, characters, digit count, separator layout, then
/// the check digit (<see cref="NhsNumberStatus"/>); ASCII white space and '-' count as (possibly misplaced)
/// separators, so ten digits in the wrong grouping are <see cref="NhsNumberStatus.BadSeparator"/>, not NonDigit.
/// </summary>
public sealed class ParsingExamplesTests
{
    public static TheoryData<string, NhsNumberStatus, NhsNumberStatus> Examples => new()
    {
        // input, lenient, strict
        { "4505577104", NhsNumberStatus.Valid, NhsNumberStatus.Valid },
        { "450 557 7104", NhsNumberStatus.Valid, NhsNumberStatus.Valid },
        { "450-557-7104", NhsNumberStatus.Valid, NhsNumberStatus.BadSeparator },
        { " 4505577104 ", NhsNumberStatus.Valid, NhsNumberStatus.BadSeparator },
        { "\t450 557 7104\r\n", NhsNumberStatus.Valid, NhsNumberStatus.BadSeparator },
        { "\u00A0450-557-7104\u2003", NhsNumberStatus.Valid, NhsNumberStatus.NonDigit },
        { "450 557-7104", NhsNumberStatus.BadSeparator, NhsNumberStatus.BadSeparator },
        { "450-557 7104", NhsNumberStatus.BadSeparator, NhsNumberStatus.BadSeparator },
        { "012  345  6789", NhsNumberStatus.BadSeparator, NhsNumberStatus.BadSeparator },
        { "01 2345 6789", NhsNumberStatus.BadSeparator, NhsNumberStatus.BadSeparator },
        { "012 3456789", NhsNumberStatus.BadSeparator, NhsNumberStatus.BadSeparator },
        { "4505 577 104", NhsNumberStatus.BadSeparator, NhsNumberStatus.BadSeparator },
        { "450557 7104", NhsNumberStatus.BadSeparator, NhsNumberStatus.BadSeparator },
        { "123456789a", NhsNumberStatus.NonDigit, NhsNumberStatus.NonDigit },
        { "Abc124398d", NhsNumberStatus.NonDigit, NhsNumberStatus.NonDigit },
        { "+123456789", NhsNumberStatus.NonDigit, NhsNumberStatus.NonDigit },
        { "12345.6789", NhsNumberStatus.NonDigit, NhsNumberStatus.NonDigit },
        { "450_557_7104", NhsNumberStatus.NonDigit, NhsNumberStatus.NonDigit },
        { "4505577104\0", NhsNumberStatus.NonDigit, NhsNumberStatus.NonDigit },
        { "\u0664\u0665\u0660\u0665\u0665\u0667\u0667\u0661\u0660\u0664", NhsNumberStatus.NonDigit, NhsNumberStatus.NonDigit },
        { "\uFF14\uFF15\uFF10\uFF15\uFF15\uFF17\uFF17\uFF11\uFF10\uFF14", NhsNumberStatus.NonDigit, NhsNumberStatus.NonDigit },
        { "", NhsNumberStatus.Empty, NhsNumberStatus.Empty },
        { "   ", NhsNumberStatus.Empty, NhsNumberStatus.WrongLength },
        { "123", NhsNumberStatus.WrongLength, NhsNumberStatus.WrongLength },
        { "123456789", NhsNumberStatus.WrongLength, NhsNumberStatus.WrongLength },
        { "12345678901", NhsNumberStatus.WrongLength, NhsNumberStatus.WrongLength },
        { " 123456789", NhsNumberStatus.WrongLength, NhsNumberStatus.WrongLength },
        { "400000002 ", NhsNumberStatus.WrongLength, NhsNumberStatus.WrongLength },
        { "123 456 789", NhsNumberStatus.WrongLength, NhsNumberStatus.WrongLength },
        { "-123456789", NhsNumberStatus.WrongLength, NhsNumberStatus.WrongLength },
        { "450 557 7105", NhsNumberStatus.CheckDigitMismatch, NhsNumberStatus.CheckDigitMismatch },
        { "123 456 7890", NhsNumberStatus.CheckDigitIsTen, NhsNumberStatus.CheckDigitIsTen },
        { "999-123-4560", NhsNumberStatus.CheckDigitIsTen, NhsNumberStatus.BadSeparator },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Status_is_as_documented(string input, NhsNumberStatus lenient, NhsNumberStatus strict)
    {
        var utf8 = Encoding.UTF8.GetBytes(input);

        Assert.Equal(lenient, NhsNumber.Validate(input));
        Assert.Equal(lenient, NhsNumber.Validate(input.AsSpan()));
        Assert.Equal(lenient, NhsNumber.Validate(input.AsSpan(), NhsNumberStyles.Lenient));
        Assert.Equal(lenient, NhsNumber.Validate(utf8));
        Assert.Equal(lenient, NhsNumber.Validate(utf8, NhsNumberStyles.Lenient));
        Assert.Equal(strict, NhsNumber.Validate(input.AsSpan(), NhsNumberStyles.Strict));
        Assert.Equal(strict, NhsNumber.Validate(utf8, NhsNumberStyles.Strict));

        Assert.Equal(lenient == NhsNumberStatus.Valid, NhsNumber.IsValid(input));
        Assert.Equal(lenient == NhsNumberStatus.Valid, NhsNumber.IsValid(utf8));
        Assert.Equal(strict == NhsNumberStatus.Valid, NhsNumber.IsValid(input.AsSpan(), NhsNumberStyles.Strict));
        Assert.Equal(strict == NhsNumberStatus.Valid, NhsNumber.IsValid(utf8, NhsNumberStyles.Strict));

        Assert.Equal(lenient == NhsNumberStatus.Valid, NhsNumber.TryParse(input.AsSpan(), NhsNumberStyles.Lenient, out _, out var s1));
        Assert.Equal(lenient, s1);
        Assert.Equal(strict == NhsNumberStatus.Valid, NhsNumber.TryParse(utf8, NhsNumberStyles.Strict, out _, out var s2));
        Assert.Equal(strict, s2);
    }

    [Fact]
    public void Lenient_accepts_the_three_layouts_of_the_same_number()
    {
        var expected = NhsNumber.FromValue(4505577104);
        Assert.Equal(expected, NhsNumber.Parse("4505577104"));
        Assert.Equal(expected, NhsNumber.Parse("450 557 7104"));
        Assert.Equal(expected, NhsNumber.Parse("450-557-7104"));
        Assert.Equal(expected, NhsNumber.Parse("  450 557 7104\n"));
        Assert.Equal(expected, NhsNumber.Parse("450 557 7104", NhsNumberStyles.Strict));
        Assert.Throws<FormatException>(() => NhsNumber.Parse("450-557-7104", NhsNumberStyles.Strict));
        Assert.Throws<FormatException>(() => NhsNumber.Parse(" 4505577104 ", NhsNumberStyles.Strict));
    }
}
