using NhsIdentity.Tests.TestHelpers;
using Xunit;

namespace NhsIdentity.Tests.Cli;

/// <summary>The bundled samples/data extract gives the counts its README promises.</summary>
public sealed class SampleDataTests
{
    private static readonly string SamplePath = RepositoryRoot.Combine("samples", "data", "nhs-numbers-sample.txt");

    [Fact]
    public void ValidatesWithTheDocumentedCounts()
    {
        var result = CliRunner.RunWithInput(File.ReadAllText(SamplePath), "validate");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(39, result.OutputLines.Length);
        var summary = CliRunner.ParseSummary(result.Error);
        summary.AssertReconciles();
        Assert.Equal((39L, 31L, 8L), (summary.Inputs, summary.Valid, summary.Invalid));
        Assert.Equal(3, summary.InvalidByReason[NhsNumberStatus.CheckDigitMismatch.GetDescription()]);
        Assert.Equal(2, summary.InvalidByReason[NhsNumberStatus.CheckDigitIsTen.GetDescription()]);
        Assert.Equal(1, summary.InvalidByReason[NhsNumberStatus.WrongLength.GetDescription()]);
        Assert.Equal(1, summary.InvalidByReason[NhsNumberStatus.NonDigit.GetDescription()]);
        Assert.Equal(1, summary.InvalidByReason[NhsNumberStatus.BadSeparator.GetDescription()]);
        Assert.Contains("line 22: *** *** 9999 valid, placeholder", result.Output, StringComparison.Ordinal);
        Assert.Contains("blank lines skipped (not inputs): 1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectingPlaceholdersAndStrictLayoutGiveTheDocumentedCounts()
    {
        var text = File.ReadAllText(SamplePath);

        var rejecting = CliRunner.ParseSummary(CliRunner.RunWithInput(text, "validate", "--reject-placeholders").Error);
        var strict = CliRunner.ParseSummary(CliRunner.RunWithInput(text, "validate", "--strict").Error);

        rejecting.AssertReconciles();
        strict.AssertReconciles();
        Assert.Equal((30L, 9L), (rejecting.Valid, rejecting.Invalid));
        Assert.Equal((24L, 15L), (strict.Valid, strict.Invalid));
    }

    [Fact]
    public void HoldsOnlyTestRangeNumbers()
    {
        foreach (var line in File.ReadLines(SamplePath))
        {
            var digits = new string(line.Where(char.IsAsciiDigit).ToArray());
            Assert.True(digits.Length == 0 || digits.StartsWith("999", StringComparison.Ordinal), "a line outside the 999 range");
        }
    }
}
