using System.Diagnostics;
using System.Globalization;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Orleans;
using NhsIdentity.Orleans.Storage;
using NhsIdentity.OrleansLookup;
using NhsIdentity.Synthetic;
using Orleans.TestingHost;

// The same lookups, one at a time, on an in-process PatientIndex and on a ClusterPatientIndex over 1 and then 3
// in-process silos (Orleans' in-memory transport: messages are serialised and scheduled as between machines, but
// never leave the process). Every cluster answer is also compared with the single node's. Output: a markdown table.
var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var lookups = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
var siloCounts = args.Length > 2 ? args[2].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [1, 3];
const int Warmup = 500;
const int MaxResults = 10;
const int Buckets = 64;

var records = SupplierExtract.Generate(SyntheticPopulation.Generate(people, 17), SupplierDialect.Pas, 18)
    .Select(row => row.ToPatientRecord()).ToArray();
var gp = SupplierExtract.Generate(SyntheticPopulation.Generate(people, 17), SupplierDialect.Gp, 19)
    .Select(row => row.ToPatientRecord()).ToArray();
var random = new Random(29);
var queries = Enumerable.Range(0, lookups + Warmup).Select(_ => gp[random.Next(gp.Length)]).ToArray();

using var single = new PatientIndex(MatchModel.Default);
foreach (var record in records)
{
    single.AddOrUpdate(record);
}

single.RefreshTermFrequencies();
var expected = queries.Select(q => single.FindMatches(q, MaxResults)).ToArray();
var table = TermFrequencyTable.Measure(new RecordSet(records));

var rows = new List<Latency>
{
    await Latency.MeasureAsync("in-process PatientIndex", lookups, Warmup, i =>
        Task.FromResult(single.FindMatches(queries[i], MaxResults).SequenceEqual(expected[i]))),
};

foreach (var silos in siloCounts)
{
    var builder = new InProcessTestClusterBuilder((short)silos);
    builder.Options.ConfigureFileLogging = false; // TestingHost otherwise writes a log file per silo under ./logs
    var store = new InMemoryClusterRecordStore(); // one store shared by the in-process silos; lookups never touch it
    builder.ConfigureSilo((_, silo) => silo.Services.AddClusterPatientIndex(store));
    var cluster = builder.Build();
    await cluster.DeployAsync();
    var load = Stopwatch.StartNew();
    var index = await ClusterPatientIndex.CreateAsync(cluster.Client, MatchModel.Default, table, new ClusterIndexOptions { Buckets = Buckets });
    foreach (var chunk in records.Chunk(5_000))
    {
        await index.AddRangeAsync(chunk);
    }

    Console.Error.WriteLine($"{silos} silo(s): loaded {records.Length:N0} records in {load.Elapsed.TotalSeconds:F1} s");
    rows.Add(await Latency.MeasureAsync($"ClusterPatientIndex, {silos} in-process silo(s)", lookups, Warmup, async i =>
        (await index.FindMatchesAsync(queries[i], MaxResults)).Matches.SequenceEqual(expected[i])));
    await cluster.DisposeAsync();
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{records.Length:N0} indexed records (PAS extract of {people:N0} synthetic people), {lookups:N0} timed lookups (GP rows of the same people) after {Warmup} untimed, top {MaxResults}, {Buckets} buckets per rule, {BlockingRule.IndexDefaults.Count} rules, MatchModel.Default."));
Console.WriteLine();
Console.WriteLine(Latency.Header);
foreach (var row in rows)
{
    Console.WriteLine(row.Row());
}
