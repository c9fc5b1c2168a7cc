using System.Text.RegularExpressions;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli.Groups;

/// <summary>The link report's "Who is left unlinked" section: the same table as <c>evaluate --left-input</c>.</summary>
public sealed partial class ReportGroupsTests
{
    private static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");
    private static readonly string Gp = RepositoryRoot.Combine("samples", "data", "gp.csv");
    private static readonly string Truth = RepositoryRoot.Combine("samples", "data", "truth.csv");

    [Fact]
    public void A_link_report_counts_every_record_of_each_input_in_each_dimension()
    {
        using var temp = new TempCsv();
        var report = temp.PathOf("report.html");
        var run = CliRunner.Run("link", Pas, Gp, "--no-train", "--out", temp.PathOf("links.csv"), "--report", report, "--truth", Truth, "-q");
        Assert.Equal(0, run.ExitCode);

        var html = File.ReadAllText(report);
        var section = Section(html);
        var tables = TableRegex().Matches(section);
        Assert.Equal(2, tables.Count); // left and right
        var expected = new[] { CsvRows.Read(Pas).Length - 1, CsvRows.Read(Gp).Length - 1 };
        for (var t = 0; t < tables.Count; t++)
        {
            var rows = RowRegex().Matches(tables[t].Value).Select(row => CellRegex().Matches(row.Value).Select(cell => cell.Groups[1].Value).ToArray())
                .Where(cells => cells.Length == 9).ToArray();
            foreach (var dimension in new[] { "age band", "sex", "postcode area", "name characters" })
            {
                var inDimension = rows.Where(cells => cells[0] == dimension).ToArray();
                Assert.NotEmpty(inDimension);
                Assert.Equal(expected[t], inDimension.Sum(cells => long.Parse(cells[2].Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)));
                Assert.All(inDimension, cells => Assert.Equal(cells[7] == "0", cells[8] == "\u2013")); // recall is known wherever there are true pairs
                Assert.True(inDimension.Sum(cells => long.Parse(cells[7].Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)) > 0);
            }
        }
    }

    [Fact]
    public void A_dedupe_report_has_one_table_and_no_recall_without_truth()
    {
        using var temp = new TempCsv();
        var report = temp.PathOf("report.html");
        Assert.Equal(0, CliRunner.Run("dedupe", Pas, "--no-train", "--out", temp.PathOf("pairs.csv"), "--report", report, "-q").ExitCode);

        var section = Section(File.ReadAllText(report));

        Assert.Single(TableRegex().Matches(section));
        Assert.Contains("<h3>records: pas.csv</h3>", section, StringComparison.Ordinal);
        Assert.DoesNotContain("recall over the true pairs", section, StringComparison.Ordinal);
    }

    [Fact]
    public void With_as_of_the_report_is_made_again_to_the_byte_and_its_ages_follow_the_day()
    {
        using var temp = new TempCsv();
        string Report(string name, string day)
        {
            var path = temp.PathOf(name);
            var run = CliRunner.Run("link", Pas, Gp, "--no-train", "--out", temp.PathOf(name + ".csv"), "--report", path, "--as-of", day, "-q");
            Assert.True(run.ExitCode == 0, run.Error);
            return File.ReadAllText(path);
        }

        var first = Report("a.html", "2026-12-07");
        var again = Report("b.html", "2026-12-07");
        var later = Report("c.html", "2046-12-07");

        Assert.Equal(first, again);
        Assert.NotEqual(Section(first), Section(later)); // twenty years on, the same people sit in older bands
        Assert.Contains("Ages on 2046-12-07", Section(later), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "7/12/2026", "--as-of takes a date as YYYY-MM-DD")]
    [InlineData(true, "2026-12-07", "--as-of applies to the report")]
    public void As_of_needs_a_date_and_a_report(bool withoutReport, string day, string message)
    {
        using var temp = new TempCsv();
        string[] args = ["link", Pas, Gp, "--no-train", "--out", temp.PathOf("links.csv"), "--as-of", day, "-q"];
        var run = CliRunner.Run(withoutReport ? args : [.. args, "--report", temp.PathOf("r.html")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    private static string Section(string html)
    {
        var start = html.IndexOf("<section id=\"groups\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the report has a groups section");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [GeneratedRegex("<table.*?</table>", RegexOptions.Singleline)]
    private static partial Regex TableRegex();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellRegex();
}
