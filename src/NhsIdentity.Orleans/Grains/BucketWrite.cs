using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Grains;

/// <summary>One change for a bucket to apply: a record's content at a version, or its tombstone (it left the bucket,
/// or was removed, at that version). A bucket applies it only when the version is higher than the one it holds for
/// the id, so a retried or reordered write cannot undo a newer one.</summary>
[GenerateSerializer]
[Immutable]
[Alias("NhsIdentity.BucketWrite")]
internal readonly record struct BucketWrite(
    [property: Id(0)] string Id,
    [property: Id(1)] long Version,
    [property: Id(2)] PatientRecord? Record);
