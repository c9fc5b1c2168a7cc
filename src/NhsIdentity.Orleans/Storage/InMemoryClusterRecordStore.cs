using System.Runtime.CompilerServices;
using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Storage;

/// <summary>
/// A <see cref="IClusterRecordStore"/> in this process's memory, with the same semantics as
/// <see cref="PostgresClusterRecordStore"/>: for tests (one instance shared by every silo of an in-process test
/// cluster) and for a single silo whose index may be rebuilt when the process restarts. Not durable: what it holds
/// dies with the process.
/// </summary>
/// <remarks>Thread-safe: every call runs under one lock (a test store, not a fast one).</remarks>
public sealed class InMemoryClusterRecordStore : IClusterRecordStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, byte[]> _snapshots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndexState> _indexes = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task SaveSnapshotAsync(string version, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentNullException.ThrowIfNull(content);
        lock (_lock)
        {
            _snapshots.TryAdd(version, [.. content]);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<byte[]?> ReadSnapshotAsync(string version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        lock (_lock)
        {
            return Task.FromResult(_snapshots.TryGetValue(version, out var content) ? (byte[]?)[.. content] : null);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ClusterRecordCommit>> CommitAsync(string index, IReadOnlyList<ClusterRecordWrite> writes, CancellationToken cancellationToken)
    {
        ClusterRecordWriteChecks.ThrowIfInvalid(index, writes);
        cancellationToken.ThrowIfCancellationRequested();
        var commits = new ClusterRecordCommit[writes.Count];
        lock (_lock)
        {
            var state = State(index);
            for (var i = 0; i < writes.Count; i++)
            {
                commits[i] = state.Commit(writes[i]);
            }
        }

        return Task.FromResult<IReadOnlyList<ClusterRecordCommit>>(commits);
    }

    /// <inheritdoc/>
    public Task MarkAppliedAsync(string index, IReadOnlyList<KeyValuePair<string, long>> applied, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(index);
        ArgumentNullException.ThrowIfNull(applied);
        lock (_lock)
        {
            var state = State(index);
            foreach (var (id, version) in applied)
            {
                if (state.Records.TryGetValue(id, out var record))
                {
                    record.Applied = Math.Max(record.Applied, Math.Min(version, record.Version));
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ClusterRecordCommit>> ReadUnappliedAsync(string index, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(index);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
        {
            var state = State(index);
            IReadOnlyList<ClusterRecordCommit> found = [.. state.Records
                .Where(pair => pair.Value.Applied < pair.Value.Version)
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Take(limit)
                .Select(pair => state.Pending(pair.Key, pair.Value, changed: true))];
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ClusterBucketEntry> ReadBucketAsync(string index, BucketAddress bucket, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(index);
        ClusterBucketEntry[] entries;
        lock (_lock)
        {
            var state = State(index);
            entries = state.Members.TryGetValue(bucket, out var members)
                ? [.. members.Select(pair => new ClusterBucketEntry(pair.Key, pair.Value.Version, pair.Value.Present ? state.Records[pair.Key].Record : null))]
                : [];
        }

        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<ClusterBucketEntry?> GetAsync(string index, string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(index);
        ArgumentNullException.ThrowIfNull(id);
        lock (_lock)
        {
            return Task.FromResult(State(index).Records.TryGetValue(id, out var record)
                ? new ClusterBucketEntry(id, record.Version, record.Record)
                : (ClusterBucketEntry?)null);
        }
    }

    private IndexState State(string index)
    {
        if (!_indexes.TryGetValue(index, out var state))
        {
            _indexes[index] = state = new IndexState();
        }

        return state;
    }

    private sealed class StoredRecord
    {
        public long Version;
        public long Applied;
        public PatientRecord? Record;
        public readonly HashSet<BucketAddress> Buckets = []; // every bucket with a row for the id, present or not
    }

    private sealed class IndexState
    {
        public readonly Dictionary<string, StoredRecord> Records = new(StringComparer.Ordinal);
        public readonly Dictionary<BucketAddress, Dictionary<string, (bool Present, long Version)>> Members = [];

        public ClusterRecordCommit Commit(ClusterRecordWrite write)
        {
            if (!Records.TryGetValue(write.Id, out var stored))
            {
                if (write.Record is null)
                {
                    return new ClusterRecordCommit(write.Id, 0, null, Changed: false, []);
                }

                Records[write.Id] = stored = new StoredRecord();
            }
            else if (write.Record is null && stored.Record is null)
            {
                return new ClusterRecordCommit(write.Id, 0, null, Changed: false, []);
            }

            var version = ++stored.Version;
            stored.Record = write.Record;
            foreach (var bucket in stored.Buckets)
            {
                var members = Members[bucket];
                if (members[write.Id].Present)
                {
                    members[write.Id] = (false, version); // leaves the bucket: a tombstone at this version
                }
            }

            foreach (var bucket in write.Buckets)
            {
                if (!Members.TryGetValue(bucket, out var members))
                {
                    Members[bucket] = members = new Dictionary<string, (bool, long)>(StringComparer.Ordinal);
                }

                members[write.Id] = (true, version);
                stored.Buckets.Add(bucket);
            }

            return Pending(write.Id, stored, changed: true);
        }

        /// <summary>The record's latest version with every membership changed since its acknowledged version.</summary>
        public ClusterRecordCommit Pending(string id, StoredRecord stored, bool changed) =>
            new(id, stored.Version, stored.Record, changed, [.. stored.Buckets
                .Select(bucket => (Bucket: bucket, Member: Members[bucket][id]))
                .Where(row => row.Member.Version > stored.Applied)
                .Select(row => new ClusterBucketChange(row.Bucket, row.Member.Present, row.Member.Version))]);
    }
}
