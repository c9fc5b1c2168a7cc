using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Grains;

/// <summary>One row shard: the prepared rows of the records whose id hashes to it (<see cref="BucketLayout.RowShardOf"/>),
/// each held once in the cluster, scored where they live. Keyed <c>index/rows/shard</c>
/// (<see cref="BucketLayout.RowShardKey"/>). A new activation loads its records from the store before it answers.</summary>
[Alias("NhsIdentity.IRowShardGrain")]
internal interface IRowShardGrain : IGrainWithStringKey
{
    /// <summary>Applies committed changes, each only when its version is higher than the one held for its id;
    /// returns how many changed something.</summary>
    [Alias("Apply")]
    Task<int> ApplyAsync(string snapshotVersion, BucketWrite[] writes);

    /// <summary>The best matches among the named candidates (ids this shard holds), scored with the named snapshot.</summary>
    [Alias("Score")]
    Task<BucketAnswer> ScoreAsync(string snapshotVersion, PatientRecord query, string[] candidateIds, int maxResults);

    /// <summary>How many records the shard holds (tombstones not counted).</summary>
    [Alias("Count")]
    Task<int> CountAsync(string snapshotVersion);

    /// <summary>The version the shard holds for an id (a record or a tombstone), or 0 when it has none.</summary>
    [Alias("VersionOf")]
    Task<long> VersionOfAsync(string snapshotVersion, string id);
}
