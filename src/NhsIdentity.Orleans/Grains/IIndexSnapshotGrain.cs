namespace NhsIdentity.Orleans.Grains;

/// <summary>Holds one published <see cref="IndexSnapshot"/>, keyed by its version, for the silos to fetch once each.</summary>
/// <remarks>Published snapshots are kept in the store too: an activation after its silo was lost reads the snapshot
/// back from there.</remarks>
[Alias("NhsIdentity.IIndexSnapshotGrain")]
internal interface IIndexSnapshotGrain : IGrainWithStringKey
{
    /// <summary>Stores the snapshot; publishing the same version again changes nothing.</summary>
    [Alias("Publish")]
    Task PublishAsync(IndexSnapshot snapshot);

    /// <summary>The snapshot, or null when none was published under this grain's version.</summary>
    [Alias("Get")]
    Task<IndexSnapshot?> GetAsync();
}
