namespace NhsIdentity.Cli.Ingestion;

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

    /// <summary>Gets the builder that prepares the accepted records as they are read, or <see langword="null"/> to
    /// keep them in the result. A format that cannot stream ignores it and keeps them; the caller tells the two apart
    /// by the result's records (<see cref="PreparedRecords"/> when they went to the builder).</summary>
    public NhsIdentity.Matching.RecordSetBuilder? PrepareInto { get; init; }
}
