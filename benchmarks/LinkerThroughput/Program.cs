// The linker's scoring throughput with the bound off and on (LinkOptions.BoundedScoring), turn about in one process,
// on a CSV extract (for example the synthetic generator's pas.csv) and a saved model (nhsid train --model-out), so the
// two see the same machine load. Both must keep the same pairs to the bit; the tool says so. CPU time is the
// process's over the Deduplicate call (blocking, scoring, sorting), so pairs/s/core = pairs compared / CPU seconds.
//   dotnet run -c Release --project benchmarks/LinkerThroughput -- EXTRACT.csv MODEL.json [ROUNDS [THREADS]]
using System.Diagnostics;
using System.Globalization;
using NhsIdentity.Ingestion;
using NhsIdentity.Matching;

var records = new List<PatientRecord>();
using (var reader = PatientCsvReader.OpenFile(args[0]))
{
    await foreach (var record in reader.ReadRecordsAsync())
    {
        records.Add(record);
    }
}

var model = MatchModel.FromJson(File.ReadAllText(args[1]));
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
var threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
var set = new RecordSet(records);
Console.WriteLine($"{set.Count} records, {Environment.ProcessorCount} logical processors, {threads} scoring thread(s)");
LinkResult? first = null;
for (var round = 0; round < rounds; round++)
{
    foreach (var bounded in new[] { false, true })
    {
        var linker = new Linker(model, LinkOptions.Default with { MaxDegreeOfParallelism = threads, BoundedScoring = bounded });
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = linker.Deduplicate(set);
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var same = first is null || Same(first, result);
        first ??= result;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {round}, bound {(bounded ? "on " : "off")}: {result.PairsCompared:N0} pairs compared, {result.Pairs.Count:N0} kept; wall {wall:F2} s, CPU {cpu:F2} s, {result.PairsCompared / cpu / 1e6:F2} M pairs/s/core; same pairs: {same}"));
    }
}

static bool Same(LinkResult x, LinkResult y)
{
    if (x.PairsCompared != y.PairsCompared || x.Pairs.Count != y.Pairs.Count)
    {
        return false;
    }

    for (var k = 0; k < x.Pairs.Count; k++)
    {
        var (a, b) = (x.Pairs[k], y.Pairs[k]);
        if (a.LeftIndex != b.LeftIndex || a.RightIndex != b.RightIndex || a.Decision != b.Decision
            || BitConverter.DoubleToInt64Bits(a.Weight) != BitConverter.DoubleToInt64Bits(b.Weight))
        {
            return false;
        }
    }

    return true;
}
