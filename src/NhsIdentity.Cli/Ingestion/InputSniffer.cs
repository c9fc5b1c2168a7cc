namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Looks at the first bytes of an input before it is read as text, so a file of the wrong kind is refused with what
/// it is instead of being read as rows: an Excel workbook read as CSV gives zip bytes as column names and exit 0.
/// </summary>
/// <remarks>Messages name the kind of file detected, never a byte of its content.</remarks>
internal static class InputSniffer
{
    private const int SniffLength = 512;

    /// <summary>The kinds of binary file recognised by their leading bytes, and what to do about each.</summary>
    private static readonly (byte[] Magic, string Kind)[] Signatures =
    [
        ("PK\u0003\u0004"u8.ToArray(), "a ZIP archive but not an Excel workbook: extract it and give the CSV or .xlsx file inside"),
        ([0x1F, 0x8B], "gzip-compressed: decompress it first"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Excel .xls (or other Office) file: save it as .xlsx (link, dedupe and train read it) or export it as CSV"),
        ("%PDF"u8.ToArray(), "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
    ];

    /// <summary>Refuses a file that is binary, or (for CSV) whose first line is JSON.</summary>
    /// <param name="path">The input file; it must exist.</param>
    /// <param name="expectsCsv">Whether the file is to be read as CSV (a JSON first line then says which format to use).</param>
    /// <exception cref="IngestionException">The file is binary or JSON given as CSV (the input cannot be used: exit 1,
    /// as for an empty file), or cannot be opened (a usage error).</exception>
    public static void ThrowIfNotText(string path, bool expectsCsv)
    {
        var head = new byte[SniffLength];
        int length;
        try
        {
            using var stream = File.OpenRead(path);
            length = stream.ReadAtLeast(head, SniffLength, throwOnEndOfStream: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IngestionException("The file could not be opened: " + exception.GetType().Name + ".", exception) { IsUsageError = true };
        }

        var start = head.AsSpan(0, length);
        var name = Path.GetFileName(path);
        if (XlsxWorkbook.Is(path))
        {
            // The matching commands read a workbook before this check (InputFormat.Csv); the others need CSV.
            throw new IngestionException($"{name} is an Excel .xlsx workbook: save or export it as CSV (link, dedupe and train read .xlsx directly).");
        }

        foreach (var (magic, kind) in Signatures)
        {
            if (start.StartsWith(magic))
            {
                throw new IngestionException($"{name} is {kind}; it cannot be read as text.");
            }
        }

        // UTF-16 text starts with a byte-order mark and holds NUL bytes by design; anything else with a NUL is binary.
        var utf16 = start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (!utf16 && start.Contains((byte)0))
        {
            throw new IngestionException($"{name} holds NUL bytes: it is a binary file, not text.");
        }

        if (expectsCsv && FirstNonBlank(start) is (byte)'{' or (byte)'[')
        {
            throw new IngestionException($"The first line of {name} is JSON, not a CSV header: for FHIR Patient resources, one per line, use --format fhir-ndjson.");
        }
    }

    private static byte FirstNonBlank(ReadOnlySpan<byte> bytes)
    {
        // Skip a UTF-8 byte-order mark and white space.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        return 0;
    }
}
