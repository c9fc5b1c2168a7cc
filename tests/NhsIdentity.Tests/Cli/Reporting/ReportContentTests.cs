using System.Xml.Linq;
using NhsIdentity.Tests.Cli.Ingestion;
using Xunit;
using static NhsIdentity.Tests.Cli.Reporting.ReportFiles;

namespace NhsIdentity.Tests.Cli.Reporting;

/// <summary><c>nhsid link|dedupe --report</c>: what the HTML report holds, and what it must not.</summary>
public sealed class ReportContentTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_samples_report_has_every_section_is_well_formed_and_fetches_nothing()
    {
        using var temp = new TempCsv();
        var report = temp.PathOf("report.html");
        var result = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("links.csv"), "--report", report, "--truth", Truth, "--no-train");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("report: report.html (patient values masked)", result.Error, StringComparison.Ordinal);
        var html = File.ReadAllText(report);
        var page = ParseWellFormed(html);
        AssertSelfContained(html);
        var sections = page.Descendants(Xhtml + "section").Select(s => (string)s.Attribute("id")!).ToArray();
        Assert.Equal(["summary", "weights", "model", "reviews", "near-misses", "blocking", "clusters", "groups", "truth"], sections);

        // Summary counts agree with what the command reported and wrote.
        Assert.Contains(">3,176</span><span class=\"name\">records in<", html, StringComparison.Ordinal);
        var links = File.ReadAllLines(temp.PathOf("links.csv")).Skip(1).ToArray();
        var matches = links.Count(l => l.EndsWith(",match", StringComparison.Ordinal));
        Assert.Contains($">{matches:#,0}</span><span class=\"name\">matches<", html, StringComparison.Ordinal);
        Assert.Contains($">{links.Length - matches:#,0}</span><span class=\"name\">to review<", html, StringComparison.Ordinal);

        // One histogram, one chart per comparison, the waterfalls, blocking, precision-recall.
        var charts = page.Descendants(XName.Get("svg", "http://www.w3.org/2000/svg")).ToArray();
        Assert.Contains(charts, c => ((string?)c.Attribute("aria-label"))!.StartsWith("Histogram of match weights", StringComparison.Ordinal));
        Assert.Equal(NhsIdentity.Matching.ComparisonDefinition.All.Count(d => d.IsInDefaultModel), charts.Count(c => ((string?)c.Attribute("aria-label"))!.StartsWith("Match weights of the", StringComparison.Ordinal)));
        // Six review pairs (or every one, when fewer) and the six closest non-matches.
        Assert.Equal(Math.Min(6, links.Length - matches) + 6, charts.Count(c => ((string?)c.Attribute("aria-label"))!.StartsWith("Waterfall", StringComparison.Ordinal)));
        Assert.Contains(charts, c => (string?)c.Attribute("aria-label") == "New candidate pairs produced by each blocking rule");
        Assert.Contains(charts, c => (string?)c.Attribute("aria-label") == "Precision, recall and F1 by match-weight threshold, before the decision policy");
        Assert.Contains("<td class=\"num\">+6.63 (match)</td><td class=\"num\">0.990</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">0.00 (review)</td><td class=\"num\">0.500</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Patient_values_are_absent_by_default_and_present_with_report_show_values()
    {
        using var temp = new TempCsv();
        var (left, right) = WriteSentinelExtracts(temp);
        var masked = CliRunner.Run("link", left, right, "--out", temp.PathOf("links.csv"), "--report", temp.PathOf("masked.html"), "--no-train");
        Assert.Equal(0, masked.ExitCode);

        // The sentinel pair is a review pair (name and home agree, dates of birth disagree), so the report explains it.
        Assert.Contains(File.ReadAllLines(temp.PathOf("links.csv")), l => l.StartsWith("L1,R1,", StringComparison.Ordinal) && l.EndsWith(",review", StringComparison.Ordinal));
        var maskedHtml = File.ReadAllText(temp.PathOf("masked.html"));
        Assert.Contains("L1 \u2194 R1", maskedHtml, StringComparison.Ordinal);
        foreach (var sentinel in Sentinels)
        {
            Assert.DoesNotContain(sentinel, maskedHtml, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(sentinel, masked.Error, StringComparison.OrdinalIgnoreCase);
        }

        var shown = CliRunner.Run("link", left, right, "--out", temp.PathOf("links2.csv"), "--report", temp.PathOf("shown.html"), "--report-show-values", "--no-train");
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("(patient values shown)", shown.Error, StringComparison.Ordinal);
        var shownHtml = File.ReadAllText(temp.PathOf("shown.html"));
        ParseWellFormed(shownHtml);
        foreach (var sentinel in (string[])[SentinelGiven, SentinelFamily, SentinelNhsNumber, SentinelDateOfBirth, SentinelPostcode, SentinelStreet])
        {
            Assert.Contains(sentinel, shownHtml, StringComparison.Ordinal);
        }

        Assert.Contains("privacy shown", shownHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_links_between_different_nhs_numbers_are_listed_with_numbers_only_when_values_are_shown()
    {
        using var temp = new TempCsv();

        // A and C have different valid NHS numbers (999 range); B has none and matches both, so clustering must
        // refuse one of B's links rather than make one person of two NHS numbers.
        const string header = "id,nhs_number,given_name,family_name,date_of_birth,sex,postcode,address\n";
        const string person = "Zebediah,Marchbanks,1944-05-06,M,EH1 1YZ,10 Castle Street\n";
        var records = temp.Write("records.csv", header + "A,9995826402," + person + "B,," + person + "C,9993057185," + person);
        var masked = CliRunner.Run("dedupe", records, "--out", temp.PathOf("pairs.csv"), "--report", temp.PathOf("masked.html"), "--no-train");
        Assert.Equal(0, masked.ExitCode);
        var html = File.ReadAllText(temp.PathOf("masked.html"));
        Assert.Contains(">1</span><span class=\"name\">conflicts refused<", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Links refused</h3>", html, StringComparison.Ordinal);
        Assert.Contains("two different valid NHS numbers", html, StringComparison.Ordinal);
        Assert.DoesNotContain("9995826402", html, StringComparison.Ordinal);
        Assert.DoesNotContain("9993057185", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Zebediah", html, StringComparison.Ordinal);

        var shown = CliRunner.Run("dedupe", records, "--out", temp.PathOf("pairs2.csv"), "--report", temp.PathOf("shown.html"), "--report-show-values", "--no-train");
        Assert.Equal(0, shown.ExitCode);
        var shownHtml = File.ReadAllText(temp.PathOf("shown.html"));
        Assert.Contains("<th>Left NHS number</th>", shownHtml, StringComparison.Ordinal);
        Assert.True(shownHtml.Contains("9995826402", StringComparison.Ordinal) || shownHtml.Contains("9993057185", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_runs_with_the_same_input_and_seed_write_byte_identical_reports()
    {
        using var temp = new TempCsv();
        var first = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("a.csv"), "--report", temp.PathOf("a.html"), "--truth", Truth, "--seed", "7");
        var second = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("b.csv"), "--report", temp.PathOf("b.html"), "--truth", Truth, "--seed", "7");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(File.ReadAllBytes(temp.PathOf("a.html")), File.ReadAllBytes(temp.PathOf("b.html")));
        Assert.Contains("model trained on the input (seed 7)", File.ReadAllText(temp.PathOf("a.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_output_with_a_report_is_the_output_without_one()
    {
        using var temp = new TempCsv();
        var plain = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("plain.csv"), "--no-train", "--explain");
        var reported = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("reported.csv"), "--no-train", "--explain", "--report", temp.PathOf("r.html"));
        var oneToOne = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("one.csv"), "--no-train", "--one-to-one");
        var oneToOneReported = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("one-r.csv"), "--no-train", "--one-to-one", "--report", temp.PathOf("one.html"));
        Assert.All((CliResult[])[plain, reported, oneToOne, oneToOneReported], r => Assert.Equal(0, r.ExitCode));
        Assert.Equal(File.ReadAllText(temp.PathOf("plain.csv")), File.ReadAllText(temp.PathOf("reported.csv")));
        Assert.Equal(File.ReadAllText(temp.PathOf("one.csv")), File.ReadAllText(temp.PathOf("one-r.csv")));
    }

    [Fact]
    public void A_link_report_shows_the_competition_levels_and_each_waterfall_sums_to_the_pairs_weight()
    {
        using var temp = new TempCsv();
        var result = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("links.csv"), "--report", temp.PathOf("link.html"), "-q");
        Assert.Equal(0, result.ExitCode);
        var html = File.ReadAllText(temp.PathOf("link.html"));
        var page = ParseWellFormed(html);

        // The model section's table: the three levels with m, u and weight, and the competitor probability.
        Assert.Contains("<h3 id=\"competition\">Competition among candidates</h3>", html, StringComparison.Ordinal);
        Assert.Contains("pairwise probability of at least 0.500", html, StringComparison.Ordinal);
        var table = page.Descendants(Xhtml + "h3").Single(h => (string?)h.Attribute("id") == "competition").ElementsAfterSelf(Xhtml + "table").First();
        var rows = table.Descendants(Xhtml + "tbody").Single().Elements(Xhtml + "tr").Select(r => r.Elements(Xhtml + "td").Select(c => c.Value).ToArray()).ToArray();
        Assert.Equal(["unrivalled", "best of rivals", "outranked"], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal(4, r.Length));

        // Each waterfall ends with the pair's competition level, and its bars add up to the final weight (each shown to
        // two decimals): without the competition bar they would miss it by the level's weight.
        var waterfalls = page.Descendants(Svg + "svg").Where(c => ((string?)c.Attribute("aria-label"))!.StartsWith("Waterfall", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(waterfalls);
        foreach (var waterfall in waterfalls)
        {
            var texts = waterfall.Descendants(Svg + "text").ToArray();
            Assert.Single(texts, t => t.Value.StartsWith("Competition \u00B7 ", StringComparison.Ordinal)
                && t.Value[14..] is "unrivalled" or "best of rivals" or "outranked");
            var values = texts.Where(t => (string?)t.Attribute("x") == "556").Select(t => double.Parse(t.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(values[^1], values[..^1].Sum(), 0.005 * values.Length);
        }
    }

    [Fact]
    public void A_dedupe_report_weighs_no_competition_even_with_a_model_learned_on_a_linkage()
    {
        using var temp = new TempCsv();
        var model = temp.PathOf("linkage-model.json");
        Assert.Equal(0, CliRunner.Run("train", Pas, Gp, "--model-out", model, "-q").ExitCode);
        var dedupe = CliRunner.Run("dedupe", Pas, "--out", temp.PathOf("pairs.csv"), "--report", temp.PathOf("dedupe.html"), "--model", model, "-q");
        var link = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("links.csv"), "--report", temp.PathOf("link.html"), "--model", model, "-q");
        Assert.Equal(0, dedupe.ExitCode);
        Assert.Equal(0, link.ExitCode);

        var html = File.ReadAllText(temp.PathOf("dedupe.html"));
        ParseWellFormed(html);
        Assert.Contains("Waterfall of the match weight", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Competition", html, StringComparison.Ordinal);
        // The same model in a link: the table and the bars (the guard that the model does hold competition).
        var linkHtml = File.ReadAllText(temp.PathOf("link.html"));
        Assert.Contains("Competition among candidates", linkHtml, StringComparison.Ordinal);
        Assert.Contains("Competition \u00B7 ", linkHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dedupe_report_scores_against_a_clusters_truth_within_the_extract()
    {
        using var temp = new TempCsv();
        var result = CliRunner.Run("dedupe", Pas, "--out", temp.PathOf("pairs.csv"), "--report", temp.PathOf("dedupe.html"), "--truth", Truth, "--no-train");
        Assert.Equal(0, result.ExitCode);
        var html = File.ReadAllText(temp.PathOf("dedupe.html"));
        ParseWellFormed(html);
        Assert.Contains("<h1>Deduplication report</h1>", html, StringComparison.Ordinal);
        Assert.Contains("pairs within the same cluster", html, StringComparison.Ordinal);
        Assert.Contains("id=\"truth\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_with_no_candidate_pairs_still_writes_a_well_formed_report()
    {
        using var temp = new TempCsv();
        var left = temp.Write("l.csv", "id,nhs_number,given_name,family_name,date_of_birth\nA1,,Ann,Smith,1980-01-01\n");
        var right = temp.Write("r.csv", "id,nhs_number,given_name,family_name,date_of_birth\nB1,,Bob,Jones,1970-02-02\n");
        var truth = temp.Write("t.csv", "id,person_id\nA1,1\nB1,1\n");
        var result = CliRunner.Run("link", left, right, "--out", temp.PathOf("o.csv"), "--report", temp.PathOf("e.html"), "--truth", truth, "--no-train");

        Assert.Equal(0, result.ExitCode);
        var html = File.ReadAllText(temp.PathOf("e.html"));
        ParseWellFormed(html);
        Assert.Contains("No candidate pairs were scored.", html, StringComparison.Ordinal);
        Assert.Contains("No pair was decided review.", html, StringComparison.Ordinal);
        Assert.Contains(">1</span><span class=\"name\">true pairs never candidates<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_show_values_without_report_is_a_usage_error()
    {
        using var temp = new TempCsv();
        var result = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("x.csv"), "--report-show-values");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("needs --report FILE", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.PathOf("x.csv")));
    }
}
