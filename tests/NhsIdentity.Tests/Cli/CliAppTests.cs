using NhsIdentity.Cli;
using Xunit;

namespace NhsIdentity.Tests.Cli;

public sealed class CliAppTests
{
    [Theory]
    [InlineData("validate")]
    [InlineData("format")]
    [InlineData("generate")]
    public void HelpWorksOnEachCommand(string command)
    {
        var result = CliRunner.Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Contains("nhsid " + command, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void RootHelpListsTheCommands()
    {
        var result = CliRunner.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("validate", result.Output, StringComparison.Ordinal);
        Assert.Contains("format", result.Output, StringComparison.Ordinal);
        Assert.Contains("generate", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionPrintsTheAssemblyVersion()
    {
        var result = CliRunner.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("0.1.0", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCommandIsAUsageError()
    {
        var result = CliRunner.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Run 'nhsid --help' for usage.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOptionIsAUsageErrorNotAnInput()
    {
        var result = CliRunner.Run("validate", "--nope", "9990000018");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("--nope", result.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'nhsid validate --help' for usage.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseErrorsDoNotEchoNumbers()
    {
        // A forgotten command name turns the number into an unrecognised token.
        var result = CliRunner.Run("9991000004");

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("9991000004", result.Error, StringComparison.Ordinal);
        Assert.Contains("'##########'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Unrecognized command or argument '999 100 0004'.", "Unrecognized command or argument '### ### ####'.")]
    [InlineData("Option '--count' expects a value.", "Option '--count' expects a value.")]
    [InlineData("--count must be a whole number between 1 and 10000000.", "--count must be a whole number between 1 and 10000000.")]
    [InlineData("Unrecognized command or argument 'Pemberton'.", "Unrecognized command or argument '*********'.")]
    [InlineData("Unrecognized command or argument '14/03/1987'.", "Unrecognized command or argument '##/##/####'.")]
    [InlineData("File does not exist: 'data/pas2.csv'.", "File does not exist: 'data/pas#.csv'.")]
    [InlineData("'--bogus' was not matched.", "'--bogus' was not matched.")]
    public void RedactReplacesDigitsInsideQuotesOnly(string message, string expected) =>
        Assert.Equal(expected, CliApp.Redact(message));
}
