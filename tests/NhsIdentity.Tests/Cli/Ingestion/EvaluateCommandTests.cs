namespace NhsIdentity.Tests.Cli.Ingestion;

/// <summary><c>nhsid evaluate</c> end to end through <c>CliApp.Run</c>.</summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private const string Links =
        "left_id,right_id,match_weight,match_probability,decision\n"
        + "a1,b1,12.0000,0.999,match\n"
        + "a2,b2,9.0000,0.99,match\n"
        + "a3,b9,7.0000,0.95,match\n"
        + "a4,b4,1.0000,0.6,review\n";

    private readonly TempCsv temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Scores_links_against_a_pairs_file_counting_only_match_decisions()
    {
        var links = temp.Write("links.csv", Links);
        var truth = temp.Write("truth.csv", "left_id,right_id\na1,b1\na2,b2\na4,b4\n");

        var result = CliRunner.Run("evaluate", links, "--truth", truth);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "precision: 0.666667", "recall: 0.666667", "f1: 0.666667",
                "true_positives: 2", "false_positives: 1", "false_negatives: 1",
            ],
            result.OutputLines);
        Assert.Contains("links: 4 rows, 3 with decision match; truth: 3 pairs (pairs file)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pairs_truth_is_ordered_for_linkage_and_unordered_with_dedupe()
    {
        var links = temp.Write("links.csv", "left_id,right_id,decision\nb1,a1,match\n");
        var truth = temp.Write("truth.csv", "left_id,right_id\na1,b1\n");

        Assert.Contains("true_positives: 0", CliRunner.Run("evaluate", links, "--truth", truth).OutputLines);
        Assert.Contains("true_positives: 1", CliRunner.Run("evaluate", links, "--truth", truth, "--dedupe").OutputLines);
    }

    [Fact]
    public void A_splink_style_file_with_a_cluster_column_is_its_own_truth_for_dedupe()
    {
        // Shape of Splink's fake_1000 (values invented): clusters 0 = {1,2,3}, 1 = {4}, 2 = {5,6}.
        var truth = temp.Write(
            "fake.csv",
            "unique_id,first_name,surname,dob,city,email,cluster\n"
            + "1,Ada,Test,1980-01-02,Nowhere,,0\n2,Ada,Tset,1980-01-02,Nowhere,,0\n3,Ad,Test,,Nowhere,,0\n"
            + "4,Bob,Example,1975-12-31,Elsewhere,,1\n5,Cy,Sample,1990-01-01,,,2\n6,Cy,Sample,1990-01-01,,,2\n");
        var links = temp.Write("links.csv", "left_id,right_id,decision\n2,1,match\n1,3,match\n4,5,match\n6,5,match\n");

        var result = CliRunner.Run("evaluate", links, "-t", truth, "--dedupe");

        Assert.Equal(0, result.ExitCode);
        // Truth pairs: (1,2) (1,3) (2,3) (5,6). Predicted: 3 true, (4,5) false.
        Assert.Contains("true_positives: 3", result.OutputLines);
        Assert.Contains("false_positives: 1", result.OutputLines);
        Assert.Contains("false_negatives: 1", result.OutputLines);
        Assert.Contains("precision: 0.750000", result.OutputLines);
    }

    [Fact]
    public void Two_clusters_files_score_linkage_across_the_sources_only()
    {
        var left = temp.Write("left.csv", "id,person_id\na1,p1\na2,p1\na3,p2\n");
        var right = temp.Write("right.csv", "id,person_id\nb1,p1\nb3,p2\nb4,p4\n");
        var links = temp.Write("links.csv", "left_id,right_id,decision\na1,b1,match\na3,b3,match\na3,b4,match\n");

        var result = CliRunner.Run("evaluate", links, "--truth", left, "--truth", right);

        Assert.Equal(0, result.ExitCode);
        // Truth: (a1,b1) (a2,b1) (a3,b3); the within-left pair (a1,a2) is not a linkage pair.
        Assert.Equal(
            [
                "precision: 0.666667", "recall: 0.666667", "f1: 0.666667",
                "true_positives: 2", "false_positives: 1", "false_negatives: 1",
            ],
            result.OutputLines);
    }

    [Fact]
    public void One_clusters_file_without_dedupe_says_it_compares_ignoring_order()
    {
        var truth = temp.Write("truth.csv", "id,cluster_id\na1,c\nb1,c\n");
        var links = temp.Write("links.csv", "left_id,right_id,decision\nb1,a1,match\n");

        var result = CliRunner.Run("evaluate", links, "--truth", truth);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("true_positives: 1", result.OutputLines);
        Assert.Contains("note: one clusters file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_or_a_bad_option_combination_is_a_usage_error()
    {
        var links = temp.Write("links.csv", Links);
        var clusters = temp.Write("c.csv", "id,cluster_id\na1,c\n");

        Assert.Equal(2, CliRunner.Run("evaluate", temp.PathOf("nope.csv"), "--truth", clusters).ExitCode);
        Assert.Equal(2, CliRunner.Run("evaluate", links).ExitCode); // --truth is required
        Assert.Equal(2, CliRunner.Run("evaluate", links, "--truth", clusters, "--truth", clusters, "--dedupe").ExitCode);

        var pairs = temp.Write("p.csv", "left_id,right_id\na1,b1\n");
        var mixed = CliRunner.Run("evaluate", links, "--truth", pairs, "--truth", clusters);
        Assert.Equal(2, mixed.ExitCode);
        Assert.Empty(mixed.Output);
    }

    [Fact]
    public void Unusable_files_exit_one_without_echoing_their_content()
    {
        const string Sentinel = "SENTINELqz";
        var links = temp.Write("links.csv", Links);
        var wrongHeader = temp.Write("truth.csv", $"name,dob\n{Sentinel},1980-01-02\n");
        var malformedLinks = temp.Write("bad.csv", $"left_id,right_id,decision\na1,b1,match\n{Sentinel},x\n");
        var truth = temp.Write("ok.csv", "left_id,right_id\na1,b1\n");
        var empty = temp.Write("empty.csv", string.Empty);

        foreach (var args in new[]
        {
            new[] { "evaluate", links, "--truth", wrongHeader },
            new[] { "evaluate", malformedLinks, "--truth", truth },
            new[] { "evaluate", empty, "--truth", truth },
        })
        {
            var result = CliRunner.Run(args);

            Assert.Equal(1, result.ExitCode);
            Assert.Empty(result.Output);
            Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(Sentinel, result.Error, StringComparison.Ordinal);
        }

        Assert.Contains("line 3", CliRunner.Run("evaluate", malformedLinks, "--truth", truth).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_in_two_clusters_is_reported_as_invalid()
    {
        var truth = temp.Write("truth.csv", "id,cluster_id\na1,c1\na1,c2\n");
        var links = temp.Write("links.csv", Links);

        var result = CliRunner.Run("evaluate", links, "--truth", truth, "--dedupe");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("two clusters", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_describes_the_command()
    {
        var result = CliRunner.Run("evaluate", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nhsid evaluate", result.Output, StringComparison.Ordinal);
        Assert.Contains("--truth", result.Output, StringComparison.Ordinal);
        Assert.Contains("--dedupe", result.Output, StringComparison.Ordinal);
    }
}
