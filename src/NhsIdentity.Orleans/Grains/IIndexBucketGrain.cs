namespace NhsIdentity.Orleans.Grains;

/// <summary>One bucket of one blocking rule: for the records whose key under that rule hashes to the bucket, each key's
/// record ids in the single node's posting order (<see cref="KeyPostings"/>); the rows themselves live in the row
/// shards (<see cref="IRowShardGrain"/>). Keyed <c>index/rule/bucket</c> (<see cref="BucketLayout.GrainKey"/>). A new
/// activation (first use, or after its silo was lost) loads its entries from the store before it answers anything.</summary>
[Alias("NhsIdentity.IIndexBucketGrain")]
internal interface IIndexBucketGrain : IGrainWithStringKey
{
    /// <summary>Applies committed changes, each only when its version is higher than the one held for its id;
    /// returns how many changed something.</summary>
    [Alias("Apply")]
    Task<int> ApplyAsync(string snapshotVersion, BucketWrite[] writes);

    /// <summary>The first <paramref name="most"/> ids with a key, in the single node's posting order.</summary>
    [Alias("Candidates")]
    Task<CandidateAnswer> CandidatesAsync(string snapshotVersion, ulong key, int most);

    /// <summary>How many records the bucket holds (tombstones not counted).</summary>
    [Alias("Count")]
    Task<int> CountAsync(string snapshotVersion);

    /// <summary>The version the bucket holds for an id (a record or a tombstone), or 0 when it has none.</summary>
    [Alias("VersionOf")]
    Task<long> VersionOfAsync(string snapshotVersion, string id);
}

/// <summary>A key bucket's answer: the candidate ids under one key, and the snapshot the bucket holds.</summary>
[GenerateSerializer]
[Immutable]
[Alias("NhsIdentity.CandidateAnswer")]
internal sealed record CandidateAnswer(
    [property: Id(0)] string? SnapshotVersion,
    [property: Id(1)] string[] Ids);
