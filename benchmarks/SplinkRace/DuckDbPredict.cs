using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace SplinkRace;

/// <summary>
/// The DuckDB side of the race: loads the prepared Parquet file, blocks and predicts with <see cref="PredictSql"/>, and
/// writes the pairs at or above the threshold as CSV, the way a Splink user's <c>predict()</c> then
/// <c>as_pandas_dataframe()</c> or <c>to_csv</c> would. Each phase's wall time goes to standard error.
/// </summary>
internal static class DuckDbPredict
{
    public static int Run(string settingsPath, string parquetPath, string outPath, string? countsPath, double threshold, int threads, string? onlyPairs)
    {
        var clock = Stopwatch.StartNew();
        var settings = SplinkSettings.Load(settingsPath);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"SET threads = {threads}"));

        var source = $"read_parquet({Quote(parquetPath)})";
        var columns = Columns(connection, source);
        var sql = new PredictSql(settings, columns);
        Phase(clock, "settings read");
        Execute(connection, sql.CreateInput(source));
        Phase(clock, "input loaded");
        Execute(connection, sql.CreateBlockedPairs());
        Phase(clock, "blocked pairs");
        var total = CountByRule(connection, settings, countsPath);
        Phase(clock, "pairs counted by rule");
        var recordId = columns.Contains("record_id") ? "record_id" : settings.UniqueId;
        if (onlyPairs is not null)
        {
            // A check, not a race: score only the pairs another run wrote (by record id), whatever their weight.
            Execute(connection, $"DELETE FROM {PredictSql.BlockedPairs} b WHERE NOT EXISTS (SELECT 1 FROM read_csv({Quote(onlyPairs)}, all_varchar = true) AS p "
                + $"JOIN {PredictSql.Input} AS l ON l.{recordId} = p.left_id JOIN {PredictSql.Input} AS r ON r.{recordId} = p.right_id "
                + $"WHERE least(l.{settings.UniqueId}, r.{settings.UniqueId}) = b.join_key_l AND greatest(l.{settings.UniqueId}, r.{settings.UniqueId}) = b.join_key_r)");
            threshold = 1e-300;
        }

        Execute(connection, $"COPY ({sql.Predict(threshold, recordId)}) TO {Quote(outPath)} (HEADER, DELIMITER ',')");
        Phase(clock, "predicted and written");
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duckdb: pairs compared: {total}; threads {threads}"));
        return 0;
    }

    /// <summary>The pairs each rule generated (Splink's blocked pairs by <c>match_key</c>), to <paramref name="countsPath"/>
    /// if given; returns their total.</summary>
    private static long CountByRule(DuckDBConnection connection, SplinkSettings settings, string? countsPath)
    {
        long total = 0;
        using var counts = countsPath is null ? null : new StreamWriter(countsPath);
        counts?.WriteLine("rule,blocking_rule,pairs");
        using var command = connection.CreateCommand();
        command.CommandText = PredictSql.CountByRule();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var rule = reader.GetInt32(0);
            var pairs = reader.GetInt64(1);
            total += pairs;
            counts?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rule},\"{settings.BlockingRules[rule]}\",{pairs}"));
        }

        return total;
    }

    private static List<string> Columns(DuckDBConnection connection, string source)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT column_name FROM (DESCRIBE SELECT * FROM {source})";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static void Phase(Stopwatch clock, string what) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duckdb: {what} at {clock.Elapsed.TotalSeconds:F2} s"));

    internal static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}
