namespace NhsIdentity.Tests.Cli.Ingestion;

/// <summary><c>nhsid evaluate</c> with a truth file that names each record's source (<c>source,id,person_id</c>).</summary>
public sealed class EvaluateSourceColumnTests : IDisposable
{
    // The same id "1" is person p1 in pas and person p2 in gp; pas 1 and 2 are one person (a within-source pair).
    // Cross-source truth with pas on the left: (1,2) (2,2) (3,1).
    private const string Truth = "source,id,person_id\npas,1,p1\npas,2,p1\npas,3,p2\ngp,1,p2\ngp,2,p1\ngp,9,p3\n";

    private readonly TempCsv temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Linkage_scores_only_pairs_across_the_sources_looking_ids_up_per_source()
    {
        var truth = temp.Write("truth.csv", Truth);
        var links = temp.Write("links.csv", "left_id,right_id,decision\n1,2,match\n3,1,match\n1,1,match\n2,2,review\n");

        var result = CliRunner.Run("evaluate", links, "--truth", truth);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "precision: 0.666667", "recall: 0.666667", "f1: 0.666667",
                "true_positives: 2", "false_positives: 1", "false_negatives: 1",
            ],
            result.OutputLines);
        Assert.Contains("left ids are source pas (chosen from the ids), right ids source gp", result.Error, StringComparison.Ordinal);
        Assert.Contains("pairs compared as (left, right)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Left_source_option_overrides_the_choice_and_is_matched_ignoring_case()
    {
        var truth = temp.Write("truth.csv", Truth);
        var links = temp.Write("links.csv", "left_id,right_id,decision\n2,1,match\n1,3,match\n");

        var chosen = CliRunner.Run("evaluate", links, "--truth", truth);
        var pas = CliRunner.Run("evaluate", links, "--truth", truth, "--left-source", "pas");
        var given = CliRunner.Run("evaluate", links, "--truth", truth, "--left-source", "GP");

        // The right ids 1 and 3 are both pas ids, so gp is chosen as the left source; read with pas on the left both
        // links are false, with gp on the left gp 2 x pas 1 and gp 1 x pas 3 are true.
        Assert.Contains("left ids are source gp (chosen from the ids)", chosen.Error, StringComparison.Ordinal);
        Assert.Contains("true_positives: 2", chosen.OutputLines);
        Assert.Contains("left ids are source pas (--left-source), right ids source gp", pas.Error, StringComparison.Ordinal);
        Assert.Contains("true_positives: 0", pas.OutputLines);
        Assert.Contains("left ids are source gp (--left-source), right ids source pas", given.Error, StringComparison.Ordinal);
        Assert.Contains("true_positives: 2", given.OutputLines);
        Assert.Contains("false_negatives: 1", given.OutputLines);
    }

    [Fact]
    public void The_left_source_is_chosen_from_the_ids_even_when_the_file_lists_the_other_first()
    {
        var truth = temp.Write("truth.csv", "source,id,person_id\ngp,G1,p1\ngp,G2,p2\npas,P1,p1\npas,P2,p2\n");
        var links = temp.Write("links.csv", "left_id,right_id,decision\nP1,G1,match\n");

        var result = CliRunner.Run("evaluate", links, "--truth", truth);

        Assert.Contains("left ids are source pas", result.Error, StringComparison.Ordinal);
        Assert.Contains("true_positives: 1", result.OutputLines);
        Assert.Contains("false_negatives: 1", result.OutputLines);
    }

    [Fact]
    public void Dedupe_scores_the_pairs_within_one_source()
    {
        var truth = temp.Write("truth.csv", Truth);
        var links = temp.Write("links.csv", "left_id,right_id,decision\n2,1,match\n1,3,match\n");

        var chosen = CliRunner.Run("evaluate", links, "--truth", truth, "--dedupe");
        var gp = CliRunner.Run("evaluate", links, "--truth", truth, "--dedupe", "--left-source", "gp");

        // Within pas the only true pair is (1,2), found in reverse order; (1,3) is false.
        Assert.Equal(0, chosen.ExitCode);
        Assert.Contains("deduplicating source pas", chosen.Error, StringComparison.Ordinal);
        Assert.Equal(
            [
                "precision: 0.500000", "recall: 1.000000", "f1: 0.666667",
                "true_positives: 1", "false_positives: 1", "false_negatives: 0",
            ],
            chosen.OutputLines);

        // Within gp no pair is true.
        Assert.Contains("true_positives: 0", gp.OutputLines);
        Assert.Contains("false_negatives: 0", gp.OutputLines);
    }

    [Fact]
    public void Wrong_sources_are_reported()
    {
        var truth = temp.Write("truth.csv", Truth);
        var oneSource = temp.Write("one.csv", "source,id,person_id\npas,1,p1\npas,2,p1\n");
        var noSource = temp.Write("plain.csv", "id,person_id\n1,p1\n");
        var links = temp.Write("links.csv", "left_id,right_id,decision\n1,2,match\n");

        var unknown = CliRunner.Run("evaluate", links, "--truth", truth, "--left-source", "ward");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("has sources pas, gp", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("evaluate", links, "--truth", noSource, "--left-source", "pas").ExitCode);
        var single = CliRunner.Run("evaluate", links, "--truth", oneSource);
        Assert.Equal(1, single.ExitCode);
        Assert.Contains("has one source (pas)", single.Error, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("evaluate", links, "--truth", oneSource, "--dedupe").ExitCode);
    }
}
