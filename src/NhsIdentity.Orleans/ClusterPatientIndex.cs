using NhsIdentity.Matching;
using NhsIdentity.Orleans.Grains;

namespace NhsIdentity.Orleans;

/// <summary>
/// A <see cref="PatientIndex"/> partitioned over an Orleans cluster: the client side. Each record lives in one bucket
/// grain per blocking rule it has a key for (bucket <c>hash(rule, key) mod B</c>); a lookup asks only the buckets its
/// own keys fall in, in parallel, and merges their best matches into the answer one <see cref="PatientIndex"/> holding
/// every record would give.
/// </summary>
/// <remarks>
/// <para><b>Why the answers are the same.</b> A bucket is a single-node index restricted to its rule, scoring with
/// the whole index's model and term frequencies (one immutable, versioned snapshot, published once and read once per
/// silo), so it gathers exactly the candidates the single-node index gathers under that rule and scores each to the
/// same bits. The single-node answer is the best N of the union of every rule's candidates; each of those is among the
/// best N of its own rule's candidates, so merging every rule's best N (each record once, ordered by descending weight
/// then ordinal id) gives it. One limit: when a query's candidates under all rules together exceed
/// <see cref="PatientIndexOptions.MaxCandidates"/> while each rule's alone do not, the single-node index stops
/// gathering at the cap and the cluster does not, so the cluster can find a match the single node missed.</para>
/// <para><b>Preparation.</b> The query is prepared once here to find its keys, and again by each bucket it is sent to
/// (a few microseconds each; preparation is deterministic, so every bucket sees the same prepared query).</para>
/// <para><b>Writes.</b> <see cref="AddRangeAsync"/> loads records; it is for building the index, not for changing a
/// record whose keys change (the old keys' buckets would keep the old version): durable, serialised writes come
/// later.</para>
/// <para>Thread-safe: any number of lookups may run at once. Nothing it throws contains patient data.</para>
/// </remarks>
public sealed class ClusterPatientIndex
{
    private readonly IGrainFactory _grains;
    private readonly ClusterIndexOptions _options;
    private readonly IReadOnlyList<Matching.Blocking.BlockingRule> _rules;

    private ClusterPatientIndex(IGrainFactory grains, ClusterIndexOptions options, string snapshotVersion)
    {
        _grains = grains;
        _options = options;
        _rules = options.Index.BlockingRules;
        SnapshotVersion = snapshotVersion;
    }

    /// <summary>Gets the layout and single-node options.</summary>
    public ClusterIndexOptions Options => _options;

    /// <summary>Gets the version of the snapshot (model, term frequencies, rules and limits) this client loads and
    /// looks up with: a hash of its content.</summary>
    public string SnapshotVersion { get; }

    /// <summary>Publishes a snapshot of the model and term frequencies to the cluster and returns a client that uses it.</summary>
    /// <param name="grains">The cluster (an <c>IClusterClient</c>, or a grain's factory inside a silo).</param>
    /// <param name="model">The model that scores candidates.</param>
    /// <param name="termFrequencies">The term frequencies measured over the whole index
    /// (<see cref="TermFrequencyTable.Measure"/>), which every bucket applies.</param>
    /// <param name="options">The layout; <see langword="null"/> for <see cref="ClusterIndexOptions.Default"/>.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/>, <paramref name="model"/> or
    /// <paramref name="termFrequencies"/> is null.</exception>
    /// <exception cref="ArgumentException">The options have no blocking rule.</exception>
    public static async Task<ClusterPatientIndex> CreateAsync(
        IGrainFactory grains, MatchModel model, TermFrequencyTable termFrequencies, ClusterIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(termFrequencies);
        options ??= ClusterIndexOptions.Default;
        if (options.Index.BlockingRules.Count == 0)
        {
            throw new ArgumentException("The index needs at least one blocking rule.", nameof(options));
        }

        var snapshot = IndexSnapshot.Create(model, termFrequencies, options);
        await grains.GetGrain<IIndexSnapshotGrain>(snapshot.Version).PublishAsync(snapshot);
        return new ClusterPatientIndex(grains, options, snapshot.Version);
    }

    /// <summary>Loads records: each goes to one bucket per blocking rule it has a key for, every bucket in parallel.</summary>
    /// <param name="records">The records; each needs an id, and a record whose id is already in a bucket replaces it
    /// there.</param>
    /// <returns>A task that completes when every bucket has the records.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or one of its entries is null.</exception>
    /// <exception cref="ArgumentException">A record has no id.</exception>
    public async Task AddRangeAsync(IEnumerable<PatientRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var batch = records.ToArray();
        foreach (var record in batch)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
            if (string.IsNullOrEmpty(record.Id))
            {
                throw new ArgumentException("Every record needs an id.", nameof(records));
            }
        }

        var routed = new Dictionary<(int Rule, int Bucket), List<PatientRecord>>();
        var prepared = new RecordSet(batch, _options.Index.RecordSetOptions);
        Span<int> buckets = stackalloc int[_rules.Count];
        for (var i = 0; i < batch.Length; i++)
        {
            RouteInto(prepared, i, buckets);
            for (var r = 0; r < buckets.Length; r++)
            {
                if (buckets[r] >= 0)
                {
                    var key = (r, buckets[r]);
                    if (!routed.TryGetValue(key, out var list))
                    {
                        routed[key] = list = [];
                    }

                    list.Add(batch[i]);
                }
            }
        }

        await Task.WhenAll(routed.Select(pair => Bucket(pair.Key.Rule, pair.Key.Bucket).AddAsync(SnapshotVersion, [.. pair.Value])));
    }

    /// <summary>Finds the indexed records that match a query, best first: the answer
    /// <see cref="PatientIndex.FindMatches(PatientRecord, int)"/> gives for the same records, model and options.</summary>
    /// <param name="query">The record to look up; its id is ignored.</param>
    /// <param name="maxResults">The most matches to return; 0 returns none.</param>
    /// <returns>The matches and the snapshot version they were scored with.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxResults"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">A bucket answered under another snapshot than this client's (its
    /// answer is never merged).</exception>
    public async Task<ClusterMatchResult> FindMatchesAsync(PatientRecord query, int maxResults)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(maxResults);
        if (maxResults == 0)
        {
            return new ClusterMatchResult([], SnapshotVersion, 0);
        }

        var prepared = new RecordSet([query], _options.Index.RecordSetOptions);
        var buckets = new int[_rules.Count];
        var asked = RouteInto(prepared, 0, buckets);
        var calls = new Task<BucketAnswer>[asked];
        var c = 0;
        for (var r = 0; r < buckets.Length; r++)
        {
            if (buckets[r] >= 0)
            {
                calls[c++] = Bucket(r, buckets[r]).FindAsync(SnapshotVersion, query, maxResults);
            }
        }

        var answers = await Task.WhenAll(calls);
        return new ClusterMatchResult(Merge(answers, maxResults, SnapshotVersion), SnapshotVersion, asked);
    }

    /// <summary>Every rule's best matches merged into the best <paramref name="maxResults"/>, each record once, in the
    /// single-node order (descending weight, then ordinal id).</summary>
    internal static IndexMatch[] Merge(IReadOnlyList<BucketAnswer> answers, int maxResults, string snapshotVersion)
    {
        var all = new List<BucketMatch>();
        foreach (var answer in answers)
        {
            if (answer.SnapshotVersion is { } version && !string.Equals(version, snapshotVersion, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("A bucket answered under snapshot " + version + ", not " + snapshotVersion + ".");
            }

            all.AddRange(answer.Matches);
        }

        // One record found under several rules has the same score under each (same rows, model and frequencies), so
        // after sorting its copies are neighbours.
        all.Sort(static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Id, b.Id));
        var merged = new List<IndexMatch>(Math.Min(maxResults, all.Count));
        for (var i = 0; i < all.Count && merged.Count < maxResults; i++)
        {
            if (i == 0 || !string.Equals(all[i].Id, all[i - 1].Id, StringComparison.Ordinal))
            {
                merged.Add(all[i].ToIndexMatch());
            }
        }

        return [.. merged];
    }

    /// <summary>Each rule's bucket for the record at <paramref name="index"/>, or -1 where it has no key; returns how
    /// many rules it has a key for.</summary>
    internal int RouteInto(RecordSet records, int index, Span<int> buckets)
    {
        var routed = 0;
        for (var r = 0; r < _rules.Count; r++)
        {
            var key = _rules[r].GetKey(records, index);
            buckets[r] = key == 0 ? -1 : BucketLayout.BucketOf(r, key, _options.Buckets);
            routed += key == 0 ? 0 : 1;
        }

        return routed;
    }

    private IIndexBucketGrain Bucket(int rule, int bucket) =>
        _grains.GetGrain<IIndexBucketGrain>(BucketLayout.GrainKey(_options.Name, rule, bucket));

    /// <summary>Returns a description with the layout only.</summary>
    /// <returns><c>ClusterPatientIndex(name, B buckets, snapshot version)</c>.</returns>
    public override string ToString() =>
        "ClusterPatientIndex(" + _options.Name + ", " + _options.Buckets.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + " buckets, snapshot " + SnapshotVersion + ")";
}
