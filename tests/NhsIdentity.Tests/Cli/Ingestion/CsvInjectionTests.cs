using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Cli.Ingestion;

namespace NhsIdentity.Tests.Cli.Ingestion;

/// <summary>Cells from inputs that a spreadsheet would run as formulas (issue 14; OWASP CSV injection).</summary>
public sealed class CsvInjectionTests : IDisposable
{
    private const string Header = "id,nhs_number,given_name,family_name,date_of_birth,postcode\n";

    // Invented people; 999-range NHS numbers only. Two records of one person, so dedupe writes a pair.
    private const string Ada = "9990000018,Ada,Testpatient,14/03/1987,LS1 4AP\n";
    private const string Formula = "=HYPERLINK(\"http://example.invalid\")";

    private readonly TempCsv temp = new();

    public void Dispose() => temp.Dispose();

    [Property(MaxTest = 1000)]
    public Property Neutralised_cells_never_start_with_a_trigger_and_other_cells_are_unchanged() =>
        Prop.ForAll(Arb.From(Gen.OneOf(ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get), Gen.Elements("=1+2", "+1", "-12", "@SUM(A1)", "\t=1", "\r=1", "'=1", "'", ""))), cell =>
        {
            var neutralised = CsvInjection.Neutralise(cell)!;
            Assert.False(CsvInjection.StartsWithTrigger(neutralised));
            if (!CsvInjection.StartsWithTrigger(cell))
            {
                Assert.Equal(cell, neutralised);
            }
            else
            {
                Assert.Equal(cell, CsvInjection.Restore(neutralised)); // evaluate reads back what was meant
            }
        });

    [Fact]
    public void Dedupe_neutralises_ids_in_the_pairs_and_clusters_files_unless_raw_cells()
    {
        var input = temp.Write("in.csv", Header + "\"" + Formula.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"," + Ada + "-12," + Ada);

        var result = CliRunner.Run("dedupe", input, "--out", temp.PathOf("pairs.csv"), "--clusters", temp.PathOf("clusters.csv"), "--no-train");
        var raw = CliRunner.Run("dedupe", input, "--out", temp.PathOf("raw.csv"), "--clusters", temp.PathOf("raw-clusters.csv"), "--no-train", "--raw-cells");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, raw.ExitCode);
        var pair = File.ReadAllLines(temp.PathOf("pairs.csv"))[1];
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://example.invalid\"\")\",'-12,", pair, StringComparison.Ordinal);
        Assert.Contains("\n'-12,", File.ReadAllText(temp.PathOf("clusters.csv")), StringComparison.Ordinal);
        Assert.StartsWith("\"=HYPERLINK(", File.ReadAllLines(temp.PathOf("raw.csv"))[1], StringComparison.Ordinal);
        Assert.Contains("\n-12,", File.ReadAllText(temp.PathOf("raw-clusters.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_reads_neutralised_ids_as_the_ids_they_were()
    {
        var links = temp.Write("links.csv", "left_id,right_id,decision\n'-12,'=7,match\n");
        var truth = temp.Write("truth.csv", "left_id,right_id\n-12,=7\n");

        var result = CliRunner.Run("evaluate", links, "--truth", truth);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("true_positives: 1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Pseudonymise_neutralises_copied_cells_and_header_but_not_the_rejects()
    {
        var input = temp.Write("extract.csv", "nhs_number,note,=evil\n9990000018,@SUM(1+1),x\n9990000026,\"-3\",+cmd\n9990000034,=bad,row,extra\n");
        var key = temp.Write("project.key", Convert.ToHexStringLower(Privacy.PrivacyTestKeys.Sequential32) + "\n");

        var result = CliRunner.Run("pseudonymise", input, "--key-file", key, "--columns", "nhs_number", "--out", temp.PathOf("out.csv"),
            "--rejects", temp.PathOf("rejects.csv"));

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(temp.PathOf("out.csv"));
        Assert.Equal("nhs_number,note,\"'=evil\"", lines[0]);
        Assert.EndsWith(",\"'@SUM(1+1)\",x", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",\"'-3\",\"'+cmd\"", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);

        // The rejects file is a verbatim copy of input rows, for repairing the source: not neutralised.
        Assert.Equal(["nhs_number,note,=evil", "9990000034,=bad,row,extra"], File.ReadAllLines(temp.PathOf("rejects.csv")));
    }

    [Fact]
    public void Filter_optouts_neutralises_kept_rows_unless_raw_cells()
    {
        var input = temp.Write("extract.csv", "nhs_number;note\n9990000018;=1+2\n9990000026;plain\n");
        var list = temp.Write("optouts.txt", "9990000042\n");

        var result = CliRunner.Run("filter-optouts", input, "--optouts", list, "--out", temp.PathOf("out.csv"));
        var raw = CliRunner.Run("filter-optouts", input, "--optouts", list, "--out", temp.PathOf("raw.csv"), "--raw-cells");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["nhs_number;note", "9990000018;\"'=1+2\"", "9990000026;plain"], File.ReadAllLines(temp.PathOf("out.csv")));
        Assert.Equal(0, raw.ExitCode);
        Assert.Equal(["nhs_number;note", "9990000018;=1+2", "9990000026;plain"], File.ReadAllLines(temp.PathOf("raw.csv")));
    }

    [Fact]
    public void The_help_says_raw_cells_keeps_negative_ids_raw()
    {
        var help = CliRunner.Run("link", "--help");

        Assert.Contains("--raw-cells", help.Output, StringComparison.Ordinal);
        Assert.Contains("negative numbers", help.Output, StringComparison.Ordinal);
    }
}
