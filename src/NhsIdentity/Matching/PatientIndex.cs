using System.Globalization;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching;

/// <summary>
/// An in-process index of patient records for "who is this patient in our system?" lookups, one message at a time:
/// records are prepared once when they enter, and a lookup scores only the records that share a blocking key with
/// the query.
/// </summary>
/// <remarks>
/// <para><b>Keys.</b> Every record needs a <see cref="PatientRecord.Id"/> (ordinal, case-sensitive). Adding a
/// record whose id is already indexed replaces the old version: the old values stop matching at once.</para>
/// <para><b>Lookups.</b> A query is prepared into a per-thread scratch set (never a new <see cref="RecordSet"/> per
/// call); its key under each blocking rule selects the indexed records to score (each record once, however many
/// rules select it; at most <see cref="PatientIndexOptions.MaxCandidates"/>); each is scored with the model and
/// kept when its decision is at least <see cref="PatientIndexOptions.MinimumDecision"/>. The query's own id is
/// ignored. <see cref="FindMatches(PatientRecord, Span{IndexMatch})"/> allocates nothing once a thread has made
/// its first lookup.</para>
/// <para><b>Concurrency.</b> Any number of threads may look up at the same time; writes
/// (<see cref="AddOrUpdate"/>, <see cref="Remove"/>, <see cref="RefreshTermFrequencies"/>) take turns and wait for
/// running lookups to finish (a reader-writer lock that prefers waiting writers). A lookup sees the index either
/// before or after each write, never half-way: every result is the one some serial order of the calls would give.
/// </para>
/// <para><b>Term frequencies.</b> Matches on a name or postcode are adjusted for how common the value is among the
/// indexed records, measured when <see cref="RefreshTermFrequencies"/> is called (call it after the initial load and
/// then now and again, for example nightly). Records added or replaced since the last refresh are scored without an
/// adjustment until the next one; below <see cref="RecordSetOptions.MinimumRecordsForTermFrequencies"/> records
/// there are no adjustments at all.</para>
/// <para><b>Memory.</b> Removal moves the last record into the freed position, so the index stays dense; text left
/// behind by replaced and removed records is reclaimed once it is half of the text held.</para>
/// <para>Nothing the index throws or prints contains patient data; <see cref="ToString"/> shows the count only.</para>
/// </remarks>
public sealed partial class PatientIndex : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly MatchModel _model;
    private readonly PatientIndexOptions _options;
    private readonly RecordSetOptions _recordSetOptions;
    private readonly BlockingRule[] _rules;
    private readonly PostingTable[] _postings;
    private readonly Dictionary<string, int> _positionById = new(StringComparer.Ordinal);
    private readonly RecordSet _records;
    private readonly int _maxCandidates;
    private readonly MatchDecision _minimumDecision;

    /// <summary>The weight below which no candidate can reach <see cref="_minimumDecision"/> (see
    /// <see cref="MatchModel.WeightFloor"/>).</summary>
    private readonly double _weightFloor;
    private volatile int _count;

    /// <summary>Creates an empty index.</summary>
    /// <param name="model">The model that scores candidates.</param>
    /// <param name="options">Blocking rules, preparation options and lookup limits; <see langword="null"/> for
    /// <see cref="PatientIndexOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null, or an option is null.</exception>
    /// <exception cref="ArgumentException">There are no blocking rules, a rule is null,
    /// <see cref="PatientIndexOptions.MaxCandidates"/> is less than 1, or
    /// <see cref="PatientIndexOptions.MinimumDecision"/> is undefined.</exception>
    public PatientIndex(MatchModel model, PatientIndexOptions? options = null)
        : this(model, Checked(model, options), records: null)
    {
    }

    /// <summary>An index over <paramref name="records"/> (prepared with the options' <see cref="RecordSetOptions"/>;
    /// ids unique), or an empty one; the options are checked.</summary>
    private PatientIndex(MatchModel model, PatientIndexOptions options, RecordSet? records)
    {
        _rules = [.. options.BlockingRules];
        _postings = new PostingTable[_rules.Length];
        for (var r = 0; r < _rules.Length; r++)
        {
            _postings[r] = new PostingTable();
        }

        _model = model;
        _options = options;
        _recordSetOptions = options.RecordSetOptions;
        _maxCandidates = options.MaxCandidates;
        _minimumDecision = options.MinimumDecision;
        _weightFloor = model.WeightFloor(options.MinimumDecision);
        _records = records ?? new RecordSet(_recordSetOptions, 16);
    }

    /// <summary>The options, or the defaults, once checked as the constructor documents.</summary>
    private static PatientIndexOptions Checked(MatchModel model, PatientIndexOptions? options)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= PatientIndexOptions.Default;
        ArgumentNullException.ThrowIfNull(options.BlockingRules, nameof(options));
        ArgumentNullException.ThrowIfNull(options.RecordSetOptions, nameof(options));
        if (options.BlockingRules.Count == 0)
        {
            throw new ArgumentException("The index needs at least one blocking rule.", nameof(options));
        }

        if (options.BlockingRules.Any(rule => rule is null))
        {
            throw new ArgumentException("A blocking rule is null.", nameof(options));
        }

        if (options.MaxCandidates < 1)
        {
            throw new ArgumentException("MaxCandidates must be at least 1.", nameof(options));
        }

        if (!Enum.IsDefined(options.MinimumDecision))
        {
            throw new ArgumentException("MinimumDecision must be a defined decision.", nameof(options));
        }

        return options;
    }

    /// <summary>Gets the model that scores candidates.</summary>
    public MatchModel Model => _model;

    /// <summary>Gets the options the index was created with.</summary>
    public PatientIndexOptions Options => _options;

    /// <summary>Gets the number of records indexed (a snapshot: a concurrent write may change it at once).</summary>
    public int Count => _count;

    /// <summary>Whether a record with this id is indexed.</summary>
    /// <param name="id">The record id.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public bool Contains(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        _lock.EnterReadLock();
        try
        {
            return _positionById.ContainsKey(id);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Releases the lock's wait handles. The index must not be used afterwards.</summary>
    public void Dispose() => _lock.Dispose();

    /// <summary>Returns a description with the number of records only, never their contents.</summary>
    /// <returns><c>PatientIndex(Count = n)</c>.</returns>
    public override string ToString() => "PatientIndex(Count = " + _count.ToString(CultureInfo.InvariantCulture) + ")";
}
