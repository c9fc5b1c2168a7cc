using NhsIdentity.Matching.Splink;
using Xunit;

namespace NhsIdentity.Splink.Tests;

/// <summary>Conditions outside the supported SQL are refused at load with a typed reason and the condition quoted.</summary>
public sealed class SqlSubsetTests
{
    [Theory]
    [InlineData("\"name_l\" LIKE 'a%'", SplinkSqlError.UnsupportedConstruct)]
    [InlineData("soundex(\"name_l\") = soundex(\"name_r\")", SplinkSqlError.UnsupportedFunction)]
    [InlineData("\"name\" = 'x'", SplinkSqlError.UnknownIdentifier)]
    [InlineData("l.name = r.name", SplinkSqlError.UnknownIdentifier)]
    [InlineData("\"name_l\" = (SELECT 1)", SplinkSqlError.UnsupportedConstruct)]
    [InlineData("list_max(list_transform(\"a_l\", x -> x)) > 1", SplinkSqlError.UnsupportedConstruct)]
    [InlineData("\"name_l\" = 'unclosed", SplinkSqlError.Syntax)]
    [InlineData("levenshtein(\"name_l\") <= 1", SplinkSqlError.InvalidArgument)]
    [InlineData("regexp_extract(\"name_l\", \"name_r\", 0) = 'a'", SplinkSqlError.InvalidArgument)]
    [InlineData("try_strptime(\"dob_l\", '%d %b %Y') = try_strptime(\"dob_r\", '%d %b %Y')", SplinkSqlError.UnsupportedDateFormat)]
    [InlineData("list_intersect(\"a_l\", \"a_r\") = []", SplinkSqlError.UnsupportedConstruct)]
    [InlineData("\"name_l\" = \"name_r\" AND", SplinkSqlError.Syntax)]
    public void A_condition_outside_the_subset_is_refused_at_load_quoting_it(string condition, SplinkSqlError reason)
    {
        var error = Assert.Throws<SplinkSqlException>(() => SplinkModel.Parse(Settings(condition)));
        Assert.Equal(reason, error.Error);
        Assert.Equal(condition, error.Condition);
        Assert.Contains(condition, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name_l = name_r")]
    [InlineData("\"NAME_L\" == \"name_r\"")]
    [InlineData("NOT (\"name_l\" <> \"name_r\") AND \"name_l\" IS NOT NULL")]
    [InlineData("lower(name_l) BETWEEN lower(name_r) AND lower(name_r)")]
    [InlineData("CAST(name_l AS VARCHAR) IS NOT DISTINCT FROM name_r::text")]
    public void Equivalent_spellings_of_equality_take_the_same_level(string condition)
    {
        var model = SplinkModel.Parse(Settings(condition));
        var set = model.Prepare([Record(1, "ann"), Record(2, "ann"), Record(3, "anne")]);
        Assert.Equal(1, model.Score(set, 0, set, 1).Comparisons[0].LevelIndex);
        Assert.Equal(2, model.Score(set, 0, set, 2).Comparisons[0].LevelIndex);
    }

    [Fact]
    public void A_tf_level_without_an_exact_level_is_refused_and_settings_that_are_not_a_model_too()
    {
        var tf = Settings("levenshtein(\"name_l\", \"name_r\") <= 1").Replace("\"u_probability\": 0.1", "\"u_probability\": 0.1, \"tf_adjustment_column\": \"name\"", StringComparison.Ordinal);
        Assert.Equal(SplinkSqlError.MissingExactMatchLevel, Assert.Throws<SplinkSqlException>(() => SplinkModel.Parse(tf)).Error);
        Assert.Equal(SplinkSqlError.InvalidSettings, Assert.Throws<SplinkSqlException>(() => SplinkModel.Parse("[1]")).Error);
    }

    [Fact]
    public void Blocking_rules_of_equalities_are_usable_and_others_are_reported()
    {
        var model = SplinkModel.Parse(TemplateSettings.Templates);
        Assert.Equal(["surname"], model.BlockingRules[0].Columns);
        Assert.Equal(["first_name", "dob"], model.BlockingRules[1].Columns);
        Assert.False(model.BlockingRules[2].IsSupported);
        Assert.NotNull(model.BlockingRules[2].Reason);
    }

    [Fact]
    public void Candidate_pairs_are_the_equi_join_pairs_each_once()
    {
        var model = SplinkModel.Parse(TemplateSettings.Templates);
        var rows = FsCheck.Fluent.Gen.Sample(SyntheticRows.Rows(30, 40), 1)[0];
        var set = model.Prepare(rows.Select(r => r.ToRecord()));
        var pairs = model.CandidatePairs(set).ToList();
        var expected = new List<(int, int)>();
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = i + 1; j < rows.Length; j++)
            {
                var a = rows[i];
                var b = rows[j];
                if ((a.Surname is not null && a.Surname == b.Surname)
                    || (a.FirstName is not null && a.Dob is not null && a.FirstName == b.FirstName && a.Dob == b.Dob))
                {
                    expected.Add((i, j));
                }
            }
        }

        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.Equal(expected.Order(), pairs.Order());
    }

    [Fact]
    public void Absent_probabilities_take_Splinks_defaults_and_are_reported()
    {
        // Two non-null levels: the first gets m 0.95 and weight 10, ELSE m 0.05 and weight -5 (Splink's defaults).
        var untrained = Settings("\"name_l\" = \"name_r\"")
            .Replace("\"m_probability\": 0.9, \"u_probability\": 0.1", "\"u_probability\": \"level not observed in training dataset\"", StringComparison.Ordinal)
            .Replace("\"m_probability\": 0.1, \"u_probability\": 0.9", "\"m_probability\": 0.1", StringComparison.Ordinal);
        var model = SplinkModel.Parse(untrained);
        var exact = model.Comparisons[0].Levels[1];
        Assert.Equal(0.95, exact.MProbability);
        Assert.Equal(1e-6, exact.UProbability);
        var other = model.Comparisons[0].Levels[2];
        Assert.Equal(0.1, other.MProbability);
        Assert.Equal(0.05 * 32, other.UProbability!.Value, 12);
        Assert.Equal(2, model.Warnings.Count);
    }

    [Fact]
    public void A_quoted_tf_column_is_the_column()
    {
        var settings = Settings("\"name_l\" = \"name_r\"").Replace("\"u_probability\": 0.1", "\"u_probability\": 0.1, \"tf_adjustment_column\": \"\\\"name\\\"\"", StringComparison.Ordinal);
        Assert.Equal(["name"], SplinkModel.Parse(settings).TermFrequencyColumns);
    }

    private static SplinkRecord Record(long id, string? name) =>
        new(new Dictionary<string, object?> { ["unique_id"] = id, ["name"] = name });

    private static string Settings(string condition) => $$"""
        {"probability_two_random_records_match": 0.01, "comparisons": [{"comparison_levels": [
          {"sql_condition": "\"name_l\" IS NULL OR \"name_r\" IS NULL", "is_null_level": true},
          {"sql_condition": {{System.Text.Json.JsonSerializer.Serialize(condition)}}, "m_probability": 0.9, "u_probability": 0.1},
          {"sql_condition": "ELSE", "m_probability": 0.1, "u_probability": 0.9}]}]}
        """;
}
