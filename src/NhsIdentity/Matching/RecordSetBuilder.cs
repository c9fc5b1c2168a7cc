namespace NhsIdentity.Matching;

/// <summary>
/// Builds a <see cref="RecordSet"/> from records handed over one at a time, preparing them in batches as they arrive,
/// so a reader of a large extract need not hold every raw <see cref="PatientRecord"/> until the end.
/// </summary>
/// <remarks>
/// <para>Records are gathered into batches; a full batch is prepared on all cores while the caller goes on adding to
/// the next one, and dropped once prepared. At most two batches of raw records are held at a time, whatever the
/// number of records. Term frequencies are measured when the set is built, over all its records.</para>
/// <para>The set built is the same, byte for byte, as <see cref="RecordSet(IEnumerable{PatientRecord}, RecordSetOptions)"/>
/// makes from the same records in the same order: the same rows in the same positions, ids, field counts and term
/// frequencies.</para>
/// <para>A builder builds one set: after <see cref="Build"/> it takes no more records. It is not thread-safe: add
/// from one thread at a time. Should preparing a batch in the background throw (it does not for any record's
/// content; running out of memory would), the exception comes out of the next <see cref="Add"/> or
/// <see cref="Build"/>, and of every call after it: a builder that threw is spent. A builder dropped without
/// <see cref="Build"/> lets its last batch finish in the background and keeps nothing.</para>
/// </remarks>
public sealed class RecordSetBuilder
{
    /// <summary>Records in a batch by default: enough for every core to have shares of it (a few tens of MB of raw
    /// records at most).</summary>
    internal const int DefaultBatchSize = 4 * RecordSet.ParallelPreparationThreshold;

    private readonly RecordSet _set;
    private readonly int _batchSize;
    private readonly int _maxDegreeOfParallelism;
    private readonly int _recordsPerShare;

    private List<PatientRecord>? _pending;
    private List<PatientRecord>? _spare;
    private Task? _preparing;
    private int _count;

    /// <summary>Initializes a builder with the default options.</summary>
    public RecordSetBuilder()
        : this(RecordSetOptions.Default)
    {
    }

    /// <summary>Initializes a builder.</summary>
    /// <param name="options">How to read the records.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public RecordSetBuilder(RecordSetOptions options)
        : this(options, DefaultBatchSize, maxDegreeOfParallelism: -1, recordsPerShare: RecordSet.RecordsPerShare)
    {
    }

    /// <summary>Initializes a builder with its batch size, threads (-1: all) and records per thread's share (tests
    /// make them small to cross many batch and share boundaries; the set is the same whatever they are).</summary>
    internal RecordSetBuilder(RecordSetOptions options, int batchSize, int maxDegreeOfParallelism, int recordsPerShare)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(recordsPerShare);
        _set = new RecordSet(options, Math.Min(batchSize, RecordSet.ParallelPreparationThreshold));
        _batchSize = batchSize;
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
        _recordsPerShare = recordsPerShare;
        _pending = new List<PatientRecord>(Math.Min(batchSize, RecordSet.ParallelPreparationThreshold));
    }

    /// <summary>Gets the options the records are prepared with.</summary>
    public RecordSetOptions Options => _set.Options;

    /// <summary>Gets the number of records added so far: the <see cref="RecordSet.Count"/> of the set built.</summary>
    public int Count => _count;

    /// <summary>Adds the next record; it takes the next position in the set (<see cref="Count"/> before the call).</summary>
    /// <param name="record">The record. The builder may prepare it later, on another thread: do not change it
    /// after adding it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The set was already built.</exception>
    /// <remarks>Also rethrows what preparing an earlier batch in the background threw (see the class remarks); the
    /// record is then not added.</remarks>
    public void Add(PatientRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pending = _pending ?? throw Built();
        ThrowIfPreparingFailed();
        if (_count == int.MaxValue)
        {
            throw new InvalidOperationException("A record set holds at most " + int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) + " records.");
        }

        pending.Add(record);
        _count++;
        if (pending.Count == _batchSize)
        {
            HandOff(pending);
        }
    }

    /// <summary>Prepares the records still pending, measures term frequencies over all the records, and returns the
    /// set. The builder takes no more records afterwards.</summary>
    /// <returns>The set, with the records in the order they were added.</returns>
    /// <exception cref="InvalidOperationException">The set was already built.</exception>
    /// <remarks>Rethrows what preparing a batch in the background threw (see the class remarks).</remarks>
    public RecordSet Build()
    {
        var pending = _pending ?? throw Built();
        WaitForPreparing();
        _set.AppendAll(pending, _maxDegreeOfParallelism, _recordsPerShare);
        _pending = null;
        _spare = null;
        _set.TrimExcess();
        _set.ComputeTermFrequencies();
        return _set;
    }

    /// <summary>Returns a description with the number of records only, never their contents.</summary>
    /// <returns><c>RecordSetBuilder(Count = n)</c>.</returns>
    public override string ToString() => "RecordSetBuilder(Count = " + _count.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";

    private static InvalidOperationException Built() => new("The record set was already built; a builder builds one set.");

    /// <summary>Starts preparing a full batch in the background once the one before it is done (batches go into
    /// the set in order, one at a time), and goes on with the emptied list of the batch before.</summary>
    private void HandOff(List<PatientRecord> full)
    {
        WaitForPreparing();
        _pending = _spare ?? new List<PatientRecord>(_batchSize);
        _spare = full;
        _preparing = Task.Run(() =>
        {
            _set.AppendAll(full, _maxDegreeOfParallelism, _recordsPerShare);
            full.Clear(); // the raw records are not needed once prepared
        });
    }

    private void ThrowIfPreparingFailed()
    {
        if (_preparing is { IsFaulted: true } failed)
        {
            failed.GetAwaiter().GetResult(); // before the record is counted, so Count stays what the set holds
        }
    }

    private void WaitForPreparing()
    {
        if (_preparing is { } preparing)
        {
            // Rethrows what preparing threw (the task stays faulted, so every later call rethrows it too).
            preparing.GetAwaiter().GetResult();
            _preparing = null;
        }
    }
}
