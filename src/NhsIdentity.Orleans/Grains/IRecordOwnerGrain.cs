using NhsIdentity.Matching;
using NhsIdentity.Orleans.Storage;

namespace NhsIdentity.Orleans.Grains;

/// <summary>The owner of one record id's writes, keyed <c>index/id</c> (<see cref="BucketLayout.OwnerKey"/>): Orleans
/// runs one call at a time per grain, so the writes to one id are committed and applied to the buckets one after
/// another, in the order they reach it.</summary>
[Alias("NhsIdentity.IRecordOwnerGrain")]
internal interface IRecordOwnerGrain : IGrainWithStringKey
{
    /// <summary>Commits the record's new content (or, with <see langword="null"/>, its removal) to the store, then
    /// applies it to the buckets its new keys fall in and removes it from those it left, retrying a bucket for up to
    /// <paramref name="applyWait"/>.</summary>
    [Alias("Write")]
    Task<ClusterWriteResult> WriteAsync(string snapshotVersion, PatientRecord? record, BucketAddress[] buckets, TimeSpan applyWait);
}
