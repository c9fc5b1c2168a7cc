using System.Collections.Concurrent;
using NhsIdentity.Matching;
using NhsIdentity.Orleans.Grains;

namespace NhsIdentity.Orleans;

/// <summary>A silo's snapshots, read once per silo and version: hundreds of bucket grains on one silo share one
/// parsed model and one term-frequency table instead of each reading its own.</summary>
/// <param name="grains">Reaches the snapshot grains.</param>
/// <param name="preparation">How the silo prepares records (the same options the clients prepare queries with).</param>
internal sealed class IndexSnapshotCache(IGrainFactory grains, RecordSetOptions preparation)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<LoadedSnapshot>>> _loaded = new(StringComparer.Ordinal);

    /// <summary>How this silo's buckets prepare records.</summary>
    public RecordSetOptions Preparation => preparation;

    /// <summary>The snapshot with this version, fetched and parsed on first use.</summary>
    /// <exception cref="InvalidOperationException">No snapshot was published under the version.</exception>
    public Task<LoadedSnapshot> GetAsync(string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        var lazy = _loaded.GetOrAdd(version, v => new Lazy<Task<LoadedSnapshot>>(() => LoadAsync(v)));
        var task = lazy.Value;
        if (task.IsFaulted)
        {
            _loaded.TryRemove(new KeyValuePair<string, Lazy<Task<LoadedSnapshot>>>(version, lazy)); // retry next time
        }

        return task;
    }

    private async Task<LoadedSnapshot> LoadAsync(string version)
    {
        var snapshot = await grains.GetGrain<IIndexSnapshotGrain>(version).GetAsync()
            ?? throw new InvalidOperationException("No index snapshot was published under version " + version + ".");
        using var tf = new MemoryStream(snapshot.TermFrequencies, writable: false);
        return new LoadedSnapshot(snapshot, MatchModel.FromJson(snapshot.ModelJson), TermFrequencyTable.ReadFrom(tf));
    }
}

/// <summary>A snapshot with its model and table parsed.</summary>
internal sealed record LoadedSnapshot(IndexSnapshot Snapshot, MatchModel Model, TermFrequencyTable TermFrequencies)
{
    private Matching.Blocking.BlockingRule[]? _rules;

    public string Version => Snapshot.Version;

    /// <summary>Refuses a call under another snapshot than the one a grain holds its records under: answers scored
    /// under two layouts or models must never be merged. (Moving a loaded grain to a new snapshot is a later step.)</summary>
    /// <param name="callVersion">The snapshot the call names.</param>
    /// <param name="holder">What holds the records, for the message ("bucket", "row shard").</param>
    public void Require(string callVersion, string holder)
    {
        if (!string.Equals(callVersion, Version, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The " + holder + " holds records under snapshot " + Version
                + ", not the snapshot " + callVersion + " the call names.");
        }
    }

    /// <summary>The snapshot's blocking rules, in order (built once).</summary>
    public IReadOnlyList<Matching.Blocking.BlockingRule> Rules =>
        _rules ??= [.. Enumerable.Range(0, Snapshot.RuleNames.Length).Select(Snapshot.Rule)];
}
