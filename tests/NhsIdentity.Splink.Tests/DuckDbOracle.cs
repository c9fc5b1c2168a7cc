using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using NhsIdentity.Matching.Splink;

namespace NhsIdentity.Splink.Tests;

/// <summary>
/// Evaluates a Splink model's SQL in DuckDB the way Splink's <c>predict()</c> does: term-frequency tables over the
/// input, every ordered pair of distinct rows, a CASE WHEN per comparison giving the level, Bayes factors and tf
/// adjustments per level, and <c>log2</c> of the clamped product. The level conditions are the model's own text.
/// </summary>
internal sealed class DuckDbOracle : IDisposable
{
    private readonly DuckDBConnection _connection;
    private string[] _columns = [];

    public DuckDbOracle(IReadOnlyList<SyntheticRow> rows)
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        Execute("CREATE TABLE df (unique_id BIGINT, nhs_number VARCHAR, first_name VARCHAR, surname VARCHAR, dob VARCHAR, "
            + "dob_date DATE, postcode VARCHAR, email VARCHAR, city VARCHAR, tokens VARCHAR[], height DOUBLE)");
        if (rows.Count > 0)
        {
            Execute("INSERT INTO df VALUES " + string.Join(", ", rows.Select(RowLiteral)));
        }

        ReadColumns();
    }

    /// <summary>Loads a CSV file as table <c>df</c>, every column text but <c>unique_id</c> (empty cells are NULL).</summary>
    public DuckDbOracle(string csvPath)
        : this([$"CREATE TABLE df AS SELECT * REPLACE (CAST(unique_id AS BIGINT) AS unique_id) FROM {ReadCsv(csvPath)} ORDER BY unique_id"])
    {
    }

    /// <summary>Makes table <c>df</c> (with a BIGINT <c>unique_id</c>) with the given statements.</summary>
    public DuckDbOracle(string[] statements)
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        foreach (var statement in statements)
        {
            Execute(statement);
        }

        ReadColumns();
    }

    /// <summary><c>read_csv</c> of a file, every column text, empty cells NULL.</summary>
    public static string ReadCsv(string path) => $"read_csv('{path.Replace("'", "''", StringComparison.Ordinal)}', all_varchar = true, normalize_names = true)";

    /// <summary>The table's rows as records, in unique_id order.</summary>
    public List<SplinkRecord> Records(string where = "true")
    {
        var records = new List<SplinkRecord>();
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT * FROM df WHERE {where} ORDER BY unique_id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var values = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            records.Add(new SplinkRecord(values));
        }

        return records;
    }

    /// <summary>The pairs Splink's blocking generates from equi-join rules: each rule's pairs less those an earlier rule
    /// generated, l.unique_id &lt; r.unique_id.</summary>
    public static string BlockingFilter(SplinkModel model, string sides = "l.unique_id < r.unique_id")
    {
        var rules = model.BlockingRules.Where(r => r.IsSupported).Select(r => "(" + r.Rule + ")").ToList();
        var clauses = rules.Select((rule, k) => rule + string.Concat(rules.Take(k).Select(earlier => $" AND NOT coalesce({earlier}, false)")));
        return sides + " AND (" + string.Join(" OR ", clauses.Select(c => "(" + c + ")")) + ")";
    }

    private void ReadColumns()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT column_name FROM (DESCRIBE df)";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        _columns = [.. columns];
    }

    public void Dispose() => _connection.Dispose();

    public object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Each ordered pair's levels (index in the comparison's levels, null where no level matched) and weight.</summary>
    public Dictionary<(long Left, long Right), (int?[] Levels, double? Weight)> Predict(
        SplinkModel model, string settingsJson, string pairFilter = "l.unique_id <> r.unique_id")
    {
        var levelsJson = System.Text.Json.JsonDocument.Parse(settingsJson).RootElement.GetProperty("comparisons");
        var sql = PredictSql(model, levelsJson, _columns, pairFilter);
        var result = new Dictionary<(long, long), (int?[], double?)>();
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var levels = new int?[model.Comparisons.Count];
            for (var c = 0; c < levels.Length; c++)
            {
                levels[c] = reader.IsDBNull(2 + c) ? null : Convert.ToInt32(reader.GetValue(2 + c), CultureInfo.InvariantCulture);
            }

            var weightOrdinal = 2 + levels.Length;
            double? weight = reader.IsDBNull(weightOrdinal) ? null : reader.GetDouble(weightOrdinal);
            result[(reader.GetInt64(0), reader.GetInt64(1))] = (levels, weight);
        }

        return result;
    }

    private static string PredictSql(SplinkModel model, System.Text.Json.JsonElement comparisonsJson, string[] columns, string pairFilter)
    {
        // A tf column the table already has (tf_given_name) is a registered lookup, as Splink's
        // register_term_frequency_lookup gives it; the others are measured from the column as Splink does.
        var tfColumns = model.TermFrequencyColumns;
        var measured = tfColumns.Where(c => !columns.Contains("tf_" + c, StringComparer.OrdinalIgnoreCase)).ToList();
        var sql = new StringBuilder("WITH ");
        foreach (var c in measured)
        {
            sql.Append(CultureInfo.InvariantCulture, $"__tf_{c} AS (SELECT {c}, CAST(count(*) AS DOUBLE) / (SELECT count({c}) FROM df) AS tf_{c} FROM df WHERE {c} IS NOT NULL GROUP BY {c}), ");
        }

        sql.Append("df_tf AS (SELECT df.*");
        foreach (var c in measured)
        {
            sql.Append(CultureInfo.InvariantCulture, $", __tf_{c}.tf_{c}");
        }

        sql.Append(" FROM df");
        foreach (var c in measured)
        {
            sql.Append(CultureInfo.InvariantCulture, $" LEFT JOIN __tf_{c} ON df.{c} = __tf_{c}.{c}");
        }

        sql.Append("), pairs AS (SELECT ");
        sql.Append(string.Join(", ", columns.Concat(measured.Select(c => "tf_" + c))
            .SelectMany(c => new[] { $"l.{c} AS {c}_l", $"r.{c} AS {c}_r" })));
        sql.Append(CultureInfo.InvariantCulture, $" FROM df_tf AS l CROSS JOIN df_tf AS r WHERE {pairFilter}), gammas AS (SELECT *");
        for (var c = 0; c < model.Comparisons.Count; c++)
        {
            sql.Append(", CASE");
            var levels = model.Comparisons[c].Levels;
            for (var l = 0; l < levels.Count; l++)
            {
                sql.Append(levels[l].IsElse
                    ? string.Create(CultureInfo.InvariantCulture, $" ELSE {l}")
                    : string.Create(CultureInfo.InvariantCulture, $" WHEN {levels[l].Condition} THEN {l}"));
            }

            sql.Append(CultureInfo.InvariantCulture, $" END AS gamma_{c}");
        }

        sql.Append(" FROM pairs");

        sql.Append("), factors AS (SELECT unique_id_l, unique_id_r");
        for (var c = 0; c < model.Comparisons.Count; c++)
        {
            sql.Append(CultureInfo.InvariantCulture, $", gamma_{c}, CASE");
            var levels = model.Comparisons[c].Levels;
            for (var l = 0; l < levels.Count; l++)
            {
                var bf = levels[l].IsNullLevel ? 1.0 : levels[l].MProbability!.Value / levels[l].UProbability!.Value;
                sql.Append(CultureInfo.InvariantCulture, $" WHEN gamma_{c} = {l} THEN {Double(bf)}");
            }

            sql.Append(CultureInfo.InvariantCulture, $" END AS bf_{c}, CASE");
            var levelsJson = comparisonsJson[c].GetProperty("comparison_levels");
            for (var l = 0; l < levels.Count; l++)
            {
                sql.Append(CultureInfo.InvariantCulture, $" WHEN gamma_{c} = {l} THEN {TfSql(levels, l, levelsJson[l])}");
            }

            sql.Append(CultureInfo.InvariantCulture, $" END AS bf_tf_{c}");
        }

        sql.Append(" FROM gammas");

        var product = "CAST(" + Double(model.ProbabilityTwoRandomRecordsMatch / (1 - model.ProbabilityTwoRandomRecordsMatch)) + " AS DOUBLE)"
            + string.Concat(Enumerable.Range(0, model.Comparisons.Count).Select(c => $" * bf_{c} * bf_tf_{c}"));
        sql.Append(") SELECT unique_id_l, unique_id_r");
        for (var c = 0; c < model.Comparisons.Count; c++)
        {
            sql.Append(CultureInfo.InvariantCulture, $", gamma_{c}");
        }

        sql.Append(CultureInfo.InvariantCulture, $", log2(least(greatest({product}, 1e-300), 1e300)) AS match_weight FROM factors");
        return sql.ToString();
    }

    /// <summary>Splink's tf adjustment SQL for a level, with the exact-match level's u found from the settings text.</summary>
    private static string TfSql(IReadOnlyList<SplinkComparisonLevel> levels, int index, System.Text.Json.JsonElement levelJson)
    {
        var level = levels[index];
        if (!levelJson.TryGetProperty("tf_adjustment_column", out var columnJson) || columnJson.ValueKind != System.Text.Json.JsonValueKind.String
            || level.IsNullLevel || level.IsElse || level.TfAdjustmentWeight == 0)
        {
            return "CAST(1 AS DOUBLE)";
        }

        var c = columnJson.GetString()!.Trim('"');
        var exact = level.DisableTfExactMatchDetection
            ? level
            : levels.First(l => l.Condition.Replace("\"", string.Empty, StringComparison.Ordinal) == $"{c}_l = {c}_r");
        var l = $"coalesce(tf_{c}_l, tf_{c}_r)";
        var r = $"coalesce(tf_{c}_r, tf_{c}_l)";
        var minimum = Double(level.TfMinimumUValue);
        var divisor = level.TfMinimumUValue == 0
            ? $"(CASE WHEN {l} >= {r} THEN {l} ELSE {r} END)"
            : $"(CASE WHEN {l} >= {r} AND {l} > CAST({minimum} AS DOUBLE) THEN {l} WHEN {r} > CAST({minimum} AS DOUBLE) THEN {r} ELSE CAST({minimum} AS DOUBLE) END)";
        return $"(CASE WHEN {l} IS NOT NULL THEN POW(CAST({Double(exact.UProbability!.Value)} AS DOUBLE) / {divisor}, CAST({Double(level.TfAdjustmentWeight)} AS DOUBLE)) ELSE CAST(1 AS DOUBLE) END)";
    }

    private static string Double(double value) => double.IsPositiveInfinity(value)
        ? "CAST('Infinity' AS DOUBLE)"
        : "CAST(" + value.ToString("R", CultureInfo.InvariantCulture) + " AS DOUBLE)";

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string RowLiteral(SyntheticRow row) =>
        "(" + string.Join(", ",
            row.UniqueId.ToString(CultureInfo.InvariantCulture),
            Text(row.NhsNumber), Text(row.FirstName), Text(row.Surname), Text(row.Dob),
            row.DobDate is { } d ? $"DATE '{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'" : "NULL",
            Text(row.Postcode), Text(row.Email), Text(row.City),
            row.Tokens is null ? "NULL" : "[" + string.Join(", ", row.Tokens.Select(Text)) + "]::VARCHAR[]",
            row.Height is { } h ? "CAST(" + h.ToString("R", CultureInfo.InvariantCulture) + " AS DOUBLE)" : "NULL") + ")";

    private static string Text(string? value) => value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
