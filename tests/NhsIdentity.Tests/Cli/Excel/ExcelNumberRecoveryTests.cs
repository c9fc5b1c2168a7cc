using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Ingestion;
using NhsIdentity.Tests.Properties;

namespace NhsIdentity.Tests.Cli.Excel;

/// <summary>NHS numbers Excel wrote as formulas, decimals or scientific notation: recovered when every digit survives,
/// reported lost when some were rounded away.</summary>
public sealed class ExcelNumberRecoveryTests
{
    /// <summary>Valid numbers Excel could have held as a ten-digit number (it drops a leading zero).</summary>
    private static Arbitrary<NhsNumber> TenDigitNumbers => Arb.From(NhsArbitraries.ValidNumberGen.Where(n => n.Value >= 1_000_000_000L));

    [Property(MaxTest = 500)]
    public Property Every_damaged_form_with_all_digits_recovers_to_the_number() =>
        Prop.ForAll(TenDigitNumbers, n =>
        {
            var digits = n.Value.ToString(CultureInfo.InvariantCulture);
            string[] forms =
            [
                "=\"" + digits + "\"",
                digits + ".0",
                digits + ".00",
                digits[0] + "." + digits[1..] + "E+09",
                digits[0] + "." + digits[1..] + "e+9",
                digits[0] + "." + digits[1..] + "E09",
            ];
            return forms.All(form => ExcelNumberRecovery.Recover(form, out var damage) == digits && damage == ExcelNumberDamage.Recovered);
        });

    [Property(MaxTest = 500)]
    public Property Scientific_notation_with_fewer_than_ten_significant_digits_is_lost() =>
        Prop.ForAll(TenDigitNumbers, Arb.From(Gen.Choose(1, 9)), (n, significant) =>
        {
            // As Excel's General format shows it: rounded to a few digits, trailing zeros dropped.
            var text = ((double)n.Value).ToString("E" + (significant - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var mantissa = text[..text.IndexOf('E', StringComparison.Ordinal)].TrimEnd('0').TrimEnd('.');
            var exponent = text[(text.IndexOf('E', StringComparison.Ordinal) + 1)..];
            var excel = mantissa + "E+" + int.Parse(exponent, CultureInfo.InvariantCulture).ToString("00", CultureInfo.InvariantCulture);
            var recovered = ExcelNumberRecovery.Recover(excel, out var damage);
            return (recovered is null && damage == ExcelNumberDamage.Lost).Label(excel);
        });

    [Theory]
    [InlineData("9.99815E+09")]
    [InlineData("9.99815E09")]
    [InlineData("1E+09")]
    public void Excel_general_format_loses_digits(string text)
    {
        Assert.Null(ExcelNumberRecovery.Recover(text, out var damage));
        Assert.Equal(ExcelNumberDamage.Lost, damage);
    }

    [Theory]
    [InlineData("9998153395")]
    [InlineData("999 815 3395")]
    [InlineData("999-815-3395")]
    [InlineData("9998153395.5")]          // a fraction: the parser's to call invalid
    [InlineData("9.9981533951E+09")]      // more digits than the number: not an Excel integer
    [InlineData("1.5E-03")]
    [InlineData("=SUM(A1)")]
    [InlineData("E+09")]
    [InlineData("abc.0x")]
    public void Other_values_are_left_alone(string text)
    {
        Assert.Equal(text, ExcelNumberRecovery.Recover(text, out var damage));
        Assert.Equal(ExcelNumberDamage.None, damage);
    }

    [Fact]
    public void Null_and_empty_are_not_damage()
    {
        Assert.Null(ExcelNumberRecovery.Recover(null, out var damage));
        Assert.Equal(ExcelNumberDamage.None, damage);
        Assert.Equal(string.Empty, ExcelNumberRecovery.Recover(string.Empty, out damage));
        Assert.Equal(ExcelNumberDamage.None, damage);
    }
}
