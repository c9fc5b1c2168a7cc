namespace NhsIdentity.Cli.Ingestion;

/// <summary>How <see cref="SepPatientCsvReader"/> reads a file. Every property has a working default.</summary>
internal sealed record PatientCsvReadOptions
{
    /// <summary>The default <see cref="MaxFieldLength"/>: 65,536 characters (64 KB), the library reader's
    /// (<see cref="PatientCsvOptions.DefaultMaxFieldLength"/>).</summary>
    public const int DefaultMaxFieldLength = PatientCsvOptions.DefaultMaxFieldLength;

    /// <summary>Gets the <c>--map FIELD=COLUMN</c> overrides (see <see cref="ColumnMapping"/>). Default: none.</summary>
    public IReadOnlyList<string> ColumnOverrides { get; init; } = [];

    /// <summary>
    /// Gets <c>--map FIELD=COLUMN</c> overrides that apply only when this file has the column (<c>--map</c> given to
    /// two inputs; the command fails when neither has it), after <see cref="ColumnOverrides"/>, which win for a field
    /// both name. Default: none.
    /// </summary>
    public IReadOnlyList<string> LenientColumnOverrides { get; init; } = [];

    /// <summary>Gets the worksheet of an xlsx input, by name or 1-based number, or <see langword="null"/> for the
    /// first (<c>--sheet</c>). Ignored for CSV.</summary>
    public string? Sheet { get; init; }

    /// <summary>
    /// Gets the file to write rejected rows to, verbatim after the header row, or <see langword="null"/> for none
    /// (the default). Written to a temporary file and renamed, so it is complete or absent.
    /// </summary>
    public string? RejectsPath { get; init; }

    /// <summary>
    /// Gets the field separator, or <see langword="null"/> (the default) to let Sep infer it from the header row,
    /// where it looks for its supported separators (comma, semicolon, tab, pipe and a few others), so comma,
    /// semicolon and tab files all read without an option. A one-column file reads the same whatever is inferred.
    /// </summary>
    public char? Separator { get; init; }

    /// <summary>Gets the longest field accepted, in characters; a row with a longer field is rejected. Default 65,536.</summary>
    public int MaxFieldLength { get; init; } = DefaultMaxFieldLength;

    /// <summary>The default <see cref="MaxRowLength"/>: 4,194,304 characters (4 M), a quarter of the row Sep can hold.</summary>
    public const int DefaultMaxRowLength = PatientCsvOptions.DefaultMaxRowLength;

    /// <summary>
    /// Gets the longest row kept, in characters; a longer row (one 16 MB line, or a stray quote that makes the rest
    /// of the file one field) is rejected without being kept in memory, and reading goes on after it
    /// (<see cref="RowLengthLimiter"/>). Default 4,194,304.
    /// </summary>
    public int MaxRowLength { get; init; } = DefaultMaxRowLength;

    /// <summary>
    /// Gets a value indicating whether the file has no header row (<c>--no-header</c>): the first row is data, the
    /// columns are named by their 1-based position (<c>1</c>, <c>2</c>, ...) and <see cref="ColumnOverrides"/> must
    /// name them (<c>--map nhs_number=2</c>). Default <see langword="false"/>.
    /// </summary>
    public bool NoHeader { get; init; }

    /// <summary>Gets the builder that prepares the accepted records as they are read (they are then not kept: the
    /// result's records have only their number, see <see cref="PreparedRecords"/>), or <see langword="null"/> to keep
    /// them.</summary>
    public NhsIdentity.Matching.RecordSetBuilder? PrepareInto { get; init; }
}
