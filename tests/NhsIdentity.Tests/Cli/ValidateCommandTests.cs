using System.Text.RegularExpressions;
using NhsIdentity.Cli.Commands;
using Xunit;

namespace NhsIdentity.Tests.Cli;

public sealed partial class ValidateCommandTests
{
    // 999-range public vectors (shared/vectors/nhs-numbers.csv) and damaged copies of them.
    private const string Valid1 = "9990000018";
    private const string Valid2 = "999 000 0026";
    private const string WrongCheckDigit = "9991000004";
    private const string CheckValueTen = "9990000000";
    private const string NineDigits = "999000001";

    [Fact]
    public void ValidArgumentsPrintMaskedAndExitZero()
    {
        var result = CliRunner.Run("validate", Valid1, Valid2);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["arg 1: *** *** 0018 valid", "arg 2: *** *** 0026 valid"], result.OutputLines);
        var summary = CliRunner.ParseSummary(result.Error);
        Assert.Equal((2L, 2L, 0L), (summary.Inputs, summary.Valid, summary.Invalid));
    }

    [Fact]
    public void InvalidArgumentsPrintPositionAndReasonAndExitOne()
    {
        var result = CliRunner.Run("validate", WrongCheckDigit, CheckValueTen, NineDigits, "99900O0018", "");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "arg 1: invalid, check digit does not match",
                "arg 2: invalid, check value is 10 (no valid check digit exists)",
                "arg 3: invalid, not ten digits",
                "arg 4: invalid, contains a character that is not an ASCII digit or separator",
                "arg 5: invalid, empty",
            ],
            result.OutputLines);
    }

    [Fact]
    public void MixedArgumentsExitOneAndSummaryReconciles()
    {
        var result = CliRunner.Run("validate", Valid1, WrongCheckDigit, Valid2, WrongCheckDigit, CheckValueTen);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(5, result.OutputLines.Length);
        var summary = CliRunner.ParseSummary(result.Error);
        summary.AssertReconciles();
        Assert.Equal((5L, 2L, 3L), (summary.Inputs, summary.Valid, summary.Invalid));
        Assert.Equal(2, summary.InvalidByReason[NhsNumberStatus.CheckDigitMismatch.GetDescription()]);
        Assert.Equal(1, summary.InvalidByReason[NhsNumberStatus.CheckDigitIsTen.GetDescription()]);
    }

    [Fact]
    public void StandardInputIsReadOneNumberPerLineAndBlankLinesAreSkippedButKeepTheirNumbers()
    {
        var input = $"{Valid1}\n\n   \n{WrongCheckDigit}\r\n  {Valid2}  \n";

        var result = CliRunner.RunWithInput(input, "validate");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            ["line 1: *** *** 0018 valid", "line 4: invalid, check digit does not match", "line 5: *** *** 0026 valid"],
            result.OutputLines);
        var summary = CliRunner.ParseSummary(result.Error);
        summary.AssertReconciles();
        Assert.Equal(3, summary.Inputs);
        Assert.Contains("blank lines skipped (not inputs): 2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ArgumentsTakePrecedenceOverStandardInput()
    {
        var result = CliRunner.RunWithInput(WrongCheckDigit + "\n", "validate", Valid1);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["arg 1: *** *** 0018 valid"], result.OutputLines);
    }

    [Fact]
    public void EmptyStandardInputIsZeroInputsAndExitsZero()
    {
        var result = CliRunner.RunWithInput(string.Empty, "validate");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Output);
        var summary = CliRunner.ParseSummary(result.Error);
        Assert.Equal((0L, 0L, 0L), (summary.Inputs, summary.Valid, summary.Invalid));
    }

    [Fact]
    public void NoArgumentsAndNoStandardInputIsAUsageError()
    {
        var result = CliRunner.Run("validate");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("no numbers given", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Valid1, 0)]
    [InlineData(WrongCheckDigit, 1)]
    public void QuietPrintsNothingAndOnlySetsTheExitCode(string number, int expectedExitCode)
    {
        var fromArgs = CliRunner.Run("validate", "--quiet", number);
        var fromInput = CliRunner.RunWithInput(number + "\n", "validate", "-q");

        Assert.Equal(expectedExitCode, fromArgs.ExitCode);
        Assert.Equal(expectedExitCode, fromInput.ExitCode);
        Assert.Empty(fromArgs.Output + fromArgs.Error + fromInput.Output + fromInput.Error);
    }

    [Fact]
    public void StrictRejectsLayoutsThatLenientAccepts()
    {
        string[] inputs = ["999-000-0018", " 9990000018", "9990000018", "999 000 0018"];

        var lenient = CliRunner.Run(["validate", .. inputs]);
        var strict = CliRunner.Run(["validate", "--strict", .. inputs]);

        Assert.Equal(0, lenient.ExitCode);
        Assert.Equal(1, strict.ExitCode);
        Assert.Equal(
            [
                "arg 1: invalid, separators are not in the 3-3-4 layout",
                "arg 2: invalid, separators are not in the 3-3-4 layout",
                "arg 3: *** *** 0018 valid",
                "arg 4: *** *** 0018 valid",
            ],
            strict.OutputLines);
    }

    [Fact]
    public void PlaceholdersAreValidButFlaggedUnlessRejected()
    {
        var accepted = CliRunner.Run("validate", "9999999999");
        var rejected = CliRunner.Run("validate", "--reject-placeholders", "9999999999", Valid1);

        Assert.Equal(0, accepted.ExitCode);
        Assert.Equal(["arg 1: *** *** 9999 valid, " + ValidateCommand.PlaceholderDescription], accepted.OutputLines);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Equal(["arg 1: invalid, " + ValidateCommand.PlaceholderDescription, "arg 2: *** *** 0018 valid"], rejected.OutputLines);
        var summary = CliRunner.ParseSummary(rejected.Error);
        summary.AssertReconciles();
        Assert.Equal((2L, 1L, 1L), (summary.Inputs, summary.Valid, summary.Invalid));
    }

    [Fact]
    public void OutputNeverShowsAnInvalidInputOrMoreThanTheLastFourDigitsOfAValidOne()
    {
        // Every ten-digit value here starts with a different six-digit prefix, so a leak of any of them is visible.
        var generator = new NhsNumberGenerator(20260101);
        var inputs = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            inputs.Add(generator.Next().ToString(i % 2 == 0 ? "N" : "S"));
            inputs.Add(generator.NextInvalid(i % 2 == 0 ? InvalidNhsNumberKind.WrongCheckDigit : InvalidNhsNumberKind.CheckValueTen));
        }

        inputs.Add("999000001");
        inputs.Add("99900O0018");

        var fromArgs = CliRunner.Run(["validate", .. inputs]);
        var fromInput = CliRunner.RunWithInput(string.Join('\n', inputs), "validate");

        var validTails = inputs.Where(NhsNumber.IsValid).Select(v => v[^4..]).ToHashSet(StringComparer.Ordinal);
        foreach (var result in new[] { fromArgs, fromInput })
        {
            var everything = result.Output + result.Error;
            foreach (var input in inputs)
            {
                var digits = new string(input.Where(char.IsAsciiDigit).ToArray());
                Assert.DoesNotContain(digits[..6], everything, StringComparison.Ordinal);
                Assert.DoesNotContain(input, everything, StringComparison.Ordinal);
                if (!NhsNumber.IsValid(input) && !validTails.Contains(digits[^4..]))
                {
                    // Not even the last four digits of an invalid input.
                    Assert.DoesNotContain("*** *** " + digits[^4..], everything, StringComparison.Ordinal);
                }
            }

            // The only runs of four or more digits are the masked tails of valid numbers.
            foreach (Match run in FourOrMoreDigits().Matches(result.Output))
            {
                Assert.True(run.Index >= 8 && result.Output.AsSpan(run.Index - 8, 8).SequenceEqual("*** *** "), "unmasked digits in: " + result.Output);
            }
        }
    }

    [GeneratedRegex(@"\d{4,}")]
    private static partial Regex FourOrMoreDigits();
}
