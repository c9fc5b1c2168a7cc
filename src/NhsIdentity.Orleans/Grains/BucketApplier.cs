using Microsoft.Extensions.Logging;
using NhsIdentity.Orleans.Storage;

namespace NhsIdentity.Orleans.Grains;

/// <summary>Applies committed writes to their buckets, every bucket in parallel, and records in the store the writes
/// every bucket acknowledged (so a repair sweep skips them).</summary>
/// <remarks>Each bucket call is retried with a growing backoff for up to the caller's apply wait (a bucket whose silo
/// was just lost answers once it has reactivated elsewhere); a bucket that still fails is left to repair itself: if it was lost it reloads
/// every committed write from the store when it reactivates, and if it was only unreachable the repair sweep
/// (<see cref="ClusterPatientIndex.RepairAsync"/>) applies the writes it missed.</remarks>
internal sealed class BucketApplier(IGrainFactory grains, IClusterRecordStore store, IndexSnapshotCache snapshots, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    /// <summary>Applies the commits' changes; returns how many commits every bucket acknowledged.</summary>
    public async Task<int> ApplyAsync(string index, string snapshotVersion, IReadOnlyList<ClusterRecordCommit> commits, TimeSpan applyWait)
    {
        // Each record prepared once here, so a key bucket is sent its key (an id and a number) instead of the record
        // to prepare again: one preparation per write instead of one per rule.
        var rules = (await snapshots.GetAsync(snapshotVersion)).Rules;
        var present = commits.Where(commit => commit.Record is not null).Select(commit => commit.Record!).ToArray();
        var prepared = new Matching.RecordSet(present, snapshots.Preparation);
        var byBucket = new Dictionary<BucketAddress, List<BucketWrite>>();
        var p = 0;
        foreach (var commit in commits)
        {
            var position = commit.Record is null ? -1 : p++;
            foreach (var change in commit.Changes)
            {
                if (!byBucket.TryGetValue(change.Bucket, out var writes))
                {
                    byBucket[change.Bucket] = writes = [];
                }

                writes.Add(Write(commit, change, prepared, position, rules));
            }
        }

        var buckets = byBucket.ToArray();
        var results = await Task.WhenAll(buckets.Select(pair => TryApplyAsync(index, snapshotVersion, pair.Key, [.. pair.Value], applyWait)));
        var failed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < buckets.Length; i++)
        {
            if (!results[i])
            {
                failed.UnionWith(buckets[i].Value.Select(write => write.Id));
            }
        }

        var applied = commits
            .Where(commit => commit.Changed && !failed.Contains(commit.Id))
            .Select(commit => KeyValuePair.Create(commit.Id, commit.Version))
            .ToArray();
        try
        {
            await store.MarkAppliedAsync(index, applied, CancellationToken.None);
        }
        catch (ClusterRecordStoreException exception)
        {
            // The buckets have the writes; a sweep will apply them again, harmlessly (by version).
            ClusterLog.MarkAppliedFailed(logger, applied.Length, exception.Message);
        }

        return applied.Length;
    }

    /// <summary>A row shard's write carries the record; a key bucket's its key under the bucket's rule (or the record
    /// when the key is 0, which routing never produces: the bucket then reads the key itself).</summary>
    private static BucketWrite Write(ClusterRecordCommit commit, ClusterBucketChange change, Matching.RecordSet prepared, int position,
        IReadOnlyList<Matching.Blocking.BlockingRule> rules)
    {
        if (!change.Present)
        {
            return new BucketWrite(commit.Id, change.Version, null);
        }

        if (change.Bucket.Rule == BucketLayout.Rows || change.Bucket.Rule >= rules.Count || position < 0)
        {
            return new BucketWrite(commit.Id, change.Version, commit.Record);
        }

        var key = rules[change.Bucket.Rule].GetKey(prepared, position);
        return key == 0 ? new BucketWrite(commit.Id, change.Version, commit.Record) : new BucketWrite(commit.Id, change.Version, null, key);
    }

    private async Task<bool> TryApplyAsync(string index, string snapshotVersion, BucketAddress bucket, BucketWrite[] writes, TimeSpan applyWait)
    {
        // A row shard takes the record's content, a key bucket its key under the bucket's rule: the same writes.
        Func<Task<int>> apply = bucket.Rule == BucketLayout.Rows
            ? () => grains.GetGrain<IRowShardGrain>(BucketLayout.RowShardKey(index, bucket.Bucket)).ApplyAsync(snapshotVersion, writes)
            : () => grains.GetGrain<IIndexBucketGrain>(BucketLayout.GrainKey(index, bucket.Rule, bucket.Bucket)).ApplyAsync(snapshotVersion, writes);
        var start = time.GetTimestamp();
        var backoff = FirstBackoff;
        while (true)
        {
            var left = applyWait - time.GetElapsedTime(start);
            try
            {
                var call = apply();
                await (applyWait > TimeSpan.Zero ? call.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, time) : call);
                return true;
            }
            catch (Exception exception) when (Transient.Is(exception))
            {
                if (time.GetElapsedTime(start) + backoff >= applyWait)
                {
                    ClusterLog.BucketMissedWrites(logger, bucket.ToString(), index, writes.Length, exception.GetType().Name);
                    return false;
                }

                await Task.Delay(backoff, time);
                backoff = backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;
            }
        }
    }
}
