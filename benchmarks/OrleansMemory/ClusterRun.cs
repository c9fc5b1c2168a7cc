using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NhsIdentity.Matching;
using NhsIdentity.Orleans;
using NhsIdentity.Orleans.Grains;
using Orleans.Configuration;
using Orleans.Runtime;

namespace NhsIdentity.OrleansMemory;

/// <summary>The client: starts the silo processes, loads the records into a <see cref="ClusterPatientIndex"/>, measures
/// each silo before and after, counts what each holds, and checks lookups against a single-node index in this
/// process (which is not measured).</summary>
internal static class ClusterRun
{
    private const int FirstSiloPort = 11411;
    private const int FirstGatewayPort = 30411;
    private const int LoadChunk = 5_000;
    private const int LoadsInFlight = 4;

    public static async Task<int> RunAsync(int count, int siloCount, int buckets, int lookups)
    {
        var records = Records.Generate(count);
        var all = records.Enumerate().ToArray();
        var table = TermFrequencyTable.Measure(new RecordSet(all));
        var silos = new List<Silo>();
        try
        {
            for (var i = 0; i < siloCount; i++)
            {
                silos.Add(await Silo.StartAsync(FirstSiloPort + (10 * i), FirstGatewayPort + (10 * i), FirstSiloPort));
            }

            var before = await Task.WhenAll(silos.Select(silo => silo.MeasureAsync()));
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.UseOrleansClient(client =>
            {
                client.UseStaticClustering([.. silos.Select(silo => new IPEndPoint(IPAddress.Loopback, silo.GatewayPort))]);
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = SiloProcess.ClusterId;
                    o.ServiceId = SiloProcess.ClusterId;
                });
            });
            using var host = builder.Build();
            await host.StartAsync();
            var grains = host.Services.GetRequiredService<IClusterClient>();
            var options = new ClusterIndexOptions { Buckets = buckets, RecoveryWait = TimeSpan.FromMinutes(2) };
            var index = await ClusterPatientIndex.CreateAsync(grains, MatchModel.Default, table, options);

            var clock = Stopwatch.StartNew();
            var applied = 0;
            await Parallel.ForEachAsync(all.Chunk(LoadChunk), new ParallelOptions { MaxDegreeOfParallelism = LoadsInFlight }, async (chunk, token) =>
            {
                Interlocked.Add(ref applied, await index.AddRangeAsync(chunk, token));
            });
            var loaded = clock.Elapsed;
            Console.Error.WriteLine($"loaded {applied:N0} of {all.Length:N0} in {loaded.TotalSeconds:N0} s");

            var after = await Task.WhenAll(silos.Select(silo => silo.MeasureAsync()));
            var held = await HeldPerSiloAsync(grains, index);

            // The oracle: a single node given the same records and term frequencies.
            using var single = new PatientIndex(MatchModel.Default);
            foreach (var record in all)
            {
                single.AddOrUpdate(record);
            }

            single.ApplyTermFrequencies(table);
            var queries = records.Queries(lookups);
            var different = 0;
            var withMatches = 0;
            var lookupClock = Stopwatch.StartNew();
            foreach (var query in queries)
            {
                var want = single.FindMatches(query, 10);
                var got = await index.FindMatchesAsync(query, 10);
                different += got.IsDegraded || !want.SequenceEqual(got.Matches) ? 1 : 0;
                withMatches += want.Count > 0 ? 1 : 0;
            }

            var lookupSeconds = lookupClock.Elapsed.TotalSeconds;

            // Throughput: the same lookups again, 16 in flight, cluster only; the processor time every process of the
            // cluster (silos and this client) spent, per lookup, is what sizing for a lookup rate needs.
            var calls = new long[2];
            var cpuBefore = silos.Sum(silo => silo.ProcessorTime.TotalSeconds) + Environment.CpuUsage.TotalTime.TotalSeconds;
            var burst = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, queries.Length * 2), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                var answer = await index.FindMatchesAsync(queries[i % queries.Length], 10);
                Interlocked.Add(ref calls[0], answer.BucketsAsked);
                Interlocked.Increment(ref calls[1]);
            });
            var burstSeconds = burst.Elapsed.TotalSeconds;
            var cpuPerLookup = (silos.Sum(silo => silo.ProcessorTime.TotalSeconds) + Environment.CpuUsage.TotalTime.TotalSeconds - cpuBefore) / calls[1];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Throughput: {calls[1]:N0} lookups, 16 in flight, in {burstSeconds:N1} s ({calls[1] / burstSeconds:N0} a second on this machine); {calls[0] / (double)calls[1]:N1} grain calls a lookup (key buckets + row shards); processor time of every process of the cluster (silos and client) {cpuPerLookup * 1000:N2} ms a lookup."));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{all.Length:N0} records over {siloCount} silo process(es), {buckets} buckets per rule and {buckets} row shards, {options.Index.BlockingRules.Count} rules; loaded in {loaded.TotalSeconds:N0} s ({all.Length / loaded.TotalSeconds:N0} records/s, {applied:N0} acknowledged by every grain); {lookups:N0} lookups (top 10) compared with a single node: {different} different, {withMatches:N0} with a match ({lookupSeconds:N1} s with the single node's, one at a time)."));
            Console.WriteLine();
            Console.WriteLine("| silo | key buckets | row shards | rows held | key entries held | heap MiB | resident MiB | heap growth MiB | growth bytes a row held |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (var i = 0; i < silos.Count; i++)
            {
                var h = held.GetValueOrDefault(silos[i].SiloPort);
                var growth = after[i].HeapBytes - before[i].HeapBytes;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {i + 1} | {h.KeyBuckets:N0} | {h.RowShards:N0} | {h.Rows:N0} | {h.KeyEntries:N0} | {Memory.MiB(after[i].HeapBytes)} | {Memory.MiB(after[i].ResidentBytes)} | {Memory.MiB(growth)} | {(h.Rows > 0 ? growth / (double)h.Rows : 0):N0} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"\nBefore loading each silo held heap {string.Join(", ", before.Select(m => Memory.MiB(m.HeapBytes)))} MiB, resident {string.Join(", ", before.Select(m => Memory.MiB(m.ResidentBytes)))} MiB."));
            await host.StopAsync();
            return different == 0 ? 0 : 1;
        }
        finally
        {
            // The primary (development clustering's membership) last, so the others leave a cluster that still has it.
            for (var i = silos.Count - 1; i >= 0; i--)
            {
                silos[i].Dispose();
            }
        }
    }

    /// <summary>What each silo's activations hold, by silo port: every grain of the index counted through its own
    /// CountAsync, placed by the management grain's statistics.</summary>
    private static async Task<Dictionary<int, Held>> HeldPerSiloAsync(IClusterClient grains, ClusterPatientIndex index)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var held = new Dictionary<int, Held>();
        foreach (var statistic in statistics)
        {
            var port = statistic.SiloAddress.Endpoint.Port;
            var key = statistic.GrainId.Key.ToString()!;
            var h = held.GetValueOrDefault(port);
            if (statistic.GrainType.Contains(nameof(RowShardGrain), StringComparison.Ordinal))
            {
                var rows = await grains.GetGrain<IRowShardGrain>(key).CountAsync(index.SnapshotVersion);
                held[port] = h with { RowShards = h.RowShards + 1, Rows = h.Rows + rows };
            }
            else if (statistic.GrainType.Contains(nameof(IndexBucketGrain), StringComparison.Ordinal))
            {
                var entries = await grains.GetGrain<IIndexBucketGrain>(key).CountAsync(index.SnapshotVersion);
                held[port] = h with { KeyBuckets = h.KeyBuckets + 1, KeyEntries = h.KeyEntries + entries };
            }
        }

        return held;
    }

    private readonly record struct Held(int KeyBuckets, int RowShards, long Rows, long KeyEntries);

    /// <summary>A silo process started from this program, talking over its standard input and output.</summary>
    private sealed class Silo : IDisposable
    {
        private readonly Process _process;

        private Silo(Process process, int siloPort, int gatewayPort)
        {
            _process = process;
            SiloPort = siloPort;
            GatewayPort = gatewayPort;
        }

        public int SiloPort { get; }

        public int GatewayPort { get; }

        /// <summary>The processor time the silo process has used so far.</summary>
        public TimeSpan ProcessorTime
        {
            get
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
        }

        public static async Task<Silo> StartAsync(int siloPort, int gatewayPort, int primaryPort)
        {
            var self = Environment.ProcessPath!;
            var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
            }

            foreach (var arg in new[] { "silo", siloPort.ToString(CultureInfo.InvariantCulture), gatewayPort.ToString(CultureInfo.InvariantCulture), primaryPort.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start)!;
            while (await process.StandardOutput.ReadLineAsync() is { } line && line != "ready")
            {
            }

            return new Silo(process, siloPort, gatewayPort);
        }

        public async Task<Memory> MeasureAsync()
        {
            await _process.StandardInput.WriteLineAsync("measure");
            await _process.StandardInput.FlushAsync();
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("memory ", StringComparison.Ordinal))
                {
                    return Memory.Parse(line["memory ".Length..]);
                }
            }

            throw new InvalidOperationException("The silo process ended before it measured its memory.");
        }

        public void Dispose()
        {
            try
            {
                _process.StandardInput.WriteLine("quit");
                _process.StandardInput.Flush();
                if (!_process.WaitForExit(30_000))
                {
                    _process.Kill();
                }
            }
            catch (IOException)
            {
                // already gone
            }

            _process.Dispose();
        }
    }
}
