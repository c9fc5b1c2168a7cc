using System.Globalization;
using System.Text.Json;
using NhsIdentity.Matching.Splink.Sql;

namespace NhsIdentity.Matching.Splink;

public sealed partial class SplinkModel
{
    /// <summary>Loads a Splink model from its saved settings JSON file.</summary>
    /// <param name="path">The file (<c>linker.misc.save_model_to_json()</c>'s output).</param>
    /// <returns>The model.</returns>
    /// <exception cref="SplinkSqlException">The settings are not a Splink model, or a condition is outside the
    /// supported SQL.</exception>
    public static SplinkModel Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses a Splink model from its saved settings JSON (Splink 3, 4 or 5).</summary>
    /// <param name="json">The settings.</param>
    /// <returns>The model.</returns>
    /// <exception cref="SplinkSqlException">The settings are not a Splink model, or a condition is outside the
    /// supported SQL.</exception>
    public static SplinkModel Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            throw Invalid("The settings are not valid JSON.");
        }

        using (document)
        {
            return FromSettings(document.RootElement);
        }
    }

    private static SplinkModel FromSettings(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("The settings are not a JSON object.");
        }

        var compiler = new SqlCompiler();
        var prior = OptionalNumber(root, "probability_two_random_records_match") ?? 0.0001;
        if (!(prior is > 0 and < 1))
        {
            throw Invalid("probability_two_random_records_match must be between 0 and 1.");
        }

        var uniqueId = OptionalString(root, "unique_id_column_name") ?? "unique_id";
        var linkType = OptionalString(root, "link_type");
        if (!root.TryGetProperty("comparisons", out var comparisonsJson) || comparisonsJson.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("The settings have no comparisons array.");
        }

        var tfColumns = new List<string>();
        var warnings = new List<string>();
        var comparisons = new List<SplinkComparison>();
        foreach (var comparisonJson in comparisonsJson.EnumerateArray())
        {
            comparisons.Add(ReadComparison(comparisonJson, comparisons.Count, compiler, tfColumns, warnings));
        }

        foreach (var column in tfColumns)
        {
            compiler.AddColumn(column);
        }

        var rules = new List<SplinkBlockingRule>();
        if (root.TryGetProperty("blocking_rules_to_generate_predictions", out var rulesJson) && rulesJson.ValueKind == JsonValueKind.Array)
        {
            foreach (var ruleJson in rulesJson.EnumerateArray())
            {
                rules.Add(ReadBlockingRule(ruleJson, compiler));
            }
        }

        compiler.AddColumn(uniqueId);
        var typed = CompileTyped(comparisons, compiler);
        return new SplinkModel(comparisons, prior, rules, uniqueId.ToLowerInvariant(), linkType, compiler, typed, [.. tfColumns], warnings);
    }

    /// <summary>Compiles every level's typed tree, after counting the condition parts the levels repeat (which a pair
    /// then tests once).</summary>
    private static PairCompiler CompileTyped(List<SplinkComparison> comparisons, SqlCompiler compiler)
    {
        var typed = new PairCompiler(compiler);
        var levels = comparisons.SelectMany(c => c.Levels).Where(l => l.Parsed is not null).ToList();
        foreach (var level in levels)
        {
            typed.Count(level.Parsed!);
        }

        foreach (var level in levels)
        {
            level.Typed = typed.CompileLevel(level.Parsed!, level.Condition);
        }

        return typed;
    }

    private static bool IsNullLevel(JsonElement level) =>
        level.ValueKind == JsonValueKind.Object && level.TryGetProperty("is_null_level", out var isNull) && isNull.ValueKind == JsonValueKind.True;

    private static SplinkComparison ReadComparison(
        JsonElement json, int position, SqlCompiler compiler, List<string> tfColumns, List<string> warnings)
    {
        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("comparison_levels", out var levelsJson) || levelsJson.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"Comparison {position} has no comparison_levels array.");
        }

        var levelJsons = levelsJson.EnumerateArray().ToList();
        var nonNullLevels = levelJsons.Count(l => !IsNullLevel(l));
        var levels = new List<SplinkComparisonLevel>();
        var vectorValue = nonNullLevels;
        foreach (var levelJson in levelJsons)
        {
            // Splink's comparison vector value: -1 for null levels, then n-1 down to 0 for the others in order.
            vectorValue -= IsNullLevel(levelJson) ? 0 : 1;
            levels.Add(ReadLevel(levelJson, position, IsNullLevel(levelJson) ? -1 : vectorValue, nonNullLevels, compiler, warnings));
        }

        foreach (var level in levels)
        {
            if (level.TfAdjustmentColumn is null || level.TfAdjustmentWeight == 0 || level.IsNullLevel || level.IsElse)
            {
                continue;
            }

            var exact = level.DisableTfExactMatchDetection
                ? level
                : levels.FirstOrDefault(l => l.ExactMatchColumn == level.TfAdjustmentColumn)
                    ?? throw new SplinkSqlException(SplinkSqlError.MissingExactMatchLevel,
                        $"Comparison {position} adjusts for term frequency on {level.TfAdjustmentColumn} but has no exact-match level on it.",
                        level.Condition);
            level.TfExactMatchU = exact.UProbability ?? throw new SplinkSqlException(SplinkSqlError.InvalidSettings,
                "The exact-match level a term-frequency adjustment uses is a null level.", exact.Condition);
            var slot = tfColumns.IndexOf(level.TfAdjustmentColumn);
            if (slot < 0)
            {
                slot = tfColumns.Count;
                tfColumns.Add(level.TfAdjustmentColumn);
            }

            level.TfSlot = slot;
        }

        var name = OptionalString(json, "output_column_name") ?? $"comparison_{position}";
        return new SplinkComparison(name, OptionalString(json, "comparison_description"), levels);
    }

    private static SplinkComparisonLevel ReadLevel(
        JsonElement json, int comparison, int vectorValue, int nonNullLevels, SqlCompiler compiler, List<string> warnings)
    {
        var condition = json.ValueKind == JsonValueKind.Object ? OptionalString(json, "sql_condition") : null;
        if (condition is null)
        {
            throw Invalid($"A level of comparison {comparison} has no sql_condition.");
        }

        var isNull = vectorValue < 0;
        var isElse = string.Equals(condition.Trim(), "ELSE", StringComparison.OrdinalIgnoreCase);
        var m = Probability(json, "m_probability");
        var u = Probability(json, "u_probability");
        if (!isNull && (m is null || u is null))
        {
            // Splink fills a missing m or u (an untrained level, or a 0 that its JSON writer drops) with its defaults
            // for the level's comparison vector value, so a model it saved scores the same here.
            var (defaultM, defaultU) = SplinkDefaults.Probabilities(nonNullLevels, vectorValue);
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Comparison {comparison}, level '{condition}': {(m is null ? "m_probability" : string.Empty)}{(m is null && u is null ? " and " : string.Empty)}{(u is null ? "u_probability" : string.Empty)} absent; Splink's default used."));
            m ??= defaultM;
            u ??= defaultU;
        }

        SqlExpression? compiled = null;
        SqlNode? parsed = null;
        string? exactColumn = null;
        if (!isElse)
        {
            var node = SqlParser.ParseCondition(condition);
            parsed = node;
            compiled = compiler.CompileCondition(condition);
            exactColumn = node is SqlBinary { Operator: "=", Left: SqlColumn a, Right: SqlColumn b } && a.Name == b.Name && a.Side != b.Side
                ? a.Name
                : null;
        }

        return new SplinkComparisonLevel(
            condition,
            OptionalString(json, "label_for_charts"),
            isNull,
            m,
            u,
            Unquote(OptionalString(json, "tf_adjustment_column")),
            OptionalNumber(json, "tf_adjustment_weight") ?? 1.0,
            OptionalNumber(json, "tf_minimum_u_value") ?? 0.0,
            json.TryGetProperty("disable_tf_exact_match_detection", out var disable) && disable.ValueKind == JsonValueKind.True,
            compiled)
        {
            ExactMatchColumn = exactColumn,
            Parsed = parsed,
        };
    }

    private static SplinkBlockingRule ReadBlockingRule(JsonElement json, SqlCompiler compiler)
    {
        string? rule = json.ValueKind switch
        {
            JsonValueKind.String => json.GetString(),
            JsonValueKind.Object => OptionalString(json, "blocking_rule"),
            _ => null,
        };
        if (rule is null)
        {
            return new SplinkBlockingRule(json.GetRawText(), [], "The rule is neither SQL text nor an object with a blocking_rule.");
        }

        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("arrays_to_explode", out var explode)
            && explode.ValueKind == JsonValueKind.Array && explode.GetArrayLength() > 0)
        {
            return new SplinkBlockingRule(rule, [], "Rules that explode arrays are not supported.");
        }

        SqlNode node;
        try
        {
            node = SqlParser.ParseBlockingRule(rule);
        }
        catch (SplinkSqlException error)
        {
            return new SplinkBlockingRule(rule, [], error.Message);
        }

        var columns = new List<string>();
        if (!CollectEquiJoin(node, columns))
        {
            return new SplinkBlockingRule(rule, [], "Only rules of the form l.a = r.a AND l.b = r.b ... are supported.");
        }

        var slots = columns.Select(c => compiler.AddFeature(new SqlColumn(c, SqlSide.Left), rule)).ToArray();
        return new SplinkBlockingRule(rule, columns, null) { Slots = slots };
    }

    private static bool CollectEquiJoin(SqlNode node, List<string> columns)
    {
        switch (node)
        {
            case SqlBinary { Operator: "AND" } and:
                return CollectEquiJoin(and.Left, columns) && CollectEquiJoin(and.Right, columns);
            case SqlBinary { Operator: "=", Left: SqlColumn a, Right: SqlColumn b } when a.Name == b.Name && a.Side != b.Side:
                if (!columns.Contains(a.Name))
                {
                    columns.Add(a.Name);
                }

                return true;
            default:
                return false;
        }
    }

    private static double? Probability(JsonElement json, string name)
    {
        // Splink writes "level not observed in training dataset" for a level EM never saw, and reads it as 1e-6.
        if (OptionalString(json, name) == SplinkDefaults.LevelNotObserved)
        {
            return SplinkDefaults.LevelNotObservedProbability;
        }

        var value = OptionalNumber(json, name);
        return value is >= 0 and <= 1 ? value : null;
    }

    /// <summary>A column name as Splink writes it in a tf_adjustment_column: bare or in double quotes.</summary>
    private static string? Unquote(string? name) =>
        name is { Length: >= 2 } && name[0] == '"' && name[^1] == '"' ? name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : name;

    private static string? OptionalString(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? OptionalNumber(JsonElement json, string name)
    {
        if (!json.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    private static SplinkSqlException Invalid(string detail) => new(SplinkSqlError.InvalidSettings, detail, null);
}
