using System.Text.RegularExpressions;
using NhsIdentity.Cli;
using Xunit;

namespace NhsIdentity.Tests.Cli;

public sealed partial class GenerateCommandTests
{
    [Fact]
    public void DefaultIsOneSpacedTestNumber()
    {
        var result = CliRunner.Run("generate", "--seed", "1");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.OutputLines);
        Assert.Matches(@"^999 \d{3} \d{4}$", line);
        Assert.Equal(NhsNumberRegion.Test, NhsNumber.Parse(line, NhsNumberStyles.Strict).Region);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void SameSeedGivesSameNumbersAndMatchesTheLibrary()
    {
        var first = CliRunner.Run("generate", "--count", "20", "--seed", "12345");
        var second = CliRunner.Run("generate", "-n", "20", "--seed", "12345");
        var other = CliRunner.Run("generate", "-n", "20", "--seed", "54321");

        Assert.Equal(first.Output, second.Output);
        Assert.NotEqual(first.Output, other.Output);
        var generator = new NhsNumberGenerator(12345);
        Assert.Equal(Enumerable.Range(0, 20).Select(_ => generator.Next().ToString()), first.OutputLines);
    }

    [Fact]
    public void WithoutASeedTheChosenSeedIsPrintedAndReproducesTheRun()
    {
        var result = CliRunner.Run("generate", "-n", "5", "--style", "plain");

        Assert.Equal(0, result.ExitCode);
        var match = SeedLine().Match(result.Error);
        Assert.True(match.Success, result.Error);
        var rerun = CliRunner.Run("generate", "-n", "5", "--style", "plain", "--seed", match.Groups["seed"].Value);
        Assert.Equal(result.Output, rerun.Output);
        Assert.Empty(rerun.Error);
    }

    [Theory]
    [InlineData("test", NhsNumberRegion.Test)]
    [InlineData("synthetic", NhsNumberRegion.Synthetic)]
    [InlineData("england", NhsNumberRegion.EnglandWalesIsleOfMan)]
    [InlineData("scotland", NhsNumberRegion.ScotlandChi)]
    [InlineData("ni", NhsNumberRegion.NorthernIrelandHealthAndCare)]
    public void EveryNumberIsValidAndInTheRegion(string region, NhsNumberRegion expected)
    {
        foreach (var style in new[] { "spaced", "plain", "hyphen" })
        {
            var result = CliRunner.Run("generate", "--count", "500", "--seed", "7", "--region", region, "--style", style);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(500, result.OutputLines.Length);
            foreach (var line in result.OutputLines)
            {
                Assert.True(NhsNumber.TryParse(line, out var number), "invalid output line");
                Assert.Equal(expected, number.Region);
                Assert.Equal(line, number.ToString(style switch { "plain" => "N", "hyphen" => "H", _ => "S" }));
            }

            // Ranges issued to real patients carry a warning; the seed was given, so nothing else is said.
            Assert.Equal(expected is NhsNumberRegion.Test or NhsNumberRegion.Synthetic, result.Error.Length == 0);
        }
    }

    [Fact]
    public void MaskedStyleShowsOnlyTheLastFourDigits()
    {
        var plain = CliRunner.Run("generate", "-n", "10", "--seed", "3", "--style", "plain");
        var masked = CliRunner.Run("generate", "-n", "10", "--seed", "3", "--style", "masked");

        Assert.Equal(plain.OutputLines.Select(l => "*** *** " + l[^4..]), masked.OutputLines);
    }

    [Theory]
    [InlineData("check-value-ten", NhsNumberStatus.CheckDigitIsTen)]
    [InlineData("wrong-check-digit", NhsNumberStatus.CheckDigitMismatch)]
    public void InvalidOutputsAreAllInvalidForTheNamedReason(string kind, NhsNumberStatus expected)
    {
        foreach (var style in new[] { "spaced", "plain", "hyphen" })
        {
            var result = CliRunner.Run("generate", "--count", "300", "--seed", "11", "--invalid", kind, "--style", style);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(300, result.OutputLines.Length);
            foreach (var line in result.OutputLines)
            {
                Assert.Equal(expected, NhsNumber.Validate(line));
                Assert.StartsWith("999", line, StringComparison.Ordinal);
                Assert.Equal(style == "plain" ? 10 : 12, line.Length);
            }
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("10000001")]
    [InlineData("99999999999")]
    public void CountOutOfRangeIsAUsageError(string count)
    {
        var result = CliRunner.Run("generate", "--count", count, "--seed", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("--count must be a whole number between 1 and 10000000", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CountAtTheLimitsIsAccepted()
    {
        Assert.Single(CliRunner.Run("generate", "--count", "1", "--seed", "1").OutputLines);

        // Parse only: printing ten million numbers into a StringWriter would cost hundreds of megabytes.
        var parsed = CliApp.CreateRootCommand(null).Parse(["generate", "--count", "10000000"]);
        Assert.Empty(parsed.Errors);
    }

    [Theory]
    [InlineData("--count", "many")]
    [InlineData("--seed", "abc")]
    [InlineData("--region", "wales")]
    [InlineData("--invalid", "sometimes")]
    [InlineData("--style", "dotted")]
    public void BadOptionValuesAreUsageErrors(string option, string value)
    {
        var result = CliRunner.Run("generate", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("--help", result.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^seed: (?<seed>\d+) \(repeat with --seed \k<seed>\)$", RegexOptions.Multiline)]
    private static partial Regex SeedLine();
}
