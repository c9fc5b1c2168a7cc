using System.Globalization;
using nietras.SeparatedValues;
using NhsIdentity.Ingestion;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Streams a CSV file row by row for commands that copy it to an output with some rows dropped or some fields
/// replaced (<c>pseudonymise</c>, <c>filter-optouts</c>): the header and the untouched fields are passed through as
/// they were written (quotes included), so nothing but the intended change reaches the output.
/// </summary>
/// <remarks>
/// Input as for <see cref="SepPatientCsvReader"/>: UTF-8 with or without a byte-order mark, LF or CRLF, RFC 4180 quoting,
/// separator detected from the header. A row whose quotes are unbalanced or whose field count differs from the
/// header's is malformed: the callback is told, and the command rejects it. A row longer than
/// <see cref="PatientCsvReadOptions.DefaultMaxRowLength"/> is skipped unread (<see cref="RowLengthLimiter"/>) and handed
/// over as malformed and too long: only its first part is in the row, so it must not be copied anywhere. Blank lines
/// are skipped. Nothing here ever puts a field value into a message. Cells copied to an output go through
/// <see cref="CsvInjection.WriteRawRow"/> (or <see cref="PassThroughHeader.WriteTo"/>) so formulas are neutralised.
/// </remarks>
internal static class CsvPassThrough
{
    /// <summary>Receives one non-blank data row.</summary>
    /// <param name="row">The row (raw fields, quotes kept).</param>
    /// <param name="rowNumber">The 1-based data row number (blank lines not counted).</param>
    /// <param name="malformed">Whether the row has unbalanced quotes or the wrong number of fields, or is too long.</param>
    /// <param name="tooLong">Whether the row was too long: it was skipped unread and only its first part is here.</param>
    public delegate void RowHandler(SepReader.Row row, long rowNumber, bool malformed, bool tooLong);

    /// <summary>Reads a file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="onHeader">Receives the header: its cells (unquoted, trimmed), raw line and the separator.</param>
    /// <param name="onRow">Receives each data row.</param>
    /// <returns>The number of data rows.</returns>
    /// <exception cref="IngestionException">The file is missing, empty, has no usable header, or cannot be read as CSV.</exception>
    public static long Read(string path, Action<PassThroughHeader> onHeader, RowHandler onRow)
    {
        ArgumentNullException.ThrowIfNull(onHeader);
        ArgumentNullException.ThrowIfNull(onRow);
        if (!File.Exists(path))
        {
            throw new IngestionException($"File not found: {path}") { IsUsageError = true };
        }

        InputSniffer.ThrowIfNotText(path, expectsCsv: true);
        var name = Path.GetFileName(path);
        try
        {
            using var limiter = new RowLengthLimiter(new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true), PatientCsvReadOptions.DefaultMaxRowLength);
            using var reader = Sep.Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(limiter, leaveOpen: true);
            if (reader.IsEmpty || !reader.MoveNext() || reader.Current.Span.Length == 0)
            {
                throw new IngestionException($"{name} is empty: expected a header row.");
            }

            var headerRow = reader.Current;
            if (limiter.TryTakeCut(headerRow.LineNumberFrom, out _))
            {
                throw new IngestionException($"The first row of {name} is too long to be a header row (is the file CSV?).");
            }

            if (!CsvText.HasBalancedQuotes(headerRow.Span))
            {
                throw new IngestionException($"The header row of {name} has an unbalanced quote.");
            }

            var header = new string[headerRow.ColCount];
            var rawHeader = new string[headerRow.ColCount];
            for (var i = 0; i < header.Length; i++)
            {
                header[i] = CsvField.ToValue(headerRow[i].Span) ?? string.Empty;
                rawHeader[i] = headerRow[i].Span.ToString();
            }

            onHeader(new PassThroughHeader(header, rawHeader, headerRow.Span.ToString(), reader.Spec.Sep.Separator));
            long rowNumber = 0;
            foreach (var row in reader)
            {
                var tooLong = limiter.TryTakeCut(row.LineNumberFrom, out _);
                if (row.Span.Length == 0 && !tooLong)
                {
                    continue;
                }

                rowNumber++;
                onRow(row, rowNumber, tooLong || !CsvText.HasBalancedQuotes(row.Span) || row.ColCount != header.Length, tooLong);
            }

            return rowNumber;
        }
        catch (InvalidDataException exception)
        {
            // Sep's message may quote the row; keep it only as the inner exception.
            throw new IngestionException($"{name} could not be read as CSV.", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException && exception is not Outputs.OutputWriteException)
        {
            // Reading failed; a failed write of an output (from onRow) goes on up, naming its option.
            throw new IngestionException($"{name} could not be read: {exception.GetType().Name}.", exception) { IsUsageError = true };
        }
    }

    /// <summary>
    /// Finds a column by name: exactly as written first, then by normalised name (<see cref="ColumnMapping.Normalise"/>,
    /// so <c>NHS Number</c> finds <c>nhs_number</c>), then, when <paramref name="name"/> is a standard field name, the
    /// first column whose header <see cref="ColumnMapping"/> recognises as that field (<c>nhs_number</c> finds
    /// <c>NHSNo</c>).
    /// </summary>
    /// <param name="header">The header cells.</param>
    /// <param name="name">The name given on the command line.</param>
    /// <returns>The zero-based column index.</returns>
    /// <exception cref="IngestionException">No column, or more than one by normalised name, matches (a usage error).</exception>
    public static int FindColumn(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        var normalised = ColumnMapping.Normalise(name);
        var found = -1;
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(ColumnMapping.Normalise(header[i]), normalised, StringComparison.Ordinal))
            {
                if (found >= 0)
                {
                    throw new IngestionException($"Column '{name}' matches more than one header cell; give it exactly as written.") { IsUsageError = true };
                }

                found = i;
            }
        }

        if (found >= 0)
        {
            return found;
        }

        if (PatientFieldNames.TryParse(name, out var field))
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (ColumnMapping.TryRecognise(header[i], out var recognised) && recognised == field)
                {
                    return i;
                }
            }
        }

        throw new IngestionException($"No column '{name}' in the header.") { IsUsageError = true };
    }

    /// <summary>Writes one line as read (the header or a row), with a newline, to an output that may be absent.</summary>
    /// <param name="writer">The output, or <see langword="null"/> (no rejects file asked for).</param>
    /// <param name="line">The line's raw text.</param>
    public static void WriteLine(TextWriter? writer, ReadOnlySpan<char> line)
    {
        if (writer is not null)
        {
            writer.Write(line);
            writer.Write('\n');
        }
    }

    /// <summary>Opens an optional output; the caller commits it.</summary>
    /// <param name="path">The path, or <see langword="null"/> for none.</param>
    /// <returns>The writer, or <see langword="null"/>.</returns>
    /// <exception cref="Outputs.OutputWriteException">The file cannot be created (named by its option).</exception>
    public static AtomicFileWriter? OpenOutput(string? path) => path is null ? null : new AtomicFileWriter(path);

    /// <summary>Formats a count for the summaries.</summary>
    /// <param name="value">The count.</param>
    /// <returns>The invariant text.</returns>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The header row of a pass-through file.</summary>
/// <param name="Cells">The header cells, unquoted and trimmed.</param>
/// <param name="RawFields">The header fields as written (quotes kept).</param>
/// <param name="RawLine">The header line as written, for rejects files (verbatim copies).</param>
/// <param name="Separator">The file's separator.</param>
internal sealed record PassThroughHeader(IReadOnlyList<string> Cells, IReadOnlyList<string> RawFields, string RawLine, char Separator)
{
    /// <summary>Writes the header to an output, neutralising cells a spreadsheet would run unless <paramref name="rawCells"/>.</summary>
    /// <param name="writer">The output.</param>
    /// <param name="rawCells">Whether <c>--raw-cells</c> was given.</param>
    public void WriteTo(TextWriter writer, bool rawCells)
    {
        var needed = false;
        foreach (var field in RawFields)
        {
            needed |= !rawCells && CsvInjection.RawFieldNeedsNeutralising(field);
        }

        if (!needed)
        {
            CsvPassThrough.WriteLine(writer, RawLine);
            return;
        }

        for (var i = 0; i < RawFields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(Separator);
            }

            CsvInjection.WriteRawField(writer, RawFields[i], rawCells);
        }

        writer.Write('\n');
    }
}
