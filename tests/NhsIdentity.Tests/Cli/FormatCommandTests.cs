using Xunit;

namespace NhsIdentity.Tests.Cli;

public sealed class FormatCommandTests
{
    [Theory]
    [InlineData(new string[0], "999 000 0018")]
    [InlineData(new[] { "--style", "spaced" }, "999 000 0018")]
    [InlineData(new[] { "--style", "plain" }, "9990000018")]
    [InlineData(new[] { "--style", "hyphen" }, "999-000-0018")]
    [InlineData(new[] { "-s", "masked" }, "*** *** 0018")]
    public void FormatsInEachStyle(string[] options, string expected)
    {
        foreach (var input in new[] { "9990000018", "999 000 0018", "999-000-0018", " 9990000018\t" })
        {
            var result = CliRunner.Run(["format", input, .. options]);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(expected + "\n", result.Output);
            Assert.Empty(result.Error);
        }
    }

    [Theory]
    [InlineData("9991000004", NhsNumberStatus.CheckDigitMismatch)]
    [InlineData("9990000000", NhsNumberStatus.CheckDigitIsTen)]
    [InlineData("999000001", NhsNumberStatus.WrongLength)]
    [InlineData("99900O0018", NhsNumberStatus.NonDigit)]
    public void InvalidInputNamesTheReasonNotTheInputAndExitsOne(string input, NhsNumberStatus reason)
    {
        var result = CliRunner.Run("format", input);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Equal("error: not a valid NHS number: " + reason.GetDescription() + "\n", result.Error);
    }

    [Fact]
    public void StrictRejectsHyphens()
    {
        var result = CliRunner.Run("format", "999-000-0018", "--strict");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(NhsNumberStatus.BadSeparator.GetDescription(), result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownStyleIsAUsageError()
    {
        var result = CliRunner.Run("format", "9990000018", "--style", "dotted");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        // The bad value is shown by its shape only (a stray word could be a name); the option is named.
        Assert.Contains("'******'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("dotted", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOrExtraNumbersAreUsageErrorsThatDoNotEchoTheNumbers()
    {
        var missing = CliRunner.Run("format");
        var extra = CliRunner.Run("format", "9990000018", "9991000004");

        Assert.Equal(2, missing.ExitCode);
        Assert.Equal(2, extra.ExitCode);
        Assert.DoesNotContain("9991000004", extra.Error, StringComparison.Ordinal);
        Assert.Contains("##########", extra.Error, StringComparison.Ordinal);
    }
}
