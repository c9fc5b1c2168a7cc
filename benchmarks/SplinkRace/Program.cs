// The race with Splink's engine (issue 18 item 6). Two modes; benchmarks/splink-race.sh runs them around nhsid:
//   duckdb --settings splink.json --prepared prepared.parquet --out pairs.csv [--counts counts.csv] [--threshold 0.5] [--threads N]
//       Splink 4's predict() SQL for the settings, run by DuckDB over the Parquet file nhsid prepare wrote (timed).
//       With --only-pairs NHSID_PAIRS.csv (a check, not timed) it scores only the pairs nhsid wrote, whatever their weight.
//   check --nhsid-pairs pairs.csv --nhsid-json run.json --duckdb-pairs pairs.csv --duckdb-counts counts.csv [--tolerance 0.001]
//       Pairs per blocking rule on both sides, and the share of written pairs whose weights agree (not timed).
using System.Globalization;
using SplinkRace;

if (args.Length == 0 || args[0] is not ("duckdb" or "check"))
{
    Console.Error.WriteLine("usage: SplinkRace duckdb|check --option value ... (see Program.cs)");
    return 2;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var k = 1; k + 1 < args.Length; k += 2)
{
    options[args[k].TrimStart('-')] = args[k + 1];
}

string Required(string name) => options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");
double Number(string name, double fallback) => options.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

return args[0] == "duckdb"
    ? DuckDbPredict.Run(Required("settings"), Required("prepared"), Required("out"), options.GetValueOrDefault("counts"),
        Number("threshold", 0.5), (int)Number("threads", Environment.ProcessorCount),
        options.GetValueOrDefault("only-pairs"))
    : RaceCheck.Run(Required("nhsid-pairs"), Required("nhsid-json"), Required("duckdb-pairs"), Required("duckdb-counts"), Number("tolerance", 0.001));
