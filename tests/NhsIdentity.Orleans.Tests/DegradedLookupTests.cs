using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Tests;

/// <summary>A bucket that cannot load (its store unreachable, as while a lost silo's buckets reactivate): a lookup
/// waits the recovery wait, then answers flagged degraded with the missing buckets counted; a write commits anyway and
/// says it is not applied everywhere; once the bucket can load it comes back with every committed write, and the
/// repair sweep clears the unacknowledged list.</summary>
[Collection(SharedCluster.Name)]
public sealed class DegradedLookupTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_lookup_missing_a_bucket_is_flagged_degraded_and_committed_writes_return_when_it_loads()
    {
        const string name = "degraded";
        var options = new ClusterIndexOptions { Buckets = 4, Name = name, RecoveryWait = TimeSpan.FromSeconds(1) };
        var cluster = await ClusterPatientIndex.CreateAsync(fixture.Client, MatchModel.Default, OracleData.TermFrequencies, options);
        var records = OracleData.Records.Take(400).ToArray();
        fixture.Store.FailLoads = (index, bucket) => index == name && bucket.Rule == 0;
        try
        {
            var applied = await cluster.AddRangeAsync(records);
            Assert.True(applied < records.Length, "records with a key under rule 0 could not reach their bucket");

            var query = records.First(record => KeyedUnderRuleZero(cluster, record));
            var degraded = await cluster.FindMatchesAsync(query, 10);
            Assert.True(degraded.IsDegraded);
            Assert.Equal(1, degraded.BucketsUnanswered);

            var corrected = query with { FamilyName = records[1].FamilyName };
            var written = await cluster.UpsertAsync(corrected);
            Assert.Equal((2L, false), (written.Version, written.IsApplied));
        }
        finally
        {
            fixture.Store.FailLoads = null;
        }

        // The bucket loads now, with every write committed while it could not: the oracle holds.
        var final = records.Select(record => record.Id == records.First(r => KeyedUnderRuleZero(cluster, r)).Id
            ? record with { FamilyName = records[1].FamilyName }
            : record).ToArray();
        using var single = WriteScript.SingleNode(final, [], options.Index);
        // Through a client that waits long (same snapshot), so a slow machine is not a failed oracle.
        var patient = await ClusterPatientIndex.CreateAsync(fixture.Client, MatchModel.Default, OracleData.TermFrequencies,
            options with { RecoveryWait = TimeSpan.FromMinutes(2) });
        Assert.Equal(cluster.SnapshotVersion, patient.SnapshotVersion);
        await OracleComparison.AssertSameAsync(patient, single, [.. OracleData.Queries(300), .. final], maxResults: 10);

        Assert.True(await cluster.RepairAsync() > 0, "the writes no bucket acknowledged are re-applied");
        Assert.Empty(await fixture.Store.ReadUnappliedAsync(name, 10, default));
    }

    private static bool KeyedUnderRuleZero(ClusterPatientIndex cluster, PatientRecord record)
    {
        var buckets = new int[cluster.Options.Index.BlockingRules.Count];
        cluster.RouteInto(new RecordSet([record]), 0, buckets);
        return buckets[0] >= 0;
    }
}
