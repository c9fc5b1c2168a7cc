using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>What <see cref="PatientCsvReader"/> read: accepted records, rejected rows, and counts that reconcile.</summary>
internal sealed class PatientCsvReadResult
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="mapping">The column mapping used.</param>
    /// <param name="separator">The field separator used.</param>
    /// <param name="records">The accepted records, in file order.</param>
    /// <param name="rejections">The rejected rows, in file order.</param>
    /// <param name="rowsRead">Data rows read, counted as they were met.</param>
    /// <param name="blankLinesSkipped">Blank lines skipped between or after rows.</param>
    public PatientCsvReadResult(
        ColumnMapping mapping,
        char separator,
        IReadOnlyList<PatientRecord> records,
        IReadOnlyList<RowRejection> rejections,
        long rowsRead,
        int blankLinesSkipped)
    {
        Mapping = mapping;
        Separator = separator;
        Records = records;
        Rejections = rejections;
        RowsRead = rowsRead;
        BlankLinesSkipped = blankLinesSkipped;
    }

    /// <summary>Gets the column mapping used (print <see cref="ColumnMapping.Describe"/> for the user).</summary>
    public ColumnMapping Mapping { get; }

    /// <summary>Gets the field separator used (given or inferred).</summary>
    public char Separator { get; }

    /// <summary>Gets the accepted records, in file order.</summary>
    public IReadOnlyList<PatientRecord> Records { get; }

    /// <summary>Gets the rejected rows, in file order.</summary>
    public IReadOnlyList<RowRejection> Rejections { get; }

    /// <summary>Gets the number of blank lines skipped (not counted as rows).</summary>
    public int BlankLinesSkipped { get; }

    /// <summary>
    /// Gets the number of data rows read (the header and blank lines excluded), counted as they were met; it equals
    /// <see cref="Accepted"/> + <see cref="Rejected"/>, which tests check.
    /// </summary>
    public long RowsRead { get; }

    /// <summary>Gets the NHS numbers Excel had written in scientific notation with digits lost (kept as missing).</summary>
    public long NhsNumbersLostToExcel { get; init; }

    /// <summary>Gets the NHS numbers recovered from an Excel form (<c>="..."</c>, <c>.0</c>, full scientific).</summary>
    public long NhsNumbersRecoveredFromExcel { get; init; }

    /// <summary>Gets the lenient <c>--map</c> texts (<see cref="PatientCsvReadOptions.LenientColumnOverrides"/>) whose
    /// column this file does not have.</summary>
    public IReadOnlyList<string> SkippedOverrides { get; init; } = [];

    /// <summary>Gets the number of rows accepted as records.</summary>
    public long Accepted => Records.Count;

    /// <summary>Gets the number of rows rejected.</summary>
    public long Rejected => Rejections.Count;

    /// <summary>Counts the rejections with one reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>How many rows were rejected for it.</returns>
    public long CountRejected(RejectionReason reason)
    {
        long count = 0;
        foreach (var rejection in Rejections)
        {
            if (rejection.Reason == reason)
            {
                count++;
            }
        }

        return count;
    }
}
