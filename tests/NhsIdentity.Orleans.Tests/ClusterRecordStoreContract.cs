using NhsIdentity.Matching;
using NhsIdentity.Orleans.Storage;
using Npgsql;

namespace NhsIdentity.Orleans.Tests;

/// <summary>What every <see cref="IClusterRecordStore"/> must do, as scenarios run on each store: versions that count
/// commits, memberships that move with a record's keys and leave tombstones, acknowledgements and the repair sweep's
/// work list, snapshots, and refused batches.</summary>
internal static class ClusterRecordStoreContract
{
    private const string Index = "contract";
    private static readonly BucketAddress A = new(0, 1);
    private static readonly BucketAddress B = new(1, 2);
    private static readonly BucketAddress C = new(0, 3);

    public static TheoryData<string> Names => [.. Scenarios.Keys];

    public static Task RunAsync(string name, IClusterRecordStore store) => Scenarios[name](store);

    private static readonly Dictionary<string, Func<IClusterRecordStore, Task>> Scenarios = new(StringComparer.Ordinal)
    {
        ["versions count commits and a removal leaves a tombstone"] = async store =>
        {
            var first = await CommitOne(store, Write("r1", "Smith", A, B));
            Assert.Equal((1L, true), (first.Version, first.Changed));
            Assert.Equal(2, (await CommitOne(store, Write("r1", "Smyth", A, B))).Version);
            var removed = await CommitOne(store, new ClusterRecordWrite("r1", null, []));
            Assert.Equal((3L, true), (removed.Version, removed.Changed));
            var again = await CommitOne(store, new ClusterRecordWrite("r1", null, []));
            Assert.False(again.Changed);
            Assert.False((await CommitOne(store, new ClusterRecordWrite("never", null, []))).Changed);
            Assert.Equal(4, (await CommitOne(store, Write("r1", "Smith", A))).Version); // continues from the tombstone
            var stored = await store.GetAsync(Index, "r1", default);
            Assert.Equal(4, stored!.Value.Version);
            Assert.Equal("Smith", stored.Value.Record!.FamilyName);
            Assert.Null(await store.GetAsync(Index, "never", default));
        },
        ["a record whose keys change leaves its old buckets as a tombstone"] = async store =>
        {
            await CommitOne(store, Write("r1", "Smith", A, B));
            var moved = await CommitOne(store, Write("r1", "Jones", C));
            Assert.Equal(
                [new ClusterBucketChange(A, false, 2), new ClusterBucketChange(B, false, 2), new ClusterBucketChange(C, true, 2)],
                moved.Changes.OrderBy(change => change.Bucket.Bucket));
            var inA = await ReadBucket(store, A);
            Assert.Equal(new ClusterBucketEntry("r1", 2, null), Assert.Single(inA));
            var inC = Assert.Single(await ReadBucket(store, C));
            Assert.Equal((2L, "Jones"), (inC.Version, inC.Record!.FamilyName));
        },
        ["acknowledged writes leave the repair list and unacknowledged ones carry every change since"] = async store =>
        {
            var first = await CommitOne(store, Write("r1", "Smith", A));
            await store.MarkAppliedAsync(Index, [KeyValuePair.Create("r1", first.Version)], default);
            Assert.Empty(await store.ReadUnappliedAsync(Index, 10, default));
            await CommitOne(store, Write("r1", "Smith", B));     // version 2: never acknowledged
            var third = await CommitOne(store, Write("r1", "Smith", C));
            // Version 3's work includes version 2's departure from B: applying it alone repairs both.
            Assert.Equal(
                new HashSet<ClusterBucketChange> { new(A, false, 2), new(B, false, 3), new(C, true, 3) },
                third.Changes.ToHashSet());
            var pending = Assert.Single(await store.ReadUnappliedAsync(Index, 10, default));
            Assert.Equal((3L, 3), (pending.Version, pending.Changes.Count));
            await store.MarkAppliedAsync(Index, [KeyValuePair.Create("r1", 1L)], default); // older: no effect
            Assert.Single(await store.ReadUnappliedAsync(Index, 10, default));
            await store.MarkAppliedAsync(Index, [KeyValuePair.Create("r1", 3L)], default);
            Assert.Empty(await store.ReadUnappliedAsync(Index, 10, default));
        },
        ["a batch commits many ids and a bucket lists its members"] = async store =>
        {
            var writes = Enumerable.Range(0, 50).Select(i => Write("b" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), "Name" + i, i % 2 == 0 ? A : B)).ToArray();
            var commits = await store.CommitAsync(Index, writes, default);
            Assert.Equal(writes.Select(w => w.Id), commits.Select(c => c.Id));
            Assert.All(commits, commit => Assert.Equal(1, commit.Version));
            Assert.Equal(25, (await ReadBucket(store, A)).Count);
            Assert.Equal(3, (await store.ReadUnappliedAsync(Index, 3, default)).Count);
            Assert.Empty(await ReadBucket(store, A with { Bucket = 99 }));
            Assert.Empty(await store.CommitAsync("other-index", [], default));
            Assert.Empty(await ReadBucket(store, A, "other-index"));
        },
        ["snapshots round-trip and a second save of a version changes nothing"] = async store =>
        {
            await store.SaveSnapshotAsync("v1", [1, 2, 3], default);
            await store.SaveSnapshotAsync("v1", [9], default);
            Assert.Equal([1, 2, 3], await store.ReadSnapshotAsync("v1", default));
            Assert.Null(await store.ReadSnapshotAsync("v2", default));
        },
        ["batches that name an id twice or mismatch ids are refused whole"] = async store =>
        {
            await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync(Index, [Write("d", "X", A), Write("d", "Y", B)], default));
            await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync(Index, [new ClusterRecordWrite("e", new PatientRecord { Id = "f" }, [A])], default));
            await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync(Index, [new ClusterRecordWrite("g", null, [A])], default));
            Assert.Null(await store.GetAsync(Index, "d", default));
        },
    };

    private static ClusterRecordWrite Write(string id, string familyName, params BucketAddress[] buckets) =>
        new(id, new PatientRecord { Id = id, FamilyName = familyName, GivenNames = "Alex", DateOfBirth = "1970-01-01" }, buckets);

    private static async Task<ClusterRecordCommit> CommitOne(IClusterRecordStore store, ClusterRecordWrite write) =>
        Assert.Single(await store.CommitAsync(Index, [write], default));

    private static async Task<List<ClusterBucketEntry>> ReadBucket(IClusterRecordStore store, BucketAddress bucket, string index = Index)
    {
        var entries = new List<ClusterBucketEntry>();
        await foreach (var entry in store.ReadBucketAsync(index, bucket, default))
        {
            entries.Add(entry);
        }

        return entries;
    }
}

/// <summary>The store contract on the in-memory store.</summary>
public sealed class InMemoryClusterRecordStoreTests
{
    public static TheoryData<string> Scenarios => ClusterRecordStoreContract.Names;

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Meets_the_store_contract(string scenario) => ClusterRecordStoreContract.RunAsync(scenario, new InMemoryClusterRecordStore());
}

/// <summary>The store contract on PostgreSQL: a fresh schema per scenario, dropped after. Runs where
/// <c>NHSID_TEST_POSTGRES</c> names a reachable server (.ci/run starts one); skipped with the reason elsewhere.</summary>
public sealed class PostgresClusterRecordStoreTests
{
    public static TheoryData<string> Scenarios => ClusterRecordStoreContract.Names;

    [PostgresTheory]
    [MemberData(nameof(Scenarios))]
    public async Task Meets_the_store_contract(string scenario)
    {
        var schema = "nhsid_cluster_test_" + Guid.NewGuid().ToString("N");
        await using var store = new PostgresClusterRecordStore(TestPostgres.ConnectionString, schema);
        try
        {
            await store.InitializeAsync(default);
            await store.InitializeAsync(default); // a second silo starting finds the tables
            await ClusterRecordStoreContract.RunAsync(scenario, store);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [PostgresFact]
    public async Task A_store_failure_names_the_operation_and_no_connection_details()
    {
        var builder = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Database = "no_such_database_for_nhsid", Timeout = 5 };
        await using var store = new PostgresClusterRecordStore(builder.ConnectionString, "nhsid_cluster_missing");
        var failure = await Assert.ThrowsAsync<ClusterRecordStoreException>(() => store.InitializeAsync(default));
        Assert.Contains("initialize", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no_such_database_for_nhsid", failure.Message, StringComparison.Ordinal);
    }
}
