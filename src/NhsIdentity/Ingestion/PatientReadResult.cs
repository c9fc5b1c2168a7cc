using NhsIdentity.Matching;

namespace NhsIdentity.Ingestion;

/// <summary>
/// What a reader read from one input, whatever its format (CSV, a workbook, HL7 v2 messages, FHIR resources):
/// accepted records, rejected items by number and reason, counts that reconcile, and lines that say how the input
/// was read.
/// </summary>
/// <remarks>
/// <para>
/// An item is a data row (CSV, workbook), a message (HL7 v2) or a resource (FHIR): <see cref="ItemName"/> says which.
/// <see cref="ItemsRead"/> counts them as they were met, so <see cref="Reconciles"/> (read = accepted + rejected) is
/// a check on the reader, not a definition. Blank rows are not items; they are counted in
/// <see cref="BlankRowsSkipped"/>.
/// </para>
/// <para>
/// Instances are immutable (the lists are copies or read-only views the reader no longer changes) and safe to share
/// across threads. Nothing here but <see cref="Records"/> holds patient data: <see cref="Rejections"/>,
/// <see cref="Description"/>, <see cref="Warnings"/> and <see cref="ToString"/> give counts, positions and column
/// names only.
/// </para>
/// </remarks>
public sealed record PatientReadResult
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="records">The accepted records, in input order.</param>
    /// <param name="rejections">The rejected items, in input order.</param>
    /// <param name="itemsRead">Items read (rows, messages, resources), counted as they were met.</param>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or <paramref name="rejections"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="itemsRead"/> is negative.</exception>
    public PatientReadResult(IReadOnlyList<PatientRecord> records, IReadOnlyList<RowRejection> rejections, long itemsRead)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(rejections);
        ArgumentOutOfRangeException.ThrowIfNegative(itemsRead);
        Records = records;
        Rejections = rejections;
        ItemsRead = itemsRead;
    }

    /// <summary>Gets the accepted records, in input order.</summary>
    public IReadOnlyList<PatientRecord> Records { get; }

    /// <summary>Gets the rejected items, in input order: number, line and reason, never content.</summary>
    public IReadOnlyList<RowRejection> Rejections { get; }

    /// <summary>Gets the number of items read, counted as they were met; it equals <see cref="Accepted"/> +
    /// <see cref="Rejected"/> when <see cref="Reconciles"/>.</summary>
    public long ItemsRead { get; }

    /// <summary>Gets the number of items accepted as records.</summary>
    public long Accepted => Records.Count;

    /// <summary>Gets the number of items rejected.</summary>
    public long Rejected => Rejections.Count;

    /// <summary>Gets a value indicating whether the counts reconcile: every item read was accepted or rejected.</summary>
    public bool Reconciles => ItemsRead == Accepted + Rejected;

    /// <summary>Gets what an item is called, plural: <c>rows</c> (the default), <c>messages</c>, <c>resources</c>.</summary>
    public string ItemName { get; init; } = "rows";

    /// <summary>Gets the number of blank rows (or lines) skipped; they are not items.</summary>
    public long BlankRowsSkipped { get; init; }

    /// <summary>Gets the column mapping used, or <see langword="null"/> for a format without columns.</summary>
    public ColumnMapping? Mapping { get; init; }

    /// <summary>Gets the field separator used (given or inferred), or <see langword="null"/> for a format without one.</summary>
    public char? Separator { get; init; }

    /// <summary>Gets lines that say how the input was read (the column mapping, the format), naming columns only.</summary>
    public IReadOnlyList<string> Description { get; init; } = [];

    /// <summary>Gets things the caller should know that did not set an item aside (digits lost to Excel, overrides not
    /// applied, ids taken from row numbers), in words with counts and column names only.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Gets the NHS numbers Excel had written in scientific notation with digits lost (the records are kept
    /// without one). Zero for formats Excel does not write.</summary>
    public long NhsNumbersLostToExcel { get; init; }

    /// <summary>Gets the NHS numbers recovered from an Excel form (<c>="..."</c>, <c>.0</c>, full scientific).</summary>
    public long NhsNumbersRecoveredFromExcel { get; init; }

    /// <summary>Gets the lenient overrides (<see cref="ColumnMapping.SkippedOverrides"/>) whose column this input does
    /// not have.</summary>
    public IReadOnlyList<string> SkippedOverrides { get; init; } = [];

    /// <summary>Gets a value indicating whether records are identified by row number (no id or local id column).</summary>
    public bool IdsAreRowNumbers { get; init; }

    /// <summary>Counts the rejections with one reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>How many items were rejected for it.</returns>
    public long CountRejected(RejectionReason reason)
    {
        long count = 0;
        foreach (var rejection in Rejections)
        {
            count += rejection.Reason == reason ? 1 : 0;
        }

        return count;
    }

    /// <summary>Summarises the counts, never the records: <c>12 rows read: 10 accepted, 2 rejected</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        FormattableString.Invariant($"{ItemsRead} {ItemName} read: {Accepted} accepted, {Rejected} rejected");
}
