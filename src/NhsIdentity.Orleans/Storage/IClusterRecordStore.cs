namespace NhsIdentity.Orleans.Storage;

/// <summary>
/// The durable store under a <see cref="ClusterPatientIndex"/>: the source of truth, which bucket grains are a cache of.
/// It holds each record's raw fields with a version, each record's bucket memberships (present, or a tombstone of the
/// version it left at), the versions the buckets have acknowledged, and the published snapshots.
/// </summary>
/// <remarks>
/// <para>Implementations: <see cref="InMemoryClusterRecordStore"/> (tests, and one process whose index may be lost
/// with it) and <see cref="PostgresClusterRecordStore"/> (production). Every silo of a cluster must use the same
/// store.</para>
/// <para>Every method that writes returns only after its change is committed, and every write to one id is
/// serialised by the store itself (versions never repeat, even when two writers race), so the owner grain's
/// serialisation is for order and throughput, not for correctness. Nothing an implementation throws or logs may
/// contain patient data: errors name the operation and ids at most.</para>
/// </remarks>
public interface IClusterRecordStore
{
    /// <summary>Creates the schema when it is missing.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the store is ready.</returns>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores a published snapshot (model, term frequencies and layout) under its version; storing a version
    /// again changes nothing (versions are content hashes).</summary>
    /// <param name="version">The snapshot's version.</param>
    /// <param name="content">The snapshot, serialised.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the snapshot is committed.</returns>
    Task SaveSnapshotAsync(string version, byte[] content, CancellationToken cancellationToken);

    /// <summary>The snapshot stored under a version, or <see langword="null"/>.</summary>
    /// <param name="version">The snapshot's version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The serialised snapshot, or <see langword="null"/>.</returns>
    Task<byte[]?> ReadSnapshotAsync(string version, CancellationToken cancellationToken);

    /// <summary>Commits writes to distinct ids in one transaction: each changed record's version becomes its previous
    /// version + 1, its memberships of buckets it no longer has become tombstones at that version, and its new
    /// buckets are present at that version.</summary>
    /// <param name="index">The index's name (<see cref="ClusterIndexOptions.Name"/>).</param>
    /// <param name="writes">The writes; ids distinct.</param>
    /// <param name="cancellationToken">Cancels the call (before the commit only).</param>
    /// <returns>One commit per write, in the same order, with what the buckets must apply.</returns>
    /// <exception cref="ArgumentException">Two writes name one id, a write has no id, or an upsert's record id differs
    /// from the write's.</exception>
    /// <exception cref="ClusterRecordStoreException">The store failed; nothing was committed.</exception>
    Task<IReadOnlyList<ClusterRecordCommit>> CommitAsync(string index, IReadOnlyList<ClusterRecordWrite> writes, CancellationToken cancellationToken);

    /// <summary>Records that every bucket acknowledged each record's changes up to a version, so a repair sweep skips
    /// them. A version lower than one already recorded changes nothing.</summary>
    /// <param name="index">The index's name.</param>
    /// <param name="applied">Ids and the versions the buckets acknowledged.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the marks are committed.</returns>
    Task MarkAppliedAsync(string index, IReadOnlyList<KeyValuePair<string, long>> applied, CancellationToken cancellationToken);

    /// <summary>Records whose latest version the buckets have not all acknowledged (a write whose bucket calls failed
    /// after its commit, or whose writer died between the two), with the changes to apply: a repair sweep's work.</summary>
    /// <param name="index">The index's name.</param>
    /// <param name="limit">The most records to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Up to <paramref name="limit"/> commits, in id order.</returns>
    Task<IReadOnlyList<ClusterRecordCommit>> ReadUnappliedAsync(string index, int limit, CancellationToken cancellationToken);

    /// <summary>Every entry of one bucket: the records present in it and the tombstones of those that left it.</summary>
    /// <param name="index">The index's name.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries, in no particular order.</returns>
    IAsyncEnumerable<ClusterBucketEntry> ReadBucketAsync(string index, BucketAddress bucket, CancellationToken cancellationToken);

    /// <summary>A record's latest version and content (<see langword="null"/> content when removed), or
    /// <see langword="null"/> when the id was never written.</summary>
    /// <param name="index">The index's name.</param>
    /// <param name="id">The record id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    Task<ClusterBucketEntry?> GetAsync(string index, string id, CancellationToken cancellationToken);
}
