using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NhsIdentity.Matching;
using NhsIdentity.Orleans.Storage;

namespace NhsIdentity.Orleans.Grains;

/// <summary>
/// A row shard as a single-node <see cref="PatientIndex"/> of the records whose id hashes to it, with the whole index's
/// term frequencies applied: it scores the candidates a lookup's key buckets named to the same bits the single-node
/// index would, so the client's merge of every shard's best matches is the single-node answer.
/// </summary>
/// <remarks>
/// <para><b>Loading.</b> The first call of an activation (which names the snapshot) loads the shard's entries from
/// the store, so a shard whose silo was lost comes back whole on another silo: its records and its tombstones.
/// Nothing is answered before the load completes; a failed load leaves the shard unloaded and the next call tries
/// again.</para>
/// <para><b>Versions.</b> The shard holds each id's version (its record's, or its tombstone's) and applies a change
/// only when its version is higher, so retried, duplicated and reordered applies are harmless.</para>
/// <para><b>Its own blocking rule.</b> A <see cref="PatientIndex"/> needs one; the shard's is the index's first rule
/// (NHS number by default: one posting of about 20 bytes a record), which no lookup uses here: candidates come from the
/// key buckets (<see cref="PatientIndex.FindMatchesAmong"/>).</para>
/// <para>Orleans runs one call at a time per activation, so writes and lookups of one shard never overlap; the
/// parallelism is across shards. Placed on a silo chosen by a hash of its key, so the rows spread evenly over the
/// silos.</para>
/// </remarks>
[global::Orleans.Placement.HashBasedPlacement]
internal sealed class RowShardGrain(IndexSnapshotCache snapshots, IClusterRecordStore store, ILogger<RowShardGrain> logger)
    : Grain, IRowShardGrain, IDisposable
{
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private PatientIndex? _index;
    private LoadedSnapshot? _snapshot;
    private bool _termFrequenciesStale;

    public async Task<int> ApplyAsync(string snapshotVersion, BucketWrite[] writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var index = await LoadedIndex(snapshotVersion);
        var applied = 0;
        try
        {
            foreach (var write in writes)
            {
                applied += Apply(index, write) ? 1 : 0;
            }
        }
        catch
        {
            // A half-applied batch must not be served: the next activation reloads the bucket from the store.
            DeactivateOnIdle();
            throw;
        }

        _termFrequenciesStale |= applied > 0;
        return applied;
    }

    public async Task<BucketAnswer> ScoreAsync(string snapshotVersion, PatientRecord query, string[] candidateIds, int maxResults)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidateIds);
        var index = await LoadedIndex(snapshotVersion);
        if (_termFrequenciesStale)
        {
            // Every record scores with the whole index's frequencies, never this shard's own; applied once before a
            // lookup rather than after every write, so a burst of writes costs one pass over the shard.
            index.ApplyTermFrequencies(_snapshot!.TermFrequencies);
            _termFrequenciesStale = false;
        }

        var found = index.FindMatchesAmong(query, candidateIds, maxResults);
        var matches = new BucketMatch[found.Count];
        for (var i = 0; i < matches.Length; i++)
        {
            matches[i] = BucketMatch.From(found[i]);
        }

        return new BucketAnswer(_snapshot!.Version, matches);
    }

    public async Task<int> CountAsync(string snapshotVersion) => (await LoadedIndex(snapshotVersion)).Count;

    public async Task<long> VersionOfAsync(string snapshotVersion, string id)
    {
        await LoadedIndex(snapshotVersion);
        return _versions.GetValueOrDefault(id);
    }

    /// <summary>Releases the index's lock handles when Orleans disposes the deactivated grain.</summary>
    public void Dispose() => _index?.Dispose();

    private bool Apply(PatientIndex index, BucketWrite write)
    {
        if (write.Version <= _versions.GetValueOrDefault(write.Id))
        {
            return false; // this version, or a newer one, is already here
        }

        _versions[write.Id] = write.Version;
        if (write.Record is { } record)
        {
            index.AddOrUpdate(record);
        }
        else
        {
            index.Remove(write.Id);
        }

        return true;
    }

    private async Task<PatientIndex> LoadedIndex(string snapshotVersion)
    {
        if (_index is not null)
        {
            _snapshot!.Require(snapshotVersion, "row shard");
            return _index;
        }

        var clock = Stopwatch.StartNew();
        var snapshot = await snapshots.GetAsync(snapshotVersion);
        var grainKey = this.GetPrimaryKeyString();
        var (name, bucket) = BucketLayout.ParseRowShardKey(grainKey);
        var index = new PatientIndex(snapshot.Model, snapshot.Snapshot.OptionsForRule(0, snapshots.Preparation));
        try
        {
            await foreach (var entry in store.ReadBucketAsync(name, bucket, CancellationToken.None))
            {
                Apply(index, new BucketWrite(entry.Id, entry.Version, entry.Record));
            }

            index.ApplyTermFrequencies(snapshot.TermFrequencies);
        }
        catch
        {
            _versions.Clear();
            index.Dispose();
            throw;
        }

        _index = index;
        _snapshot = snapshot;
        ClusterLog.BucketLoaded(logger, grainKey, index.Count, _versions.Count - index.Count, clock.ElapsedMilliseconds);
        return index;
    }
}
