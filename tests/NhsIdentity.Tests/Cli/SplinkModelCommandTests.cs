using System.Globalization;
using NhsIdentity.Matching.Splink;
using NhsIdentity.Tests.Cli.Ingestion;

namespace NhsIdentity.Tests.Cli;

/// <summary><c>nhsid link|dedupe --splink-model</c>: a Splink model scores CSV inputs by its own column names.</summary>
public sealed class SplinkModelCommandTests
{
    private const string Settings = """
    {
      "probability_two_random_records_match": 0.01,
      "blocking_rules_to_generate_predictions": ["l.surname = r.surname", "levenshtein(l.surname, r.surname) <= 1"],
      "comparisons": [
        {"output_column_name": "first_name", "comparison_levels": [
          {"sql_condition": "first_name_l IS NULL OR first_name_r IS NULL", "is_null_level": true},
          {"sql_condition": "first_name_l = first_name_r", "label_for_charts": "exact", "m_probability": 0.8, "u_probability": 0.05, "tf_adjustment_column": "first_name"},
          {"sql_condition": "jaro_winkler_similarity(first_name_l, first_name_r) >= 0.88", "label_for_charts": "close", "m_probability": 0.15, "u_probability": 0.1},
          {"sql_condition": "ELSE", "label_for_charts": "other", "m_probability": 0.05, "u_probability": 0.85}]},
        {"output_column_name": "dob", "comparison_levels": [
          {"sql_condition": "dob_l IS NULL OR dob_r IS NULL", "is_null_level": true},
          {"sql_condition": "dob_l = dob_r", "label_for_charts": "exact", "m_probability": 0.9, "u_probability": 0.01},
          {"sql_condition": "ELSE", "label_for_charts": "other", "m_probability": 0.1, "u_probability": 0.99}]}
      ]
    }
    """;

    private const string Records = """
        unique_id,first_name,surname,dob
        1,anna,smith,1990-01-02
        2,ana,smith,1990-01-02
        3,anna,smith,
        4,bob,jones,1980-05-06
        5,bob,jones,1980-05-07
        """;

    [Fact]
    public void Dedupe_writes_the_models_weights_for_its_blocked_pairs()
    {
        using var temp = new TempCsv();
        var model = temp.Write("model.json", Settings);
        var input = temp.Write("records.csv", Records);
        var result = CliRunner.Run("dedupe", input, "--splink-model", model, "--explain", "--out", temp.PathOf("pairs.csv"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("blocking rule skipped", result.Error, StringComparison.Ordinal);

        var lines = File.ReadAllLines(temp.PathOf("pairs.csv"));
        Assert.Equal("left_id,right_id,match_weight,match_probability,first_name,dob", lines[0]);

        // The library, given the same rows, agrees on every pair written.
        var splink = SplinkModel.Parse(Settings);
        var rows = Records.Split('\n').Skip(1).Select(line => line.Trim().Split(',')).Select(cells => new SplinkRecord(new Dictionary<string, object?>
        {
            ["unique_id"] = cells[0],
            ["first_name"] = cells[1],
            ["surname"] = cells[2],
            ["dob"] = cells[3].Length == 0 ? null : cells[3],
        })).ToList();
        var set = splink.Prepare(rows);
        var expected = splink.CandidatePairs(set).Select(p => (p.Left, p.Right, Score: splink.Score(set, p.Left, set, p.Right))).ToList();
        Assert.Equal(expected.Count, lines.Length - 1);
        Assert.Equal(4, expected.Count); // 1-2, 1-3, 2-3 (smith) and 4-5 (jones)
        foreach (var (line, (i, j, score)) in lines.Skip(1).Zip(expected))
        {
            var cells = line.Split(',');
            Assert.Equal((string)set.Id(i)!, cells[0]);
            Assert.Equal((string)set.Id(j)!, cells[1]);
            Assert.Equal(score.MatchWeight, double.Parse(cells[2], CultureInfo.InvariantCulture));
            Assert.Equal(score.Comparisons[0].Level!.Label, cells[4]);
        }
    }

    [Fact]
    public void A_condition_outside_the_subset_fails_quoting_the_condition_and_other_options_are_refused()
    {
        using var temp = new TempCsv();
        var input = temp.Write("records.csv", Records);
        var model = temp.Write("model.json", Settings.Replace("first_name_l = first_name_r\", \"label_for_charts\": \"exact\"", "soundex(first_name_l) = soundex(first_name_r)\", \"label_for_charts\": \"exact\"", StringComparison.Ordinal));
        var refused = CliRunner.Run("dedupe", input, "--splink-model", model, "--out", temp.PathOf("pairs.csv"));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("soundex(first_name_l) = soundex(first_name_r)", refused.Error, StringComparison.Ordinal);
        Assert.Contains("UnsupportedFunction", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.PathOf("pairs.csv")));

        var good = temp.Write("good.json", Settings);
        var clusters = CliRunner.Run("dedupe", input, "--splink-model", good, "--clusters", temp.PathOf("c.csv"));
        Assert.Equal(2, clusters.ExitCode);
        Assert.Contains("--clusters", clusters.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_computes_term_frequencies_over_both_inputs()
    {
        using var temp = new TempCsv();
        var model = temp.Write("model.json", Settings);
        var left = temp.Write("left.csv", "unique_id,first_name,surname,dob\na1,anna,smith,1990-01-02\na2,anna,jones,1980-05-06\n");
        var right = temp.Write("right.csv", "unique_id,first_name,surname,dob\nb1,anna,smith,1990-01-02\nb2,carl,smith,1970-01-01\n");
        var result = CliRunner.Run("link", left, right, "--splink-model", model);
        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.OutputLines;
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("a1,b1,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("a1,b2,", lines[2], StringComparison.Ordinal);

        // anna is 3 of the 4 first names: the exact match's weight is adjusted by u / 0.75.
        var exactFirstName = Math.Log2(0.8 / 0.05) + Math.Log2(0.05 / 0.75);
        var expected = Math.Log2(0.01 / 0.99) + exactFirstName + Math.Log2(0.9 / 0.01);
        Assert.Equal(expected, double.Parse(lines[1].Split(',')[2], CultureInfo.InvariantCulture), 9);
    }

    [Fact]
    public void A_supplied_term_frequency_table_replaces_the_computed_one()
    {
        using var temp = new TempCsv();
        var model = temp.Write("model.json", Settings);
        var left = temp.Write("left.csv", "unique_id,first_name,surname,dob\na1,anna,smith,1990-01-02\n");
        var right = temp.Write("right.csv", "unique_id,first_name,surname,dob\nb1,anna,smith,1990-01-02\n");
        var tf = temp.Write("tf_first_name.csv", "first_name,tf_first_name\nanna,0.002\nbob,0.01\n");
        var result = CliRunner.Run("link", left, right, "--splink-model", model, "--splink-tf", tf);
        Assert.True(result.ExitCode == 0, result.Error);
        var expected = Math.Log2(0.01 / 0.99) + Math.Log2(0.8 / 0.05) + Math.Log2(0.05 / 0.002) + Math.Log2(0.9 / 0.01);
        Assert.Equal(expected, double.Parse(result.OutputLines[1].Split(',')[2], CultureInfo.InvariantCulture), 9);

        var wrong = temp.Write("tf_dob.csv", "dob,tf_dob\n1990-01-02,0.5\n");
        var refused = CliRunner.Run("link", left, right, "--splink-model", model, "--splink-tf", wrong);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("no term-frequency adjustment on 'dob'", refused.Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("link", left, right, "--splink-tf", tf).ExitCode);
    }
}
