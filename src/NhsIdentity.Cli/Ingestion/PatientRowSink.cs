using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Where the rows of a tabular input (CSV, or a sheet of an xlsx workbook) become records: numbering, record building
/// through the <see cref="ColumnMapping"/>, id checks, rejections and the counts, shared so both readers number, reject
/// and count the same way. The readers do only what is particular to their format (quotes and field counts for CSV,
/// cell types for xlsx) and hand over the row's values as strings.
/// </summary>
/// <remarks>A rejected row's verbatim content is the reader's to write (to the rejects file): only it has the row as read.</remarks>
/// <param name="mapping">The column mapping.</param>
internal sealed class PatientRowSink(ColumnMapping mapping)
{
    private readonly List<PatientRecord> records = [];
    private readonly List<RowRejection> rejections = [];
    private readonly RecordIds ids = new();

    /// <summary>Gets the mapping.</summary>
    public ColumnMapping Mapping => mapping;

    /// <summary>Gets the number of data rows met so far (accepted and rejected).</summary>
    public long RowNumber { get; private set; }

    /// <summary>Gets the number of blank rows skipped.</summary>
    public int BlankRows { get; private set; }

    /// <summary>Gets the accepted records.</summary>
    public IReadOnlyList<PatientRecord> Records => records;

    /// <summary>Gets the rejections.</summary>
    public IReadOnlyList<RowRejection> Rejections => rejections;

    /// <summary>Gets the NHS numbers Excel had written in scientific notation with digits lost (the rows are kept
    /// without an NHS number).</summary>
    public long NhsNumbersLostToExcel { get; private set; }

    /// <summary>Gets the NHS numbers recovered from an Excel form (<c>="..."</c>, <c>.0</c>, full scientific).</summary>
    public long NhsNumbersRecoveredFromExcel { get; private set; }

    /// <summary>Counts a blank row (not a data row).</summary>
    public void SkipBlank() => BlankRows++;

    /// <summary>Starts the next data row and returns its 1-based number.</summary>
    /// <returns>The row number.</returns>
    public long NextRow() => ++RowNumber;

    /// <summary>Sets the current row aside.</summary>
    /// <param name="line">The row's line (CSV) or sheet row (xlsx).</param>
    /// <param name="reason">Why.</param>
    /// <param name="detail">Counts and positions only, never content.</param>
    public void Reject(int line, RejectionReason reason, string detail) => rejections.Add(new RowRejection(RowNumber, line, reason, detail));

    /// <summary>Builds the current row's record from its values, or sets the row aside for its id.</summary>
    /// <param name="values">The values by column, unquoted and trimmed; empty as <see langword="null"/>.</param>
    /// <param name="line">The row's line (CSV) or sheet row (xlsx).</param>
    /// <returns><see langword="false"/> when the row was set aside (the reader then writes it to the rejects file).</returns>
    public bool Accept(IReadOnlyList<string?> values, int line)
    {
        var record = mapping.ToRecord(values, RowNumber, out var damage);
        if (!ids.TryAdd(record.Id, RowNumber, out var idRejection))
        {
            Reject(line, idRejection.Reason, idRejection.Detail);
            return false;
        }

        NhsNumbersLostToExcel += damage == ExcelNumberDamage.Lost ? 1 : 0;
        NhsNumbersRecoveredFromExcel += damage == ExcelNumberDamage.Recovered ? 1 : 0;
        records.Add(record);
        return true;
    }

    /// <summary>The result.</summary>
    /// <param name="separator">The CSV separator (a comma for xlsx, whose rejects are written as CSV).</param>
    /// <param name="skippedOverrides">The lenient <c>--map</c> texts whose column the file lacks.</param>
    /// <returns>The records, rejections and counts.</returns>
    public PatientCsvReadResult ToResult(char separator, IReadOnlyList<string> skippedOverrides) =>
        new(mapping, separator, records, rejections, RowNumber, BlankRows)
        {
            NhsNumbersLostToExcel = NhsNumbersLostToExcel,
            NhsNumbersRecoveredFromExcel = NhsNumbersRecoveredFromExcel,
            SkippedOverrides = skippedOverrides,
        };
}
