using NhsIdentity.Matching;
using NhsIdentity.Orleans.Grains;
using NhsIdentity.Orleans.Storage;

namespace NhsIdentity.Orleans;

/// <summary>
/// A <see cref="PatientIndex"/> partitioned over an Orleans cluster: the client side. Each record's prepared row lives
/// once in the cluster, in its row shard (<c>hash(id) mod B</c>); for each blocking rule it has a key for, its id is
/// listed under that key in one key bucket (<c>hash(rule, key) mod B</c>). A lookup asks the key buckets its own keys
/// fall in for candidate ids, then the row shards holding those candidates to score them, and merges their best
/// matches into the answer one <see cref="PatientIndex"/> holding every record would give.
/// </summary>
/// <remarks>
/// <para><b>Why the answers are the same.</b> A key bucket keeps each key's ids in the order the single-node index
/// keeps the same records' positions (appended when added; on removal the last moves into the gap; a replaced record
/// is removed and appended), so the client gathers exactly the candidates the single node gathers: rule by rule, each
/// list in order, each record once, stopping at <see cref="PatientIndexOptions.MaxCandidates"/>. A row shard scores
/// its share of them with the whole index's model and term frequencies (one immutable, versioned snapshot, published
/// once and read once per silo) to the same bits, keeping its best N as the single node keeps its best N; the single
/// node's best N of all the candidates are among the best N of the shard each lives in, so merging every shard's best
/// N (each record once, by descending weight then ordinal id) gives it.</para>
/// <para><b>Cost of a lookup.</b> Two rounds of calls: one per rule the query has a key for (12 at most with the
/// default rules), then one per row shard holding a candidate (at most the number of distinct candidates, and at most
/// <see cref="ClusterIndexOptions.Buckets"/>). The query is prepared once here to find its keys, and again by each row
/// shard it is sent to (a few microseconds; preparation is deterministic).</para>
/// <para><b>Writes.</b> <see cref="UpsertAsync"/> and <see cref="RemoveAsync"/> go through the record id's owner grain,
/// which commits the write to the store (the record's version becomes its previous version + 1), then applies it to
/// its row shard and to every key bucket the record's new keys fall in, and removes it from the buckets of old keys it
/// no longer has. Grains apply by version, so a retried or reordered apply changes nothing. A write is acknowledged
/// only after its commit; <see cref="AddRangeAsync"/> commits whole batches the same way.</para>
/// <para><b>Failure.</b> A grain loads its entries from the store when it activates, so a key bucket or row shard
/// whose silo was lost comes back whole on another silo. Calls wait up to <see cref="ClusterIndexOptions.RecoveryWait"/>
/// for that; a lookup still missing some then returns a result flagged <see cref="ClusterMatchResult.IsDegraded"/>,
/// never a silently partial one.</para>
/// <para>Thread-safe: any number of lookups may run at once. Nothing it throws contains patient data.</para>
/// </remarks>
public sealed class ClusterPatientIndex
{
    /// <summary>Records per store transaction in <see cref="AddRangeAsync"/>: large enough that a bulk load is a few
    /// hundred transactions per million records, small enough that one batch's bucket calls stay small.</summary>
    private const int BatchSize = 1_000;

    /// <summary>Unacknowledged writes a repair sweep takes at a time.</summary>
    private const int RepairBatchSize = 1_000;

    private readonly IGrainFactory _grains;
    private readonly ClusterIndexOptions _options;
    private readonly IReadOnlyList<Matching.Blocking.BlockingRule> _rules;
    private readonly TimeProvider _time;

    private ClusterPatientIndex(IGrainFactory grains, ClusterIndexOptions options, string snapshotVersion, TimeProvider time)
    {
        _grains = grains;
        _options = options;
        _rules = options.Index.BlockingRules;
        _time = time;
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
    /// <param name="time">The clock for <see cref="ClusterIndexOptions.RecoveryWait"/> and retry backoff;
    /// <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/>, <paramref name="model"/> or
    /// <paramref name="termFrequencies"/> is null.</exception>
    /// <exception cref="ArgumentException">The options have no blocking rule.</exception>
    public static async Task<ClusterPatientIndex> CreateAsync(
        IGrainFactory grains, MatchModel model, TermFrequencyTable termFrequencies, ClusterIndexOptions? options = null, TimeProvider? time = null)
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
        return new ClusterPatientIndex(grains, options, snapshot.Version, time ?? TimeProvider.System) { PublishedSnapshot = true };
    }

    /// <summary>Opens the index named by <see cref="ClusterIndexOptions.Name"/> on a cluster that other nodes may share:
    /// joins the snapshot the index already uses, or, when it has none yet, measures and publishes one and makes it the
    /// index's snapshot (when two nodes race, both end up with the first one adopted).</summary>
    /// <param name="grains">The cluster (an <c>IClusterClient</c>, or a silo's grain factory).</param>
    /// <param name="model">The model that scores candidates; a node joining must use the model the snapshot holds.</param>
    /// <param name="measureTermFrequencies">Measures the term frequencies over every record (called only when no
    /// snapshot has been adopted yet, so joining nodes never read the whole index).</param>
    /// <param name="options">The layout; <see langword="null"/> for <see cref="ClusterIndexOptions.Default"/>. Every
    /// node of one index must use the same.</param>
    /// <param name="time">The clock; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    /// <returns>The client; <see cref="PublishedSnapshot"/> says whether it published the index's snapshot (then the
    /// caller is the one to load the records).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The index's snapshot was made with another model, term-frequency
    /// table or layout than this node's: its version differs from the one this node computes from it.</exception>
    public static async Task<ClusterPatientIndex> OpenAsync(
        IGrainFactory grains, MatchModel model, Func<CancellationToken, Task<TermFrequencyTable>> measureTermFrequencies,
        ClusterIndexOptions? options = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(measureTermFrequencies);
        options ??= ClusterIndexOptions.Default;
        var catalog = grains.GetGrain<IIndexCatalogGrain>(options.Name);
        if (await catalog.CurrentAsync() is not { } current)
        {
            var created = await CreateAsync(grains, model, await measureTermFrequencies(cancellationToken), options, time);
            current = await catalog.AdoptAsync(created.SnapshotVersion);
            if (current == created.SnapshotVersion)
            {
                created.PublishedSnapshot = true;
                return created;
            }
        }

        // Joining: the snapshot's own table, with this node's model and layout, must give the snapshot's version back,
        // or this node would prepare queries and route them under another layout than the buckets hold.
        var snapshot = await grains.GetGrain<IIndexSnapshotGrain>(current).GetAsync()
            ?? throw new InvalidOperationException("The index's snapshot " + current + " is missing from the store.");
        using var tf = new MemoryStream(snapshot.TermFrequencies, writable: false);
        var mine = IndexSnapshot.Create(model, TermFrequencyTable.ReadFrom(tf), options);
        if (!string.Equals(mine.Version, current, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The index uses snapshot " + current + ", made with another model or layout than this node's ("
                + mine.Version + ").");
        }

        return new ClusterPatientIndex(grains, options, current, time ?? TimeProvider.System);
    }

    /// <summary>Gets a value indicating whether this client published the snapshot the index uses
    /// (<see cref="OpenAsync"/> found none, or <see cref="CreateAsync"/> made it), as opposed to joining one a peer
    /// published.</summary>
    public bool PublishedSnapshot { get; private set; }

    /// <summary>Loads records: each batch of records is committed to the store in one transaction, then applied to
    /// each record's row shard and to one key bucket per blocking rule it has a key for, every grain in parallel.</summary>
    /// <param name="records">The records; each needs an id, and ids are distinct within one call. A record whose id
    /// is already indexed is replaced (a new version), and leaves the buckets of keys it no longer has.</param>
    /// <param name="cancellationToken">Stops the load between batches (batches already committed stay).</param>
    /// <returns>How many records every bucket acknowledged (the rest are committed and repair on reload or by
    /// <see cref="RepairAsync"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or one of its entries is null.</exception>
    /// <exception cref="ArgumentException">A record has no id, or two have the same id.</exception>
    /// <exception cref="TimeoutException">A batch could not be committed within
    /// <see cref="ClusterIndexOptions.RecoveryWait"/> (it may or may not have been; loading it again is safe).</exception>
    public async Task<int> AddRangeAsync(IEnumerable<PatientRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var batch = records.ToArray();
        var ids = new HashSet<string>(batch.Length, StringComparer.Ordinal);
        foreach (var record in batch)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
            if (string.IsNullOrEmpty(record.Id))
            {
                throw new ArgumentException("Every record needs an id.", nameof(records));
            }

            if (!ids.Add(record.Id))
            {
                throw new ArgumentException("Two records have the same id.", nameof(records));
            }
        }

        var writer = _grains.GetGrain<IIndexWriterGrain>(_options.Name);
        var applied = 0;
        foreach (var chunk in batch.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var prepared = new RecordSet(chunk, _options.Index.RecordSetOptions);
            var buckets = new BucketAddress[chunk.Length][];
            for (var i = 0; i < chunk.Length; i++)
            {
                buckets[i] = BucketsOf(prepared, i);
            }

            applied += await Retrying(() => writer.WriteBatchAsync(SnapshotVersion, chunk, buckets, _options.RecoveryWait), WriteWait, cancellationToken);
        }

        return applied;
    }

    /// <summary>Adds a record, or replaces the record with its id: committed to the store, then applied to the
    /// buckets its keys fall in and removed from those of keys it no longer has.</summary>
    /// <param name="record">The record; its id is the key.</param>
    /// <param name="cancellationToken">Stops waiting (the write may still be committed).</param>
    /// <returns>The committed version, and whether every bucket acknowledged it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">The record has no id.</exception>
    /// <exception cref="TimeoutException">The write was not acknowledged within
    /// <see cref="ClusterIndexOptions.RecoveryWait"/> (it may or may not have been committed; writing it again is
    /// safe).</exception>
    public Task<ClusterWriteResult> UpsertAsync(PatientRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrEmpty(record.Id))
        {
            throw new ArgumentException("The record needs an id.", nameof(record));
        }

        var buckets = BucketsOf(new RecordSet([record], _options.Index.RecordSetOptions), 0);
        var owner = _grains.GetGrain<IRecordOwnerGrain>(BucketLayout.OwnerKey(_options.Name, record.Id));
        return Retrying(() => owner.WriteAsync(SnapshotVersion, record, buckets, _options.RecoveryWait), WriteWait, cancellationToken);
    }

    /// <summary>Removes the record with this id: committed to the store (its version goes up, leaving a tombstone),
    /// then removed from every bucket it was in.</summary>
    /// <param name="id">The record id.</param>
    /// <param name="cancellationToken">Stops waiting (the removal may still be committed).</param>
    /// <returns>The tombstone's version, or <see cref="ClusterWriteResult.Changed"/> false when there was no record.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="TimeoutException">The removal was not acknowledged within
    /// <see cref="ClusterIndexOptions.RecoveryWait"/> (removing again is safe).</exception>
    public Task<ClusterWriteResult> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var owner = _grains.GetGrain<IRecordOwnerGrain>(BucketLayout.OwnerKey(_options.Name, id));
        return Retrying(() => owner.WriteAsync(SnapshotVersion, null, [], _options.RecoveryWait), WriteWait, cancellationToken);
    }

    /// <summary>Applies every committed write that some bucket has not acknowledged (a write whose bucket calls
    /// failed after its commit, or whose writer was lost between the two) to its buckets again; harmless for buckets
    /// that have it (they apply by version). Run it after a silo is lost, or when a write returned
    /// <see cref="ClusterWriteResult.IsApplied"/> false.</summary>
    /// <param name="cancellationToken">Stops the sweep between batches.</param>
    /// <returns>How many writes it applied; the rest (buckets still unreachable) stay for the next sweep.</returns>
    public async Task<int> RepairAsync(CancellationToken cancellationToken = default)
    {
        var writer = _grains.GetGrain<IIndexWriterGrain>(_options.Name);
        var total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (found, applied) = await Retrying(() => writer.RepairAsync(SnapshotVersion, RepairBatchSize, _options.RecoveryWait), WriteWait, cancellationToken);
            total += applied;
            if (found < RepairBatchSize || applied < found)
            {
                return total; // all done, or some buckets still unreachable: stop rather than read the same ones again
            }
        }
    }

    /// <summary>Finds the indexed records that match a query, best first: the answer
    /// <see cref="PatientIndex.FindMatches(PatientRecord, int)"/> gives for the same records, model and options.</summary>
    /// <param name="query">The record to look up; its id is ignored.</param>
    /// <param name="maxResults">The most matches to return; 0 returns none.</param>
    /// <returns>The matches and the snapshot version they were scored with; flagged
    /// <see cref="ClusterMatchResult.IsDegraded"/> when some bucket did not answer within
    /// <see cref="ClusterIndexOptions.RecoveryWait"/>.</returns>
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
            return new ClusterMatchResult([], SnapshotVersion, 0, 0);
        }

        // Phase 1: each rule's key bucket names its candidates, in the single node's posting order.
        var prepared = new RecordSet([query], _options.Index.RecordSetOptions);
        var cap = _options.Index.MaxCandidates;
        var keyCalls = new List<Task<CandidateAnswer?>>(_rules.Count);
        for (var r = 0; r < _rules.Count; r++)
        {
            var key = _rules[r].GetKey(prepared, 0);
            if (key != 0)
            {
                var bucket = Bucket(r, BucketLayout.BucketOf(r, key, _options.Buckets));
                keyCalls.Add(AnswerOrNull(() => bucket.CandidatesAsync(SnapshotVersion, key, cap)));
            }
        }

        var named = await Task.WhenAll(keyCalls);
        var candidates = Gather(named, cap, SnapshotVersion);

        // Phase 2: the row shards holding the candidates score them; every shard's best N merge into the answer.
        var byShard = new Dictionary<int, List<string>>();
        foreach (var id in candidates)
        {
            var shard = BucketLayout.RowShardOf(id, _options.Buckets);
            if (!byShard.TryGetValue(shard, out var ids))
            {
                byShard[shard] = ids = [];
            }

            ids.Add(id);
        }

        var scoreCalls = new List<Task<BucketAnswer?>>(byShard.Count);
        foreach (var (shard, ids) in byShard)
        {
            var rows = RowShard(shard);
            var asked = ids.ToArray();
            scoreCalls.Add(AnswerOrNull(() => rows.ScoreAsync(SnapshotVersion, query, asked, maxResults)));
        }

        var scored = await Task.WhenAll(scoreCalls);
        var unanswered = named.Count(answer => answer is null) + scored.Count(answer => answer is null);
        return new ClusterMatchResult(Merge([.. scored.OfType<BucketAnswer>()], maxResults, SnapshotVersion), SnapshotVersion,
            keyCalls.Count + scoreCalls.Count, unanswered);
    }

    /// <summary>The candidates the single node gathers from the same posting lists: rule by rule in rule order, each
    /// list in its order, each id once, stopping at <paramref name="cap"/> (<see cref="PatientIndexOptions.MaxCandidates"/>).
    /// Every bucket sends at most <paramref name="cap"/> ids, which is all the single node could take from one list.</summary>
    internal static List<string> Gather(IReadOnlyList<CandidateAnswer?> answers, int cap, string snapshotVersion)
    {
        var candidates = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            if (answer is null)
            {
                continue; // counted as unanswered: the result says it is degraded
            }

            if (answer.SnapshotVersion is { } version && !string.Equals(version, snapshotVersion, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("A bucket answered under snapshot " + version + ", not " + snapshotVersion + ".");
            }

            foreach (var id in answer.Ids)
            {
                if (candidates.Count == cap)
                {
                    return candidates;
                }

                if (seen.Add(id))
                {
                    candidates.Add(id);
                }
            }
        }

        return candidates;
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

        // One record found under several rules has the same score under each (same rows, model and frequencies). But
        // while a write is being applied (or after one whose apply failed, until repair) one bucket can still hold
        // the record's old content and another its new: then its copies differ and are not neighbours, so ids
        // already taken are remembered; the heavier copy is kept.
        all.Sort(static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Id, b.Id));
        var merged = new List<IndexMatch>(Math.Min(maxResults, all.Count));
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count && merged.Count < maxResults; i++)
        {
            if (taken.Add(all[i].Id))
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

    /// <summary>The bucket of each rule the prepared record at <paramref name="index"/> has a key for.</summary>
    private BucketAddress[] BucketsOf(RecordSet records, int index)
    {
        Span<int> buckets = stackalloc int[_rules.Count];
        var routed = RouteInto(records, index, buckets);
        // Every key bucket of a rule the record has a key for, and its row shard (where its prepared row lives).
        var addresses = new BucketAddress[routed + 1];
        var a = 0;
        for (var r = 0; r < buckets.Length; r++)
        {
            if (buckets[r] >= 0)
            {
                addresses[a++] = new BucketAddress(r, buckets[r]);
            }
        }

        addresses[a] = BucketLayout.RowAddress(records.GetId(index)!, _options.Buckets);
        return addresses;
    }

    /// <summary>A bucket's answer, or null when it did not answer within the recovery wait.</summary>
    private async Task<T?> AnswerOrNull<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            // A call already sent to a silo that was just killed may hang rather than fail: each try gets a quarter of
            // the wait, so the next one can reach the bucket's new activation (a lookup is safe to repeat).
            return await Retrying(call, _options.RecoveryWait, CancellationToken.None, attemptWait: _options.RecoveryWait / 4);
        }
        catch (Exception exception) when (Transient.Is(exception))
        {
            return null;
        }
    }

    /// <summary>How long a write waits: <see cref="ClusterIndexOptions.RecoveryWait"/> for its owner and the store,
    /// and as long again for the owner's calls to the buckets.</summary>
    private TimeSpan WriteWait => _options.RecoveryWait * 2;

    /// <summary>Runs a call, retrying transient failures (a lost silo's grains reactivating elsewhere) with a growing
    /// backoff until <paramref name="wait"/> has passed; a call still running then is abandoned with a
    /// <see cref="TimeoutException"/>. A zero wait makes one plain try. With <paramref name="attemptWait"/>, a try
    /// that has not answered within it is abandoned and retried too.</summary>
    private async Task<T> Retrying<T>(Func<Task<T>> call, TimeSpan wait, CancellationToken cancellationToken, TimeSpan? attemptWait = null)
    {
        if (wait == TimeSpan.Zero)
        {
            return await call().WaitAsync(cancellationToken);
        }

        var start = _time.GetTimestamp();
        var backoff = FirstBackoff;
        while (true)
        {
            var left = wait - _time.GetElapsedTime(start);
            try
            {
                // left > 0: the first time it is the whole wait, and a retry happens only with time left after its backoff.
                return await call().WaitAsync(attemptWait is { } most && most < left ? most : left, _time, cancellationToken);
            }
            catch (Exception exception) when (Transient.Is(exception) && _time.GetElapsedTime(start) + backoff < wait)
            {
                await Task.Delay(backoff, _time, cancellationToken);
                backoff = backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;
            }
        }
    }

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    private IRowShardGrain RowShard(int shard) =>
        _grains.GetGrain<IRowShardGrain>(BucketLayout.RowShardKey(_options.Name, shard));

    private IIndexBucketGrain Bucket(int rule, int bucket) =>
        _grains.GetGrain<IIndexBucketGrain>(BucketLayout.GrainKey(_options.Name, rule, bucket));

    /// <summary>Returns a description with the layout only.</summary>
    /// <returns><c>ClusterPatientIndex(name, B buckets, snapshot version)</c>.</returns>
    public override string ToString() =>
        "ClusterPatientIndex(" + _options.Name + ", " + _options.Buckets.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + " buckets, snapshot " + SnapshotVersion + ")";
}
