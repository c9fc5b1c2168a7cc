using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Storage;

/// <summary>A committed record version and what the buckets must do to show it: the store's answer to a write, and to
/// a repair sweep.</summary>
/// <param name="Id">The record id.</param>
/// <param name="Version">The record's version now: 1 for its first write, then one more per committed change
/// (removals included, so an id added again continues from its tombstone); 0 when nothing was committed.</param>
/// <param name="Record">The record at <see cref="Version"/>, or <see langword="null"/> when it is removed.</param>
/// <param name="Changed"><see langword="false"/> only for the removal of an id that was absent or already removed
/// (nothing was committed).</param>
/// <param name="Changes">Every bucket membership changed since the record's last version the buckets all
/// acknowledged (<see cref="IClusterRecordStore.MarkAppliedAsync"/>): the buckets its content is in, and those it
/// left, each with the version it changed at. Applying them (idempotently, by version) brings every bucket up to
/// <see cref="Version"/>.</param>
public sealed record ClusterRecordCommit(
    string Id, long Version, PatientRecord? Record, bool Changed, IReadOnlyList<ClusterBucketChange> Changes);

/// <summary>A record's membership of one bucket at one version.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Present"><see langword="true"/> when the record's content at <see cref="Version"/> is in the bucket,
/// <see langword="false"/> when it left it (or was removed) at <see cref="Version"/>: a tombstone.</param>
/// <param name="Version">The record version the membership changed at.</param>
public readonly record struct ClusterBucketChange(BucketAddress Bucket, bool Present, long Version);

/// <summary>One entry of a bucket as the store holds it, for a bucket grain reloading after activation.</summary>
/// <param name="Id">The record id.</param>
/// <param name="Version">The version the entry holds.</param>
/// <param name="Record">The record, or <see langword="null"/> for a tombstone (the record left the bucket, or was
/// removed, at <see cref="Version"/>): kept so that an older write arriving late cannot bring it back.</param>
public readonly record struct ClusterBucketEntry(string Id, long Version, PatientRecord? Record);
