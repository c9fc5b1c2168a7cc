using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Grains;

/// <summary>One bucket of one blocking rule: the records whose key under that rule hashes to the bucket, indexed and
/// scored where they live. Keyed <c>index/rule/bucket</c> (<see cref="BucketLayout.GrainKey"/>).</summary>
[Alias("NhsIdentity.IIndexBucketGrain")]
internal interface IIndexBucketGrain : IGrainWithStringKey
{
    /// <summary>Adds (or replaces, by id) records whose key under this bucket's rule falls in it, under a snapshot.</summary>
    [Alias("Add")]
    Task AddAsync(string snapshotVersion, PatientRecord[] records);

    /// <summary>The bucket's best matches for a query, scored with the named snapshot.</summary>
    [Alias("Find")]
    Task<BucketAnswer> FindAsync(string snapshotVersion, PatientRecord query, int maxResults);

    /// <summary>How many records the bucket holds.</summary>
    [Alias("Count")]
    Task<int> CountAsync();
}
