using NhsIdentity.Tests.Cli;
using NhsIdentity.Tests.Cli.Ingestion;

namespace NhsIdentity.Tests.Reliability;

/// <summary>
/// Breaks an attacker found in the profile, Excel and clerical review work (session 9), each fixed.
/// </summary>
public sealed class AttackFindingsSession9Tests
{
    private const string Header = "id,nhs_number,given_name,family_name,date_of_birth,postcode\n";

    // Row 2 has an unclosed quote, so the left input has a rejects file: links.left.rejects.csv beside --out.
    private const string LeftWithAReject = Header + "L0,9990000018,Ann,Zqxfam,1980-01-01,ZZ9 9ZZ\nL1,9990000026,Ann,\"Zqx\n";

    private const string Right = Header + "R0,9990000018,Ann,Zqxfam,1980-01-01,ZZ9 9ZZ\n";

    [Fact]
    public void A_rejects_file_that_would_replace_the_review_decisions_is_refused()
    {
        using var temp = new TempCsv();
        var left = temp.Write("left.csv", LeftWithAReject);
        var right = temp.Write("right.csv", Right);
        const string Decisions = "left_id,right_id,decision,note\nL0,R0,match,checked by hand\n";
        var decisions = temp.Write("links.left.rejects.csv", Decisions);

        var result = CliRunner.Run("link", left, right, "--no-train", "-q", "-o", temp.PathOf("links.csv"),
            "--review-out", temp.PathOf("review.csv"), "--review-decisions", decisions);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(Decisions, File.ReadAllText(decisions));
        Assert.Contains("rejects file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejects_file_that_would_replace_the_right_input_is_refused()
    {
        using var temp = new TempCsv();
        var left = temp.Write("left.csv", LeftWithAReject);
        var right = temp.Write("links.left.rejects.csv", Right);

        var result = CliRunner.Run("link", left, right, "--no-train", "-q", "-o", temp.PathOf("links.csv"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(Right, File.ReadAllText(right));
    }

    [Fact]
    public void A_review_output_named_as_the_rejects_file_is_refused()
    {
        using var temp = new TempCsv();
        var left = temp.Write("left.csv", LeftWithAReject);
        var right = temp.Write("right.csv", Right);

        var result = CliRunner.Run("link", left, right, "--no-train", "-q", "-o", temp.PathOf("links.csv"),
            "--review-out", temp.PathOf("links.left.rejects.csv"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(File.Exists(temp.PathOf("links.left.rejects.csv")));
    }
}
