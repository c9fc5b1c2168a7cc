using NhsIdentity.Matching;
using NhsIdentity.Orleans.Grains;
using Xunit.Abstractions;

namespace NhsIdentity.Orleans.Tests;

/// <summary>The oracle after writes: a cluster index and a single-node <see cref="PatientIndex"/> given the same
/// upserts, corrections, moves (every key changes), removals and re-adds answer every lookup the same, and the store
/// holds each record's last content at the version its writes counted up to.</summary>
[Collection(SharedCluster.Name)]
public sealed class WriteOracleTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int Initial = 3_000;
    private const int Operations = 1_500;
    private const int Lookups = 1_000;

    [Fact]
    public async Task After_upserts_moves_and_removals_every_lookup_equals_a_single_node_given_the_same_operations()
    {
        var options = new ClusterIndexOptions { Buckets = 16, Name = "writes" };
        var initial = OracleData.Records.Take(Initial).ToArray();
        var cluster = await ClusterPatientIndex.CreateAsync(fixture.Client, MatchModel.Default, OracleData.TermFrequencies, options);
        Assert.Equal(Initial, await cluster.AddRangeAsync(initial));
        var ops = WriteScript.Generate(initial, Operations, seed: 41);
        Assert.Contains(ops, op => op.Kind == WriteKind.Move);
        Assert.Contains(ops, op => op.Kind == WriteKind.Readd);

        // Each id's writes in script order, different ids in parallel (their owners are different grains).
        var results = new ClusterWriteResult[ops.Length];
        var byId = Enumerable.Range(0, ops.Length).GroupBy(i => ops[i].Id, StringComparer.Ordinal).ToArray();
        await Parallel.ForEachAsync(byId, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (positions, token) =>
        {
            foreach (var i in positions)
            {
                results[i] = ops[i].Record is { } record ? await cluster.UpsertAsync(record, token) : await cluster.RemoveAsync(ops[i].Id, token);
            }
        });

        Assert.All(results, result => Assert.True(result.IsApplied, "every bucket is up: every write is applied at once"));
        Assert.All(results, result => Assert.True(result.Changed, "the script removes only live records"));
        using var single = WriteScript.SingleNode(initial, ops, options.Index);

        // Every id's version counts its writes (the initial load was its first), and the store holds its last content.
        foreach (var group in byId)
        {
            var id = group.Key;
            var writes = group.Count() + (initial.Any(record => record.Id == id) ? 1 : 0);
            var stored = await fixture.Store.GetAsync(options.Name, id, default);
            Assert.Equal(writes, stored!.Value.Version);
            Assert.Equal(results[group.Last()].Version, stored.Value.Version);
            Assert.Equal(ops[group.Last()].Record, stored.Value.Record);
        }

        // A moved record left every bucket of its old keys: each holds its tombstone at the move's version.
        var moved = byId.Where(group => group.Count() == 1 && ops[group.Single()].Kind == WriteKind.Move).Select(group => group.Single()).First();
        var before = initial.Single(record => record.Id == ops[moved].Id);
        var oldBuckets = new int[options.Index.BlockingRules.Count];
        cluster.RouteInto(new RecordSet([before]), 0, oldBuckets);
        var newBuckets = new int[oldBuckets.Length];
        cluster.RouteInto(new RecordSet([ops[moved].Record!]), 0, newBuckets);
        var left = 0;
        for (var r = 0; r < oldBuckets.Length; r++)
        {
            if (oldBuckets[r] >= 0 && oldBuckets[r] != newBuckets[r])
            {
                var bucket = fixture.Client.GetGrain<IIndexBucketGrain>(BucketLayout.GrainKey(options.Name, r, oldBuckets[r]));
                Assert.Equal(results[moved].Version, await bucket.VersionOfAsync(cluster.SnapshotVersion, ops[moved].Id));
                left++;
            }
        }

        Assert.True(left > 0, "the moved record's keys changed, so it left some buckets");

        // The oracle: the usual queries, every written record's final content, and every record's content before the
        // script (old keys must find nothing the single node does not).
        var queries = OracleData.Queries(Lookups).Concat(ops.Where(op => op.Record is not null).Select(op => op.Record!)).Concat(initial.Take(300)).ToArray();
        var withMatches = await OracleComparison.AssertSameAsync(cluster, single, queries, maxResults: 10);
        output.WriteLine($"{Initial} records loaded, {ops.Length} writes ({string.Join(", ", ops.GroupBy(op => op.Kind).Select(g => $"{g.Count()} {g.Key}"))}), {queries.Length} lookups equal to the single node ({withMatches} with matches)");
        Assert.True(withMatches > queries.Length / 2, "most queries find someone, so the comparison is not of empty answers");
    }
}
