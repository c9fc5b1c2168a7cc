using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using NhsIdentity.Matching;
using NhsIdentity.Server.Tests.TestHelpers;
using Npgsql;
using Xunit.Abstractions;

namespace NhsIdentity.Server.Tests.Cluster;

/// <summary>
/// Issue 17's real-process proof, run by <c>benchmarks/reliability/orleans-processes.sh</c> (not by a plain
/// <c>dotnet test</c>: it takes minutes). Three <c>nhsid serve --cluster</c> processes on 127.0.0.1 form one cluster
/// with membership and the index's store on PostgreSQL, each with its GC heap capped (<c>DOTNET_GCHeapHardLimit</c>)
/// below what the same index took on one silo; one is killed with SIGKILL while writes go on, and restarted.
/// </summary>
/// <remarks>
/// <para>Steps: a single-node service loads the synthetic records into the store (PUT) and stops; one uncapped cluster
/// node publishes the snapshot, loads the cluster and answers every lookup (its memory is the whole index on one
/// silo); it stops; one node capped as the three will be is asked every lookup alone (does the cap bind?); it stops,
/// and three capped nodes join. Then: every lookup through the three equals the single-node answer
/// (<see cref="ClusterHttp.Reference"/>); a writer sends upserts, replacements and removals round-robin, retrying a
/// refused or cut-off write on another node; after a third of them one node is killed, and a prober times how long
/// until every probe lookup through the survivors answers (not 503) and equals the single node; the node is restarted;
/// finally every lookup, and a lookup of every written record's content, equals the single node given every
/// acknowledged write.</para>
/// <para>Settings (environment): <c>NHSID_ORLEANS_PEOPLE</c> (synthetic people, default 20,000),
/// <c>NHSID_ORLEANS_LOOKUPS</c> (default 1,000), <c>NHSID_ORLEANS_WRITES</c> (default 600),
/// <c>NHSID_ORLEANS_HEAP_MB</c> (each node's cap; default 60% of the one-silo node's resident memory),
/// <c>NHSID_ORLEANS_BUCKETS</c> (default 64), <c>NHSID_ORLEANS_REPORT</c> (a file for the markdown report).</para>
/// </remarks>
public sealed class ClusterProcessTests(ITestOutputHelper output)
{
    private const int Count = 10;
    private const int ProbeLookups = 60;
    private static readonly TimeSpan WriteRetryWindow = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan CappedAloneBudget = TimeSpan.FromMinutes(3);

    [ClusterProcessFact]
    public async Task Three_silo_processes_keep_every_acknowledged_write_and_the_single_node_answers_across_a_kill_9()
    {
        var people = Setting("NHSID_ORLEANS_PEOPLE", 20_000);
        var lookups = Setting("NHSID_ORLEANS_LOOKUPS", 1_000);
        var writeCount = Setting("NHSID_ORLEANS_WRITES", 600);
        var buckets = Setting("NHSID_ORLEANS_BUCKETS", 64);
        var report = new StringBuilder();
        var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(40));
        var token = cancel.Token;

        await using var database = await ThrowAwayDatabase.CreateAsync();
        var records = ClusterHttp.Records(people, 17);
        var queries = ClusterHttp.Queries(people, 17, lookups);
        var strangers = ClusterHttp.Records(Math.Max(writeCount, 100), 23).Select(r => r with { Id = "s-" + r.Id }).ToArray();
        var basePort = 21_000 + Random.Shared.Next(15_000);
        var storeSettings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PostgresConnectionString"] = database.ConnectionString,
            ["ApiKey"] = ClusterHttp.ApiKey,
            ["IndexSnapshot"] = "false",
        };

        // 1. The store, loaded through a single-node service (its memory: the in-process index of every record).
        var clock = Stopwatch.StartNew();
        double singleRss;
        using (var loader = await ServerProcess.StartAsync(storeSettings, token))
        {
            var clients = Enumerable.Range(0, 4).Select(_ => ClusterHttp.Client(loader)).ToArray();
            await ClusterHttp.PutAllAsync(clients, records, token);
            singleRss = ClusterHttp.Memory(loader).Rss;
            Array.ForEach(clients, c => c.Dispose());
            Assert.Equal(0, loader.Stop());
        }

        Line(report, $"- **Data**: {people:N0} synthetic people (`tests/NhsIdentity.Synthetic`, seed 17), their PAS extract {records.Length:N0} records, loaded through `PUT /records/{{id}}` in {clock.Elapsed.TotalSeconds:F0} s; {queries.Length:N0} lookups (the same people's GP rows), top {Count}; {buckets} buckets per rule, 12 blocking rules.");

        // 2. One uncapped cluster node: publishes the snapshot, loads every record, answers every lookup.
        using var initialReference = ClusterHttp.Reference(records, []);
        double oneSiloRss;
        clock.Restart();
        using (var alone = await StartNodeAsync(database, storeSettings, basePort, buckets, heapMb: null, token))
        {
            var loaded = clock.Elapsed;
            using var client = ClusterHttp.Client(alone);
            var differences = await CompareAsync([client], queries, initialReference, token);
            Assert.Equal(0, differences);
            oneSiloRss = ClusterHttp.Memory(alone).Rss;
            Line(report, $"- **One silo** (uncapped): published the snapshot and loaded the cluster from the store in {loaded.TotalSeconds:F0} s; {queries.Length:N0} lookups, 0 different from the single node; resident memory {oneSiloRss:F0} MiB (the single-node service held the same records in {singleRss:F0} MiB: on the cluster a record's row is held once and its id once per blocking rule, and Orleans adds its own runtime).");
            Assert.Equal(0, alone.Stop());
        }

        // 3. A cap that binds: one silo alone under it, asked every lookup (its buckets load on first use), must fail.
        // Resident memory is not GC heap (the runtime, JIT code and native buffers are outside the cap), so without an
        // explicit cap the search starts at 60% of the one-silo node's resident memory and steps down by a quarter.
        var explicitCap = Environment.GetEnvironmentVariable("NHSID_ORLEANS_HEAP_MB") is { Length: > 0 };
        var heapMb = Setting("NHSID_ORLEANS_HEAP_MB", (int)(oneSiloRss * 0.6));
        var binds = false;
        for (var probe = 0; probe < (explicitCap ? 1 : 6) && !binds; probe++)
        {
            if (probe > 0)
            {
                heapMb = heapMb * 3 / 4;
            }

            var (answered, failed, ended) = await TryCappedAloneAsync(database, storeSettings, basePort + 40 + probe * 2, buckets, heapMb, queries, token);
            binds = failed > 0 || ended;
            Line(report, $"- **One silo capped** at {heapMb} MiB, asked the same {queries.Length:N0} lookups: {answered:N0} answered, {failed:N0} failed{(ended ? ", and the process ended" : string.Empty)} ({(binds ? "the cap binds: the whole cluster index does not fit under it on one silo" : "the cap did not bind")}).");
        }

        var nodes = new ServerProcess?[3];
        try
        {
            for (var n = 0; n < 3; n++)
            {
                nodes[n] = await StartNodeAsync(database, storeSettings, basePort + 10 * (n + 1), buckets, heapMb, token);
            }

            var clients = nodes.Select(node => ClusterHttp.Client(node!)).ToArray();
            var before = await CompareAsync(clients, queries, initialReference, token);
            Assert.Equal(0, before);
            var memory = nodes.Select(node => ClusterHttp.Memory(node!).Rss).ToArray();
            Line(report, $"- **Three silos**, each with `DOTNET_GCHeapHardLimit` = {heapMb} MiB ({(binds ? "a cap one silo alone could not work under" : "a cap that did not bind on one silo alone: this run does not show partitioning")}): joined the published snapshot; {queries.Length:N0} lookups round-robin, 0 different; resident memory {string.Join(", ", memory.Select(m => m.ToString("F0", CultureInfo.InvariantCulture)))} MiB.");

            // 4. Writes round-robin; after a third, node 3 is killed; a prober times recovery through the survivors.
            var ops = Writes(records, strangers, writeCount);
            var acknowledged = new List<(string Id, PatientRecord? Record)>();
            var live = new bool[] { true, true, true };
            var killAt = ops.Count / 3;
            var killed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var retried = 0;
            var writer = Task.Run(async () =>
            {
                for (var i = 0; i < ops.Count; i++)
                {
                    if (i == killAt)
                    {
                        nodes[2]!.Kill();
                        live[2] = false;
                        killed.SetResult(Stopwatch.GetTimestamp());
                    }

                    retried += await WriteAsync(clients, live, i, ops[i], token);
                    lock (acknowledged)
                    {
                        acknowledged.Add(ops[i]);
                    }
                }
            }, token);

            var killTime = await killed.Task.WaitAsync(token);
            var (recovery, refused, probeRounds) = await ProbeRecoveryAsync(clients[..2], queries[..ProbeLookups], acknowledged, records, killTime, token);
            await writer;
            Line(report, $"- **Kill -9** of node 3 after {killAt} of {ops.Count} writes: every probe lookup ({ProbeLookups}, through the two survivors) answered and equalled the single node again {recovery.TotalSeconds:F1} s after the kill ({probeRounds} probe rounds, {refused} lookups answered 503 meanwhile, never a partial answer); the writer re-sent {retried} writes refused or cut off, and all {acknowledged.Count} were acknowledged.");

            // 5. Node 3 restarts (capped) and joins; then the final oracle through all three.
            clock.Restart();
            nodes[2] = await StartNodeAsync(database, storeSettings, basePort + 30, buckets, heapMb, token);
            clients[2].Dispose();
            clients[2] = ClusterHttp.Client(nodes[2]!);
            var rejoined = clock.Elapsed;
            using var finalReference = ClusterHttp.Reference(records, acknowledged);
            var finalContent = new Dictionary<string, PatientRecord?>(StringComparer.Ordinal);
            foreach (var (id, record) in acknowledged)
            {
                finalContent[id] = record;
            }

            var original = records.ToDictionary(r => r.Id!, StringComparer.Ordinal);
            var writtenQueries = finalContent.Select(w => w.Value ?? original[w.Key]).ToArray();
            var after = await CompareAsync(clients, [.. queries, .. writtenQueries], finalReference, token);
            var missing = await MissingWritesAsync(clients, finalContent, token);
            memory = nodes.Select(node => ClusterHttp.Memory(node!).Rss).ToArray();
            Line(report, $"- **Restart** of node 3: ready in {rejoined.TotalSeconds:F1} s (joined; loaded nothing itself). Then {queries.Length + writtenQueries.Length:N0} lookups (the {queries.Length:N0} and one per written id, {finalContent.Count:N0}) round-robin over the three: {after} different from the single node given every acknowledged write; acknowledged writes missing: {missing}. Resident memory {string.Join(", ", memory.Select(m => m.ToString("F0", CultureInfo.InvariantCulture)))} MiB.");
            Assert.Equal(0, after);
            Assert.Equal(0, missing);
            Array.ForEach(clients, c => c.Dispose());
        }
        finally
        {
            foreach (var node in nodes)
            {
                node?.Dispose();
            }

            var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
            Line(report, $"- **Machine**: {Environment.ProcessorCount} cores shared with other sessions; load average (1, 5, 15 min) {string.Join(' ', loadBefore)} before, {string.Join(' ', loadAfter)} after.");
            output.WriteLine(report.ToString());
            if (Environment.GetEnvironmentVariable("NHSID_ORLEANS_REPORT") is { Length: > 0 } path)
            {
                await File.WriteAllTextAsync(path, report.ToString(), CancellationToken.None);
            }
        }
    }

    private static void Line(StringBuilder report, string line) => report.AppendLine(line);

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static Task<ServerProcess> StartNodeAsync(
        ThrowAwayDatabase database, Dictionary<string, string> storeSettings, int port, int buckets, int? heapMb, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(storeSettings, StringComparer.Ordinal)
        {
            ["Cluster:Enabled"] = "true",
            ["Cluster:SiloPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = (port + 1).ToString(CultureInfo.InvariantCulture),
            ["Cluster:Buckets"] = buckets.ToString(CultureInfo.InvariantCulture),
        };
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["NHSID_CLUSTER_POSTGRES"] = database.ConnectionString,
            ["Logging__LogLevel__Orleans"] = "Warning",
        };
        if (heapMb is { } mb)
        {
            environment["DOTNET_GCHeapHardLimit"] = ((long)mb * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
        }

        return ServerProcess.StartAsync(settings, cancellationToken, environment);
    }

    /// <summary>Starts one capped node alone and asks it every lookup; a node that cannot even start counts as ended.</summary>
    private static async Task<(int Answered, int Failed, bool Ended)> TryCappedAloneAsync(
        ThrowAwayDatabase database, Dictionary<string, string> storeSettings, int port, int buckets, int heapMb, PatientRecord[] queries, CancellationToken cancellationToken)
    {
        ServerProcess node;
        try
        {
            node = await StartNodeAsync(database, storeSettings, port, buckets, heapMb, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return (0, queries.Length, true);
        }

        using (node)
        {
            var result = await TryAllAsync(node, queries, cancellationToken);
            if (!node.HasExited)
            {
                node.Stop(); // a clean leave, so the three that follow do not wait for its death to be declared
            }

            return result;
        }
    }

    /// <summary>Every lookup once through one node, counting answers and failures (an out-of-memory bucket answers 500
    /// or cuts the connection; a process that ends stops the count).</summary>
    private static async Task<(int Answered, int Failed, bool Ended)> TryAllAsync(ServerProcess node, PatientRecord[] queries, CancellationToken cancellationToken)
    {
        using var client = ClusterHttp.Client(node);
        int answered = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        foreach (var query in queries)
        {
            if (clock.Elapsed > CappedAloneBudget)
            {
                failed += queries.Length - answered - failed; // a silo collecting garbage at its cap: not asked, not answered
                break;
            }

            try
            {
                var (status, _) = await ClusterHttp.MatchAsync(client, query, Count, cancellationToken);
                answered += status == HttpStatusCode.OK ? 1 : 0;
                failed += status == HttpStatusCode.OK ? 0 : 1;
            }
            catch (Exception cut) when (cut is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failed++;
                if (node.HasExited)
                {
                    return (answered, failed, true);
                }
            }
        }

        return (answered, failed, node.HasExited);
    }

    /// <summary>Upserts of new ids, replacements (another record's details under an indexed id) and removals.</summary>
    private static List<(string Id, PatientRecord? Record)> Writes(PatientRecord[] records, PatientRecord[] strangers, int count)
    {
        var random = new Random(31);
        var writes = new List<(string, PatientRecord?)>(count);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; writes.Count < count; i++)
        {
            var kind = random.Next(3);
            if (kind == 0)
            {
                var stranger = strangers[i % strangers.Length];
                writes.Add((stranger.Id!, stranger));
                continue;
            }

            var target = records[random.Next(records.Length)].Id!;
            if (!touched.Add(target))
            {
                continue; // one write per indexed id keeps a removal from meeting a later replacement's 404 rules
            }

            writes.Add(kind == 1 ? (target, records[random.Next(records.Length)] with { Id = target }) : (target, null));
        }

        return writes;
    }

    /// <summary>Sends one write to a live node, round-robin from its index, until one acknowledges it: a 503 (not
    /// committed in time) or a connection cut by the kill is sent again to another node. A removal already made by
    /// a node killed before it answered is acknowledged by the next node's 404.</summary>
    /// <returns>How many times it was re-sent.</returns>
    private static async Task<int> WriteAsync(HttpClient[] clients, bool[] live, int i, (string Id, PatientRecord? Record) op, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            var node = (i + attempt) % clients.Length;
            if (!live[node])
            {
                continue;
            }

            try
            {
                using var response = op.Record is null
                    ? await ClusterHttp.DeleteAsync(clients[node], op.Id, cancellationToken)
                    : await ClusterHttp.PutAsync(clients[node], op.Record, cancellationToken);
                if (response.IsSuccessStatusCode || (op.Record is null && response.StatusCode == HttpStatusCode.NotFound && attempt > 0))
                {
                    return attempt;
                }

                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"write {op.Id}: {(int)response.StatusCode}");
            }
            catch (HttpRequestException)
            {
                // The node was killed with the request in flight: it may or may not have committed; sending again is safe.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The client's timeout: the request hung on the killed node.
            }

            Assert.True(Stopwatch.GetElapsedTime(start) < WriteRetryWindow, $"write {op.Id} was never acknowledged");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Rounds of probe lookups through the survivors until one round has every lookup answered and equal to
    /// the single node given the writes acknowledged so far.</summary>
    private static async Task<(TimeSpan Recovery, int Refused, int Rounds)> ProbeRecoveryAsync(
        HttpClient[] survivors, PatientRecord[] probes, List<(string Id, PatientRecord? Record)> acknowledged, PatientRecord[] records,
        long killTime, CancellationToken cancellationToken)
    {
        var refused = 0;
        for (var round = 1; ; round++)
        {
            var ok = true;
            var answers = new List<string>();
            foreach (var probe in probes)
            {
                var (status, body) = await ClusterHttp.MatchAsync(survivors[round % survivors.Length], probe, Count, cancellationToken);
                if (status != HttpStatusCode.OK)
                {
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
                    refused++;
                    ok = false;
                    break;
                }

                answers.Add(body!);
            }

            if (ok)
            {
                var recovered = Stopwatch.GetElapsedTime(killTime);
                // Writes go on meanwhile: the reference holds those acknowledged when the round ended, and a write
                // acknowledged during the round may already show, so a difference is checked again, not failed at once.
                List<(string, PatientRecord?)> snapshot;
                lock (acknowledged)
                {
                    snapshot = [.. acknowledged];
                }

                using var reference = ClusterHttp.Reference(records, snapshot);
                if (probes.Select((p, i) => ClusterHttp.Expected(reference, p, Count).SequenceEqual(ClusterHttp.Parse(answers[i]))).All(same => same))
                {
                    return (recovered, refused, round);
                }
            }

            Assert.True(Stopwatch.GetElapsedTime(killTime) < TimeSpan.FromMinutes(5), "the survivors never answered every probe lookup");
        }
    }

    /// <summary>Lookups round-robin over every node, each compared with the reference; a 503 is asked again.</summary>
    /// <returns>How many answers differed.</returns>
    private async Task<int> CompareAsync(HttpClient[] clients, PatientRecord[] queries, PatientIndex reference, CancellationToken cancellationToken)
    {
        var different = 0;
        for (var q = 0; q < queries.Length; q++)
        {
            string? body = null;
            for (var attempt = 0; body is null; attempt++)
            {
                var (status, answer) = await ClusterHttp.MatchAsync(clients[(q + attempt) % clients.Length], queries[q], Count, cancellationToken);
                Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable && attempt < 100, $"lookup {q}: {(int)status}");
                body = answer;
            }

            if (!ClusterHttp.Expected(reference, queries[q], Count).SequenceEqual(ClusterHttp.Parse(body)))
            {
                different++;
                if (different <= 3)
                {
                    output.WriteLine($"lookup {q} differs: cluster {string.Join(',', ClusterHttp.Ids(body))}");
                }
            }
        }

        return different;
    }

    /// <summary>Written ids whose final content a lookup of that content does not find (or whose removal it does).</summary>
    private static async Task<int> MissingWritesAsync(HttpClient[] clients, Dictionary<string, PatientRecord?> finalContent, CancellationToken cancellationToken)
    {
        var missing = 0;
        var n = 0;
        foreach (var (id, record) in finalContent)
        {
            if (record is null)
            {
                continue; // a removal's absence is part of the oracle comparison (its old content is looked up there)
            }

            var (status, body) = await ClusterHttp.MatchAsync(clients[n++ % clients.Length], record, Count, cancellationToken);
            missing += status == HttpStatusCode.OK && ClusterHttp.Ids(body!).Contains(id) ? 0 : 1;
        }

        return missing;
    }

    /// <summary>A database of its own on the test server, dropped afterwards, so runs never see each other's cluster.</summary>
    private sealed class ThrowAwayDatabase : IAsyncDisposable
    {
        private readonly string _name;

        private ThrowAwayDatabase(string name, string connectionString)
        {
            _name = name;
            ConnectionString = connectionString;
        }

        public string ConnectionString { get; }

        public static async Task<ThrowAwayDatabase> CreateAsync()
        {
            var name = "nhsid_cluster_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = await TestPostgres.OpenAsync())
            await using (var create = new NpgsqlCommand("CREATE DATABASE " + name, connection))
            {
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Database = name };
            return new ThrowAwayDatabase(name, builder.ConnectionString);
        }

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = await TestPostgres.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS " + _name + " WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>Runs only when <c>NHSID_ORLEANS_PROCESSES</c> is set (the script sets it), PostgreSQL is configured and the
/// service is built: it takes minutes, so a plain <c>dotnet test</c> skips it, saying so.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ClusterProcessFactAttribute : FactAttribute
{
    public ClusterProcessFactAttribute() =>
        Skip = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NHSID_ORLEANS_PROCESSES"))
            ? "Minutes long: run benchmarks/reliability/orleans-processes.sh (it sets NHSID_ORLEANS_PROCESSES)"
            : ServerProcess.SkipReason ?? TestPostgres.SkipReason;
}
