namespace NhsIdentity.Orleans.Grains;

/// <summary>Holds one published <see cref="IndexSnapshot"/>, keyed by its version, for the silos to fetch once each.</summary>
/// <remarks>In memory only in this version: a snapshot grain that is lost with its silo must be published again (the
/// durable store becomes its home with the write path).</remarks>
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
