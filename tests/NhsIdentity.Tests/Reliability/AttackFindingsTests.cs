using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Evaluation;
using NhsIdentity.Tests.Cli;
using NhsIdentity.Tests.Cli.Ingestion;

namespace NhsIdentity.Tests.Reliability;

/// <summary>
/// Breaks an attacker found in the issue 14 work (session 8), each fixed: patient text in a model's JSON error, ids in
/// truth errors, a patient "header" printed as ignored column names, binary opt-out lists and models read as
/// something else.
/// </summary>
public sealed class AttackFindingsTests
{
    private const string Sentinel = "ZQXSENTINEL";

    [Fact]
    public void A_csv_given_as_a_model_is_refused_without_quoting_it()
    {
        // The serialiser's own message quotes the bad literal: here the start of a patient row.
        var exception = Assert.Throws<FormatException>(() => MatchModel.FromJson("nhs_number," + Sentinel + ",9990000018\n"));

        Assert.DoesNotContain(Sentinel, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("9990000018", exception.ToString(), StringComparison.Ordinal);
        Assert.Contains("line 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_in_two_clusters_is_refused_without_naming_it()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            TruthPairs.FromClusters([("9990000018", "1"), ("9990000026", "1"), ("9990000018", "2")]));

        Assert.DoesNotContain("9990000018", exception.ToString(), StringComparison.Ordinal);
        Assert.Contains("assignment 3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_refuses_an_id_in_two_clusters_without_naming_it()
    {
        using var temp = new TempCsv();
        var links = temp.Write("links.csv", "left_id,right_id,match_weight,match_probability,decision\n9990000018,9990000026,20,0.999,match\n");
        var truth = temp.Write("truth.csv", "id,cluster_id\n9990000018,1\n9990000018,2\n");

        var result = CliRunner.Run("evaluate", links, "--truth", truth);

        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("9990000018", result.Error, StringComparison.Ordinal);
        Assert.Contains("two clusters", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_row_with_no_known_column_is_never_printed_as_column_names()
    {
        // A headerless file whose first patient has no digits (no NHS number, no date): read as a header, its cells
        // must not come out as "ignored: NAME" lines.
        var mapping = ColumnMapping.Create(["A1", string.Empty, Sentinel, "ZQXFAM", "F", "Rose Cottage ZQXADDR"]);

        var lines = string.Join('\n', mapping.Describe());

        Assert.DoesNotContain(Sentinel, lines, StringComparison.Ordinal);
        Assert.DoesNotContain("ZQXADDR", lines, StringComparison.Ordinal);
        Assert.Contains("not shown", lines, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignored_columns_beside_known_ones_are_still_listed_by_name()
    {
        var lines = string.Join('\n', ColumnMapping.Create(["nhs_number", "family_name", "ward"]).Describe());

        Assert.Contains("ignored: ward", lines, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("no numbers")]
    public void An_opt_out_list_that_would_remove_nobody_is_refused(string kind)
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", "id,nhs_number\nA1,9990000018\n");
        var list = temp.PathOf("optouts.txt");
        if (kind == "binary")
        {
            File.WriteAllBytes(list, new byte[4096]);
        }
        else
        {
            File.WriteAllText(list, "not a number\n12345\n");
        }

        var result = CliRunner.Run("filter-optouts", input, "--optouts", list, "--out", temp.PathOf("kept.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.False(File.Exists(temp.PathOf("kept.csv")));
    }

    [Fact]
    public void A_binary_model_file_is_refused_before_it_is_read()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", "id,nhs_number,given_name,family_name\nA1,9990000018,Alice,Pemberton\n");
        var model = temp.PathOf("model.json");
        File.WriteAllBytes(model, new byte[1 << 20]);

        var result = CliRunner.Run("dedupe", input, "--model", model, "--out", temp.PathOf("pairs.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("NUL", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.PathOf("pairs.csv")));
    }

    [Fact]
    public void Two_stray_quotes_rows_apart_set_the_rows_between_aside_instead_of_swallowing_them()
    {
        using var temp = new TempCsv();
        var text = new System.Text.StringBuilder("id,nhs_number,given_name,family_name,date_of_birth\n");
        for (var i = 1; i <= 13; i++)
        {
            var family = i is 2 or 10 ? "O\"BRIEN" : "Pemberton";
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"A{i},,Alice,{family},14/03/1987\n");
        }

        var input = temp.Write("in.csv", text.ToString());

        var result = CliRunner.Run("dedupe", input, "--out", temp.PathOf("out.csv"), "--no-train");

        // Rows 2 to 10 became one row: it is set aside whole (nothing lost), the rest are read.
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("5 rows, 4 accepted, 1 rejected", result.Error, StringComparison.Ordinal);
        Assert.Contains("a quote inside an unquoted field", result.Error, StringComparison.Ordinal);
        var rejects = File.ReadAllText(temp.PathOf("out.records.rejects.csv"));
        Assert.Contains("A9,", rejects, StringComparison.Ordinal);
    }
}
