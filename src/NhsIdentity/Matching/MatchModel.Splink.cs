using System.Text.Json;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Matching.Splink;

namespace NhsIdentity.Matching;

// Export to Splink: the model as Splink 4 settings over the columns SplinkPreparedTable writes.
public sealed partial class MatchModel
{
    /// <summary>
    /// Writes the model as Splink 4 settings (<c>dedupe_only</c>) whose levels reproduce this model's comparisons over
    /// the columns of a <see cref="SplinkPreparedTable"/> (<c>nhsid prepare</c>), with the levels SQL cannot express
    /// exactly listed in <see cref="SplinkExport.InexactLevels"/>.
    /// </summary>
    /// <param name="blockingRules">The rules to write as <c>blocking_rules_to_generate_predictions</c>, each an
    /// equality of its <c>block_</c> key column (prepare the table with the same rules); null writes
    /// <see cref="BlockingRule.Defaults"/>.</param>
    /// <returns>The settings and the report.</returns>
    /// <remarks>
    /// <para>Each comparison's first level is a null level on its column (NhsIdentity does not compare a field a record
    /// lacks); term-frequency adjusted levels name the prepared column, NhsIdentity's
    /// <see cref="TermFrequencyFloor"/> as <c>tf_minimum_u_value</c> and <c>disable_tf_exact_match_detection</c> (the
    /// level's own u is the one adjusted, as NhsIdentity does).</para>
    /// <para>A household-aware level (<see cref="ComparisonLevelModel.HouseholdU"/>) is written twice: first within the
    /// household context, as SQL over the levels the pair reaches, with its household u and no term-frequency
    /// adjustment, then on its own. Listed in the report as inexact: the address token-set similarity (approximated),
    /// the name comparisons' Jaro-Winkler bands (DuckDB's Jaro differs), a <see cref="JointHouseholdU"/> table and a
    /// <see cref="ComparisonKind.Name"/> comparison (neither exported). The decision policy and
    /// <see cref="Competition"/> decide on weights and are not part of them, so they are not exported.</para>
    /// </remarks>
    public SplinkExport ToSplink(IEnumerable<BlockingRule>? blockingRules = null)
    {
        var rules = blockingRules is null ? BlockingRule.Defaults : [.. blockingRules];
        var notes = new List<SplinkExportNote>();
        var columns = new List<string> { SplinkPreparedColumns.UniqueId };
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("link_type", "dedupe_only");
            json.WriteString("unique_id_column_name", SplinkPreparedColumns.UniqueId);
            json.WriteNumber("probability_two_random_records_match", PriorMatchProbability);
            json.WriteString("sql_dialect", "duckdb");
            json.WriteStartArray("blocking_rules_to_generate_predictions");
            foreach (var rule in rules)
            {
                ArgumentNullException.ThrowIfNull(rule, nameof(blockingRules));
                var column = SplinkPreparedColumns.BlockingColumn(rule);
                columns.Add(column);
                json.WriteStartObject();
                json.WriteString("blocking_rule", $"l.{column} = r.{column}");
                json.WriteString("sql_dialect", "duckdb");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("comparisons");
            var exported = new List<(ComparisonModel, string, List<Splink.ExportedLevel>)>();
            foreach (var comparison in _comparisons)
            {
                if (Splink.SplinkExportLevels.Levels(comparison) is { } levels)
                {
                    exported.Add((comparison, levels.NullCondition, levels.Levels));
                    columns.AddRange(Splink.SplinkExportLevels.ColumnsOf(comparison.Comparison));
                }
            }

            // Only a household-aware model weighs a household context; its condition reads the other comparisons' levels.
            // Agreeing addresses tell the home when the pair has no postcode to compare (LevelEvidence.SameAddress), in a
            // model that learned what a shared home weighs: then the postcode comparison's null condition says so.
            var noPostcode = _homeByAddress ? exported.Find(e => e.Item1.Comparison == ComparisonKind.Postcode).Item2 : null;
            var household = _householdAware ? Splink.SplinkExportHousehold.Condition(exported, noPostcode) : null;
            foreach (var comparison in _comparisons)
            {
                WriteComparison(json, comparison, household, noPostcode, notes);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (JointHouseholdU is not null)
        {
            notes.Add(new SplinkExportNote(JointHouseholdU.First + " × " + JointHouseholdU.Second, "*",
                "In a household context the joint household table corrects the two comparisons' weights together; a Splink level "
                + "weighs one comparison, so the correction is not exported."));
        }

        return new SplinkExport(System.Text.Encoding.UTF8.GetString(buffer.ToArray()), notes.AsReadOnly(), columns.Distinct().ToList().AsReadOnly());
    }

    private void WriteComparison(Utf8JsonWriter json, ComparisonModel comparison, string? household, string? noPostcode, List<SplinkExportNote> notes)
    {
        var definition = comparison.Definition;
        var exported = Splink.SplinkExportLevels.Levels(comparison);
        if (exported is null)
        {
            notes.Add(new SplinkExportNote(definition.Name, "*",
                "Not exported: the comparison of given and family names together (models saved before version 2) has no SQL form; "
                + "its weights are missing from every pair."));
            return;
        }

        var (nullCondition, levels) = exported.Value;
        json.WriteStartObject();
        json.WriteString("output_column_name", definition.ColumnName);
        json.WriteString("comparison_description", definition.DisplayName);
        json.WriteStartArray("comparison_levels");
        json.WriteStartObject();
        json.WriteString("sql_condition", nullCondition);
        json.WriteString("label_for_charts", "Missing");
        json.WriteBoolean("is_null_level", true);
        json.WriteEndObject();
        foreach (var level in levels)
        {
            if (level.Level < 0)
            {
                json.WriteStartObject();
                json.WriteString("sql_condition", level.Sql);
                json.WriteString("label_for_charts", level.Label);
                json.WriteBoolean("is_null_level", true);
                json.WriteEndObject();
                continue;
            }

            var model = comparison.Levels[level.Level];
            var slot = ((int)comparison.Comparison * NhsIdentity.Matching.Comparisons.ComparisonCatalog.CodesPerComparison) + level.Level;
            if (household is not null && noPostcode is not null && !float.IsNaN(_homeWeights[slot]))
            {
                // The level as the home itself (no postcode compared): the full postcode's household u.
                var asHome = $"({level.Sql}) AND ({household}) AND ({noPostcode})";
                var homeU = comparison.Levels[level.Level].M / Math.Pow(2, _homeWeights[slot]);
                WriteLevel(json, asHome, level.Label + " (household, the home)", homeU, _homeWeights[slot], termFrequency: null);
            }

            if (model.HouseholdU != model.U && household is not null)
            {
                // The level in a household context: its household u, and no term-frequency adjustment (the scorer drops it).
                var condition = level.Sql == "ELSE" ? household : $"({level.Sql}) AND ({household})";
                WriteLevel(json, condition, level.Label + " (household)", model.HouseholdU, _householdWeights[slot], termFrequency: null);
            }

            var tf = comparison.IsTermFrequencyAdjusted(level.Level) ? Splink.SplinkExportLevels.TermFrequencyColumn(comparison.Comparison) : null;
            WriteLevel(json, level.Sql, level.Label, model.U, _weights[slot], tf);
            if (level.Inexact is not null)
            {
                notes.Add(new SplinkExportNote(definition.Name, level.Label, level.Inexact));
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes one level: m = u · 2^w with w the single-precision weight the scorer adds, so Splink's
    /// log2(m / u) is that weight.</summary>
    private void WriteLevel(Utf8JsonWriter json, string condition, string label, double u, float weight, string? termFrequency)
    {
        json.WriteStartObject();
        json.WriteString("sql_condition", condition);
        json.WriteString("label_for_charts", label);
        json.WriteNumber("m_probability", u * Math.Pow(2, weight));
        json.WriteNumber("u_probability", u);
        if (termFrequency is not null)
        {
            json.WriteString("tf_adjustment_column", termFrequency);
            json.WriteNumber("tf_adjustment_weight", 1.0);
            json.WriteNumber("tf_minimum_u_value", TermFrequencyFloor);
            json.WriteBoolean("disable_tf_exact_match_detection", true);
        }

        json.WriteEndObject();
    }
}
