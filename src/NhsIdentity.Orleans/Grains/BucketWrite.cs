using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Grains;

/// <summary>One change for a bucket to apply: a record's content at a version, or its tombstone (it left the bucket,
/// or was removed, at that version). A bucket applies it only when the version is higher than the one it holds for
/// the id, so a retried or reordered write cannot undo a newer one.</summary>
/// <remarks>A row shard needs the record; a key bucket needs only the record's key under its rule, so the writer sends
/// it <see cref="Key"/> (prepared once per write, not once per rule) and no record. Present: a record, or a key other
/// than 0; a tombstone has neither.</remarks>
[GenerateSerializer]
[Immutable]
[Alias("NhsIdentity.BucketWrite")]
internal readonly record struct BucketWrite(
    [property: Id(0)] string Id,
    [property: Id(1)] long Version,
    [property: Id(2)] PatientRecord? Record,
    [property: Id(3)] ulong Key = 0)
{
    /// <summary>Gets a value indicating whether the record is in the bucket at <see cref="Version"/> (not a tombstone).</summary>
    public bool Present => Record is not null || Key != 0;
}
