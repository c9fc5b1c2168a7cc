using System.Globalization;
using System.Xml;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Reads one worksheet of an Excel .xlsx workbook into patient records, turning each row into the strings the CSV
/// path would have read and handing them to the same <see cref="PatientRowMapper"/>, so mapping, ids, rejections (by
/// row number) and counts are the CSV reader's.
/// </summary>
/// <remarks>
/// <para>The first visible sheet unless <see cref="PatientCsvReadOptions.Sheet"/> names one (by name, else 1-based
/// number; hidden sheets count). A workbook whose parts expand past <see cref="XlsxWorkbook.MaxUncompressedBytes"/> is
/// refused before it is read.
/// The first row is the header (blank rows above it are skipped), with <see cref="HeaderCheck"/> and
/// <c>--no-header</c> as for CSV.</para>
/// <para>Cells: text trimmed of spaces and tabs; a number with an integer value as its digits, never <c>.0</c> or an
/// exponent (Excel stores 9998153395 as a double); other numbers in their shortest round-trip form; a date-formatted
/// cell as <c>yyyy-MM-dd</c> (with <c>THH:mm:ss</c> when it has a time); TRUE/FALSE; error cells and empty cells as
/// empty. A formula cell gives its cached value.</para>
/// <para>Rows are rejected as in CSV: a cell longer than the field limit, a value beyond the header's last column,
/// an empty or repeated id. Rejected rows go to the rejects file as CSV (the header row first). Line numbers are the
/// sheet's row numbers, as Excel shows them.</para>
/// </remarks>
internal static class XlsxPatientReader
{
    /// <summary>Reads a workbook.</summary>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="options">Options (the separator and row length do not apply).</param>
    /// <returns>The records, rejections and counts.</returns>
    /// <exception cref="IngestionException">The workbook cannot be read, has no such sheet, or its header is unusable.</exception>
    public static PatientReadResult Read(string path, PatientCsvReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = Path.GetFileName(path);
        RegisterCodePages();
        try
        {
            // A run's budget: the reader loads a sheet's shared strings whole, so a small archive that expands hugely
            // would fill memory. The archive's directory says how big its parts are without inflating them.
            if (XlsxWorkbook.UncompressedBytes(path) > XlsxWorkbook.MaxUncompressedBytes)
            {
                throw new IngestionException(string.Create(CultureInfo.InvariantCulture,
                    $"{name} expands to more than {XlsxWorkbook.MaxUncompressedBytes >> 30} GiB uncompressed; export the sheet as CSV instead."));
            }

            using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            SelectSheet(reader, options.Sheet, name);
            return ReadSheet(reader, options, name);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IngestionException("The file could not be opened: " + exception.GetType().Name + ".", exception) { IsUsageError = true };
        }
        catch (Exception exception) when (exception is ExcelReaderException or InvalidDataException or XmlException or FormatException)
        {
            // The library's message may quote cell content; keep it only as the inner exception.
            throw new IngestionException($"{name} could not be read as an Excel .xlsx workbook ({exception.GetType().Name}).", exception);
        }
    }

    /// <summary>
    /// ExcelDataReader's configuration asks for Windows-1252 (its fallback for old .xls text) even when reading .xlsx,
    /// which .NET has only with the code-page provider; that provider ships in the shared framework, so no package.
    /// Registering it twice is harmless.
    /// </summary>
    private static void RegisterCodePages() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    private static void SelectSheet(IExcelDataReader reader, string? sheet, string fileName)
    {
        if (sheet is null)
        {
            // The first sheet a person would see: a hidden first sheet (lookups, a macro's scratch) is skipped.
            reader.Reset();
            for (var index = 1; index <= reader.ResultsCount; index++)
            {
                if (reader.VisibleState is null || string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                reader.NextResult();
            }

            reader.Reset(); // none visible: the first, as before
            return;
        }

        var count = reader.ResultsCount;
        var wanted = sheet.Trim();
        var byNumber = int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;

        // A name wins over a number: a sheet may be called "2".
        for (var pass = 0; pass < 2; pass++)
        {
            reader.Reset();
            for (var index = 1; index <= count; index++)
            {
                if (pass == 0 ? string.Equals(reader.Name?.Trim(), wanted, StringComparison.OrdinalIgnoreCase) : index == byNumber)
                {
                    return;
                }

                reader.NextResult();
            }
        }

        throw new IngestionException(string.Create(CultureInfo.InvariantCulture,
            $"--sheet: {fileName} has no sheet named or numbered '{wanted}'; it has {count} sheet(s), numbered from 1."))
        {
            IsUsageError = true,
        };
    }

    private static PatientReadResult ReadSheet(IExcelDataReader reader, PatientCsvReadOptions options, string source)
    {
        var sheetRow = 0;
        string?[]? first = null;
        while (reader.Read())
        {
            sheetRow++;
            var cells = Cells(reader);
            if (!IsBlank(cells))
            {
                first = cells;
                break;
            }
        }

        if (first is null)
        {
            throw new IngestionException($"The sheet of {source} is empty: expected a header row.");
        }

        var headerLine = sheetRow;
        var width = options.NoHeader ? first.Length : LastNonEmpty(first) + 1;
        var header = new string[width];
        for (var i = 0; i < width; i++)
        {
            header[i] = options.NoHeader ? (i + 1).ToString(CultureInfo.InvariantCulture) : first[i] ?? string.Empty;
        }

        if (!options.NoHeader && HeaderCheck.LooksLikeData(header, [.. options.ColumnOverrides, .. options.LenientColumnOverrides]))
        {
            throw new IngestionException(
                $"{source}: the first row looks like data, not a header (a cell reads as an NHS number, a date, a postcode or a number, and no cell is a known column name). Add a header row, or use --no-header and name the columns by position with --map, for example --map nhs_number=1.");
        }

        var mapping = CliColumnMapping.Create(header, options.ColumnOverrides, options.LenientColumnOverrides);
        var sink = new PatientRowMapper(mapping);
        var records = AcceptedRecords.For(options.PrepareInto);
        using var rejects = options.RejectsPath is null ? null : new AtomicFileWriter(options.RejectsPath);
        if (!options.NoHeader)
        {
            WriteRow(rejects?.Writer, header);
        }
        else
        {
            Accept(sink, records, first, headerLine, width, options.MaxFieldLength, rejects?.Writer);
        }

        while (reader.Read())
        {
            sheetRow++;
            var cells = Cells(reader);
            if (IsBlank(cells))
            {
                sink.SkipBlank();
                continue;
            }

            Accept(sink, records, cells, sheetRow, width, options.MaxFieldLength, rejects?.Writer);
        }

        var result = sink.ToResult(records.ToList(), ',');
        if (result.Rejected > 0)
        {
            rejects?.Commit();
        }

        return result;
    }

    private static void Accept(PatientRowMapper sink, AcceptedRecords records, string?[] cells, int line, int width, int maxFieldLength, TextWriter? rejects)
    {
        sink.NextRow();
        var last = LastNonEmpty(cells);
        if (last >= width)
        {
            sink.Reject(line, RejectionReason.TooManyFields, string.Create(CultureInfo.InvariantCulture, $"{last + 1} fields, expected {width}"));
            WriteRow(rejects, cells);
            return;
        }

        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is { } cell && cell.Length > maxFieldLength)
            {
                sink.Reject(line, RejectionReason.FieldTooLong, string.Create(CultureInfo.InvariantCulture,
                    $"field {i + 1} has {cell.Length} characters, more than {maxFieldLength}"));
                WriteRow(rejects, cells);
                return;
            }
        }

        var values = cells.Length >= width ? cells : [.. cells, .. new string?[width - cells.Length]];
        if (sink.TryMap(values, line, out var record))
        {
            records.Add(record);
        }
        else
        {
            WriteRow(rejects, cells);
        }
    }

    private static string?[] Cells(IExcelDataReader reader)
    {
        var cells = new string?[reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = XlsxCellText.Of(reader.GetValue(i));
        }

        return cells;
    }

    private static bool IsBlank(string?[] cells) => LastNonEmpty(cells) < 0;

    private static int LastNonEmpty(string?[] cells)
    {
        for (var i = cells.Length - 1; i >= 0; i--)
        {
            if (!string.IsNullOrEmpty(cells[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static void WriteRow(TextWriter? writer, string?[] cells)
    {
        if (writer is null)
        {
            return;
        }

        for (var i = 0; i <= LastNonEmpty(cells); i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            CsvText.WriteField(writer, cells[i]);
        }

        writer.Write('\n');
    }
}
