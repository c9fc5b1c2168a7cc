using System.Collections.Concurrent;
using NhsIdentity.Orleans.Storage;

namespace NhsIdentity.OrleansMemory;

/// <summary>
/// A store that commits every write as the first version of a new record and keeps nothing but snapshots: what a silo
/// holds for the index, without a copy of the store in the same process. In production the store is PostgreSQL on
/// another machine, so its memory is not a silo's; the in-memory store would add every raw record and membership row
/// to the silo that hosts it. Good for a load of distinct new ids with no silo loss only (nothing to reload from).
/// </summary>
internal sealed class CommitOnlyStore : IClusterRecordStore
{
    private readonly ConcurrentDictionary<string, byte[]> _snapshots = new(StringComparer.Ordinal);

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SaveSnapshotAsync(string version, byte[] content, CancellationToken cancellationToken)
    {
        _snapshots.TryAdd(version, content);
        return Task.CompletedTask;
    }

    public Task<byte[]?> ReadSnapshotAsync(string version, CancellationToken cancellationToken) =>
        Task.FromResult(_snapshots.TryGetValue(version, out var content) ? content : null);

    public Task<IReadOnlyList<ClusterRecordCommit>> CommitAsync(string index, IReadOnlyList<ClusterRecordWrite> writes, CancellationToken cancellationToken)
    {
        var commits = new ClusterRecordCommit[writes.Count];
        for (var i = 0; i < commits.Length; i++)
        {
            var write = writes[i];
            commits[i] = new ClusterRecordCommit(write.Id, 1, write.Record, true,
                [.. write.Buckets.Select(bucket => new ClusterBucketChange(bucket, Present: true, Version: 1))]);
        }

        return Task.FromResult<IReadOnlyList<ClusterRecordCommit>>(commits);
    }

    public Task MarkAppliedAsync(string index, IReadOnlyList<KeyValuePair<string, long>> applied, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<ClusterRecordCommit>> ReadUnappliedAsync(string index, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ClusterRecordCommit>>([]);

    public async IAsyncEnumerable<ClusterBucketEntry> ReadBucketAsync(string index, BucketAddress bucket, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }

    public Task<ClusterBucketEntry?> GetAsync(string index, string id, CancellationToken cancellationToken) =>
        Task.FromResult<ClusterBucketEntry?>(null);
}
