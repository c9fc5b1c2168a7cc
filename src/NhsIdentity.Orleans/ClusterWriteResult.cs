namespace NhsIdentity.Orleans;

/// <summary>What a <see cref="ClusterPatientIndex"/> write committed. Returned only after the store committed it, so
/// an acknowledged write survives the loss of any silo.</summary>
/// <param name="Id">The record id.</param>
/// <param name="Version">The record's version after the write: 1 for its first write, one more per committed change
/// (a removal too); 0 when a removal found nothing to remove.</param>
/// <param name="Changed"><see langword="false"/> only for the removal of an id that was absent or already removed.</param>
/// <param name="IsApplied"><see langword="true"/> when every bucket concerned acknowledged the change before this
/// returned. When <see langword="false"/> the write is still committed: a bucket that was lost loads it when it
/// reactivates, and <see cref="ClusterPatientIndex.RepairAsync"/> re-applies it to a bucket that was only
/// unreachable.</param>
[GenerateSerializer]
[Immutable]
[Alias("NhsIdentity.ClusterWriteResult")]
public sealed record ClusterWriteResult(
    [property: Id(0)] string Id,
    [property: Id(1)] long Version,
    [property: Id(2)] bool Changed,
    [property: Id(3)] bool IsApplied);
