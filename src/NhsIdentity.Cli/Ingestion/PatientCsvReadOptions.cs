namespace NhsIdentity.Cli.Ingestion;

/// <summary>How <see cref="PatientCsvReader"/> reads a file. Every property has a working default.</summary>
internal sealed record PatientCsvReadOptions
{
    /// <summary>The default <see cref="MaxFieldLength"/>: 65,536 characters (64 KB).</summary>
    public const int DefaultMaxFieldLength = 65_536;

    /// <summary>Gets the <c>--map FIELD=COLUMN</c> overrides (see <see cref="ColumnMapping"/>). Default: none.</summary>
    public IReadOnlyList<string> ColumnOverrides { get; init; } = [];

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
}
