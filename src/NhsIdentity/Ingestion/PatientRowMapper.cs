using System.Diagnostics.CodeAnalysis;
using NhsIdentity.Matching;

namespace NhsIdentity.Ingestion;

/// <summary>
/// Where the rows of a tabular input (CSV, a sheet of a workbook, any reader of your own) become records: numbering,
/// record building through a <see cref="ColumnMapping"/>, id checks, rejections and the counts. Every reader hands its
/// rows here, so all of them number, reject and count the same way; a reader does only what is particular to its
/// format (quotes and field counts for CSV, cell types for a workbook) and passes on each row's values as strings.
/// </summary>
/// <remarks>
/// <para>
/// For each row met, a reader calls <see cref="SkipBlank"/> (a blank row: not a data row), or <see cref="NextRow"/>
/// and then either <see cref="Reject"/> (the reader's own reason, such as a wrong field count) or
/// <see cref="TryMap"/>, which builds the record and sets the row aside itself when its id is empty or repeats an
/// earlier row's (the first row with an id is kept). So <see cref="RowsRead"/> = <see cref="Accepted"/> +
/// <see cref="Rejected"/> at every point between rows.
/// </para>
/// <para>
/// Records are handed back, not kept: a reader may stream them. Rejections are kept (positions and reasons only,
/// never content). An instance reads one input; it is not thread-safe.
/// </para>
/// </remarks>
public sealed class PatientRowMapper
{
    private readonly List<RowRejection> rejections = [];
    private readonly RecordIds ids = new();
    private long started;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="mapping">The column mapping of the input's header.</param>
    /// <exception cref="ArgumentNullException"><paramref name="mapping"/> is <see langword="null"/>.</exception>
    public PatientRowMapper(ColumnMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        Mapping = mapping;
    }

    /// <summary>Gets the mapping.</summary>
    public ColumnMapping Mapping { get; }

    /// <summary>Gets the number of data rows met (started with <see cref="NextRow"/>), which is also the current row's
    /// number; between rows it equals <see cref="Accepted"/> + <see cref="Rejected"/>.</summary>
    public long RowsRead => started;

    /// <summary>Gets the number of blank rows skipped (not data rows).</summary>
    public long BlankRowsSkipped { get; private set; }

    /// <summary>Gets the number of rows accepted as records.</summary>
    public long Accepted { get; private set; }

    /// <summary>Gets the number of rows set aside.</summary>
    public long Rejected => rejections.Count;

    /// <summary>Gets the rows set aside so far, in input order.</summary>
    public IReadOnlyList<RowRejection> Rejections => rejections;

    /// <summary>Gets the NHS numbers Excel had written in scientific notation with digits lost (those rows are kept
    /// without an NHS number).</summary>
    public long NhsNumbersLostToExcel { get; private set; }

    /// <summary>Gets the NHS numbers recovered from an Excel form (<c>="..."</c>, <c>.0</c>, full scientific).</summary>
    public long NhsNumbersRecoveredFromExcel { get; private set; }

    /// <summary>Counts a blank row (not a data row: it takes no row number).</summary>
    public void SkipBlank() => BlankRowsSkipped++;

    /// <summary>Starts the next data row.</summary>
    /// <returns>Its 1-based row number.</returns>
    public long NextRow() => ++started;

    /// <summary>Sets the current row aside for a reason the reader found.</summary>
    /// <param name="line">The 1-based line (CSV) or sheet row where the row starts.</param>
    /// <param name="reason">Why.</param>
    /// <param name="detail">The reason in words: counts, positions and column names only, never content.</param>
    /// <returns>The rejection recorded.</returns>
    /// <exception cref="InvalidOperationException">No row was started (<see cref="NextRow"/>).</exception>
    public RowRejection Reject(int line, RejectionReason reason, string detail)
    {
        ThrowIfNoRow();
        var rejection = new RowRejection(started, line, reason, detail ?? string.Empty);
        rejections.Add(rejection);
        return rejection;
    }

    /// <summary>Builds the current row's record from its values, or sets the row aside for its id.</summary>
    /// <param name="values">The values by column, unquoted and trimmed, empty as <see langword="null"/> or empty; may
    /// be shorter than the header.</param>
    /// <param name="line">The 1-based line (CSV) or sheet row where the row starts.</param>
    /// <param name="record">The record, when the row is accepted.</param>
    /// <returns><see langword="false"/> when the row was set aside (its id is empty or repeats an earlier row's): the
    /// last of <see cref="Rejections"/> says why.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No row was started (<see cref="NextRow"/>).</exception>
    public bool TryMap(IReadOnlyList<string?> values, int line, [NotNullWhen(true)] out PatientRecord? record)
    {
        ArgumentNullException.ThrowIfNull(values);
        ThrowIfNoRow();
        var built = Mapping.ToRecord(values, started, out var damage);
        if (!ids.TryAdd(built.Id, started, out var idRejection))
        {
            rejections.Add(new RowRejection(started, line, idRejection.Reason, idRejection.Detail));
            record = null;
            return false;
        }

        NhsNumbersLostToExcel += damage == ExcelNumberDamage.Lost ? 1 : 0;
        NhsNumbersRecoveredFromExcel += damage == ExcelNumberDamage.Recovered ? 1 : 0;
        Accepted++;
        record = built;
        return true;
    }

    /// <summary>The result of the input read so far, with the records the reader kept.</summary>
    /// <param name="records">The accepted records, in input order (all of them, so the counts reconcile).</param>
    /// <param name="separator">The field separator, or <see langword="null"/> for an input without one.</param>
    /// <returns>The records, rejections, counts and warnings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    public PatientReadResult ToResult(IReadOnlyList<PatientRecord> records, char? separator = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new PatientReadResult(records, [.. rejections], RowsRead)
        {
            BlankRowsSkipped = BlankRowsSkipped,
            Mapping = Mapping,
            Separator = separator,
            Description = Mapping.Describe(),
            NhsNumbersLostToExcel = NhsNumbersLostToExcel,
            NhsNumbersRecoveredFromExcel = NhsNumbersRecoveredFromExcel,
            SkippedOverrides = Mapping.SkippedOverrides,
            IdsAreRowNumbers = Mapping.IdsAreRowNumbers,
            Warnings = Warnings(),
        };
    }

    private List<string> Warnings()
    {
        var warnings = new List<string>();
        if (NhsNumbersLostToExcel > 0)
        {
            warnings.Add(FormattableString.Invariant(
                $"{NhsNumbersLostToExcel} NHS number(s) had lost digits to Excel's scientific notation and were read as missing"));
        }

        foreach (var skipped in Mapping.SkippedOverrides)
        {
            warnings.Add("override " + skipped + " not applied: the input has no such column");
        }

        if (Mapping.IdsAreRowNumbers)
        {
            warnings.Add("no id or local id column: records are identified by row number");
        }

        return warnings;
    }

    private void ThrowIfNoRow()
    {
        if (started == 0)
        {
            throw new InvalidOperationException("No row was started: call NextRow first.");
        }
    }
}
