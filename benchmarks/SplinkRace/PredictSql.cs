using System.Globalization;
using System.Text;

namespace SplinkRace;

/// <summary>
/// The SQL Splink 4's <c>predict()</c> generates for DuckDB (splink/internals/blocking.py, predict.py,
/// comparison_level.py), written afresh from the settings: one equi-join per blocking rule unioned with the pairs of
/// every earlier rule excluded, the blocked id pairs materialised, both records' columns joined back, a CASE WHEN per
/// comparison giving the level (gamma), the level's match weight log2(m/u) and term-frequency adjustment per
/// comparison, and the prior plus their sum as the match weight, filtered at the threshold as
/// <c>predict(threshold_match_probability=...)</c> filters.
/// </summary>
internal sealed class PredictSql(SplinkSettings settings, IReadOnlyList<string> columns)
{
    /// <summary>The table every statement reads: the input with its term-frequency columns (Splink's name).</summary>
    public const string Input = "__splink__df_concat_with_tf";

    /// <summary>The materialised blocked pairs (Splink's name).</summary>
    public const string BlockedPairs = "__splink__blocked_id_pairs";

    private string Id => settings.UniqueId;

    /// <summary>Term-frequency columns the settings adjust on that the input lacks: measured from the input as Splink's
    /// <c>__splink__df_tf_NAME</c> tables are. A <c>tf_NAME</c> column the input already has stands for a registered
    /// lookup (<c>register_term_frequency_lookup</c>), which is how NhsIdentity's export is meant to be run.</summary>
    public IReadOnlyList<string> MeasuredTfColumns =>
    [
        .. settings.Comparisons.SelectMany(c => c.Levels).Select(l => l.TfColumn).OfType<string>().Distinct(StringComparer.Ordinal)
            .Where(c => !columns.Contains("tf_" + c, StringComparer.OrdinalIgnoreCase)),
    ];

    /// <summary>CREATE TABLE of the input with term frequencies, from <paramref name="source"/> (a table function).</summary>
    public string CreateInput(string source)
    {
        var measured = MeasuredTfColumns;
        var sql = new StringBuilder($"CREATE TABLE {Input} AS ");
        if (measured.Count > 0)
        {
            sql.Append("WITH __splink__df AS (SELECT * FROM ").Append(source).Append(')');
            foreach (var c in measured)
            {
                sql.Append(CultureInfo.InvariantCulture,
                    $", __splink__df_tf_{c} AS (SELECT {c}, cast(count(*) AS float8) / (SELECT count({c}) FROM __splink__df) AS tf_{c} FROM __splink__df WHERE {c} IS NOT NULL GROUP BY {c})");
            }

            sql.Append(" SELECT __splink__df.*");
            foreach (var c in measured)
            {
                sql.Append(CultureInfo.InvariantCulture, $", __splink__df_tf_{c}.tf_{c}");
            }

            sql.Append(" FROM __splink__df");
            foreach (var c in measured)
            {
                sql.Append(CultureInfo.InvariantCulture, $" LEFT JOIN __splink__df_tf_{c} ON __splink__df.{c} = __splink__df_tf_{c}.{c}");
            }

            return sql.ToString();
        }

        return sql.Append("SELECT * FROM ").Append(source).ToString();
    }

    /// <summary>CREATE TABLE of the blocked id pairs: each rule's join, less the pairs any earlier rule generated
    /// (<c>AND NOT (coalesce((earlier), false) OR ...)</c>, the coalesce keeping pairs an earlier rule saw as null),
    /// unioned, with the rule's index as <c>match_key</c>.</summary>
    public string CreateBlockedPairs()
    {
        var selects = new List<string>();
        for (var k = 0; k < settings.BlockingRules.Count; k++)
        {
            var select = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
                $"SELECT '{k}' AS match_key, l.{Id} AS join_key_l, r.{Id} AS join_key_r FROM {Input} AS l INNER JOIN {Input} AS r ON ({settings.BlockingRules[k]}) WHERE l.{Id} < r.{Id}"));
            if (k > 0)
            {
                select.Append(" AND NOT (")
                    .AppendJoin(" OR ", settings.BlockingRules.Take(k).Select(earlier => $"coalesce(({earlier}), false)"))
                    .Append(')');
            }

            selects.Add(select.ToString());
        }

        return $"CREATE TABLE {BlockedPairs} AS " + string.Join(" UNION ALL ", selects);
    }

    /// <summary>The pairs each rule generated, by <c>match_key</c>.</summary>
    public static string CountByRule() =>
        $"SELECT CAST(match_key AS INTEGER) AS rule, count(*) AS pairs FROM {BlockedPairs} GROUP BY match_key ORDER BY rule";

    /// <summary>The scored pairs at or above <paramref name="thresholdMatchProbability"/>: match weight, probability,
    /// both ids and the input's record ids, and the rule that generated the pair.</summary>
    public string Predict(double thresholdMatchProbability, string recordIdColumn)
    {
        var carried = columns.Where(c => !c.StartsWith("block_", StringComparison.Ordinal)).ToList();
        var sql = new StringBuilder("WITH __splink__blocked_with_cols AS (SELECT ");
        sql.AppendJoin(", ", carried.SelectMany(c => new[] { $"l.{c} AS {c}_l", $"r.{c} AS {c}_r" }));
        sql.Append(CultureInfo.InvariantCulture,
            $", b.match_key FROM {BlockedPairs} AS b LEFT JOIN {Input} AS l ON l.{Id} = b.join_key_l LEFT JOIN {Input} AS r ON r.{Id} = b.join_key_r)");

        // The comparison vectors: the first level whose condition holds, numbered as Splink numbers them (the null level
        // -1, the others from the count of non-null levels less one down to 0).
        sql.Append(", __splink__df_comparison_vectors AS (SELECT *");
        foreach (var comparison in settings.Comparisons)
        {
            sql.Append(", CASE");
            foreach (var (level, gamma) in Numbered(comparison))
            {
                sql.Append(level.IsElse ? $" ELSE {gamma}" : $" WHEN {level.Condition} THEN {gamma}");
            }

            sql.Append(CultureInfo.InvariantCulture, $" END AS gamma_{comparison.Name}");
        }

        sql.Append(" FROM __splink__blocked_with_cols)");

        // The match weight parts: log2(m/u) of the level reached, and its term-frequency adjustment.
        var terms = new List<string>();
        sql.Append(CultureInfo.InvariantCulture, $", __splink__df_match_weight_parts AS (SELECT {Id}_l, {Id}_r, {recordIdColumn}_l, {recordIdColumn}_r, match_key");
        foreach (var comparison in settings.Comparisons)
        {
            var gammaColumn = $"gamma_{comparison.Name}";
            sql.Append(", CASE");
            foreach (var (level, gamma) in Numbered(comparison))
            {
                sql.Append(CultureInfo.InvariantCulture, $" WHEN {gammaColumn} = {gamma} THEN cast({Literal(MatchWeight(level))} AS float8)");
            }

            sql.Append(CultureInfo.InvariantCulture, $" END AS mw_{comparison.Name}");
            terms.Add($"mw_{comparison.Name}");
            if (comparison.Levels.Any(l => l.TfColumn is not null))
            {
                sql.Append(", CASE");
                foreach (var (level, gamma) in Numbered(comparison))
                {
                    sql.Append(CultureInfo.InvariantCulture, $" WHEN {gammaColumn} = {gamma} THEN {TfAdjustment(comparison, level, gamma)}");
                }

                sql.Append(CultureInfo.InvariantCulture, $" END AS mw_tf_adj_{comparison.Name}");
                terms.Add($"mw_tf_adj_{comparison.Name}");
            }
        }

        sql.Append(" FROM __splink__df_comparison_vectors)");

        var priorWeight = Math.Log2(settings.Prior / (1 - settings.Prior));
        var weight = $"cast({Literal(priorWeight)} AS float8) + " + string.Join(" + ", terms);
        var probability = $"CASE WHEN ({weight}) >= 0 THEN 1.0 / (1.0 + POWER(cast(2 AS float8), -({weight}))) "
            + $"ELSE POWER(cast(2 AS float8), ({weight})) / (1.0 + POWER(cast(2 AS float8), ({weight}))) END";
        var threshold = Math.Log2(thresholdMatchProbability / (1 - thresholdMatchProbability));
        sql.Append(CultureInfo.InvariantCulture,
            $" SELECT {weight} AS match_weight, {probability} AS match_probability, {Id}_l, {Id}_r, {recordIdColumn}_l, {recordIdColumn}_r, match_key FROM __splink__df_match_weight_parts WHERE ({weight}) >= {Literal(threshold)}");
        return sql.ToString();
    }

    private static IEnumerable<(SplinkLevel Level, int Gamma)> Numbered(SplinkComparisonSettings comparison)
    {
        var next = comparison.Levels.Count(l => !l.IsNullLevel) - 1;
        foreach (var level in comparison.Levels)
        {
            yield return (level, level.IsNullLevel ? -1 : next--);
        }
    }

    private static double MatchWeight(SplinkLevel level) =>
        level.IsNullLevel ? 0 : Math.Log2(level.M!.Value / level.U!.Value);

    /// <summary>Splink's additive term-frequency adjustment: w · (log2(u of the exact-match level) − log2(the larger of
    /// the two sides' frequencies, at least the minimum u)), 0 where neither side has a frequency.</summary>
    private static string TfAdjustment(SplinkComparisonSettings comparison, SplinkLevel level, int gamma)
    {
        if (gamma == -1 || level.TfColumn is null || level.TfWeight == 0 || level.IsElse)
        {
            return "cast(0 AS float8)";
        }

        var exactU = level.DisableTfExactMatchDetection ? level.U!.Value : ExactMatchU(comparison, level.TfColumn);
        var (l, r) = ($"tf_{level.TfColumn}_l", $"tf_{level.TfColumn}_r");
        var lr = $"coalesce({l}, {r})";
        var rl = $"coalesce({r}, {l})";
        return $"CASE WHEN {lr} IS NOT NULL THEN cast({Literal(level.TfWeight)} AS float8) * (cast({Literal(Math.Log2(exactU))} AS float8) - "
            + $"log2(greatest({lr}, {rl}, cast({Literal(level.TfMinimumU)} AS float8)))) ELSE cast(0 AS float8) END";
    }

    private static double ExactMatchU(SplinkComparisonSettings comparison, string column)
    {
        var exact = comparison.Levels.FirstOrDefault(l =>
            l.Condition.Replace("\"", string.Empty, StringComparison.Ordinal).Trim() == $"{column}_l = {column}_r");
        return exact?.U ?? throw new InvalidOperationException($"Comparison {comparison.Name} has no exact-match level on {column} for its tf adjustment.");
    }

    private static string Literal(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
