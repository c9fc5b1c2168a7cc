using Microsoft.Extensions.Logging;
using NhsIdentity.Matching;
using NhsIdentity.Orleans.Storage;

namespace NhsIdentity.Orleans.Grains;

/// <inheritdoc cref="IRecordOwnerGrain"/>
/// <remarks>Holds no state between calls: the store assigns versions and knows the buckets the record was in, so an
/// owner that reactivates on another silo, or a bulk load that bypasses it, cannot make it wrong.</remarks>
internal sealed class RecordOwnerGrain(IClusterRecordStore store, IndexSnapshotCache snapshots, TimeProvider time, ILogger<RecordOwnerGrain> logger)
    : Grain, IRecordOwnerGrain
{
    public async Task<ClusterWriteResult> WriteAsync(string snapshotVersion, PatientRecord? record, BucketAddress[] buckets, TimeSpan applyWait)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var (index, id) = BucketLayout.ParseOwnerKey(this.GetPrimaryKeyString());
        var commit = (await store.CommitAsync(index, [new ClusterRecordWrite(id, record, buckets)], CancellationToken.None))[0];
        var applied = await new BucketApplier(GrainFactory, store, snapshots, time, logger).ApplyAsync(index, snapshotVersion, [commit], applyWait);
        return new ClusterWriteResult(id, commit.Version, commit.Changed, IsApplied: applied == 1 || !commit.Changed);
    }
}
