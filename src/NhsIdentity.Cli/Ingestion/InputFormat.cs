namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// An input format the matching commands accept (<c>--format</c>): its name, the extension its rejects file takes,
/// whether <c>--map</c> applies, and the <see cref="PatientSource"/> that reads it. A new format (for example
/// <c>fhir-ndjson</c> from the NhsIdentity.Fhir package) is one more entry in <see cref="All"/>.
/// </summary>
internal sealed class InputFormat
{
    private InputFormat(string name, string rejectsExtension, bool acceptsColumnMap, PatientSource read)
    {
        Name = name;
        RejectsExtension = rejectsExtension;
        AcceptsColumnMap = acceptsColumnMap;
        Read = read;
    }

    /// <summary>Gets the supplier CSV extract format (the default).</summary>
    public static InputFormat Csv { get; } = new("csv", ".csv", acceptsColumnMap: true, ReadCsv);

    /// <summary>Gets the HL7 v2 message file format: one patient record per message, from its PID segment.</summary>
    public static InputFormat Hl7V2 { get; } = new("hl7v2", ".hl7", acceptsColumnMap: false, Hl7FileReader.Read);

    /// <summary>Gets the FHIR NDJSON format: one UK Core <c>Patient</c> resource per line (Bulk Data exports).</summary>
    public static InputFormat FhirNdjson { get; } = new("fhir-ndjson", ".ndjson", acceptsColumnMap: false, FhirNdjsonFileReader.Read);

    /// <summary>Gets the DICOM format: a folder of files (or one file), one patient record per file from its header.</summary>
    public static InputFormat Dicom { get; } = new("dicom", ".csv", acceptsColumnMap: false, DicomInputReader.Read);

    /// <summary>Gets every format, in the order the help text lists them.</summary>
    public static IReadOnlyList<InputFormat> All { get; } = [Csv, Dicom, FhirNdjson, Hl7V2];

    /// <summary>Gets the name given to <c>--format</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the extension of the rejects file (<c>OUT.LABEL.rejects.EXT</c>, see
    /// <see cref="Commands.MatchingInputs.RejectsPathOf"/>), with its dot.</summary>
    public string RejectsExtension { get; }

    /// <summary>Gets a value indicating whether <c>--map</c> applies (the format has named columns).</summary>
    public bool AcceptsColumnMap { get; }

    /// <summary>Gets the reader.</summary>
    public PatientSource Read { get; }

    /// <summary>Finds a format by name, ignoring case.</summary>
    /// <param name="name">The <c>--format</c> value; <see langword="null"/> is the default, CSV.</param>
    /// <returns>The format, or <see langword="null"/> when none has that name.</returns>
    public static InputFormat? Find(string? name)
    {
        if (name is null)
        {
            return Csv;
        }

        foreach (var format in All)
        {
            if (string.Equals(format.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        return null;
    }

    /// <summary>The names of every format, for messages: <c>csv, hl7v2</c>.</summary>
    /// <returns>The names joined with commas.</returns>
    public static string Names()
    {
        var names = new string[All.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = All[i].Name;
        }

        return string.Join(", ", names);
    }

    /// <summary>A supplier extract: CSV, or an Excel .xlsx workbook, told apart by content, not name (a workbook saved
    /// as <c>.csv</c> is read as the workbook it is, and the description says so).</summary>
    private static PatientReadResult ReadCsv(string path, PatientSourceOptions options)
    {
        var csvOptions = new PatientCsvReadOptions
        {
            ColumnOverrides = options.ColumnOverrides,
            LenientColumnOverrides = options.LenientColumnOverrides,
            RejectsPath = options.RejectsPath,
            NoHeader = options.NoHeader,
            Sheet = options.Sheet,
            PrepareInto = options.PrepareInto,
        };

        var (result, description) = ReadTable(path, csvOptions);
        return ToReadResult(result, description);
    }

    /// <summary>Reads a table of patients: an Excel workbook (told by content) or CSV, with the lines that say how the
    /// file was read (workbook or not, which sheet) for the column summary. Every reader of extracts in columns comes
    /// here, so a workbook is read the same way by <c>link</c>, <c>dedupe</c>, <c>train</c> and <c>profile</c>.</summary>
    internal static (PatientReadResult Result, List<string> HowRead) ReadTable(string path, PatientCsvReadOptions options)
    {
        var workbook = XlsxWorkbook.Is(path);
        var result = workbook ? XlsxPatientReader.Read(path, options) : SepPatientCsvReader.Read(path, options);
        var description = new List<string>();
        if (workbook)
        {
            var extension = Path.GetExtension(path);
            var sheet = options.Sheet is null ? "first visible sheet" : "--sheet";
            description.Add(string.Equals(extension, ".xlsx", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".xlsm", StringComparison.OrdinalIgnoreCase)
                ? "read as an Excel workbook (" + sheet + ")"
                : "read as an Excel workbook: the file is .xlsx whatever its name says (" + sheet + ")");
        }
        else if (options.Sheet is not null)
        {
            description.Add("--sheet ignored: the file is CSV, not a workbook");
        }

        return (result, description);
    }

    /// <summary>A CSV reader's result in the shape every format's reader returns (<c>nhsid profile</c> reads through
    /// <see cref="ReadTable"/> itself to keep the column mapping).</summary>
    /// <param name="result">What the CSV reader read.</param>
    /// <param name="before">Lines to put before the mapping's description (how the file was read), or null.</param>
    /// <returns>The same records, rejections and counts, with the mapping's description and the Excel counts.</returns>
    internal static PatientReadResult ToReadResult(PatientReadResult result, IEnumerable<string>? before = null) =>
        result with { Description = [.. before ?? [], .. result.Description] };
}
