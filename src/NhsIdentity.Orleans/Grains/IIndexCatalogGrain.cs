namespace NhsIdentity.Orleans.Grains;

/// <summary>Names the snapshot an index uses, keyed by the index's name: the first snapshot adopted stays the index's
/// snapshot, so a node that joins (or restarts into) a running cluster scores with the term frequencies its peers
/// use instead of measuring its own (buckets refuse calls under another snapshot).</summary>
/// <remarks>The choice is kept in the store (<see cref="Storage.IClusterRecordStore.SaveSnapshotAsync"/> under
/// <c>current:</c> and the index name; first write wins), so it survives the loss of this grain's silo.</remarks>
[Alias("NhsIdentity.IIndexCatalogGrain")]
internal interface IIndexCatalogGrain : IGrainWithStringKey
{
    /// <summary>The version of the index's snapshot, or null when none has been adopted yet.</summary>
    [Alias("Current")]
    Task<string?> CurrentAsync();

    /// <summary>Makes <paramref name="version"/> (already published) the index's snapshot unless one was adopted
    /// before; returns the index's snapshot either way.</summary>
    [Alias("Adopt")]
    Task<string> AdoptAsync(string version);
}
