using System.Globalization;
using System.Text.Json.Nodes;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching;

/// <summary>
/// A model is refused when a weight it computes from valid-looking probabilities is not a finite number (issue 14: a
/// joint household u of 1e-320 passed and wrote Infinity weights, and --report then threw), and warns when it is
/// valid but decides every pair the same way or sends none for review.
/// </summary>
public sealed class ModelFinitenessTests
{
    private static readonly ComparisonModel BirthDate = MatchModel.Default.GetComparison(ComparisonKind.DateOfBirth)!;
    private static readonly ComparisonModel GivenName = MatchModel.Default.GetComparison(ComparisonKind.GivenName)!;

    private static JointHouseholdU Joint(Func<int, int, double> u) =>
        new(ComparisonKind.DateOfBirth, ComparisonKind.GivenName, BirthDate.Levels.Count, GivenName.Levels.Count,
            [.. Enumerable.Range(0, BirthDate.Levels.Count).SelectMany(a => Enumerable.Range(0, GivenName.Levels.Count).Select(b => u(a, b)))]);

    [Fact]
    public void A_subnormal_joint_household_u_is_refused_naming_the_levels_not_the_value()
    {
        var joint = Joint((a, b) => a == 0 && b == 0 ? 1e-320 : 0.01);
        var exception = Assert.Throws<ArgumentException>(() => MatchModel.Default.WithJointHouseholdU(joint));
        Assert.Contains("DateOfBirth Exact × GivenName Exact", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("320", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Joint_and_household_u_whose_product_underflows_are_refused()
    {
        // Each u alone is fine (the level weights log2(m / hu) are 0); their product underflows to 0, a weight of -∞.
        var tiny = new ComparisonLevelModel(1e-200, 0.5, 1e-200);
        var model = MatchModel.Default
            .WithComparison(BirthDate.WithLevel(0, tiny))
            .WithComparison(GivenName.WithLevel(0, tiny));
        Assert.Throws<ArgumentException>(() => model.WithJointHouseholdU(Joint((_, _) => 0.01)));
    }

    [Fact]
    public void A_model_file_with_a_subnormal_joint_u_is_refused_with_a_format_error()
    {
        var json = JsonNode.Parse(MatchModel.Default.WithJointHouseholdU(Joint((_, _) => 0.01)).ToJson())!;
        json["jointHouseholdU"]!["u"]!["Exact"]!["Exact"] = 1e-320;
        var exception = Assert.Throws<FormatException>(() => MatchModel.FromJson(json.ToJsonString()));
        Assert.Contains("DateOfBirth Exact × GivenName Exact", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("320", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.9, 1e-320)]   // m / u overflows
    [InlineData(1.0, 5e-324)]
    public void A_level_whose_weight_overflows_is_refused_in_code_and_in_a_file(double m, double u)
    {
        Assert.Throws<ArgumentException>(() => BirthDate.WithLevel(0, new ComparisonLevelModel(m, u)));
        var json = JsonNode.Parse(MatchModel.Default.ToJson())!;
        var level = json["comparisons"]!.AsArray().Single(c => (string?)c!["comparison"] == "DateOfBirth")!["levels"]![0]!;
        level["m"] = m;
        level["u"] = u;
        var exception = Assert.Throws<FormatException>(() => MatchModel.FromJson(json.ToJsonString()));
        Assert.Contains("Exact of the DateOfBirth comparison", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.99999999999999999")] // 1 − 1e−17 rounds to 1
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("4.9e-324")] // the smallest double: finite log-odds (−1074), so allowed
    public void A_prior_that_rounds_to_0_or_1_is_refused(string prior)
    {
        var json = MatchModel.Default.ToJson();
        var text = System.Text.RegularExpressions.Regex.Replace(json, "\"priorMatchProbability\":[^,]+", "\"priorMatchProbability\":" + prior);
        var value = double.Parse(prior, CultureInfo.InvariantCulture);
        if (value is > 0 and < 1)
        {
            var model = MatchModel.FromJson(text);
            Assert.True(double.IsFinite(model.PriorWeight));
        }
        else
        {
            Assert.Throws<FormatException>(() => MatchModel.FromJson(text));
            Assert.ThrowsAny<ArgumentException>(() => MatchModel.Default.WithPrior(value));
        }
    }

    [Fact]
    public void The_default_model_has_no_warnings()
    {
        Assert.Equal(MatchModelWarnings.None, MatchModel.Default.Warnings);
    }

    [Fact]
    public void A_model_with_no_comparisons_warns()
    {
        var model = new MatchModel(0.001, [], DecisionPolicy.Default);
        Assert.True(model.Warnings.HasFlag(MatchModelWarnings.NoComparisons));
    }

    [Fact]
    public void Equal_thresholds_warn_that_nothing_goes_to_review()
    {
        var model = MatchModel.Default.WithPolicy(DecisionPolicy.Default with { MatchProbability = 0.4, ReviewProbability = 0.4 });
        Assert.Equal(MatchModelWarnings.NoReviewBand, model.Warnings);
    }

    [Fact]
    public void A_match_threshold_below_the_review_threshold_is_refused_not_warned()
    {
        Assert.Throws<ArgumentException>(() => MatchModel.Default.WithPolicy(DecisionPolicy.Default with { MatchProbability = 0.3 }));
    }

    [Theory]
    [InlineData(0.6, MatchModelWarnings.PriorReachesReview)]
    [InlineData(0.995, MatchModelWarnings.PriorReachesReview | MatchModelWarnings.PriorReachesMatch)]
    public void A_prior_that_alone_reaches_a_threshold_warns(double prior, MatchModelWarnings expected)
    {
        Assert.Equal(expected, MatchModel.Default.WithPrior(prior).Warnings);
    }
}
