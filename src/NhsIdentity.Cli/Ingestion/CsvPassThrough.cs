using System.Globalization;
using nietras.SeparatedValues;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Streams a CSV file row by row for commands that copy it to an output with some rows dropped or some fields
/// replaced (<c>pseudonymise</c>, <c>filter-optouts</c>): the header and the untouched fields are passed through as
/// they were written (quotes included), so nothing but the intended change reaches the output.
/// </summary>
/// <remarks>
/// Input as for <see cref="PatientCsvReader"/>: UTF-8 with or without a byte-order mark, LF or CRLF, RFC 4180 quoting,
/// separator detected from the header. A row whose quotes are unbalanced or whose field count differs from the
/// header's is malformed: the callback is told, and the command rejects it. Blank lines are skipped. Nothing here ever
/// puts a field value into a message.
/// </remarks>
internal static class CsvPassThrough
{
    /// <summary>Receives one non-blank data row.</summary>
    /// <param name="row">The row (raw fields, quotes kept).</param>
    /// <param name="rowNumber">The 1-based data row number (blank lines not counted).</param>
    /// <param name="malformed">Whether the row has unbalanced quotes or the wrong number of fields.</param>
    public delegate void RowHandler(SepReader.Row row, long rowNumber, bool malformed);

    /// <summary>Reads a file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="onHeader">Receives the header cells (unquoted, trimmed), the raw header line and the separator.</param>
    /// <param name="onRow">Receives each data row.</param>
    /// <returns>The number of data rows.</returns>
    /// <exception cref="IngestionException">The file is missing, empty, has no usable header, or cannot be read as CSV.</exception>
    public static long Read(string path, Action<IReadOnlyList<string>, string, char> onHeader, RowHandler onRow)
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
            using var reader = Sep.Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).FromFile(path);
            if (reader.IsEmpty || !reader.MoveNext() || reader.Current.Span.Length == 0)
            {
                throw new IngestionException($"{name} is empty: expected a header row.");
            }

            var headerRow = reader.Current;
            if (!CsvText.HasBalancedQuotes(headerRow.Span))
            {
                throw new IngestionException($"The header row of {name} has an unbalanced quote.");
            }

            var header = new string[headerRow.ColCount];
            for (var i = 0; i < header.Length; i++)
            {
                header[i] = CsvText.ToValue(headerRow[i].Span) ?? string.Empty;
            }

            onHeader(header, headerRow.Span.ToString(), reader.Spec.Sep.Separator);
            long rowNumber = 0;
            foreach (var row in reader)
            {
                if (row.Span.Length == 0)
                {
                    continue;
                }

                rowNumber++;
                onRow(row, rowNumber, !CsvText.HasBalancedQuotes(row.Span) || row.ColCount != header.Length);
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
