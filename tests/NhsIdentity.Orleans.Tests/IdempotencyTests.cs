using NhsIdentity.Matching;
using NhsIdentity.Orleans.Grains;

namespace NhsIdentity.Orleans.Tests;

/// <summary>Buckets apply by version: a retried, duplicated or reordered apply of an older (or the same) version
/// changes nothing, and a removal's tombstone keeps an older write from bringing a record back.</summary>
[Collection(SharedCluster.Name)]
public sealed class IdempotencyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Reapplying_an_old_version_changes_nothing_and_a_tombstone_blocks_older_writes()
    {
        var options = new ClusterIndexOptions { Buckets = 4, Name = "idempotent" };
        var cluster = await ClusterPatientIndex.CreateAsync(fixture.Client, MatchModel.Default, OracleData.TermFrequencies, options);
        await cluster.AddRangeAsync(OracleData.Records.Take(400));
        var original = OracleData.Records[7];
        var corrected = original with { FamilyName = OracleData.Records[8].FamilyName };

        var v2 = await cluster.UpsertAsync(corrected);
        Assert.Equal(2, v2.Version);
        var bucket = BucketOf(cluster, corrected, rule: 0);
        var answer = await cluster.FindMatchesAsync(corrected, 10);
        Assert.Contains(answer.Matches, match => match.Id == corrected.Id);

        // The original (version 1) and the correction again (version 2) arrive late: neither applies.
        Assert.Equal(0, await bucket.ApplyAsync(cluster.SnapshotVersion, [new BucketWrite(original.Id!, 1, original), new BucketWrite(original.Id!, 2, corrected)]));
        Assert.Equal(2, await bucket.VersionOfAsync(cluster.SnapshotVersion, original.Id!));
        Assert.Equal(answer.Matches, (await cluster.FindMatchesAsync(corrected, 10)).Matches);

        // Removed at version 3: the version-2 content arriving late does not bring it back.
        var removed = await cluster.RemoveAsync(original.Id!);
        Assert.Equal(3, removed.Version);
        Assert.Equal(0, await bucket.ApplyAsync(cluster.SnapshotVersion, [new BucketWrite(original.Id!, 2, corrected)]));
        Assert.Equal(3, await bucket.VersionOfAsync(cluster.SnapshotVersion, original.Id!));
        Assert.DoesNotContain((await cluster.FindMatchesAsync(corrected, 10)).Matches, match => match.Id == original.Id);

        // Removing again commits nothing; writing it again continues from the tombstone.
        Assert.False((await cluster.RemoveAsync(original.Id!)).Changed);
        Assert.Equal(4, (await cluster.UpsertAsync(original)).Version);
        Assert.Contains((await cluster.FindMatchesAsync(original, 10)).Matches, match => match.Id == original.Id);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task A_history_applied_in_any_order_with_duplicates_ends_at_its_newest_version(int seed)
    {
        // A bucket no write ever reached through the store (it loads empty), fed one id's history directly.
        var options = new ClusterIndexOptions { Buckets = 1, Name = "replay" + seed };
        var cluster = await ClusterPatientIndex.CreateAsync(fixture.Client, MatchModel.Default, OracleData.TermFrequencies, options);
        var random = new Random(seed);
        var id = "replayed";
        var history = Enumerable.Range(1, 8)
            .Select(version => new BucketWrite(id, version, random.Next(3) == 0 ? null : OracleData.Records[random.Next(100)] with { Id = id }))
            .ToArray();
        var shuffled = history.Concat(history.Where(_ => random.Next(2) == 0)).OrderBy(_ => random.Next()).ToArray();
        var bucket = fixture.Client.GetGrain<IIndexBucketGrain>(BucketLayout.GrainKey(options.Name, 0, 0));

        foreach (var write in shuffled)
        {
            await bucket.ApplyAsync(cluster.SnapshotVersion, [write]);
        }

        var newest = history[^1];
        Assert.Equal(newest.Version, await bucket.VersionOfAsync(cluster.SnapshotVersion, id));
        Assert.Equal(newest.Record is null ? 0 : 1, await bucket.CountAsync(cluster.SnapshotVersion));
        if (newest.Record is { } record)
        {
            var key = options.Index.BlockingRules[0].GetKey(new RecordSet([record]), 0);
            var found = await bucket.CandidatesAsync(cluster.SnapshotVersion, key, 1);
            Assert.Equal(key == 0 ? [] : [id], found.Ids);
        }
    }

    private IIndexBucketGrain BucketOf(ClusterPatientIndex cluster, PatientRecord record, int rule)
    {
        var buckets = new int[cluster.Options.Index.BlockingRules.Count];
        cluster.RouteInto(new RecordSet([record]), 0, buckets);
        Assert.True(buckets[rule] >= 0, "the record has a key under the rule");
        return fixture.Client.GetGrain<IIndexBucketGrain>(BucketLayout.GrainKey(cluster.Options.Name, rule, buckets[rule]));
    }
}
