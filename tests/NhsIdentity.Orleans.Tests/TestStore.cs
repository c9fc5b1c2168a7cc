using NhsIdentity.Orleans.Storage;

namespace NhsIdentity.Orleans.Tests;

/// <summary>A store for tests: counts bucket loads (so a test can see that buckets really were lost and reloaded) and
/// fails the loads of chosen buckets (a store a bucket cannot reach).</summary>
public sealed class TestStore(IClusterRecordStore inner) : IClusterRecordStore
{
    private int _bucketLoads;

    public int BucketLoads => Volatile.Read(ref _bucketLoads);

    /// <summary>Gets or sets which buckets' loads fail, by index name and bucket; null for none.</summary>
    public Func<string, BucketAddress, bool>? FailLoads { get; set; }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task SaveSnapshotAsync(string version, byte[] content, CancellationToken cancellationToken) => inner.SaveSnapshotAsync(version, content, cancellationToken);

    public Task<byte[]?> ReadSnapshotAsync(string version, CancellationToken cancellationToken) => inner.ReadSnapshotAsync(version, cancellationToken);

    public Task<IReadOnlyList<ClusterRecordCommit>> CommitAsync(string index, IReadOnlyList<ClusterRecordWrite> writes, CancellationToken cancellationToken) =>
        inner.CommitAsync(index, writes, cancellationToken);

    public Task MarkAppliedAsync(string index, IReadOnlyList<KeyValuePair<string, long>> applied, CancellationToken cancellationToken) =>
        inner.MarkAppliedAsync(index, applied, cancellationToken);

    public Task<IReadOnlyList<ClusterRecordCommit>> ReadUnappliedAsync(string index, int limit, CancellationToken cancellationToken) =>
        inner.ReadUnappliedAsync(index, limit, cancellationToken);

    public IAsyncEnumerable<ClusterBucketEntry> ReadBucketAsync(string index, BucketAddress bucket, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _bucketLoads);
        return FailLoads?.Invoke(index, bucket) == true ? Unreachable() : inner.ReadBucketAsync(index, bucket, cancellationToken);
    }

    private static async IAsyncEnumerable<ClusterBucketEntry> Unreachable()
    {
        await Task.FromException(new ClusterRecordStoreException("The test store is unreachable for this bucket."));
        yield break;
    }

    public Task<ClusterBucketEntry?> GetAsync(string index, string id, CancellationToken cancellationToken) => inner.GetAsync(index, id, cancellationToken);
}
