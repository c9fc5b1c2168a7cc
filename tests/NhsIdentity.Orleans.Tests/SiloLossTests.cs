using System.Diagnostics;
using NhsIdentity.Matching;
using NhsIdentity.Orleans.Grains;
using NhsIdentity.Orleans.Storage;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace NhsIdentity.Orleans.Tests;

/// <summary>
/// A silo killed (no graceful shutdown) during a stream of writes and lookups: no acknowledged write is lost, no
/// lookup returns a partial answer without saying so, and once the lost buckets have reactivated elsewhere and
/// reloaded from the store the oracle holds again. Its own three-silo cluster (the shared one must keep its silos),
/// in the shared collection so it does not compete with the other cluster tests for the machine's cores.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class SiloLossTests(ITestOutputHelper output)
{
    private const int Initial = 2_000;
    private const int Operations = 400;

    /// <summary>Bounds on every loop (a count, never a clock): a write is tried this many times at most (each try
    /// waits up to the recovery wait), and recovery is polled this many times at most.</summary>
    private const int MaxTries = 30;
    private const int MaxPolls = 600;

    [Fact]
    public Task A_silo_killed_during_writes_and_lookups_loses_no_acknowledged_write_and_the_oracle_holds_after_recovery() =>
        RunAsync(new InMemoryClusterRecordStore(), Operations);

    [PostgresFact]
    public async Task On_PostgreSQL_a_silo_killed_during_writes_and_lookups_loses_no_acknowledged_write()
    {
        var schema = "nhsid_cluster_test_" + Guid.NewGuid().ToString("N");
        await using var postgres = new PostgresClusterRecordStore(TestPostgres.ConnectionString, schema);
        try
        {
            await postgres.InitializeAsync(default);
            await RunAsync(postgres, operations: 120); // each write is a PostgreSQL transaction: fewer, to keep CI short
        }
        finally
        {
            await using var connection = new Npgsql.NpgsqlConnection(TestPostgres.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task RunAsync(IClusterRecordStore inner, int operations)
    {
        var killAfter = operations / 4;
        var store = new TestStore(inner);
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 3);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.Services.AddClusterPatientIndex(store));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var options = new ClusterIndexOptions { Buckets = 16, Name = "loss", RecoveryWait = TimeSpan.FromSeconds(2) };
        var index = await ClusterPatientIndex.CreateAsync(cluster.Client, MatchModel.Default, OracleData.TermFrequencies, options);
        var initial = OracleData.Records.Take(Initial).ToArray();
        await index.AddRangeAsync(initial);
        var ops = WriteScript.Generate(initial, operations, seed: 43);
        var touched = ops.Select(op => op.Id).ToHashSet(StringComparer.Ordinal);
        var stable = initial.Where(record => !touched.Contains(record.Id!)).Take(300).ToArray();

        // The writer: each write tried until acknowledged (it may commit more than once; each try is safe).
        var acknowledged = new ClusterWriteResult?[ops.Length];
        var killed = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reachedKill = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failedTries = 0;
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < ops.Length; i++)
            {
                if (i == killAfter)
                {
                    reachedKill.SetResult(); // and carry on writing while the silo is killed
                }

                for (var attempt = 1; acknowledged[i] is null && attempt <= MaxTries; attempt++)
                {
                    try
                    {
                        acknowledged[i] = ops[i].Record is { } record ? await index.UpsertAsync(record) : await index.RemoveAsync(ops[i].Id);
                    }
                    catch (Exception exception) when (exception is TimeoutException or OrleansException)
                    {
                        failedTries++;
                    }
                }
            }
        });

        // The reader: stable records looking themselves up; a complete answer must hold the record itself.
        var complete = 0;
        var degraded = 0;
        var partialWithoutFlag = 0;
        long firstCompleteAfterKill = 0;
        var reader = Task.Run(async () =>
        {
            for (var i = 0; !writer.IsCompleted || i < 200; i++)
            {
                var query = stable[i % stable.Length];
                var answer = await index.FindMatchesAsync(query, 10);
                if (answer.IsDegraded)
                {
                    degraded++;
                    continue;
                }

                complete++;
                partialWithoutFlag += answer.Matches.Any(match => match.Id == query.Id) ? 0 : 1;
                if (killed.Task.IsCompleted && firstCompleteAfterKill == 0 && degraded > 0)
                {
                    firstCompleteAfterKill = Stopwatch.GetTimestamp();
                }
            }
        });

        await reachedKill.Task;

        // The silo to kill is one that holds buckets: placement is the runtime's, and a silo chosen by position can
        // hold none on a busy machine, which would test nothing.
        var victim = await SiloHoldingMostBucketsAsync(cluster);
        var loadsBefore = store.BucketLoads;
        await cluster.KillSiloAsync(victim);
        var killedAt = Stopwatch.GetTimestamp();
        killed.SetResult(killedAt);

        // Recovery: every bucket of the index answers again (reactivated and reloaded where its silo was lost).
        var rules = options.Index.BlockingRules.Count;
        var polls = 0;
        while (polls++ < MaxPolls && !await AllBucketsAnswerAsync(cluster.Client, index, rules))
        {
        }

        var recovered = Stopwatch.GetElapsedTime(killedAt);
        await Task.WhenAll(writer, reader);
        var reloaded = store.BucketLoads - loadsBefore;
        Assert.True(reloaded > 0, "the killed silo held buckets, which reloaded from the store on other silos");
        Assert.True(polls <= MaxPolls, "every bucket answers again after the silo loss");
        var repaired = await index.RepairAsync();

        // Every write was acknowledged, and the store holds each id's last acknowledged content at a version at least
        // the acknowledged one.
        Assert.All(acknowledged, result => Assert.NotNull(result));
        foreach (var (id, content) in WriteScript.FinalContent(ops))
        {
            var last = Array.FindLastIndex(ops, op => op.Id == id);
            var stored = await store.GetAsync(options.Name, id, default);
            Assert.Equal(content, stored!.Value.Record);
            Assert.True(stored.Value.Version >= acknowledged[last]!.Version, "an acknowledged version is never lost");
        }

        // The oracle holds again.
        using var single = WriteScript.SingleNode(initial, ops, options.Index);
        var queries = OracleData.Queries(1_000).Concat(ops.Where(op => op.Record is not null).Select(op => op.Record!)).ToArray();
        // Looked up through a client that waits long (same snapshot): the short wait above makes degraded answers
        // likely while the silo is lost, and after recovery a slow machine must not turn into a failed oracle.
        var patient = await ClusterPatientIndex.CreateAsync(cluster.Client, MatchModel.Default, OracleData.TermFrequencies,
            options with { RecoveryWait = TimeSpan.FromMinutes(2) });
        Assert.Equal(index.SnapshotVersion, patient.SnapshotVersion);
        var withMatches = await OracleComparison.AssertSameAsync(patient, single, queries, maxResults: 10);

        Assert.Equal(0, partialWithoutFlag);
        Assert.True(complete > 0, "some lookups completed during the stream");
        output.WriteLine(
            $"{inner.GetType().Name}: silo killed after {killAfter} of {ops.Length} writes; {reloaded} buckets reloaded from the store elsewhere; every bucket answered again {recovered.TotalSeconds:F2} s after the kill"
            + (firstCompleteAfterKill > 0 ? $" (first complete lookup after a degraded one: {Stopwatch.GetElapsedTime(killedAt, firstCompleteAfterKill).TotalSeconds:F2} s)" : "")
            + $"; {failedTries} write tries timed out or failed and were retried; lookups during the stream: {complete} complete, {degraded} degraded;"
            + $" repair sweep applied {repaired}; oracle: {queries.Length} lookups equal ({withMatches} with matches)");
    }

    /// <summary>Of the silos but the first (the test cluster's primary), the one with the most bucket activations.</summary>
    private static async Task<InProcessSiloHandle> SiloHoldingMostBucketsAsync(InProcessTestCluster cluster)
    {
        var statistics = await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var buckets = statistics
            .Where(s => s.GrainType.Contains(nameof(Grains.IndexBucketGrain), StringComparison.Ordinal))
            .GroupBy(s => s.SiloAddress)
            .ToDictionary(g => g.Key, g => g.Count());
        var victim = cluster.Silos.Skip(1).OrderByDescending(silo => buckets.GetValueOrDefault(silo.SiloAddress)).First();
        Assert.True(buckets.GetValueOrDefault(victim.SiloAddress) > 0, "a silo other than the primary holds buckets");
        return victim;
    }

    /// <summary>One pass over every bucket of the index; true when each answered within a second.</summary>
    private static async Task<bool> AllBucketsAnswerAsync(IClusterClient client, ClusterPatientIndex index, int rules)
    {
        var calls = new List<Task>();
        for (var r = 0; r < rules; r++)
        {
            for (var b = 0; b < index.Options.Buckets; b++)
            {
                calls.Add(client.GetGrain<IIndexBucketGrain>(BucketLayout.GrainKey(index.Options.Name, r, b)).CountAsync(index.SnapshotVersion)
                    .WaitAsync(TimeSpan.FromSeconds(1)));
            }
        }

        try
        {
            await Task.WhenAll(calls);
            return true;
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException)
        {
            return false;
        }
    }
}
