using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Tests;

/// <summary><see cref="ClusterPatientIndex.OpenAsync"/>: the first node publishes the index's snapshot; the others
/// join it without measuring, and a node with another model or layout is refused.</summary>
[Collection(SharedCluster.Name)]
public sealed class OpenIndexTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_first_node_publishes_and_later_nodes_join_its_snapshot_without_measuring()
    {
        var options = new ClusterIndexOptions { Name = "open-" + Guid.NewGuid().ToString("N")[..8], Buckets = 8 };
        var measured = 0;
        Task<TermFrequencyTable> Measure(CancellationToken _)
        {
            Interlocked.Increment(ref measured);
            return Task.FromResult(OracleData.TermFrequencies);
        }

        var first = await ClusterPatientIndex.OpenAsync(fixture.Client, MatchModel.Default, Measure, options);
        Assert.True(first.PublishedSnapshot);
        Assert.Equal(1, measured);

        // A later node would measure other frequencies (the index has grown): it must not, and must use the first's.
        var second = await ClusterPatientIndex.OpenAsync(fixture.Client, MatchModel.Default,
            _ => Task.FromResult(TermFrequencyTable.Measure(new RecordSet(OracleData.Records.Take(50)))), options);
        Assert.False(second.PublishedSnapshot);
        Assert.Equal(first.SnapshotVersion, second.SnapshotVersion);
        Assert.Equal(1, measured);

        // Both answer from the same buckets.
        await first.AddRangeAsync(OracleData.Records.Take(300));
        var query = OracleData.Records[7] with { Id = null };
        Assert.Equal(
            OracleComparison.Describe((await first.FindMatchesAsync(query, 5)).Matches),
            OracleComparison.Describe((await second.FindMatchesAsync(query, 5)).Matches));
    }

    [Fact]
    public async Task A_node_with_another_layout_is_refused()
    {
        var name = "open-" + Guid.NewGuid().ToString("N")[..8];
        await ClusterPatientIndex.OpenAsync(fixture.Client, MatchModel.Default, _ => Task.FromResult(OracleData.TermFrequencies),
            new ClusterIndexOptions { Name = name, Buckets = 8 });

        await Assert.ThrowsAsync<InvalidOperationException>(() => ClusterPatientIndex.OpenAsync(
            fixture.Client, MatchModel.Default, _ => Task.FromResult(OracleData.TermFrequencies), new ClusterIndexOptions { Name = name, Buckets = 16 }));
    }
}
