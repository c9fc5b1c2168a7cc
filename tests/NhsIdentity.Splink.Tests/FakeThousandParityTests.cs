using NhsIdentity.Matching.Splink;
using Xunit;
using Xunit.Abstractions;

namespace NhsIdentity.Splink.Tests;

/// <summary>
/// A model written for Splink's <c>fake_1000</c> data set (the shape of Splink's demo models: name, date-of-birth,
/// city and email comparisons with term-frequency adjustments, Splink 4 blocking rule objects), scored on every pair
/// its blocking generates: the pairs, each comparison's level and the weight equal DuckDB's.
/// </summary>
public sealed class FakeThousandParityTests(ITestOutputHelper output)
{
    private const string Settings = """
    {
      "link_type": "dedupe_only",
      "probability_two_random_records_match": 0.00298012298012298,
      "unique_id_column_name": "unique_id",
      "sql_dialect": "duckdb",
      "blocking_rules_to_generate_predictions": [
        {"blocking_rule": "(l.\"first_name\" = r.\"first_name\") AND (l.\"city\" = r.\"city\")", "sql_dialect": "duckdb"},
        {"blocking_rule": "l.\"surname\" = r.\"surname\"", "sql_dialect": "duckdb"},
        "l.dob = r.dob",
        {"blocking_rule": "substr(l.email, 1, 3) = substr(r.email, 1, 3)", "sql_dialect": "duckdb"}
      ],
      "comparisons": [
        {"output_column_name": "first_name", "comparison_description": "NameComparison", "comparison_levels": [
          {"sql_condition": "\"first_name_l\" IS NULL OR \"first_name_r\" IS NULL", "is_null_level": true},
          {"sql_condition": "\"first_name_l\" = \"first_name_r\"", "m_probability": 0.49, "u_probability": 0.0058, "tf_adjustment_column": "first_name", "tf_adjustment_weight": 1.0},
          {"sql_condition": "jaro_winkler_similarity(\"first_name_l\", \"first_name_r\") >= 0.92", "m_probability": 0.15, "u_probability": 0.0023},
          {"sql_condition": "jaro_winkler_similarity(\"first_name_l\", \"first_name_r\") >= 0.88", "m_probability": 0.074, "u_probability": 0.0015},
          {"sql_condition": "jaro_winkler_similarity(\"first_name_l\", \"first_name_r\") >= 0.7", "m_probability": 0.079, "u_probability": 0.019},
          {"sql_condition": "ELSE", "m_probability": 0.2, "u_probability": 0.97}]},
        {"output_column_name": "surname", "comparison_description": "NameComparison", "comparison_levels": [
          {"sql_condition": "\"surname_l\" IS NULL OR \"surname_r\" IS NULL", "is_null_level": true},
          {"sql_condition": "\"surname_l\" = \"surname_r\"", "m_probability": 0.43, "u_probability": 0.0049, "tf_adjustment_column": "\"surname\"", "tf_adjustment_weight": 1.0},
          {"sql_condition": "jaro_winkler_similarity(\"surname_l\", \"surname_r\") >= 0.92", "m_probability": 0.23, "u_probability": 0.0028},
          {"sql_condition": "jaro_winkler_similarity(\"surname_l\", \"surname_r\") >= 0.88", "m_probability": 0.044, "u_probability": 0.0011},
          {"sql_condition": "ELSE", "m_probability": 0.3, "u_probability": 0.99}]},
        {"output_column_name": "dob", "comparison_description": "DateOfBirthComparison", "comparison_levels": [
          {"sql_condition": "try_strptime(\"dob_l\", '%Y-%m-%d') IS NULL OR try_strptime(\"dob_r\", '%Y-%m-%d') IS NULL", "is_null_level": true},
          {"sql_condition": "\"dob_l\" = \"dob_r\"", "m_probability": 0.39, "u_probability": 0.0017, "tf_adjustment_column": "dob", "tf_adjustment_weight": 0.5, "tf_minimum_u_value": 0.001},
          {"sql_condition": "damerau_levenshtein(\"dob_l\", \"dob_r\") <= 1", "m_probability": 0.15, "u_probability": 0.0016},
          {"sql_condition": "ABS(EPOCH(try_strptime(\"dob_l\", '%Y-%m-%d')) - EPOCH(try_strptime(\"dob_r\", '%Y-%m-%d'))) <= 2629800.0", "m_probability": 0.1, "u_probability": 0.003},
          {"sql_condition": "ABS(EPOCH(try_strptime(\"dob_l\", '%Y-%m-%d')) - EPOCH(try_strptime(\"dob_r\", '%Y-%m-%d'))) <= 31557600.0", "m_probability": 0.1, "u_probability": 0.03},
          {"sql_condition": "ELSE", "m_probability": 0.26, "u_probability": 0.96}]},
        {"output_column_name": "city", "comparison_description": "ExactMatch", "comparison_levels": [
          {"sql_condition": "\"city_l\" IS NULL OR \"city_r\" IS NULL", "is_null_level": true},
          {"sql_condition": "\"city_l\" = \"city_r\"", "m_probability": 0.56, "u_probability": 0.055, "tf_adjustment_column": "city", "tf_adjustment_weight": 1.0},
          {"sql_condition": "ELSE", "m_probability": 0.44, "u_probability": 0.945}]},
        {"output_column_name": "email", "comparison_description": "EmailComparison", "comparison_levels": [
          {"sql_condition": "\"email_l\" IS NULL OR \"email_r\" IS NULL", "is_null_level": true},
          {"sql_condition": "\"email_l\" = \"email_r\"", "m_probability": 0.55, "u_probability": 0.0022, "tf_adjustment_column": "email", "tf_adjustment_weight": 1.0},
          {"sql_condition": "NULLIF(regexp_extract(\"email_l\", '^[^@]+', 0), '') = NULLIF(regexp_extract(\"email_r\", '^[^@]+', 0), '')", "m_probability": 0.22, "u_probability": 0.001},
          {"sql_condition": "jaro_winkler_similarity(\"email_l\", \"email_r\") >= 0.88", "m_probability": 0.21, "u_probability": 0.0009},
          {"sql_condition": "jaro_winkler_similarity(NULLIF(regexp_extract(\"email_l\", '^[^@]+', 0), ''), NULLIF(regexp_extract(\"email_r\", '^[^@]+', 0), '')) >= 0.88", "u_probability": 0.0005},
          {"sql_condition": "ELSE", "m_probability": 0.012, "u_probability": 0.995}]}
      ]
    }
    """;

    [DuckDbFact]
    public void Fake_1000_blocked_pairs_levels_and_weights_equal_DuckDB()
    {
        var csv = EvalData.Find("splink/fake_1000.csv");
        if (csv is null)
        {
            output.WriteLine("shared/eval-data/splink/fake_1000.csv is absent: nothing to compare.");
            return;
        }

        var model = SplinkModel.Parse(Settings);
        Assert.False(model.BlockingRules[3].IsSupported);
        Assert.Single(model.Warnings);
        using var oracle = new DuckDbOracle(csv);
        var records = oracle.Records();
        var set = model.Prepare(records);
        var expected = oracle.Predict(model, Settings, DuckDbOracle.BlockingFilter(model));
        var pairs = model.CandidatePairs(set).Select(p => ((long)set.Id(p.Left)!, (long)set.Id(p.Right)!, p)).ToList();
        Assert.Equal(expected.Keys.Order(), pairs.Select(p => (p.Item1, p.Item2)).Order());
        var levelCounts = new int[model.Comparisons.Count, 8];
        foreach (var (left, right, (i, j)) in pairs)
        {
            var (levels, weight) = expected[(left, right)];
            var score = model.Score(set, i, set, j);
            for (var c = 0; c < levels.Length; c++)
            {
                Assert.Equal(levels[c], score.Comparisons[c].LevelIndex);
                levelCounts[c, score.Comparisons[c].LevelIndex]++;
            }

            Assert.True(Math.Abs(weight!.Value - score.MatchWeight) <= 1e-9, $"weight {score.MatchWeight} here, {weight} in DuckDB, ids {left}/{right}");
        }

        // The pairs reach every level of every comparison, so the parity is not of one level alone.
        for (var c = 0; c < model.Comparisons.Count; c++)
        {
            for (var l = 1; l < model.Comparisons[c].Levels.Count; l++)
            {
                Assert.True(levelCounts[c, l] > 0, $"no pair took level {l} of {model.Comparisons[c].Name}");
            }
        }

        output.WriteLine($"{pairs.Count} blocked pairs of fake_1000 x {model.Comparisons.Count} comparisons agreed");
    }
}
