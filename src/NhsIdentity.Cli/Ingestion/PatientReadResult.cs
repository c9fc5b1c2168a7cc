using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// What any <see cref="PatientSource"/> read from one input file, whatever its format: accepted records, rejected items
/// (rows, messages, resources), counts that reconcile, and lines that say how the input was interpreted.
/// </summary>
internal sealed class PatientReadResult
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="records">The accepted records, in file order.</param>
    /// <param name="rejections">The rejected items, in file order.</param>
    /// <param name="itemsRead">Items read (rows, messages, ...), counted as they were met: accepted + rejected.</param>
    /// <param name="itemName">What an item is called in the summary, plural: <c>rows</c>, <c>messages</c>.</param>
    /// <param name="description">Lines describing how the input was read (column mapping, format), never values.</param>
    public PatientReadResult(IReadOnlyList<PatientRecord> records, IReadOnlyList<RowRejection> rejections, long itemsRead, string itemName, IReadOnlyList<string> description)
    {
        Records = records;
        Rejections = rejections;
        ItemsRead = itemsRead;
        ItemName = itemName;
        Description = description;
    }

    /// <summary>Gets the accepted records, in file order.</summary>
    public IReadOnlyList<PatientRecord> Records { get; }

    /// <summary>Gets the rejected items, in file order.</summary>
    public IReadOnlyList<RowRejection> Rejections { get; }

    /// <summary>Gets the number of items read; it equals <see cref="Accepted"/> + <see cref="Rejected"/>.</summary>
    public long ItemsRead { get; }

    /// <summary>Gets what an item is called in the summary (plural).</summary>
    public string ItemName { get; }

    /// <summary>Gets lines describing how the input was read.</summary>
    public IReadOnlyList<string> Description { get; }

    /// <summary>Gets the NHS numbers Excel had written in scientific notation with digits lost (the records are kept
    /// without one). Zero for formats Excel does not write.</summary>
    public long NhsNumbersLostToExcel { get; init; }

    /// <summary>Gets the NHS numbers recovered from an Excel form (<c>="..."</c>, <c>.0</c>, full scientific).</summary>
    public long NhsNumbersRecoveredFromExcel { get; init; }

    /// <summary>Gets the lenient <c>--map</c> texts (<see cref="PatientSourceOptions.LenientColumnOverrides"/>) whose
    /// column this input does not have.</summary>
    public IReadOnlyList<string> SkippedOverrides { get; init; } = [];

    /// <summary>Gets a value indicating whether records are identified by row number (no id or local id column).</summary>
    public bool IdsAreRowNumbers { get; init; }

    /// <summary>Gets the number of items accepted as records.</summary>
    public long Accepted => Records.Count;

    /// <summary>Gets the number of items rejected.</summary>
    public long Rejected => Rejections.Count;
}

/// <summary>
/// Reads one input file into patient records, rejecting what it cannot read instead of failing the file. Rejected
/// items go verbatim to <see cref="PatientSourceOptions.RejectsPath"/>; rejections carry positions and reasons only.
/// </summary>
/// <param name="path">The input file.</param>
/// <param name="options">How to read it.</param>
/// <returns>The records, rejections and counts.</returns>
/// <exception cref="IngestionException">The file as a whole cannot be used (missing, empty, bad options).</exception>
internal delegate PatientReadResult PatientSource(string path, PatientSourceOptions options);

/// <summary>What every <see cref="PatientSource"/> is given.</summary>
/// <param name="ColumnOverrides">The <c>--map FIELD=COLUMN</c> options (only formats with columns accept them).</param>
/// <param name="RejectsPath">Where to write rejected items verbatim, or <see langword="null"/> for nowhere.</param>
/// <param name="NoHeader"><c>--no-header</c>: a CSV file's first row is data (formats without a header ignore it).</param>
internal sealed record PatientSourceOptions(IReadOnlyList<string> ColumnOverrides, string? RejectsPath, bool NoHeader = false)
{
    /// <summary>Gets <c>--map</c> texts that apply only when the input has the column (see
    /// <see cref="PatientCsvReadOptions.LenientColumnOverrides"/>).</summary>
    public IReadOnlyList<string> LenientColumnOverrides { get; init; } = [];

    /// <summary>Gets the worksheet of an xlsx input (<c>--sheet</c>), or <see langword="null"/> for the first.</summary>
    public string? Sheet { get; init; }
}
