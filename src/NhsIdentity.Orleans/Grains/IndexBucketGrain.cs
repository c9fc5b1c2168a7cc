using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Grains;

/// <summary>
/// A bucket as a single-node <see cref="PatientIndex"/> restricted to the bucket's rule, with the whole index's term
/// frequencies applied: a lookup here gathers exactly the records the single-node index would gather under that rule,
/// and scores each to the same bits, so the client's merge of every rule's top matches is the single-node answer.
/// </summary>
/// <remarks>Orleans runs one call at a time per activation, so writes and lookups of one bucket never overlap; the
/// parallelism is across buckets.</remarks>
internal sealed class IndexBucketGrain(IndexSnapshotCache snapshots) : Grain, IIndexBucketGrain, IDisposable
{
    private PatientIndex? _index;
    private LoadedSnapshot? _snapshot;

    public async Task AddAsync(string snapshotVersion, PatientRecord[] records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var index = await IndexFor(snapshotVersion);
        foreach (var record in records)
        {
            index.AddOrUpdate(record);
        }

        // Every record scores with the whole index's frequencies, never this bucket's own.
        index.ApplyTermFrequencies(_snapshot!.TermFrequencies);
    }

    public Task<BucketAnswer> FindAsync(string snapshotVersion, PatientRecord query, int maxResults)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (_index is null)
        {
            return Task.FromResult(new BucketAnswer(null, [])); // nothing was ever added here: no candidates
        }

        CheckVersion(snapshotVersion);
        var found = _index.FindMatches(query, maxResults);
        var matches = new BucketMatch[found.Count];
        for (var i = 0; i < matches.Length; i++)
        {
            matches[i] = BucketMatch.From(found[i]);
        }

        return Task.FromResult(new BucketAnswer(_snapshot!.Version, matches));
    }

    public Task<int> CountAsync() => Task.FromResult(_index?.Count ?? 0);

    /// <summary>Releases the index's lock handles when Orleans disposes the deactivated grain.</summary>
    public void Dispose() => _index?.Dispose();

    private async Task<PatientIndex> IndexFor(string snapshotVersion)
    {
        if (_index is not null)
        {
            CheckVersion(snapshotVersion);
            return _index;
        }

        _snapshot = await snapshots.GetAsync(snapshotVersion);
        var rule = BucketLayout.RuleOf(this.GetPrimaryKeyString());
        _index = new PatientIndex(_snapshot.Model, _snapshot.Snapshot.OptionsForRule(rule, snapshots.Preparation));
        return _index;
    }

    /// <summary>Refuses a call under another snapshot than the bucket's: answers scored with two models or two
    /// frequency tables must never be merged. (Moving a loaded bucket to a new snapshot is a later step.)</summary>
    private void CheckVersion(string snapshotVersion)
    {
        if (!string.Equals(snapshotVersion, _snapshot!.Version, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The bucket holds records under snapshot " + _snapshot.Version
                + ", not the snapshot " + snapshotVersion + " the call names.");
        }
    }
}
