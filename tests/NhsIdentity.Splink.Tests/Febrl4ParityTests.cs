using NhsIdentity.Matching.Splink;
using Xunit;
using Xunit.Abstractions;

namespace NhsIdentity.Splink.Tests;

/// <summary>
/// A link-only model written for FEBRL4 (two files of 5,000 synthetic Australians each), with term frequencies over
/// both files as Splink computes them for a link: the blocked pairs across the files, each comparison's level and the
/// weight equal DuckDB's.
/// </summary>
public sealed class Febrl4ParityTests(ITestOutputHelper output)
{
    private const string Settings = """
    {
      "link_type": "link_only",
      "probability_two_random_records_match": 0.0002,
      "blocking_rules_to_generate_predictions": [
        "l.given_name = r.given_name AND l.surname = r.surname",
        {"blocking_rule": "l.\"date_of_birth\" = r.\"date_of_birth\"", "sql_dialect": "duckdb"},
        "l.postcode = r.postcode AND l.street_number = r.street_number",
        "l.soc_sec_id = r.soc_sec_id"
      ],
      "comparisons": [
        {"output_column_name": "given_name", "comparison_levels": [
          {"sql_condition": "given_name_l IS NULL OR given_name_r IS NULL", "is_null_level": true},
          {"sql_condition": "given_name_l = given_name_r", "m_probability": 0.8, "u_probability": 0.005, "tf_adjustment_column": "given_name", "tf_adjustment_weight": 1.0},
          {"sql_condition": "given_name_l = surname_r AND given_name_r = surname_l", "m_probability": 0.01, "u_probability": 0.00001},
          {"sql_condition": "jaro_winkler_similarity(given_name_l, given_name_r) >= 0.9", "m_probability": 0.1, "u_probability": 0.01},
          {"sql_condition": "jaro_winkler_similarity(given_name_l, given_name_r) >= 0.7", "m_probability": 0.05, "u_probability": 0.1},
          {"sql_condition": "ELSE", "m_probability": 0.04, "u_probability": 0.885}]},
        {"output_column_name": "surname", "comparison_levels": [
          {"sql_condition": "surname_l IS NULL OR surname_r IS NULL", "is_null_level": true},
          {"sql_condition": "surname_l = surname_r", "m_probability": 0.8, "u_probability": 0.004, "tf_adjustment_column": "surname", "tf_adjustment_weight": 1.0},
          {"sql_condition": "damerau_levenshtein(surname_l, surname_r) <= 1", "m_probability": 0.1, "u_probability": 0.006},
          {"sql_condition": "jaro_winkler_similarity(surname_l, surname_r) >= 0.88", "m_probability": 0.05, "u_probability": 0.02},
          {"sql_condition": "ELSE", "m_probability": 0.05, "u_probability": 0.97}]},
        {"output_column_name": "date_of_birth", "comparison_levels": [
          {"sql_condition": "try_strptime(date_of_birth_l, '%Y%m%d') IS NULL OR try_strptime(date_of_birth_r, '%Y%m%d') IS NULL", "is_null_level": true},
          {"sql_condition": "date_of_birth_l = date_of_birth_r", "m_probability": 0.8, "u_probability": 0.0003},
          {"sql_condition": "levenshtein(date_of_birth_l, date_of_birth_r) <= 1", "m_probability": 0.1, "u_probability": 0.003},
          {"sql_condition": "abs(date_diff('day', try_strptime(date_of_birth_l, '%Y%m%d'), try_strptime(date_of_birth_r, '%Y%m%d'))) <= 365", "m_probability": 0.05, "u_probability": 0.02},
          {"sql_condition": "ELSE", "m_probability": 0.05, "u_probability": 0.9767}]},
        {"output_column_name": "address", "comparison_levels": [
          {"sql_condition": "(postcode_l IS NULL OR postcode_r IS NULL) AND (address_1_l IS NULL OR address_1_r IS NULL)", "is_null_level": true},
          {"sql_condition": "postcode_l = postcode_r AND street_number_l = street_number_r AND address_1_l = address_1_r", "m_probability": 0.6, "u_probability": 0.00001},
          {"sql_condition": "postcode_l = postcode_r AND jaro_winkler_similarity(address_1_l, address_1_r) >= 0.8", "m_probability": 0.2, "u_probability": 0.0001},
          {"sql_condition": "postcode_l = postcode_r", "m_probability": 0.1, "u_probability": 0.001, "tf_adjustment_column": "postcode", "tf_adjustment_weight": 0.5, "disable_tf_exact_match_detection": true},
          {"sql_condition": "left(postcode_l, 2) = left(postcode_r, 2) AND suburb_l = suburb_r", "m_probability": 0.05, "u_probability": 0.005},
          {"sql_condition": "ELSE", "m_probability": 0.05, "u_probability": 0.99389}]},
        {"output_column_name": "soc_sec_id", "comparison_levels": [
          {"sql_condition": "soc_sec_id_l IS NULL OR soc_sec_id_r IS NULL", "is_null_level": true},
          {"sql_condition": "soc_sec_id_l = soc_sec_id_r", "m_probability": 0.85, "u_probability": 0.0002},
          {"sql_condition": "damerau_levenshtein(soc_sec_id_l, soc_sec_id_r) <= 1", "m_probability": 0.1, "u_probability": 0.001},
          {"sql_condition": "ELSE", "m_probability": 0.05, "u_probability": 0.9988}]}
      ]
    }
    """;

    [DuckDbFact]
    public void Febrl4_linked_pairs_levels_and_weights_equal_DuckDB()
    {
        var a = EvalData.Find("febrl/febrl4a.csv");
        var b = EvalData.Find("febrl/febrl4b.csv");
        if (a is null || b is null)
        {
            output.WriteLine("shared/eval-data/febrl/febrl4a.csv or febrl4b.csv is absent: nothing to compare.");
            return;
        }

        var model = SplinkModel.Parse(Settings);
        using var oracle = new DuckDbOracle([
            $"CREATE TABLE df AS SELECT row_number() OVER () AS unique_id, * FROM (SELECT 'a' AS source_dataset, * FROM {DuckDbOracle.ReadCsv(a)} "
            + $"UNION ALL SELECT 'b' AS source_dataset, * FROM {DuckDbOracle.ReadCsv(b)})",
        ]);
        var leftRecords = oracle.Records("source_dataset = 'a'");
        var rightRecords = oracle.Records("source_dataset = 'b'");
        var frequencies = model.ComputeTermFrequencies(leftRecords.Concat(rightRecords));
        var left = model.Prepare(leftRecords, frequencies);
        var right = model.Prepare(rightRecords, frequencies);
        var expected = oracle.Predict(model, Settings, DuckDbOracle.BlockingFilter(model, "l.source_dataset = 'a' AND r.source_dataset = 'b'"));
        var pairs = model.CandidatePairs(left, right).Select(p => ((long)left.Id(p.Left)!, (long)right.Id(p.Right)!, p)).ToList();
        Assert.Equal(expected.Keys.Order(), pairs.Select(p => (p.Item1, p.Item2)).Order());
        var tfAdjusted = 0;
        foreach (var (leftId, rightId, (i, j)) in pairs)
        {
            var (levels, weight) = expected[(leftId, rightId)];
            var score = model.Score(left, i, right, j);
            for (var c = 0; c < levels.Length; c++)
            {
                Assert.Equal(levels[c], score.Comparisons[c].LevelIndex);
                tfAdjusted += score.Comparisons[c].TfAdjustmentWeight != 0 ? 1 : 0;
            }

            Assert.True(Math.Abs(weight!.Value - score.MatchWeight) <= 1e-9, $"weight {score.MatchWeight} here, {weight} in DuckDB, ids {leftId}/{rightId}");
        }

        Assert.True(tfAdjusted > 0);
        output.WriteLine($"{pairs.Count} blocked FEBRL4 pairs x {model.Comparisons.Count} comparisons agreed ({tfAdjusted} term-frequency adjustments)");
    }
}
