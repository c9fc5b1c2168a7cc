using Microsoft.Extensions.Logging;
using NhsIdentity.Matching;
using NhsIdentity.Orleans.Storage;

namespace NhsIdentity.Orleans.Grains;

/// <inheritdoc cref="IIndexWriterGrain"/>
/// <remarks>A bulk load does not go through the records' owner grains (one transaction per batch instead of one per
/// record); it is still safe beside them, because the store serialises every write to one id and the buckets apply
/// by version, so whichever commit is newer wins in every bucket whatever order the applies arrive in.</remarks>
[global::Orleans.Concurrency.StatelessWorker]
internal sealed class IndexWriterGrain(IClusterRecordStore store, IndexSnapshotCache snapshots, TimeProvider time, ILogger<IndexWriterGrain> logger)
    : Grain, IIndexWriterGrain
{
    public async Task<int> WriteBatchAsync(string snapshotVersion, PatientRecord[] records, BucketAddress[][] buckets, TimeSpan applyWait)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(buckets);
        if (records.Length != buckets.Length)
        {
            throw new ArgumentException("One bucket list per record.", nameof(buckets));
        }

        var index = this.GetPrimaryKeyString();
        var writes = new ClusterRecordWrite[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            writes[i] = new ClusterRecordWrite(records[i].Id!, records[i], buckets[i]);
        }

        var commits = await store.CommitAsync(index, writes, CancellationToken.None);
        return await new BucketApplier(GrainFactory, store, snapshots, time, logger).ApplyAsync(index, snapshotVersion, commits, applyWait);
    }

    public async Task<(int Found, int Applied)> RepairAsync(string snapshotVersion, int limit, TimeSpan applyWait)
    {
        var index = this.GetPrimaryKeyString();
        var pending = await store.ReadUnappliedAsync(index, limit, CancellationToken.None);
        if (pending.Count == 0)
        {
            return (0, 0);
        }

        var applied = await new BucketApplier(GrainFactory, store, snapshots, time, logger).ApplyAsync(index, snapshotVersion, pending, applyWait);
        ClusterLog.Repaired(logger, index, applied, pending.Count);
        return (pending.Count, applied);
    }
}
