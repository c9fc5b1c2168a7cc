using System.Globalization;
using nietras.SeparatedValues;
using NhsIdentity.Ingestion;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Reads small machine-written CSV files (link outputs, truth files) by column name. Unlike
/// <see cref="SepPatientCsvReader"/> it is strict: a malformed row or an empty id makes the whole file invalid, since
/// these files come from tools, not from suppliers.
/// </summary>
internal static class SimpleCsvTable
{
    /// <summary>Finds the first header column whose normalised name is one of the candidates.</summary>
    /// <param name="header">The header cells.</param>
    /// <param name="candidates">Normalised names (see <see cref="ColumnMapping.Normalise"/>), in order of preference.</param>
    /// <returns>The column index, or -1.</returns>
    public static int Find(IReadOnlyList<string> header, params ReadOnlySpan<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (string.Equals(ColumnMapping.Normalise(header[i]), candidate, StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>Reads a file: the header, then each data row's values (unquoted, trimmed; blank lines skipped).</summary>
    /// <param name="path">The file.</param>
    /// <param name="onHeader">Receives the header; returns the columns whose values <paramref name="onRow"/> needs.</param>
    /// <param name="onRow">Receives the 1-based line number and the values of the chosen columns.</param>
    /// <exception cref="IngestionException">The file is missing (a usage error), unreadable, empty, or has a malformed
    /// or over-long row.</exception>
    public static void Read(string path, Func<IReadOnlyList<string>, int[]> onHeader, Action<int, string?[]> onRow)
    {
        ArgumentNullException.ThrowIfNull(onHeader);
        ArgumentNullException.ThrowIfNull(onRow);
        if (!File.Exists(path))
        {
            throw new IngestionException($"File not found: {path}") { IsUsageError = true };
        }

        // A binary file (/dev/zero, a zip) is refused by what it is, not read row by row for ever. A file that cannot
        // be opened or read is left to the read below, which reports it as a failed input.
        try
        {
            InputSniffer.ThrowIfNotText(path, expectsCsv: true);
        }
        catch (IngestionException exception) when (exception.IsUsageError)
        {
        }

        try
        {
            // The same row limit as for extracts: a links or truth file with a 16 MB row is not one the tool wrote.
            using var limiter = new RowLengthLimiter(new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true), PatientCsvReadOptions.DefaultMaxRowLength);
            using var reader = Sep.Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(limiter, leaveOpen: true);
            if (reader.IsEmpty || !reader.MoveNext() || reader.Current.Span.Length == 0)
            {
                throw new IngestionException($"{path} is empty: expected a header row.");
            }

            var headerRow = reader.Current;
            ThrowIfCut(limiter, headerRow.LineNumberFrom, path);
            var header = new string[headerRow.ColCount];
            for (var i = 0; i < header.Length; i++)
            {
                header[i] = CsvField.ToValue(headerRow[i].Span) ?? string.Empty;
            }

            var columns = onHeader(header);
            var values = new string?[columns.Length];
            foreach (var row in reader)
            {
                ThrowIfCut(limiter, row.LineNumberFrom, path);
                if (row.Span.Length == 0)
                {
                    continue;
                }

                if (!CsvText.HasBalancedQuotes(row.Span) || row.ColCount != header.Length)
                {
                    throw new IngestionException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{path}, line {row.LineNumberFrom}: malformed row ({row.ColCount} fields, expected {header.Length}, or an unclosed quote)."));
                }

                for (var i = 0; i < columns.Length; i++)
                {
                    values[i] = CsvField.ToValue(row[columns[i]].Span);
                }

                onRow(row.LineNumberFrom, values);
            }
        }
        catch (InvalidDataException exception)
        {
            throw new IngestionException($"{path} could not be read as CSV.", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file that exists but cannot be read (permissions, a device, an I/O error): the input is unusable.
            throw new IngestionException($"{path} could not be read: {exception.GetType().Name}.", exception);
        }
    }

    private static void ThrowIfCut(RowLengthLimiter limiter, int line, string path)
    {
        if (limiter.TryTakeCut(line, out var cut))
        {
            throw new IngestionException(string.Create(CultureInfo.InvariantCulture,
                $"{path}, line {cut.SourceLine}: the row is longer than {limiter.MaxRowLength} characters."));
        }
    }
}
