using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.Matching.Budget;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli;

/// <summary>
/// The run budget through <c>nhsid link</c> and <c>dedupe</c>: the attacker's file (everyone shares a family name and a
/// date of birth) scaled to 20,000 records. Before the budget, the "dob+given-initial" rule alone held 15 blocks of
/// about 1,333 records, each under the 5,000-record cap: some 13 million pairs compared and scored for 20,000 records.
/// The runs use <c>--no-train</c>: the budget does not depend on the model, and training is bounded apart.
/// </summary>
public sealed partial class BudgetCommandTests
{
    private const int Records = 20_000;

    /// <summary>The adversarial extract: 4,000 made-up given names five times each, one family name and date of
    /// birth, postcodes spread over 20 districts and otherwise nearly unique.</summary>
    private static string WriteAdversarialExtract(TempCsv temp)
    {
        const string Letters = "ABDEFGHJLNPQRSTUWXYZ";
        var csv = new StringBuilder("id,given_name,family_name,date_of_birth,postcode\n");
        for (var i = 0; i < Records; i++)
        {
            var unit = i / 180 % 400;
            csv.Append(CultureInfo.InvariantCulture,
                $"A{i},{BudgetPeople.GivenName(i % 4_000)},{BudgetPeople.FamilyName},{BudgetPeople.DateOfBirth},LS{(i % 20) + 1} {(i / 20 % 9) + 1}{Letters[unit / 20]}{Letters[unit % 20]}\n");
        }

        return temp.Write("everyone.csv", csv.ToString());
    }

    [Fact]
    public void A_run_past_its_budget_stops_with_one_line_exit_3_and_no_output()
    {
        using var temp = new TempCsv();
        var input = WriteAdversarialExtract(temp);
        var output = temp.PathOf("pairs.csv");

        var result = CliRunner.Run("dedupe", input, "--out", output, "--clusters", temp.PathOf("clusters.csv"), "--report", temp.PathOf("report.html"), "--no-train");

        Assert.Equal(3, result.ExitCode);
        var stop = Assert.Single(result.Error.Split('\n'), line => line.StartsWith("error:", StringComparison.Ordinal));
        Assert.StartsWith("error: budget exceeded: blocking rule 'dob+given-initial' would take the candidate pairs past the budget of 4,000,000 (200 per record × 20,000 records)", stop, StringComparison.Ordinal);
        Assert.Contains("--max-pairs-per-record", stop, StringComparison.Ordinal);
        Assert.Contains("--on-budget skip-rule", stop, StringComparison.Ordinal);
        Assert.DoesNotContain(BudgetPeople.FamilyName, result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1961", result.Error, StringComparison.Ordinal);
        Assert.Equal([input], Directory.GetFiles(temp.Folder)); // no pairs, clusters, report or rejects file
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Skip_rule_leaves_out_the_rules_past_the_budget_warns_and_marks_them_in_the_report()
    {
        // At 50 pairs per record (a budget of 1,000,000) four rules are left out: by given initial (15 blocks of about
        // 1,333 records), by name Soundex codes and birth year (1.6 million pairs on top of the full names' 39,990),
        // by family Soundex, birth year and district (20 blocks of 1,000), and by family Soundex, given initial and
        // birth year (the given-initial blocks again). The full-name pairs are still compared.
        using var temp = new TempCsv();
        var input = WriteAdversarialExtract(temp);
        var output = temp.PathOf("pairs.csv");
        var report = temp.PathOf("report.html");

        var result = CliRunner.Run("dedupe", input, "--out", output, "--report", report, "--no-train", "--on-budget", "skip-rule", "--max-pairs-per-record", "50");

        Assert.Equal(0, result.ExitCode);
        var warnings = WarningLine().Matches(result.Error).Select(m => (m.Groups["rule"].Value, long.Parse(m.Groups["pairs"].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(["dob+given-initial", "name-soundex-set+birth-year", "family-soundex+birth-year+district", "family-soundex+given-initial+birth-year"], warnings.Select(w => w.Item1));
        Assert.All(warnings, w => Assert.True(w.Item2 > 1_000_000 - 39_990, w.ToString()));
        Assert.Equal(39_990, long.Parse(ComparedLine().Match(result.Error).Groups["pairs"].Value, CultureInfo.InvariantCulture));
        Assert.Contains("  blocking full-name: 39990 new pairs", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(output));
        var html = File.ReadAllText(report);
        Assert.Contains("dob+given-initial (left out: pair budget,", html, StringComparison.Ordinal);
        Assert.Contains("budget was 1,000,000 candidate pairs", html, StringComparison.Ordinal);
        Assert.DoesNotContain(BudgetPeople.FamilyName, result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Too_many_pairs_reaching_review_stop_with_one_line_exit_3_and_no_output()
    {
        // One date of birth for 1,500 records is 1,124,250 pairs; a threshold of 1e-300 sends them all to review, past
        // the smallest kept-pair budget (1,000,000).
        using var temp = new TempCsv();
        var csv = new StringBuilder("id,given_name,family_name,date_of_birth\n");
        for (var i = 0; i < 1_500; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"K{i},{BudgetPeople.GivenName(i)},{BudgetPeople.FamilyName},{BudgetPeople.DateOfBirth}\n");
        }

        var input = temp.Write("one-date.csv", csv.ToString());
        var result = CliRunner.Run("dedupe", input, "--out", temp.PathOf("pairs.csv"), "--no-train", "--threshold", "1e-300",
            "--max-pairs-per-record", "1000", "--max-pairs-per-block", "2000000", "--max-kept-pairs-per-record", "1");

        Assert.Equal(3, result.ExitCode);
        var stop = Assert.Single(result.Error.Split('\n'), line => line.StartsWith("error:", StringComparison.Ordinal));
        Assert.StartsWith("error: budget exceeded: more than 1,000,000 pairs reached the review threshold (the minimum budget; 1 per record × 1,500 records is less;", stop, StringComparison.Ordinal);
        Assert.Contains("--max-kept-pairs-per-record", stop, StringComparison.Ordinal);
        Assert.Equal([input], Directory.GetFiles(temp.Folder));
    }

    [Fact]
    public void Budget_options_below_1_are_usage_errors()
    {
        using var temp = new TempCsv();
        var input = temp.Write("few.csv", "id,given_name,family_name,date_of_birth\nA1,Talvo,Quennerby,1961-04-17\n");
        Assert.Equal(2, CliRunner.Run("dedupe", input, "--max-pairs-per-record", "0", "--no-train").ExitCode);
        Assert.Equal(2, CliRunner.Run("dedupe", input, "--max-pairs-per-block", "0", "--no-train").ExitCode);
        Assert.Equal(2, CliRunner.Run("dedupe", input, "--max-kept-pairs-per-record", "0", "--no-train").ExitCode);
        Assert.Equal(2, CliRunner.Run("dedupe", input, "--on-budget", "carry-on", "--no-train").ExitCode);
    }

    [Fact]
    public void The_default_budget_never_bites_on_the_bundled_samples()
    {
        var pas = RepositoryRoot.Combine("samples", "data", "pas.csv");
        var gp = RepositoryRoot.Combine("samples", "data", "gp.csv");
        using var temp = new TempCsv();

        foreach (var args in new[] { new[] { "link", pas, gp }, ["dedupe", pas], ["dedupe", gp] })
        {
            var result = CliRunner.Run([.. args, "--out", temp.PathOf("out.csv"), "--no-train"]);

            Assert.Equal(0, result.ExitCode);
            Assert.DoesNotContain("left out", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("pairs were skipped", result.Error, StringComparison.Ordinal);
            // At least ten times under the smallest budget a run can have.
            var compared = long.Parse(ComparedLine().Match(result.Error).Groups["pairs"].Value, CultureInfo.InvariantCulture);
            Assert.InRange(compared, 1, global::NhsIdentity.Matching.LinkOptions.MinimumPairBudget / 10);
        }
    }

    [GeneratedRegex(@"^warning: Blocking rule '(?<rule>[^']+)' was left out: .* \((?<pairs>\d+) pairs in its blocks\)", RegexOptions.Multiline)]
    private static partial Regex WarningLine();

    [GeneratedRegex(@"^pairs compared: (?<pairs>\d+);", RegexOptions.Multiline)]
    private static partial Regex ComparedLine();
}
