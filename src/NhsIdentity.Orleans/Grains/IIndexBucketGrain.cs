using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Grains;

/// <summary>One bucket of one blocking rule: the records whose key under that rule hashes to the bucket, indexed and
/// scored where they live. Keyed <c>index/rule/bucket</c> (<see cref="BucketLayout.GrainKey"/>). A new activation
/// (first use, or after its silo was lost) loads its records from the store before it answers anything.</summary>
[Alias("NhsIdentity.IIndexBucketGrain")]
internal interface IIndexBucketGrain : IGrainWithStringKey
{
    /// <summary>Applies committed changes, each only when its version is higher than the one held for its id;
    /// returns how many changed something.</summary>
    [Alias("Apply")]
    Task<int> ApplyAsync(string snapshotVersion, BucketWrite[] writes);

    /// <summary>The bucket's best matches for a query, scored with the named snapshot.</summary>
    [Alias("Find")]
    Task<BucketAnswer> FindAsync(string snapshotVersion, PatientRecord query, int maxResults);

    /// <summary>How many records the bucket holds (tombstones not counted).</summary>
    [Alias("Count")]
    Task<int> CountAsync(string snapshotVersion);

    /// <summary>The version the bucket holds for an id (a record or a tombstone), or 0 when it has none.</summary>
    [Alias("VersionOf")]
    Task<long> VersionOfAsync(string snapshotVersion, string id);
}
