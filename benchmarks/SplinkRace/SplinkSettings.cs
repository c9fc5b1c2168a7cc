using System.Text.Json;

namespace SplinkRace;

/// <summary>One comparison level of Splink settings: its SQL condition and what predict() needs of it.</summary>
internal sealed record SplinkLevel(
    string Condition,
    bool IsNullLevel,
    double? M,
    double? U,
    string? TfColumn,
    double TfWeight,
    double TfMinimumU,
    bool DisableTfExactMatchDetection)
{
    public bool IsElse => Condition.Trim().Equals("ELSE", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One comparison: its output column name and its levels, in order (the first that holds wins).</summary>
internal sealed record SplinkComparisonSettings(string Name, IReadOnlyList<SplinkLevel> Levels);

/// <summary>
/// The parts of Splink 4 settings JSON that predict() reads: the prior, the unique id, the blocking rules and the
/// comparisons. Read here with System.Text.Json rather than through NhsIdentity's SplinkModel, so the DuckDB side of
/// the race owes nothing to the code it races against.
/// </summary>
internal sealed record SplinkSettings(
    double Prior,
    string UniqueId,
    IReadOnlyList<string> BlockingRules,
    IReadOnlyList<SplinkComparisonSettings> Comparisons)
{
    public static SplinkSettings Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        if (root.GetProperty("link_type").GetString() != "dedupe_only")
        {
            throw new InvalidOperationException("The race runs dedupe_only settings.");
        }

        var rules = new List<string>();
        foreach (var rule in root.GetProperty("blocking_rules_to_generate_predictions").EnumerateArray())
        {
            rules.Add(rule.ValueKind == JsonValueKind.String ? rule.GetString()! : rule.GetProperty("blocking_rule").GetString()!);
        }

        var comparisons = new List<SplinkComparisonSettings>();
        foreach (var comparison in root.GetProperty("comparisons").EnumerateArray())
        {
            var levels = new List<SplinkLevel>();
            foreach (var level in comparison.GetProperty("comparison_levels").EnumerateArray())
            {
                levels.Add(new SplinkLevel(
                    level.GetProperty("sql_condition").GetString()!,
                    Bool(level, "is_null_level"),
                    Number(level, "m_probability"),
                    Number(level, "u_probability"),
                    level.TryGetProperty("tf_adjustment_column", out var tf) ? tf.GetString() : null,
                    Number(level, "tf_adjustment_weight") ?? 1.0,
                    Number(level, "tf_minimum_u_value") ?? 0.0,
                    Bool(level, "disable_tf_exact_match_detection")));
            }

            comparisons.Add(new SplinkComparisonSettings(comparison.GetProperty("output_column_name").GetString()!, levels));
        }

        return new SplinkSettings(
            root.GetProperty("probability_two_random_records_match").GetDouble(),
            root.TryGetProperty("unique_id_column_name", out var id) ? id.GetString()! : "unique_id",
            rules,
            comparisons);
    }

    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
