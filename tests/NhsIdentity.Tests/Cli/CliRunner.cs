using System.Globalization;
using System.Text.RegularExpressions;
using NhsIdentity.Cli;
using Xunit;

namespace NhsIdentity.Tests.Cli;

/// <summary>The result of one in-process run of <c>nhsid</c>.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output split into lines (no trailing empty line).</summary>
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs <see cref="CliApp.Run"/> with in-memory streams.</summary>
internal static partial class CliRunner
{
    public static CliResult Run(params string[] args) => RunWithInput(null, args);

    public static CliResult RunWithInput(string? standardInput, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using var error = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using var input = standardInput is null ? null : new StringReader(standardInput);
        var exitCode = CliApp.Run(args, input, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The validate summary, parsed: inputs, valid, invalid and the count for each "invalid, reason" line.</summary>
    public static Summary ParseSummary(string error)
    {
        var head = SummaryLine().Match(error);
        Assert.True(head.Success, "no summary line in: " + error);
        var reasons = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (Match m in ReasonLine().Matches(error))
        {
            reasons[m.Groups["reason"].Value] = long.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture);
        }

        return new Summary(
            long.Parse(head.Groups["inputs"].Value, CultureInfo.InvariantCulture),
            long.Parse(head.Groups["valid"].Value, CultureInfo.InvariantCulture),
            long.Parse(head.Groups["invalid"].Value, CultureInfo.InvariantCulture),
            reasons);
    }

    [GeneratedRegex(@"^summary: (?<inputs>\d+) inputs = (?<valid>\d+) valid \+ (?<invalid>\d+) invalid$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^  invalid, (?<reason>.+): (?<count>\d+)$", RegexOptions.Multiline)]
    private static partial Regex ReasonLine();
}

internal sealed record Summary(long Inputs, long Valid, long Invalid, IReadOnlyDictionary<string, long> InvalidByReason)
{
    public void AssertReconciles()
    {
        Assert.Equal(Inputs, Valid + Invalid);
        Assert.Equal(Invalid, InvalidByReason.Values.Sum());
    }
}
