using System.Text.Json.Nodes;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching;

/// <summary>A model's <see cref="MatchModel.Competition"/> in model JSON: version 2 only, every level and no other,
/// every number to the bit.</summary>
public sealed class CompetitionJsonTests
{
    // Numbers that a shortened or rounded writer would change.
    private static readonly CompetitionModel Awkward = new(0.1 + 0.2, new(1.0 / 3, 1e-7 / 3), new(2.0 / 7, Math.PI / 10), new(1e-9 / 7, 0.99999999999999989));

    private static readonly MatchModel WithAwkward = MatchModel.Default.WithCompetition(Awkward);

    [Fact]
    public void The_competitor_probability_and_all_six_m_and_u_round_trip_to_the_bit()
    {
        var loaded = MatchModel.FromJson(WithAwkward.ToJson()).Competition;

        Assert.NotNull(loaded);
        Assert.Equal(Bits(Awkward), Bits(loaded));
        Assert.Equal(WithAwkward.ToJson(), MatchModel.FromJson(WithAwkward.ToJson()).ToJson());
    }

    [Fact]
    public void Each_level_is_written_under_its_own_name()
    {
        var levels = JsonNode.Parse(WithAwkward.ToJson())!["competition"]!["levels"]!;
        Assert.Equal(Awkward.Unrivalled.M, (double)levels["unrivalled"]!["m"]!);
        Assert.Equal(Awkward.BestOfRivals.U, (double)levels["best_of_rivals"]!["u"]!);
        Assert.Equal(Awkward.Outranked.M, (double)levels["outranked"]!["m"]!);
    }

    [Fact]
    public void A_model_without_competition_writes_no_competition_key_and_reads_back_without_one()
    {
        var json = MatchModel.Default.WithCompetition(Awkward).WithCompetition(null).ToJson();
        Assert.False(JsonNode.Parse(json)!.AsObject().ContainsKey("competition"));
        Assert.Null(MatchModel.FromJson(json).Competition);
        Assert.True(JsonNode.Parse(WithAwkward.ToJson())!.AsObject().ContainsKey("competition"));
    }

    [Fact]
    public void A_version_1_model_with_competition_is_refused()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "f2e3b64", "golden-trained-model-v1.json");
        var document = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.NotNull(MatchModel.FromJson(document.ToJsonString())); // the file itself loads
        document["competition"] = JsonNode.Parse(WithAwkward.ToJson())!["competition"]!.DeepClone();

        var error = Assert.Throws<FormatException>(() => MatchModel.FromJson(document.ToJsonString()));
        Assert.Contains("competition", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BrokenCompetitions() => new()
    {
        { "a level missing", """{ "best_of_rivals": { "m": 0.2, "u": 0.3 }, "outranked": { "m": 0.1, "u": 0.6 } }""" },
        { "a level too many", """{ "unrivalled": { "m": 0.7, "u": 0.1 }, "best_of_rivals": { "m": 0.2, "u": 0.3 }, "outranked": { "m": 0.1, "u": 0.6 }, "tied": { "m": 0.1, "u": 0.1 } }""" },
        { "a level misnamed", """{ "unrivaled": { "m": 0.7, "u": 0.1 }, "best_of_rivals": { "m": 0.2, "u": 0.3 }, "outranked": { "m": 0.1, "u": 0.6 } }""" },
        { "a level without u", """{ "unrivalled": { "m": 0.7 }, "best_of_rivals": { "m": 0.2, "u": 0.3 }, "outranked": { "m": 0.1, "u": 0.6 } }""" },
        { "an m above 1", """{ "unrivalled": { "m": 1.5, "u": 0.1 }, "best_of_rivals": { "m": 0.2, "u": 0.3 }, "outranked": { "m": 0.1, "u": 0.6 } }""" },
        { "a null level", """{ "unrivalled": null, "best_of_rivals": { "m": 0.2, "u": 0.3 }, "outranked": { "m": 0.1, "u": 0.6 } }""" },
        { "no levels", "null" },
    };

    [Theory]
    [MemberData(nameof(BrokenCompetitions))]
    public void A_competition_without_exactly_the_three_valid_levels_is_refused(string why, string levels)
    {
        var document = JsonNode.Parse(MatchModel.Default.ToJson())!;
        document["competition"] = JsonNode.Parse($$"""{ "competitorProbability": 0.5, "levels": {{levels}} }""");

        Assert.Throws<FormatException>(() => MatchModel.FromJson(document.ToJsonString()));

        // Control: the same document with the three levels loads.
        document["competition"] = JsonNode.Parse("""{ "competitorProbability": 0.5, "levels": { "unrivalled": { "m": 0.7, "u": 0.1 }, "best_of_rivals": { "m": 0.2, "u": 0.3 }, "outranked": { "m": 0.1, "u": 0.6 } } }""");
        Assert.NotNull(MatchModel.FromJson(document.ToJsonString()).Competition);
        Assert.NotEmpty(why);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void A_competitor_probability_of_0_or_1_is_refused(double probability)
    {
        var document = JsonNode.Parse(WithAwkward.ToJson())!;
        document["competition"]!["competitorProbability"] = probability;
        Assert.Throws<FormatException>(() => MatchModel.FromJson(document.ToJsonString()));
    }

    private static long[] Bits(CompetitionModel c) =>
    [
        .. new[] { c.CompetitorProbability, c.Unrivalled.M, c.Unrivalled.U, c.BestOfRivals.M, c.BestOfRivals.U, c.Outranked.M, c.Outranked.U }
            .Select(BitConverter.DoubleToInt64Bits),
    ];
}
