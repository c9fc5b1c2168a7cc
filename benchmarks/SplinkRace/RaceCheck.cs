using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace SplinkRace;

/// <summary>
/// Checks the two sides computed the same thing (not timed): the pairs each blocking rule generated (nhsid's
/// <c>--json</c> run summary against DuckDB's count by <c>match_key</c>), and how many of the pairs either side wrote
/// (at or above the review threshold) the other wrote too with the same weight, within a tolerance that covers
/// nhsid's four decimal places and its single-precision sum.
/// </summary>
internal static class RaceCheck
{
    public static int Run(string nhsidPairs, string nhsidJson, string duckdbPairs, string duckdbCounts, double tolerance)
    {
        var sameCounts = CompareRuleCounts(nhsidJson, duckdbCounts);

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var n = $"read_csv({DuckDbPredict.Quote(nhsidPairs)}, all_varchar = true)";
        var d = $"read_csv({DuckDbPredict.Quote(duckdbPairs)}, all_varchar = true)";
        var tol = tolerance.ToString("R", CultureInfo.InvariantCulture);
        using var command = connection.CreateCommand();
        command.CommandText =
            $"WITH n AS (SELECT least(left_id, right_id) AS a, greatest(left_id, right_id) AS b, CAST(match_weight AS DOUBLE) AS w FROM {n}), "
            + $"d AS (SELECT least(record_id_l, record_id_r) AS a, greatest(record_id_l, record_id_r) AS b, CAST(match_weight AS DOUBLE) AS w FROM {d}) "
            + "SELECT count(*) FILTER (WHERE n.w IS NOT NULL AND d.w IS NOT NULL), count(*) FILTER (WHERE d.w IS NULL), "
            + $"count(*) FILTER (WHERE n.w IS NULL), count(*) FILTER (WHERE abs(n.w - d.w) <= {tol}), count(*), "
            + "coalesce(max(abs(n.w - d.w)), 0), (SELECT count(*) FROM n), (SELECT count(*) FROM d) "
            + "FROM n FULL OUTER JOIN d ON n.a = d.a AND n.b = d.b";
        using var reader = command.ExecuteReader();
        reader.Read();
        var (both, onlyNhsid, onlyDuckdb, agree, union) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pairs written: nhsid {reader.GetInt64(6)}, duckdb {reader.GetInt64(7)}; both {both}, only nhsid {onlyNhsid}, only duckdb {onlyDuckdb}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"weights agree (|difference| <= {tol}): {agree} of {union} written by either ({100.0 * agree / Math.Max(union, 1):F2} %); of the {both} both wrote: {100.0 * agree / Math.Max(both, 1):F2} %; largest difference where both wrote {reader.GetDouble(5):F4} bits"));
        return sameCounts ? 0 : 1;
    }

    private static bool CompareRuleCounts(string nhsidJson, string duckdbCounts)
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(nhsidJson));
        var rules = summary.RootElement.GetProperty("blocking").GetProperty("rules").EnumerateArray()
            .Select(r => (Name: r.GetProperty("rule").GetString()!, Pairs: r.GetProperty("newPairs").GetInt64(), Capped: r.GetProperty("cappedBlocks").GetInt64()))
            .ToList();
        var duckdb = new Dictionary<int, long>();
        foreach (var line in File.ReadLines(duckdbCounts).Skip(1))
        {
            var rule = int.Parse(line[..line.IndexOf(',', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            duckdb[rule] = long.Parse(line[(line.LastIndexOf(',') + 1)..], CultureInfo.InvariantCulture);
        }

        var same = true;
        long nTotal = 0, dTotal = 0;
        Console.WriteLine("| rule | nhsid new pairs | DuckDB pairs (match_key) | same |");
        Console.WriteLine("|---|---:|---:|---|");
        for (var k = 0; k < rules.Count; k++)
        {
            var d = duckdb.GetValueOrDefault(k);
            var equal = d == rules[k].Pairs;
            same &= equal;
            nTotal += rules[k].Pairs;
            dTotal += d;
            var capped = rules[k].Capped > 0 ? $" ({rules[k].Capped} blocks capped by nhsid)" : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {rules[k].Name}{capped} | {rules[k].Pairs:N0} | {d:N0} | {(equal ? "yes" : "NO")} |"));
        }

        same &= duckdb.Keys.All(k => k < rules.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| all | {nTotal:N0} | {dTotal:N0} | {(nTotal == dTotal ? "yes" : "NO")} |"));
        return same;
    }
}
