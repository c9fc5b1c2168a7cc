using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Orleans.Storage;

namespace NhsIdentity.Orleans.Grains;

/// <summary>
/// A key bucket: for its blocking rule, each key's record ids in the order the single-node <see cref="PatientIndex"/>
/// gathers them (<see cref="KeyPostings"/>), and nothing else: the prepared rows live once in the row shards, so adding
/// a rule costs ids, not rows.
/// </summary>
/// <remarks>
/// <para><b>Loading.</b> The first call of an activation (which names the snapshot) loads the bucket's entries from
/// the store (records and tombstones), preparing each record to find its key. Nothing is answered before the load
/// completes; a failed load leaves the bucket unloaded and the next call tries again.</para>
/// <para><b>Versions.</b> The bucket holds each id's version and applies a change only when its version is higher,
/// so retried, duplicated and reordered applies are harmless.</para>
/// <para>Orleans runs one call at a time per activation, so writes and lookups of one bucket never overlap. Placed on
/// a silo chosen by a hash of its key, so the buckets spread evenly over the silos whatever order they are first
/// called in (a bulk load activates them all at once, faster than activation counts are published).</para>
/// </remarks>
[global::Orleans.Placement.HashBasedPlacement]
internal sealed class IndexBucketGrain(IndexSnapshotCache snapshots, IClusterRecordStore store, ILogger<IndexBucketGrain> logger)
    : Grain, IIndexBucketGrain
{
    /// <summary>Records prepared at a time while loading from the store.</summary>
    private const int LoadBatch = 4_096;

    private KeyPostings? _postings;
    private BlockingRule? _rule;
    private LoadedSnapshot? _snapshot;

    public async Task<int> ApplyAsync(string snapshotVersion, BucketWrite[] writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var postings = await LoadedPostings(snapshotVersion);
        try
        {
            return Apply(postings, writes);
        }
        catch
        {
            // A half-applied batch must not be served: the next activation reloads the bucket from the store.
            DeactivateOnIdle();
            throw;
        }
    }

    public async Task<CandidateAnswer> CandidatesAsync(string snapshotVersion, ulong key, int most)
    {
        var postings = await LoadedPostings(snapshotVersion);
        return new CandidateAnswer(_snapshot!.Version, postings.Find(key, most));
    }

    public async Task<int> CountAsync(string snapshotVersion) => (await LoadedPostings(snapshotVersion)).Count;

    public async Task<long> VersionOfAsync(string snapshotVersion, string id) =>
        (await LoadedPostings(snapshotVersion)).VersionOf(id);

    /// <summary>Applies each write by version: its key as sent, or, when it carries the record (a reload from the
    /// store), the record's key under the rule, the batch's records prepared together.</summary>
    private int Apply(KeyPostings postings, IReadOnlyList<BucketWrite> writes)
    {
        var present = new List<PatientRecord>(writes.Count);
        foreach (var write in writes)
        {
            if (write.Record is { } record)
            {
                present.Add(record);
            }
        }

        var prepared = new RecordSet(present, snapshots.Preparation);
        var applied = 0;
        var p = 0;
        foreach (var write in writes)
        {
            var key = write.Record is null ? write.Key : _rule!.GetKey(prepared, p++);
            applied += postings.Apply(write.Id, write.Version, write.Present, key) ? 1 : 0;
        }

        return applied;
    }

    private async Task<KeyPostings> LoadedPostings(string snapshotVersion)
    {
        if (_postings is not null)
        {
            _snapshot!.Require(snapshotVersion, "bucket");
            return _postings;
        }

        var clock = Stopwatch.StartNew();
        var snapshot = await snapshots.GetAsync(snapshotVersion);
        var grainKey = this.GetPrimaryKeyString();
        var (name, bucket) = BucketLayout.Parse(grainKey);
        _rule = snapshot.Snapshot.OptionsForRule(bucket.Rule, snapshots.Preparation).BlockingRules[0];
        var postings = new KeyPostings();
        var batch = new List<BucketWrite>(LoadBatch);
        var tombstones = 0;
        await foreach (var entry in store.ReadBucketAsync(name, bucket, CancellationToken.None))
        {
            batch.Add(new BucketWrite(entry.Id, entry.Version, entry.Record));
            tombstones += entry.Record is null ? 1 : 0;
            if (batch.Count == LoadBatch)
            {
                Apply(postings, batch);
                batch.Clear();
            }
        }

        Apply(postings, batch);
        _postings = postings;
        _snapshot = snapshot;
        ClusterLog.BucketLoaded(logger, grainKey, postings.Count, tombstones, clock.ElapsedMilliseconds);
        return postings;
    }
}
