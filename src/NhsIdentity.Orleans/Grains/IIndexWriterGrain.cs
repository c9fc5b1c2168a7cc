using NhsIdentity.Matching;
using NhsIdentity.Orleans.Storage;

namespace NhsIdentity.Orleans.Grains;

/// <summary>Bulk loads and repair sweeps of one index, keyed by the index's name; a stateless worker, so every silo
/// runs as many as the load needs.</summary>
[Alias("NhsIdentity.IIndexWriterGrain")]
internal interface IIndexWriterGrain : IGrainWithStringKey
{
    /// <summary>Commits a batch of records (distinct ids) in one store transaction, then applies them to their
    /// buckets; returns how many every bucket acknowledged.</summary>
    [Alias("WriteBatch")]
    Task<int> WriteBatchAsync(string snapshotVersion, PatientRecord[] records, BucketAddress[][] buckets, TimeSpan applyWait);

    /// <summary>Applies up to <paramref name="limit"/> committed writes the buckets have not all acknowledged; returns
    /// how many it found and how many are now acknowledged.</summary>
    [Alias("Repair")]
    Task<(int Found, int Applied)> RepairAsync(string snapshotVersion, int limit, TimeSpan applyWait);
}
