using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli;

/// <summary>The review files say how each pair stood among its records' candidates when the link weighed it, so a
/// reviewer can see why a pair moved; the file still comes back as labels.</summary>
public sealed class ReviewCompetitionTests
{
    private static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");
    private static readonly string Gp = RepositoryRoot.Combine("samples", "data", "gp.csv");

    [Fact]
    public void A_trained_link_writes_each_review_pairs_competition_level_and_the_file_reads_back()
    {
        using var temp = new TempCsv();
        var (links, review, page) = (temp.PathOf("links.csv"), temp.PathOf("review.csv"), temp.PathOf("review.html"));
        var run = CliRunner.Run("link", Pas, Gp, "--out", links, "--review-out", review, "--review-html", page,
            "--review-sample-matches", "5", "--review-sample-near-misses", "5", "-q");
        Assert.True(run.ExitCode == 0, run.Error);

        var rows = CsvRows.Read(review);
        Assert.Equal(["left_id", "right_id", "model_decision", "match_probability", "match_weight", "competition"], rows[0][..6]);
        Assert.All(rows.Skip(1), row => Assert.Contains(row[5], (string[])["unrivalled", "best_of_rivals", "outranked"]));
        Assert.Contains(", competition: ", File.ReadAllText(page), StringComparison.Ordinal);

        var evaluate = CliRunner.Run("evaluate", links, "--labels", review);
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
    }

    [Fact]
    public void A_link_that_weighs_no_competition_writes_no_competition_column()
    {
        using var temp = new TempCsv();
        var review = temp.PathOf("review.csv");
        Assert.Equal(0, CliRunner.Run("link", Pas, Gp, "--no-train", "--out", temp.PathOf("links.csv"), "--review-out", review, "-q").ExitCode);

        Assert.DoesNotContain("competition", CsvRows.Read(review)[0]);
    }
}
