using System.Text.Json.Nodes;
using NhsIdentity.Matching;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.Cli.Reporting;

namespace NhsIdentity.Tests.Cli;

/// <summary><c>nhsid link --model</c> with a model whose weights would not be finite, and the warnings a valid but odd
/// model gets on standard error.</summary>
public sealed class ModelFileCommandTests
{
    private static string JointModelJson(double exactExactU)
    {
        var dob = MatchModel.Default.GetComparison(ComparisonKind.DateOfBirth)!.Levels.Count;
        var given = MatchModel.Default.GetComparison(ComparisonKind.GivenName)!.Levels.Count;
        var model = MatchModel.Default.WithJointHouseholdU(new JointHouseholdU(ComparisonKind.DateOfBirth, ComparisonKind.GivenName, dob, given,
            Enumerable.Repeat(0.01, dob * given)));
        var json = JsonNode.Parse(model.ToJson())!;
        json["jointHouseholdU"]!["u"]!["Exact"]!["Exact"] = exactExactU;
        return json.ToJsonString();
    }

    [Fact]
    public void A_model_with_a_subnormal_joint_u_is_refused_in_one_line_before_anything_is_written()
    {
        // It used to load, write Infinity weights to the links and crash --report with OverflowException.
        using var temp = new TempCsv();
        var model = temp.Write("model.json", JointModelJson(1e-320));
        var result = CliRunner.Run("link", ReportFiles.Pas, ReportFiles.Gp, "--model", model, "--out", temp.PathOf("links.csv"),
            "--report", temp.PathOf("report.html"), "-q");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("DateOfBirth Exact × GivenName Exact", line, StringComparison.Ordinal);
        Assert.DoesNotContain("320", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.PathOf("links.csv")));
        Assert.False(File.Exists(temp.PathOf("report.html")));
    }

    [Fact]
    public void The_same_model_with_an_ordinary_joint_u_links_and_writes_a_report()
    {
        using var temp = new TempCsv();
        var model = temp.Write("model.json", JointModelJson(0.001));
        var result = CliRunner.Run("link", ReportFiles.Pas, ReportFiles.Gp, "--model", model, "--out", temp.PathOf("links.csv"),
            "--report", temp.PathOf("report.html"), "-q");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("Infinity", File.ReadAllText(temp.PathOf("links.csv")), StringComparison.Ordinal);
        Assert.True(File.Exists(temp.PathOf("report.html")));
    }

    [Fact]
    public void A_threshold_below_the_review_threshold_warns_that_nothing_goes_to_review()
    {
        using var temp = new TempCsv();
        var result = CliRunner.Run("link", ReportFiles.Pas, ReportFiles.Gp, "--no-train", "--threshold", "0.3", "--out", temp.PathOf("links.csv"), "-q");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: the match and review thresholds are equal (0.3): no pair is sent for review.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_whose_prior_alone_is_a_match_warns()
    {
        using var temp = new TempCsv();
        var model = temp.Write("model.json", MatchModel.Default.WithPrior(0.995).ToJson());
        var result = CliRunner.Run("link", ReportFiles.Pas, ReportFiles.Gp, "--model", model, "--out", temp.PathOf("links.csv"), "-q");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: the prior alone reaches the match threshold", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_model_gives_no_model_warning()
    {
        using var temp = new TempCsv();
        var result = CliRunner.Run("link", ReportFiles.Pas, ReportFiles.Gp, "--no-train", "--out", temp.PathOf("links.csv"), "-q");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("warning: the ", result.Error, StringComparison.Ordinal);
    }
}
