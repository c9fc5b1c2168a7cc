using System.Globalization;
using System.Text.RegularExpressions;
using NhsIdentity.Tests.Cli.Ingestion;
using static NhsIdentity.Tests.Cli.Reporting.ReportFiles;

namespace NhsIdentity.Tests.Cli.Reporting;

/// <summary><c>nhsid link|dedupe --truth</c>: the summary and the report score the decisions written, exactly as
/// <c>nhsid evaluate</c> scores the links file, and print no patient value.</summary>
public sealed partial class TruthScoreTests
{
    [Theory]
    [InlineData("link")]
    [InlineData("link", "--one-to-one")]
    [InlineData("link", "--threshold", "0.6")]
    [InlineData("link", "--no-train", "--threshold", "0.999999")]
    [InlineData("dedupe")]
    public void Link_summary_and_report_figures_equal_evaluate_of_the_links_file(string command, params string[] options)
    {
        using var temp = new TempCsv();
        var links = temp.PathOf("links.csv");
        var report = temp.PathOf("report.html");
        string[] inputs = command == "link" ? [Pas, Gp] : [Pas];
        var run = CliRunner.Run([command, .. inputs, "--out", links, "--report", report, "--truth", Truth, "--quiet", .. options]);
        Assert.Equal(0, run.ExitCode);
        var evaluate = CliRunner.Run(["evaluate", links, "--truth", Truth, .. (command == "dedupe" ? new[] { "--dedupe" } : [])]);
        Assert.Equal(0, evaluate.ExitCode);
        var evaluated = evaluate.OutputLines.Select(l => l.Split(": ")).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));

        // The summary's counts are evaluate's, to the pair.
        var written = WrittenLine().Match(run.Error);
        Assert.True(written.Success, run.Error);
        Assert.Equal(
            (evaluated["true_positives"], evaluated["false_positives"], evaluated["false_negatives"]),
            (double.Parse(written.Groups["tp"].Value, CultureInfo.InvariantCulture), double.Parse(written.Groups["fp"].Value, CultureInfo.InvariantCulture),
                double.Parse(written.Groups["fn"].Value, CultureInfo.InvariantCulture)));
        Assert.Equal(evaluated["precision"].ToString("F4", CultureInfo.InvariantCulture), written.Groups["precision"].Value);
        Assert.Equal(evaluated["recall"].ToString("F4", CultureInfo.InvariantCulture), written.Groups["recall"].Value);
        Assert.Equal(evaluated["f1"].ToString("F4", CultureInfo.InvariantCulture), written.Groups["f1"].Value);

        // The report's headline cards, in the summary and in the truth section, are evaluate's figures too.
        var html = File.ReadAllText(report);
        foreach (var (name, key) in new[] { ("precision", "precision"), ("recall", "recall"), ("F1", "f1") })
        {
            var value = evaluated[key].ToString("0.000", CultureInfo.InvariantCulture);
            Assert.Contains($">{value}</span><span class=\"name\">{name} of the written matches<", html, StringComparison.Ordinal);
            Assert.Contains($">{value}</span><span class=\"name\">{name} (written matches)<", html, StringComparison.Ordinal);
        }

        Assert.Contains($">{evaluated["false_positives"]:#,0}</span><span class=\"name\">false matches written<", html, StringComparison.Ordinal);
        Assert.Contains("By probability, before the decision policy", html, StringComparison.Ordinal);
        Assert.DoesNotContain("at the match threshold", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_with_truth_and_no_report_prints_the_scores_and_blocking_recall_per_rule()
    {
        using var temp = new TempCsv();
        var run = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("links.csv"), "--truth", Truth, "--no-train");

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(temp.PathOf("report.html")));
        var blocking = BlockingLine().Match(run.Error);
        Assert.True(blocking.Success, run.Error);
        var blocked = long.Parse(blocking.Groups["blocked"].Value, CultureInfo.InvariantCulture);
        var truePairs = long.Parse(blocking.Groups["pairs"].Value, CultureInfo.InvariantCulture);

        // Recall of the written matches can never exceed blocking recall: an unblocked pair is never scored.
        var written = WrittenLine().Match(run.Error);
        Assert.True(long.Parse(written.Groups["tp"].Value, CultureInfo.InvariantCulture) <= blocked);

        // One line per default rule; the last cumulative share is the overall blocking recall.
        var rules = RuleLine().Matches(run.Error);
        Assert.Equal(NhsIdentity.Matching.Blocking.BlockingRule.Defaults.Count, rules.Count);
        Assert.Equal(blocking.Groups["recall"].Value, rules[^1].Groups["cumulative"].Value);
        Assert.Equal(blocked, rules.Sum(r => long.Parse(r.Groups["added"].Value, CultureInfo.InvariantCulture)));
        Assert.True(blocked <= truePairs);
    }

    [Fact]
    public void Truth_summaries_hold_no_patient_values()
    {
        using var temp = new TempCsv();
        var (left, right) = WriteSentinelExtracts(temp);
        var truth = temp.Write("truth.csv", "source,id,person_id\nleft,L1,1\nleft,L2,2\nleft,L3,3\nright,R1,1\nright,R2,2\nright,R3,3\n");
        CliResult[] runs =
        [
            CliRunner.Run("link", left, right, "--out", temp.PathOf("links.csv"), "--truth", truth, "--no-train"),
            CliRunner.Run("link", left, right, "--out", temp.PathOf("links2.csv"), "--truth", truth, "--report", temp.PathOf("r.html"), "--no-train"),
            CliRunner.Run("dedupe", left, "--out", temp.PathOf("pairs.csv"), "--truth", truth, "--no-train"),
            CliRunner.Run("evaluate", temp.PathOf("links.csv"), "--truth", truth),
            CliRunner.Run("evaluate", temp.PathOf("pairs.csv"), "--truth", truth, "--dedupe", "--left-source", "left"),
        ];

        Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        Assert.Contains("truth: 3 true pairs from truth.csv", runs[0].Error, StringComparison.Ordinal);
        foreach (var run in runs)
        {
            foreach (var sentinel in Sentinels)
            {
                Assert.DoesNotContain(sentinel, run.Error, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(sentinel, run.Output, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [GeneratedRegex(@"^  written matches: precision (?<precision>[\d.]+), recall (?<recall>[\d.]+), F1 (?<f1>[\d.]+) \((?<tp>\d+) true, (?<fp>\d+) false, (?<fn>\d+) missed\)$", RegexOptions.Multiline)]
    private static partial Regex WrittenLine();

    [GeneratedRegex(@"^  blocking recall: (?<recall>[\d.]+) \((?<blocked>\d+) of (?<pairs>\d+) true pairs", RegexOptions.Multiline)]
    private static partial Regex BlockingLine();

    [GeneratedRegex(@"^  blocking recall (?<rule>\S+): (?<alone>[\d.]+) alone, (?<cumulative>[\d.]+) cumulative \((?<added>\d+) added", RegexOptions.Multiline)]
    private static partial Regex RuleLine();
}
