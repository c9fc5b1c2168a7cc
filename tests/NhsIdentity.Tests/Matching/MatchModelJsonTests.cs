using System.Text;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching;

public sealed class MatchModelJsonTests
{
    [Fact]
    public void Default_model_round_trips_through_json_exactly()
    {
        var json = MatchModel.Default.ToJson();
        var loaded = MatchModel.FromJson(json);
        Assert.Equal(json, loaded.ToJson());
        Assert.Equal(MatchModel.Default.PriorMatchProbability, loaded.PriorMatchProbability);
        Assert.Equal(MatchModel.Default.Policy, loaded.Policy);
        Assert.Equal(MatchModel.Default.Comparisons.Count, loaded.Comparisons.Count);
        Assert.Contains("\"format\": \"nhsidentity-match-model\"", json, StringComparison.Ordinal);
        Assert.Contains("\"level\": \"DayMonthSwapped\"", json, StringComparison.Ordinal);
        Assert.Contains("\"householdU\": 0.01,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_and_load_through_a_stream_agree_with_text()
    {
        using var stream = new MemoryStream();
        MatchModel.Default.Save(stream);
        stream.Position = 0;
        var loaded = MatchModel.Load(stream);
        Assert.Equal(MatchModel.Default.ToJson(), loaded.ToJson());
    }

    [Fact]
    public void A_model_without_some_comparisons_round_trips()
    {
        var model = MatchModel.Default.WithoutComparison(ComparisonKind.Email).WithoutComparison(ComparisonKind.Phone).WithPrior(0.001);
        var loaded = MatchModel.FromJson(model.ToJson());
        Assert.Null(loaded.GetComparison(ComparisonKind.Email));
        Assert.Equal(MatchModel.Default.Comparisons.Count - 2, loaded.Comparisons.Count);
        Assert.Equal(0.001, loaded.PriorMatchProbability);
    }

    public static TheoryData<string, string> BrokenModels()
    {
        var json = MatchModel.Default.ToJson();
        return new TheoryData<string, string>
        {
            { json.Replace("\"version\": 2", "\"version\": 99", StringComparison.Ordinal), "version 99" },
            { json.Replace("nhsidentity-match-model", "something-else", StringComparison.Ordinal), "not a match model" },
            { json[..(json.Length / 2)], "not valid model JSON" },
            { json.Replace("\"m\": 0.97,", "\"m\": -0.97,", StringComparison.Ordinal), "greater than 0 and at most 1" },
            { json.Replace("\"m\": 0.97,", "\"m\": 1.5,", StringComparison.Ordinal), "greater than 0 and at most 1" },
            { json.Replace("\"m\": 0.97,", "\"m\": NaN,", StringComparison.Ordinal), "not valid model JSON" },
            { json.Replace("\"DayMonthSwapped\"", "\"DayMonthSwappedish\"", StringComparison.Ordinal), "unknown or repeated level" },
            { json.Replace("\"householdU\": 0.01,", "\"householdU\": 0,", StringComparison.Ordinal), "household u greater than 0" },
            { json.Replace("\"comparison\": \"Sex\"", "\"comparison\": \"ShoeSize\"", StringComparison.Ordinal), "does not know" },
            { json.Replace("\"priorMatchProbability\": 1E-05", "\"priorMatchProbability\": 0", StringComparison.Ordinal), "out of range" },
            { "null", "not a match model" },
            { "", "not valid model JSON" },
        };
    }

    [Theory]
    [MemberData(nameof(BrokenModels))]
    public void Broken_models_fail_with_a_format_exception_that_says_why(string json, string expectedMessagePart)
    {
        var error = Assert.Throws<FormatException>(() => MatchModel.FromJson(json));
        Assert.Contains(expectedMessagePart, error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => MatchModel.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void The_broken_model_cases_really_change_the_text()
    {
        foreach (var row in BrokenModels())
        {
            Assert.NotEqual(MatchModel.Default.ToJson(), (string)row[0]);
        }
    }
}
