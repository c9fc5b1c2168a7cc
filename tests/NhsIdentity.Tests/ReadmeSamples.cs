using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NhsIdentity.Tests.Cli;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;
using Xunit;

namespace NhsIdentity.Tests;

/// <summary>The figures of the README's command on the bundled samples.</summary>
internal sealed record SampleFigures(long TruePairs, long Candidates, double BlockingRecall, long Matches, long FalseMatches, double Precision, double Recall, double F1);

/// <summary>
/// The README's sample-accuracy figures and the committed report they come from
/// (<c>benchmarks/results/Samples.md</c>): running the README's command in process, rendering the report from its
/// standard error, reading the figures back, and rewriting both files when <c>NHSID_UPDATE_SAMPLES=1</c>.
/// </summary>
internal static partial class ReadmeSamples
{
    /// <summary>The command's arguments after <c>nhsid</c>, paths relative to the repository root.</summary>
    public static readonly string[] Arguments = ["link", "samples/data/pas.csv", "samples/data/gp.csv", "--out", "links.csv", "--truth", "samples/data/truth.csv"];

    /// <summary>The command as the README and the report show it.</summary>
    public static readonly string Command = "dotnet run --project src/NhsIdentity.Cli -c Release -- " + string.Join(' ', Arguments);

    public const string UpdateVariable = "NHSID_UPDATE_SAMPLES";

    public const string UpdateCommand = "NHSID_UPDATE_SAMPLES=1 dotnet test tests/NhsIdentity.Tests -c Release --filter \"FullyQualifiedName~ReadmeTests\"";

    public const string TableStart = "<!-- samples table: written from benchmarks/results/Samples.md -->\n";

    public const string TableEnd = "<!-- samples table end -->";

    public static string ReportPath => RepositoryRoot.Combine("benchmarks", "results", "Samples.md");

    public static string ReadmePath => RepositoryRoot.Combine("README.md");

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Runs the README's command through the CLI entry point, on the samples, writing links to a temporary folder.</summary>
    public static CliResult Run()
    {
        using var temp = new TempCsv();
        var args = Arguments.Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? RepositoryRoot.Combine(a.Split('/'))
            : a == "links.csv" ? temp.PathOf("links.csv") : a).ToArray();
        return CliRunner.Run(args);
    }

    /// <summary>The committed report for a run's standard error.</summary>
    public static string Render(string standardError) =>
        "# The bundled samples, from the README's command\n\n" +
        "The README's sample-accuracy table is this file's figures. `ReadmeTests` reruns the command in process and fails\n" +
        "when this file or the README no longer match the code; after a change that moves the figures, regenerate both with\n\n" +
        "```sh\n" + UpdateCommand + "\n```\n\n" +
        "Command, from the repository root (standard output is empty: the links go to `links.csv`):\n\n" +
        "```sh\n" + Command + "\n```\n\n" +
        "Standard error, unedited:\n\n" +
        "```\n" + standardError.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n```\n";

    /// <summary>The README table for the figures.</summary>
    public static string Table(SampleFigures f) =>
        "| data | task | true pairs | candidate pairs (blocking recall) | match decisions (false) | precision | recall | F1 |\n" +
        "|---|---|---:|---:|---:|---:|---:|---:|\n" +
        string.Create(CultureInfo.InvariantCulture,
            $"| `samples/data` PAS × GP | link | {f.TruePairs:#,0} | {f.Candidates:#,0} ({f.BlockingRecall:F4}) | {f.Matches:#,0} ({f.FalseMatches:#,0}) | {f.Precision:F4} | {f.Recall:F4} | {f.F1:F4} |\n");

    /// <summary>Reads the figures from the command's summary lines (in a run's standard error or the committed report).</summary>
    public static SampleFigures FiguresOf(string text)
    {
        var truth = Match(TruthLine(), text);
        var written = Match(WrittenLine(), text);
        var blocking = Match(BlockingLine(), text);
        var truePositives = Long(written, "tp");
        var falsePositives = Long(written, "fp");
        return new SampleFigures(Long(truth, "pairs"), Long(blocking, "blocked"), Double(blocking, "recall"), truePositives + falsePositives, falsePositives,
            Double(written, "precision"), Double(written, "recall"), Double(written, "f1"));
    }

    /// <summary>Reads the figures back from the README's sample table.</summary>
    public static SampleFigures FiguresOfReadme(string readme)
    {
        var table = Between(readme, TableStart, TableEnd);
        var row = table.Split('\n', StringSplitOptions.RemoveEmptyEntries)[2];
        var m = Match(ReadmeRow(), row);
        return new SampleFigures(Long(m, "pairs"), Long(m, "candidates"), Double(m, "blocking"), Long(m, "matches"), Long(m, "false"),
            Double(m, "precision"), Double(m, "recall"), Double(m, "f1"));
    }

    /// <summary>Rewrites the committed report and the README's table from a run.</summary>
    public static void Update(string standardError)
    {
        var report = Render(standardError);
        File.WriteAllText(ReportPath, report, new UTF8Encoding(false));
        var readme = Normalise(File.ReadAllText(ReadmePath));
        var old = Between(readme, TableStart, TableEnd);
        var at = readme.IndexOf(TableStart + old + TableEnd, StringComparison.Ordinal);
        readme = readme[..(at + TableStart.Length)] + Table(FiguresOf(report)) + readme[(at + TableStart.Length + old.Length)..];
        File.WriteAllText(ReadmePath, readme, new UTF8Encoding(false));
    }

    public static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    public static string Between(string text, string start, string end)
    {
        text = Normalise(text);
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"marker not found: {start.Trim()}");
        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(to >= 0, $"marker not found: {end.Trim()}");
        return text[from..to];
    }

    private static System.Text.RegularExpressions.Match Match(Regex regex, string text)
    {
        var m = regex.Match(Normalise(text));
        Assert.True(m.Success, $"no line matching {regex} in:\n{text}");
        return m;
    }

    private static long Long(System.Text.RegularExpressions.Match m, string group) =>
        long.Parse(m.Groups[group].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static double Double(System.Text.RegularExpressions.Match m, string group) =>
        double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^truth: (?<pairs>\d+) true pairs from ", RegexOptions.Multiline)]
    private static partial Regex TruthLine();

    [GeneratedRegex(@"^  written matches: precision (?<precision>[\d.]+), recall (?<recall>[\d.]+), F1 (?<f1>[\d.]+) \((?<tp>\d+) true, (?<fp>\d+) false, (?<fn>\d+) missed\)$", RegexOptions.Multiline)]
    private static partial Regex WrittenLine();

    [GeneratedRegex(@"^  blocking recall: (?<recall>[\d.]+) \((?<blocked>\d+) of (?<pairs>\d+) true pairs were candidate pairs", RegexOptions.Multiline)]
    private static partial Regex BlockingLine();

    [GeneratedRegex(@"^\| [^|]+ \| link \| (?<pairs>[\d,]+) \| (?<candidates>[\d,]+) \((?<blocking>[\d.]+)\) \| (?<matches>[\d,]+) \((?<false>[\d,]+)\) \| (?<precision>[\d.]+) \| (?<recall>[\d.]+) \| (?<f1>[\d.]+) \|$")]
    private static partial Regex ReadmeRow();
}
