using NhsIdentity.Matching;
using NhsIdentity.Orleans.Grains;

namespace NhsIdentity.Orleans.Tests;

/// <summary>Records loaded into the cluster are where the routing says: each key bucket holds exactly the ids of the
/// records whose key under its rule hashes to it (an id once per rule the record has a key for), and each row shard
/// exactly the rows of the records whose id hashes to it (every row once in the cluster).</summary>
[Collection(SharedCluster.Name)]
public sealed class BucketPlacementTests(ClusterFixture fixture)
{
    private const int Buckets = 16;

    [Fact]
    public async Task Every_bucket_holds_exactly_the_records_routed_to_it()
    {
        var options = new ClusterIndexOptions { Buckets = Buckets, Name = "placement" };
        var index = await ClusterPatientIndex.CreateAsync(fixture.Client, MatchModel.Default, OracleData.TermFrequencies, options);
        var records = OracleData.Records.Take(1_500).ToArray();
        await index.AddRangeAsync(records);

        var rules = options.Index.BlockingRules;
        var expected = new int[rules.Count, Buckets];
        var prepared = new RecordSet(records);
        var buckets = new int[rules.Count];
        var withoutSomeKey = 0;
        for (var i = 0; i < prepared.Count; i++)
        {
            var routed = index.RouteInto(prepared, i, buckets);
            for (var r = 0; r < rules.Count; r++)
            {
                var key = rules[r].GetKey(prepared, i);
                Assert.Equal(key == 0 ? -1 : BucketLayout.BucketOf(r, key, Buckets), buckets[r]);
                if (buckets[r] >= 0)
                {
                    expected[r, buckets[r]]++;
                }
            }

            withoutSomeKey += routed < rules.Count ? 1 : 0;
        }

        Assert.True(withoutSomeKey > 0, "some records lack some keys (no email or telephone), so 'per rule it has a key for' is tested");
        for (var r = 0; r < rules.Count; r++)
        {
            for (var b = 0; b < Buckets; b++)
            {
                var held = await fixture.Client.GetGrain<IIndexBucketGrain>(BucketLayout.GrainKey(options.Name, r, b)).CountAsync(index.SnapshotVersion);
                Assert.Equal(expected[r, b], held);
            }
        }

        var rows = new int[Buckets];
        foreach (var record in records)
        {
            rows[BucketLayout.RowShardOf(record.Id!, Buckets)]++;
        }

        for (var s = 0; s < Buckets; s++)
        {
            Assert.Equal(rows[s], await fixture.Client.GetGrain<IRowShardGrain>(BucketLayout.RowShardKey(options.Name, s)).CountAsync(index.SnapshotVersion));
        }

        Assert.Equal(records.Length, rows.Sum());
        Assert.True(rows.Count(count => count > 0) > Buckets / 2, "the rows spread over the shards");
    }

    [Fact]
    public async Task A_bucket_refuses_a_call_under_another_snapshot()
    {
        var options = new ClusterIndexOptions { Buckets = 1, Name = "versions" };
        var first = await ClusterPatientIndex.CreateAsync(fixture.Client, MatchModel.Default, OracleData.TermFrequencies, options);
        await first.AddRangeAsync(OracleData.Records.Take(50));
        var other = TermFrequencyTable.Measure(new RecordSet(OracleData.Records.Take(10)));
        var second = await ClusterPatientIndex.CreateAsync(fixture.Client, MatchModel.Default, other, options);

        Assert.NotEqual(first.SnapshotVersion, second.SnapshotVersion);
        await Assert.ThrowsAsync<InvalidOperationException>(() => second.FindMatchesAsync(OracleData.Records[0], 5));
        var answer = await first.FindMatchesAsync(OracleData.Records[0], 5);
        Assert.Equal(first.SnapshotVersion, answer.SnapshotVersion);
        Assert.Contains(answer.Matches, match => match.Id == OracleData.Records[0].Id);
    }
}
