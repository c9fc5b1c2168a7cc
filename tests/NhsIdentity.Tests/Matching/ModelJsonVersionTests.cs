using System.Text.Json.Nodes;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Tests.Matching;

/// <summary>Model JSON version 2 records every setting; version 1 files (written by release f2e3b64) still load.</summary>
public sealed class ModelJsonVersionTests
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "f2e3b64", name);

    private static MatchModel Customised()
    {
        var name = ComparisonDefinition.Get(ComparisonKind.Name).DefaultModel
            .WithParameter("jaroWinklerHigh", 0.95)
            .WithoutLevel((int)NameLevel.Phonetic)
            .WithTermFrequencyAdjustment((int)NameLevel.FamilyOnly, adjusted: false);
        var date = MatchModel.Default.GetComparison(ComparisonKind.DateOfBirth)!.WithParameter("withinDays", 180);
        return MatchModel.Default.WithComparison(name).WithComparison(date).WithoutComparison(ComparisonKind.Email);
    }

    [Fact]
    public void Version_2_round_trips_parameters_levels_used_and_term_frequency_settings()
    {
        var model = Customised();
        var json = model.ToJson();
        var loaded = MatchModel.FromJson(json);
        Assert.Equal(json, loaded.ToJson());

        var name = loaded.GetComparison(ComparisonKind.Name)!;
        Assert.Equal(0.95, name.GetParameter("jaroWinklerHigh"));
        Assert.False(name.IsLevelUsed((int)NameLevel.Phonetic));
        Assert.True(name.IsTermFrequencyAdjusted((int)NameLevel.ExactFullName));
        Assert.False(name.IsTermFrequencyAdjusted((int)NameLevel.FamilyOnly));
        Assert.Equal(180, loaded.GetComparison(ComparisonKind.DateOfBirth)!.GetParameter("withinDays"));
        Assert.Null(loaded.GetComparison(ComparisonKind.Email));
        Assert.Equal(model.Comparisons.Select(c => c.Levels), loaded.Comparisons.Select(c => c.Levels));
    }

    [Fact]
    public void Version_2_says_what_each_comparison_means()
    {
        var document = JsonNode.Parse(MatchModel.Default.ToJson())!;
        Assert.Equal(2, (int)document["version"]!);
        var name = document["comparisons"]!.AsArray().Single(c => (string?)c!["comparison"] == "GivenName")!;
        Assert.Equal(2, (int)name["definitionVersion"]!); // 2: two equal initials are Initial, not Exact
        Assert.Equal(0.92, (double)name["parameters"]!["jaroWinklerHigh"]!);
        Assert.Equal(0.88, (double)name["parameters"]!["jaroWinklerMedium"]!);
        Assert.Equal(0.70, (double)name["parameters"]!["jaroWinklerLow"]!);
        var exact = name["levels"]!.AsArray().Single(l => (string?)l!["level"] == "Exact")!;
        Assert.True((bool)exact["termFrequencyAdjusted"]!);
        var swapped = name["levels"]!.AsArray().Single(l => (string?)l!["level"] == "Swapped")!;
        Assert.Null(swapped["termFrequencyAdjusted"]); // a level without term frequencies says nothing about them
        Assert.Equal(0.01, (double)exact["householdU"]!); // household u written where it differs from u
        var sex = document["comparisons"]!.AsArray().Single(c => (string?)c!["comparison"] == "Sex")!;
        Assert.All(sex["levels"]!.AsArray(), level => Assert.Null(level!["householdU"]));
        var address = document["comparisons"]!.AsArray().Single(c => (string?)c!["comparison"] == "Address")!;
        Assert.Equal(0.9, (double)address["parameters"]!["similarHigh"]!);
        Assert.Equal(0.7, (double)address["parameters"]!["similarLow"]!);
    }

    [Fact]
    public void A_model_saved_with_given_name_definition_version_1_loads_and_scores_as_version_2()
    {
        // Version 2 changed which pairs reach Exact or Initial, not the levels: an earlier file keeps its m and u.
        var document = JsonNode.Parse(MatchModel.Default.ToJson())!;
        document["comparisons"]!.AsArray().Single(c => (string?)c!["comparison"] == "GivenName")!["definitionVersion"] = 1;

        var loaded = MatchModel.FromJson(document.ToJsonString());

        Assert.Equal(MatchModel.Default.ToJson(), loaded.ToJson());
    }

    [Fact]
    public void A_model_saved_with_address_definition_version_1_loads_and_scores_as_version_2()
    {
        // Version 2 made agreeing addresses tell the home when no postcode is compared; the levels did not change.
        var document = JsonNode.Parse(MatchModel.Default.ToJson())!;
        document["comparisons"]!.AsArray().Single(c => (string?)c!["comparison"] == "Address")!["definitionVersion"] = 1;

        var loaded = MatchModel.FromJson(document.ToJsonString());

        Assert.Equal(MatchModel.Default.ToJson(), loaded.ToJson());
    }

    [Fact]
    public void The_same_model_scores_identically_after_a_round_trip()
    {
        var model = Customised();
        var loaded = MatchModel.FromJson(model.ToJson());
        var (records, _) = Training.SyntheticPeople.Create(60, seed: 11);
        var set = new RecordSet(records);
        for (var i = 0; i < set.Count; i++)
        {
            for (var j = i + 1; j < set.Count; j += 7)
            {
                Assert.Equal(model.Score(set, i, set, j), loaded.Score(set, i, set, j));
            }
        }
    }

    [Fact]
    public void A_version_1_file_from_release_f2e3b64_loads_with_every_level_and_the_default_parameters()
    {
        var model = MatchModel.Load(File.OpenRead(Data("model-v1.json")));

        // The file: the default model of f2e3b64 with Sex Different m = 0.03 and a prior of 2e-5 (make.fsx).
        Assert.Equal(2e-5, model.PriorMatchProbability);
        Assert.Equal(0.03, model.GetComparison(ComparisonKind.Sex)!.Levels[(int)SexLevel.Different].M);
        Assert.Equal(9, model.Comparisons.Count);
        Assert.Null(model.GetComparison(ComparisonKind.GpPractice)); // did not exist in version 1
        foreach (var comparison in model.Comparisons)
        {
            var definition = comparison.Definition;
            Assert.All(Enumerable.Range(0, definition.Levels.Count), level => Assert.True(comparison.IsLevelUsed(level)));
            Assert.Equal(definition.Parameters.Select(p => p.DefaultValue), definition.Parameters.Select(p => comparison.GetParameter(p.Name)));
            if (comparison.Comparison != ComparisonKind.Sex)
            {
                // Version 1 had no household u: each level weighs the same inside a household.
                Assert.Equal(definition.DefaultModel.Levels.Select(l => (l.M, l.U)), comparison.Levels.Select(l => (l.M, l.U)));
                Assert.All(comparison.Levels, l => Assert.Equal(l.U, l.HouseholdU));
            }
        }

        // Saved again it is version 2 and reads back the same.
        Assert.Equal(model.ToJson(), MatchModel.FromJson(model.ToJson()).ToJson());
    }

    public static TheoryData<string, string> BrokenVersion2Models()
    {
        var json = MatchModel.Default.ToJson();
        return new TheoryData<string, string>
        {
            { json.Replace("\"jaroWinklerHigh\": 0.92", "\"jaroWinklerHihg\": 0.92", StringComparison.Ordinal), "no parameter of that name" },
            { json.Replace("\"jaroWinklerHigh\": 0.92", "\"jaroWinklerHigh\": 1.5", StringComparison.Ordinal), "out of range" },
            { json.Replace("\"withinDays\": 365", "\"withinDays\": -1", StringComparison.Ordinal), "out of range" },
            { ReplaceFirstAfter(json, "\"comparison\": \"GivenName\"", "\"definitionVersion\": 1", "\"definitionVersion\": 99"), "newer release" },
            { ReplaceFirstAfter(json, "\"comparison\": \"GivenName\"", "\"definitionVersion\": 1,", string.Empty), "no \"definitionVersion\"" },
            { DropLevel(json, "Sex", "Different"), "must keep its last level, Different" },
            { ReplaceFirstAfter(json, "\"level\": \"Swapped\"", "\"u\": 3E-05", "\"u\": 3E-05, \"termFrequencyAdjusted\": true"), "has no term frequencies" },
            { json.Replace("\"comparison\": \"GpPractice\"", "\"comparison\": \"Gp Practice!\"", StringComparison.Ordinal), "names a name, a comparison this release does not know" },
            { json.Replace("\"comparison\": \"GpPractice\"", "\"comparison\": \"ShoeSize\"", StringComparison.Ordinal), "names \"ShoeSize\", a comparison this release does not know (it knows NhsNumber, Name" },

            // Never a silent 0 or false: every member without a default is required.
            { ReplaceFirstAfter(json, "\"policy\"", "\"differentNhsNumbersNeverMatch\": true", "\"unused\": true"), "needs \"differentNhsNumbersNeverMatch\"" },
            { ReplaceFirstAfter(json, "\"policy\"", "\"differentNhsNumbersNeverMatch\": true", "\"requireIdentityEvidence\": true"), "is version 1's" },
            { ReplaceFirstAfter(json, "\"policy\"", "\"matchProbability\": 0.99,", string.Empty), "not valid model JSON" },
            { json.Replace("\"termFrequencyFloor\": 1E-05,", string.Empty, StringComparison.Ordinal), "not valid model JSON" },
            { ReplaceFirstAfter(json, "\"level\": \"Equal\"", "\"u\": 1E-06", "\"v\": 1E-06"), "not valid model JSON" },

            // A weight must be finite: u so small that m / u overflows is refused.
            { ReplaceFirstAfter(json, "\"level\": \"Equal\"", "\"u\": 1E-06", "\"u\": 5E-324"), "greater than 0 and at most 1" },

            // Conflicting or meaningless settings.
            { ReplaceFirstAfter(json, "\"jaroWinklerHigh\": 0.92", "0.92", "0.92, \"JAROWINKLERHIGH\": 0.99"), "given twice" },
            { ReplaceFirstAfter(json, "\"jaroWinklerHigh\": 0.92", "0.92", "0.92, \"jaroWinklerHigh\": 0.99"), "not valid model JSON" },
            { ReplaceFirstAfter(json, "\"jaroWinklerHigh\": 0.92", "\"jaroWinklerHigh\": 0.92,", string.Empty), "does not give its jaroWinklerHigh parameter" },
            { DropLevel(json, "NhsNumber", "Equal"), "needs a level besides Different" },
            { ComparisonsOnly(json, []), "makes no comparisons" },

            // A name holding digits is never echoed (it could be an NHS number in a damaged file).
            { json.Replace("\"comparison\": \"GpPractice\"", "\"comparison\": \"9434765919\"", StringComparison.Ordinal), "names a name, a comparison" },
        };
    }

    [Theory]
    [MemberData(nameof(BrokenVersion2Models))]
    public void Broken_version_2_models_fail_with_a_format_exception_that_says_why(string json, string expectedMessagePart)
    {
        Assert.NotEqual(MatchModel.Default.ToJson(), json);
        var error = Assert.Throws<FormatException>(() => MatchModel.FromJson(json));
        Assert.Contains(expectedMessagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_2_file_may_leave_out_a_level_and_the_model_drops_it()
    {
        var json = DropLevel(MatchModel.Default.ToJson(), "Postcode", "Sector");
        var postcode = MatchModel.FromJson(json).GetComparison(ComparisonKind.Postcode)!;
        Assert.False(postcode.IsLevelUsed((int)PostcodeLevel.Sector));
        Assert.True(postcode.IsLevelUsed((int)PostcodeLevel.District));
        var set = new RecordSet([new PatientRecord { Postcode = "LS1 4AP" }, new PatientRecord { Postcode = "LS1 4BQ" }]);
        Assert.Equal((int)PostcodeLevel.Sector, PairComparer.Compare(ComparisonKind.Postcode, set, 0, set, 1));
        Assert.Equal((int)PostcodeLevel.District, MatchModel.FromJson(json).Explain(set, 0, set, 1).Outcomes.Single(o => o.Comparison == ComparisonKind.Postcode).Level);
    }

    [Fact]
    public void A_version_1_file_with_version_2_settings_is_refused_rather_than_half_read()
    {
        var json = File.ReadAllText(Data("model-v1.json"));
        var withParameters = ReplaceFirstAfter(json, "\"comparison\": \"Name\"", "\"levels\"", "\"parameters\": { \"jaroWinklerHigh\": 0.5 }, \"levels\"");
        var error = Assert.Throws<FormatException>(() => MatchModel.FromJson(withParameters));
        Assert.Contains("version 2 settings in a version 1 model", error.Message, StringComparison.Ordinal);
    }

    private static string ComparisonsOnly(string json, string[] names)
    {
        var document = JsonNode.Parse(json)!;
        var comparisons = document["comparisons"]!.AsArray();
        foreach (var comparison in comparisons.ToArray())
        {
            if (!names.Contains((string?)comparison!["comparison"]))
            {
                comparisons.Remove(comparison);
            }
        }

        return document.ToJsonString();
    }

    private static string ReplaceFirstAfter(string json, string anchor, string find, string replacement)
    {
        var start = json.IndexOf(anchor, StringComparison.Ordinal);
        var at = json.IndexOf(find, start, StringComparison.Ordinal);
        return json[..at] + replacement + json[(at + find.Length)..];
    }

    /// <summary>The JSON with one level of one comparison removed (by editing the document, not the text).</summary>
    private static string DropLevel(string json, string comparison, string level)
    {
        var document = JsonNode.Parse(json)!;
        var levels = document["comparisons"]!.AsArray().Single(c => (string?)c!["comparison"] == comparison)!["levels"]!.AsArray();
        levels.Remove(levels.Single(l => (string?)l!["level"] == level));
        return document.ToJsonString();
    }
}
