using System.Globalization;
using System.Text.Json;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli.Groups;

/// <summary><c>nhsid evaluate --left-input/--right-input</c>: the "who is left unlinked" table.</summary>
public sealed class EvaluateGroupsTests
{
    private static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");
    private static readonly string Gp = RepositoryRoot.Combine("samples", "data", "gp.csv");
    private static readonly string Truth = RepositoryRoot.Combine("samples", "data", "truth.csv");

    [Fact]
    public void A_small_link_is_counted_group_by_group()
    {
        using var temp = new TempCsv();
        var left = temp.Write("left.csv", """
            id,given_name,family_name,date_of_birth,sex,postcode
            L1,Anna,Smith,2010-12-07,F,LS1 4AP
            L2,Zoë,Brown,2010-12-08,M,CF10 1AA
            L3,Wei,李,1950,,ZZ99 3VZ
            L4,Bob,Jones,,,75001
            """);
        var right = temp.Write("right.csv", """
            id,given_name,family_name,date_of_birth,sex,postcode
            R1,Anna,Smith,2010-12-07,F,LS1 4AP
            R2,Wei,Li,1950,,
            R3,Zoe,Brown,2010-12-08,M,CF10 1AA
            """);
        var links = temp.Write("links.csv", """
            left_id,right_id,match_weight,match_probability,decision
            L1,R1,20,0.99999,match
            L2,R2,1,0.6,review
            L2,R3,2,0.8,review
            """);
        var truth = temp.Write("truth.csv", """
            left_id,right_id
            L1,R1
            L2,R3
            L3,R2
            """);

        var run = CliRunner.Run("evaluate", links, "--truth", truth, "--left-input", left, "--right-input", right, "--as-of", "2026-12-07");

        Assert.Equal(0, run.ExitCode);
        var rows = TableRows(run.Output);

        // input dimension group: records linked review unlinked true_pairs recall
        Assert.Equal(["1", "0", "1", "0", "1", "0.0000"], rows[("left", "age_band", "0-15")]);
        Assert.Equal(["1", "1", "0", "0", "1", "1.0000"], rows[("left", "age_band", "16-29")]);
        Assert.Equal(["1", "0", "0", "1", "1", "0.0000"], rows[("left", "age_band", "65-79")]);
        Assert.Equal(["1", "0", "0", "1", "0", "-"], rows[("left", "age_band", "unknown")]);
        Assert.Equal(["2", "0", "0", "2", "1", "0.0000"], rows[("left", "sex", "unknown")]);
        Assert.Equal(["1", "0", "0", "1", "1", "0.0000"], rows[("left", "postcode_area", "pseudo")]);
        Assert.Equal(["1", "0", "0", "1", "0", "-"], rows[("left", "postcode_area", "non-UK")]);
        Assert.Equal(["2", "1", "0", "1", "1", "1.0000"], rows[("left", "name_characters", "plain")]);
        Assert.Equal(["1", "0", "1", "0", "1", "0.0000"], rows[("left", "name_characters", "latin-diacritics")]);
        Assert.Equal(["1", "0", "0", "1", "1", "0.0000"], rows[("left", "name_characters", "other-script")]);

        // The right input has its own rows: R2 is in review (with L2) and in the true pair L3-R2 that was missed.
        Assert.Equal(["3", "1", "2", "0", "3", "0.3333"], rows[("right", "name_characters", "plain")]);
        Assert.Equal(["1", "0", "1", "0", "1", "0.0000"], rows[("right", "postcode_area", "unknown")]);
    }

    [Fact]
    public void A_clusters_truth_without_sources_counts_each_true_pair_on_its_own_side_whatever_the_order_in_the_file()
    {
        // One clusters file without a source column: the true pairs come in file order (here right id first) and are
        // compared ignoring order; the table must place each id by the input that holds it, as the headline does.
        using var temp = new TempCsv();
        var left = temp.Write("left.csv", """
            id,given_name,family_name,date_of_birth,sex,postcode
            P1,Anna,Smith,2010-12-07,F,LS1 4AP
            P2,Bob,Jones,1950-01-01,M,CF10 1AA
            """);
        var right = temp.Write("right.csv", """
            id,given_name,family_name,date_of_birth,sex,postcode
            G1,Anna,Smith,2010-12-07,F,LS1 4AP
            G2,Bob,Jones,1950-01-01,M,CF10 1AA
            """);
        var links = temp.Write("links.csv", """
            left_id,right_id,match_weight,match_probability,decision
            P1,G1,20,0.99999,match
            """);
        var truth = temp.Write("truth.csv", """
            id,cluster_id
            G1,c1
            P1,c1
            G2,c2
            P2,c2
            """);

        var run = CliRunner.Run("evaluate", links, "--truth", truth, "--left-input", left, "--right-input", right, "--as-of", "2026-12-07");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("recall: 0.5", run.Output, StringComparison.Ordinal); // the headline: one of the two true pairs found
        var rows = TableRows(run.Output);
        Assert.Equal(["2", "1", "0", "1", "2", "0.5000"], rows[("left", "name_characters", "plain")]);
        Assert.Equal(["2", "1", "0", "1", "2", "0.5000"], rows[("right", "name_characters", "plain")]);
        Assert.Equal(["1", "1", "0", "0", "1", "1.0000"], rows[("left", "sex", "female")]);
    }

    [Fact]
    public void Swapped_inputs_are_told_on_standard_error_without_an_id()
    {
        using var temp = new TempCsv();
        var links = temp.PathOf("links.csv");
        Assert.Equal(0, CliRunner.Run("link", Pas, Gp, "--no-train", "--out", links, "-q").ExitCode);

        var right = CliRunner.Run("evaluate", links, "--truth", Truth, "--left-input", Pas, "--right-input", Gp, "--as-of", "2026-12-07");
        var swapped = CliRunner.Run("evaluate", links, "--truth", Truth, "--left-input", Gp, "--right-input", Pas, "--as-of", "2026-12-07");

        Assert.Equal(0, right.ExitCode);
        Assert.DoesNotContain("ids of the links file", right.Error, StringComparison.Ordinal);
        Assert.Equal(0, swapped.ExitCode);
        Assert.Contains("are the inputs swapped", swapped.Error, StringComparison.Ordinal);
        var firstLeftId = CsvRows.Read(links)[1][0];
        Assert.DoesNotContain(firstLeftId, swapped.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_dimension_of_the_samples_reconciles_with_the_inputs_and_the_recall()
    {
        using var temp = new TempCsv();
        var links = temp.PathOf("links.csv");
        Assert.Equal(0, CliRunner.Run("link", Pas, Gp, "--no-train", "--out", links, "-q").ExitCode);

        var run = CliRunner.Run("evaluate", links, "--truth", Truth, "--left-input", Pas, "--right-input", Gp, "--as-of", "2026-12-07", "--json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        var truePairs = root.GetProperty("truth").GetProperty("pairs").GetInt64();
        var found = root.GetProperty("truePositives").GetInt64();
        var records = new Dictionary<string, long> { ["left"] = CsvRows.Read(Pas).Length - 1, ["right"] = CsvRows.Read(Gp).Length - 1 };
        var byDimension = root.GetProperty("groups").GetProperty("rows").EnumerateArray()
            .GroupBy(row => (row.GetProperty("input").GetString()!, row.GetProperty("dimension").GetString()!));
        Assert.Equal(8, byDimension.Count());
        foreach (var dimension in byDimension)
        {
            Assert.Equal(records[dimension.Key.Item1], dimension.Sum(row => row.GetProperty("records").GetInt64()));
            Assert.Equal(truePairs, dimension.Sum(row => row.GetProperty("truePairs").GetInt64()));
            Assert.Equal(found, dimension.Sum(row => row.GetProperty("foundPairs").GetInt64()));
            foreach (var row in dimension)
            {
                Assert.Equal(row.GetProperty("records").GetInt64(),
                    row.GetProperty("linked").GetInt64() + row.GetProperty("review").GetInt64() + row.GetProperty("unlinked").GetInt64());
            }
        }
    }

    [Fact]
    public void Without_inputs_the_json_says_so_and_the_text_has_no_table()
    {
        using var temp = new TempCsv();
        var links = temp.PathOf("links.csv");
        Assert.Equal(0, CliRunner.Run("link", Pas, Gp, "--no-train", "--out", links, "-q").ExitCode);

        var json = CliRunner.Run("evaluate", links, "--truth", Truth, "--json");
        var text = CliRunner.Run("evaluate", links, "--truth", Truth);

        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(json.Output).RootElement.GetProperty("groups").ValueKind);
        Assert.DoesNotContain("who is left unlinked", text.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--right-input")]
    [InlineData("--as-of")]
    public void Options_of_the_table_need_the_left_input(string option)
    {
        using var temp = new TempCsv();
        var links = temp.Write("links.csv", "left_id,right_id,decision\nA,B,match\n");
        var truth = temp.Write("truth.csv", "left_id,right_id\nA,B\n");

        var run = CliRunner.Run("evaluate", links, "--truth", truth, option, option == "--as-of" ? "2026-12-07" : Gp);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("need --left-input", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_needs_both_inputs_and_a_bad_date_is_refused()
    {
        using var temp = new TempCsv();
        var links = temp.Write("links.csv", "left_id,right_id,decision\nA,B,match\n");
        var truth = temp.Write("truth.csv", "left_id,right_id\nA,B\n");

        var oneInput = CliRunner.Run("evaluate", links, "--truth", truth, "--left-input", Pas);
        var badDate = CliRunner.Run("evaluate", links, "--truth", truth, "--left-input", Pas, "--right-input", Gp, "--as-of", "7/12/2026");

        Assert.Equal(2, oneInput.ExitCode);
        Assert.Contains("--right-input", oneInput.Error, StringComparison.Ordinal);
        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("--as-of takes a date as YYYY-MM-DD", badDate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_inputs_are_read_as_link_reads_them_a_headerless_file_with_columns_by_position()
    {
        using var temp = new TempCsv();
        var records = temp.Write("records.csv", """
            A1,Anna,Smith,2010-12-07,F,LS1 4AP
            A2,Ana,Smith,2010-12-07,F,LS1 4AP
            B1,Bob,Jones,1950-01-01,M,CF10 1AA
            """);
        var links = temp.Write("links.csv", "left_id,right_id,decision\nA1,A2,match\n");
        var truth = temp.Write("truth.csv", "left_id,right_id\nA1,A2\n");

        var run = CliRunner.Run("evaluate", links, "--truth", truth, "--dedupe", "--left-input", records, "--no-header",
            "--map", "id=1", "--map", "given_name=2", "--map", "family_name=3", "--map", "date_of_birth=4", "--map", "sex=5", "--map", "postcode=6",
            "--as-of", "2026-12-07");

        Assert.True(run.ExitCode == 0, run.Error);
        var rows = TableRows(run.Output);
        Assert.Equal(["2", "2", "0", "0", "1", "1.0000"], rows[("records", "sex", "female")]);
        Assert.Equal(["1", "0", "0", "1", "0", "-"], rows[("records", "postcode_area", "CF")]);
    }

    /// <summary>The table's rows by (input, dimension, group): records, linked, review, unlinked, true pairs, recall.</summary>
    private static Dictionary<(string, string, string), string[]> TableRows(string output)
    {
        var lines = output.Split('\n');
        var start = Array.FindIndex(lines, line => line.StartsWith("input ", StringComparison.Ordinal));
        Assert.True(start > 0, "the table has a header");
        var rows = new Dictionary<(string, string, string), string[]>();
        foreach (var line in lines.Skip(start + 1))
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length == 11)
            {
                rows[(cells[0], cells[1], cells[2])] = [cells[3], cells[4], cells[5], cells[6], cells[9], cells[10]];
            }
        }

        return rows;
    }
}
