using System.Globalization;
using nietras.SeparatedValues;
using NhsIdentity.Matching;
using NhsIdentity.Ingestion;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Reads a supplier CSV extract into <see cref="PatientRecord"/>s through a <see cref="ColumnMapping"/>, rejecting
/// malformed rows instead of failing the file.
/// </summary>
/// <remarks>
/// <para>
/// Input: UTF-8 with or without a byte-order mark, LF or CRLF line ends, RFC 4180 quoting (quoted fields may hold
/// separators, doubled quotes and line breaks). The first row is the header, unless
/// <see cref="PatientCsvReadOptions.NoHeader"/>; a first row that looks like data (<see cref="HeaderCheck"/>) is
/// refused, never read as column names. Values are trimmed of surrounding spaces and tabs and unquoted
/// (<see cref="CsvField.ToValue"/>); empty values become <see langword="null"/>.
/// </para>
/// <para>
/// A row is rejected, never thrown, when it is longer than <see cref="PatientCsvReadOptions.MaxRowLength"/> (it is
/// then skipped unread, see <see cref="RowLengthLimiter"/>), its quotes are unbalanced, it has fewer or more fields
/// than the header, a field is longer than <see cref="PatientCsvReadOptions.MaxFieldLength"/>, its id column is
/// empty, or its id repeats an earlier row's (checked in that order; the first that applies is the reason; the first
/// row with an id is kept). Each <see cref="RowRejection"/> gives the row and line numbers and the reason, never the
/// content; the content goes, verbatim, only to the rejects file when one is asked for. Blank lines are skipped and
/// counted, not treated as rows.
/// </para>
/// <para>
/// Only problems with the file as a whole throw <see cref="IngestionException"/>: a missing or empty file, a blank,
/// unreadable or over-long header row, a first row that looks like data, or a bad <c>--map</c>.
/// </para>
/// </remarks>
internal static class SepPatientCsvReader
{
    /// <summary>Reads a file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The records, rejections and counts.</returns>
    /// <exception cref="IngestionException">The file is missing, empty or has no usable header, or a <c>--map</c> is bad.</exception>
    public static PatientReadResult Read(string path, PatientCsvReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new IngestionException($"File not found: {path}") { IsUsageError = true };
        }

        options ??= new PatientCsvReadOptions();
        Validate(options);
        InputSniffer.ThrowIfNotText(path, expectsCsv: true);
        StreamReader text;
        try
        {
            // As Sep's FromFile: UTF-8 unless a byte-order mark says otherwise.
            text = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IngestionException("The file could not be opened: " + exception.GetType().Name + ".", exception) { IsUsageError = true };
        }

        using var limiter = new RowLengthLimiter(text, options.MaxRowLength);
        using var reader = Open(options, o => o.From(limiter, leaveOpen: true));
        return Read(reader, limiter, options, path);
    }

    /// <summary>Reads CSV text from a reader (standard input, or tests).</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The records, rejections and counts.</returns>
    /// <exception cref="IngestionException">The text is empty or has no usable header, or a <c>--map</c> is bad.</exception>
    public static PatientReadResult Read(TextReader text, PatientCsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new PatientCsvReadOptions();
        Validate(options);
        var limiter = new RowLengthLimiter(text, options.MaxRowLength);
        using var reader = Open(options, o => o.From(limiter, leaveOpen: true));
        return Read(reader, limiter, options, "the input");
    }

    private static void Validate(PatientCsvReadOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxFieldLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxRowLength);
        if (options.NoHeader && options.ColumnOverrides.Count == 0 && options.LenientColumnOverrides.Count == 0)
        {
            throw new IngestionException("--no-header needs --map FIELD=N for each column to use (N is the column's position, from 1), for example --map nhs_number=1 --map date_of_birth=4.")
            {
                IsUsageError = true,
            };
        }
    }

    private static SepReader Open(PatientCsvReadOptions options, Func<SepReaderOptions, SepReader> open)
    {
        // The header is read as an ordinary row (HasHeader false): Sep's own header handling would throw on duplicate
        // column names, and its column-count check would throw on the first malformed row; both are ours to report.
        var sepOptions = new SepReaderOptions(options.Separator is { } separator ? new Sep(separator) : Sep.Auto)
        {
            HasHeader = false,
            DisableColCountCheck = true,
        };

        try
        {
            return open(sepOptions);
        }
        catch (InvalidDataException exception)
        {
            throw new IngestionException("The header row could not be read as CSV.", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IngestionException("The file could not be opened: " + exception.GetType().Name + ".", exception) { IsUsageError = true };
        }
    }

    private static PatientReadResult Read(SepReader reader, RowLengthLimiter limiter, PatientCsvReadOptions options, string source)
    {
        if (reader.IsEmpty || !reader.MoveNext())
        {
            throw new IngestionException($"{Capitalise(source)} is empty: expected a header row.");
        }

        var headerRow = reader.Current;
        if (limiter.TryTakeCut(headerRow.LineNumberFrom, out _))
        {
            throw new IngestionException(string.Create(CultureInfo.InvariantCulture,
                $"The first row of {source} is longer than {limiter.MaxRowLength} characters: it is not a header row (is the file CSV?)."));
        }

        if (headerRow.Span.Length == 0)
        {
            throw new IngestionException($"The first line of {source} is blank: expected a header row.");
        }

        if (!CsvText.HasBalancedQuotes(headerRow.Span))
        {
            throw new IngestionException($"The {(options.NoHeader ? "first" : "header")} row of {source} has an unbalanced quote.");
        }

        var header = new string[headerRow.ColCount];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = options.NoHeader
                ? (i + 1).ToString(CultureInfo.InvariantCulture)
                : CsvField.ToValue(headerRow[i].Span) ?? string.Empty;
        }

        if (!options.NoHeader && HeaderCheck.LooksLikeData(header, [.. options.ColumnOverrides, .. options.LenientColumnOverrides]))
        {
            throw new IngestionException(
                $"{Capitalise(source)}: the first row looks like data, not a header (a cell reads as an NHS number, a date, a postcode or a number, and no cell is a known column name). Add a header row, or use --no-header and name the columns by position with --map, for example --map nhs_number=1.");
        }

        var headerText = headerRow.Span.ToString();
        var mapping = CliColumnMapping.Create(header, options.ColumnOverrides, options.LenientColumnOverrides);
        var separator = reader.Spec.Sep.Separator;

        var rejects = OpenRejects(options.RejectsPath);
        try
        {
            if (!options.NoHeader)
            {
                // Without a header the rejects are data rows only, the same shape as the input.
                rejects?.Writer.Write(headerText);
                rejects?.Writer.Write('\n');
            }

            var sink = new PatientRowMapper(mapping);
            var records = AcceptedRecords.For(options.PrepareInto);
            var rows = new RowReader(sink, records, limiter, options.MaxFieldLength, rejects?.Writer);
            if (options.NoHeader)
            {
                rows.Accept(headerRow);
            }

            while (reader.MoveNext())
            {
                rows.Accept(reader.Current);
            }

            var result = sink.ToResult(records.ToList(), separator);
            if (result.Rejected > 0)
            {
                // Only a file with something in it: a header-only rejects file says "set aside" when nothing was.
                rejects?.Commit();
            }

            return result;
        }
        catch (InvalidDataException exception)
        {
            // Sep's message may quote the row; keep it only as the inner exception.
            throw new IngestionException($"{Capitalise(source)} could not be read as CSV.", exception);
        }
        finally
        {
            rejects?.Dispose();
        }
    }

    /// <summary>Checks CSV rows (length, quotes, field counts) and hands their values to the library's
    /// <see cref="PatientRowMapper"/>, the one every reader shares.</summary>
    private sealed class RowReader(PatientRowMapper sink, AcceptedRecords records, RowLengthLimiter limiter, int maxFieldLength, TextWriter? rejects)
    {
        private readonly int columnCount = sink.Mapping.Header.Count;
        private readonly string?[] values = new string?[sink.Mapping.Header.Count];

        public void Accept(SepReader.Row row)
        {
            if (limiter.TryTakeCut(row.LineNumberFrom, out var cut))
            {
                // Skipped unread: what Sep holds is only the row's first part, so nothing goes to the rejects file.
                sink.NextRow();
                sink.Reject(cut.SourceLine, RejectionReason.RowTooLong, cut.Describe(limiter.MaxRowLength));
                return;
            }

            var span = row.Span;
            if (span.Length == 0)
            {
                sink.SkipBlank();
                return;
            }

            sink.NextRow();
            var line = limiter.SourceLine(row.LineNumberFrom);
            if (Check(row, line, columnCount, maxFieldLength) is { } rejection)
            {
                sink.Reject(line, rejection.Reason, rejection.Detail);
                WriteReject(row);
                return;
            }

            for (var i = 0; i < columnCount; i++)
            {
                // Ignored columns are not turned into strings: a wide extract may carry many of them.
                values[i] = sink.Mapping.IsUsed(i) ? CsvField.ToValue(row[i].Span) : null;
            }

            if (sink.TryMap(values, line, out var record))
            {
                records.Add(record);
            }
            else
            {
                WriteReject(row);
            }
        }

        private void WriteReject(SepReader.Row row)
        {
            if (rejects is not null)
            {
                rejects.Write(row.Span);
                rejects.Write('\n');
            }
        }

        private (RejectionReason Reason, string Detail)? Check(SepReader.Row row, int line, int columnCount, int maxFieldLength)
        {
            if (!CsvText.HasBalancedQuotes(row.Span))
            {
                return (RejectionReason.UnbalancedQuote, string.Create(
                    CultureInfo.InvariantCulture,
                    $"a quote is not closed; the row runs from line {line} to line {limiter.SourceLine(row.LineNumberToExcl) - 1}"));
            }

            // Two stray quotes (O"BRIEN on one row, O"NEILL rows later) balance each other, and every line between them
            // becomes part of one field with the right number of fields: rows swallowed without a word. A row over
            // several lines whose quote opens inside an unquoted field is set aside whole, swallowed lines included.
            var lastLine = limiter.SourceLine(row.LineNumberToExcl) - 1;
            if (lastLine > line && HasQuoteInsideUnquotedField(row))
            {
                return (RejectionReason.UnbalancedQuote, string.Create(
                    CultureInfo.InvariantCulture,
                    $"a quote inside an unquoted field; the row runs from line {line} to line {lastLine}"));
            }

            if (row.ColCount != columnCount)
            {
                return (row.ColCount < columnCount ? RejectionReason.TooFewFields : RejectionReason.TooManyFields,
                    string.Create(CultureInfo.InvariantCulture, $"{row.ColCount} fields, expected {columnCount}"));
            }

            for (var i = 0; i < columnCount; i++)
            {
                if (row[i].Span.Length > maxFieldLength)
                {
                    return (RejectionReason.FieldTooLong, string.Create(
                        CultureInfo.InvariantCulture,
                        $"field {i + 1} has {row[i].Span.Length} characters, more than {maxFieldLength}"));
                }
            }

            return null;
        }
    }

    /// <summary>Whether a field that does not start with a quote (after leading spaces) holds one: a stray quote.</summary>
    private static bool HasQuoteInsideUnquotedField(SepReader.Row row)
    {
        for (var i = 0; i < row.ColCount; i++)
        {
            var field = row[i].Span.TrimStart(' ');
            if (field.Length > 0 && field[0] != '"' && field.Contains('"'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Opens the rejects file; a failure is an <see cref="Outputs.OutputWriteException"/> naming it.</summary>
    private static AtomicFileWriter? OpenRejects(string? path) => path is null ? null : new AtomicFileWriter(path);

    private static string Capitalise(string text) =>
        text.Length == 0 || !char.IsAsciiLetterLower(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
