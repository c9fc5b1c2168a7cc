using System.Globalization;
using nietras.SeparatedValues;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Reads a supplier CSV extract into <see cref="PatientRecord"/>s through a <see cref="ColumnMapping"/>, rejecting
/// malformed rows instead of failing the file.
/// </summary>
/// <remarks>
/// <para>
/// Input: UTF-8 with or without a byte-order mark, LF or CRLF line ends, RFC 4180 quoting (quoted fields may hold
/// separators, doubled quotes and line breaks). The first row is the header. Values are trimmed of surrounding spaces
/// and tabs and unquoted (<see cref="CsvText.ToValue"/>); empty values become <see langword="null"/>.
/// </para>
/// <para>
/// A row is rejected, never thrown, when its quotes are unbalanced, it has fewer or more fields than the header, or a
/// field is longer than <see cref="PatientCsvReadOptions.MaxFieldLength"/> (checked in that order; the first that
/// applies is the reason). Each <see cref="RowRejection"/> gives the row and line numbers and the reason, never the
/// content; the content goes, verbatim, only to the rejects file when one is asked for. Blank lines are skipped and
/// counted, not treated as rows.
/// </para>
/// <para>
/// Only problems with the file as a whole throw <see cref="IngestionException"/>: a missing or empty file, a blank
/// or unreadable header row, or a bad <c>--map</c>.
/// </para>
/// </remarks>
internal static class PatientCsvReader
{
    /// <summary>Reads a file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The records, rejections and counts.</returns>
    /// <exception cref="IngestionException">The file is missing, empty or has no usable header, or a <c>--map</c> is bad.</exception>
    public static PatientCsvReadResult Read(string path, PatientCsvReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new IngestionException($"File not found: {path}") { IsUsageError = true };
        }

        options ??= new PatientCsvReadOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxFieldLength);
        InputSniffer.ThrowIfNotText(path, expectsCsv: true);
        using var reader = Open(options, o => o.FromFile(path));
        return Read(reader, options, path);
    }

    /// <summary>Reads CSV text from a reader (standard input, or tests).</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The records, rejections and counts.</returns>
    /// <exception cref="IngestionException">The text is empty or has no usable header, or a <c>--map</c> is bad.</exception>
    public static PatientCsvReadResult Read(TextReader text, PatientCsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new PatientCsvReadOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxFieldLength);
        using var reader = Open(options, o => o.From(text, leaveOpen: true));
        return Read(reader, options, "the input");
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

    private static PatientCsvReadResult Read(SepReader reader, PatientCsvReadOptions options, string source)
    {
        if (reader.IsEmpty || !reader.MoveNext())
        {
            throw new IngestionException($"{Capitalise(source)} is empty: expected a header row.");
        }

        var headerRow = reader.Current;
        if (headerRow.Span.Length == 0)
        {
            throw new IngestionException($"The first line of {source} is blank: expected a header row.");
        }

        if (!CsvText.HasBalancedQuotes(headerRow.Span))
        {
            throw new IngestionException($"The header row of {source} has an unbalanced quote.");
        }

        var header = new string[headerRow.ColCount];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = CsvText.ToValue(headerRow[i].Span) ?? string.Empty;
        }

        var headerText = headerRow.Span.ToString();
        var mapping = ColumnMapping.Create(header, options.ColumnOverrides);
        var separator = reader.Spec.Sep.Separator;

        var rejects = OpenRejects(options.RejectsPath);
        try
        {
            rejects?.Writer.Write(headerText);
            rejects?.Writer.Write('\n');
            var result = ReadRows(reader, mapping, options.MaxFieldLength, rejects?.Writer, separator);
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

    private static PatientCsvReadResult ReadRows(SepReader reader, ColumnMapping mapping, int maxFieldLength, TextWriter? rejects, char separator)
    {
        var columnCount = mapping.Header.Count;
        var records = new List<PatientRecord>();
        var rejections = new List<RowRejection>();
        var values = new string?[columnCount];
        long rowNumber = 0;
        var blankLines = 0;
        foreach (var row in reader)
        {
            var span = row.Span;
            if (span.Length == 0)
            {
                blankLines++;
                continue;
            }

            rowNumber++;
            if (Check(row, columnCount, maxFieldLength) is { } rejection)
            {
                rejections.Add(new RowRejection(rowNumber, row.LineNumberFrom, rejection.Reason, rejection.Detail));
                if (rejects is not null)
                {
                    rejects.Write(span);
                    rejects.Write('\n');
                }

                continue;
            }

            for (var i = 0; i < columnCount; i++)
            {
                // Ignored columns are not turned into strings: a wide extract may carry many of them.
                values[i] = mapping.IsUsed(i) ? CsvText.ToValue(row[i].Span) : null;
            }

            records.Add(mapping.ToRecord(values, rowNumber));
        }

        return new PatientCsvReadResult(mapping, separator, records, rejections, rowNumber, blankLines);
    }

    private static (RejectionReason Reason, string Detail)? Check(SepReader.Row row, int columnCount, int maxFieldLength)
    {
        if (!CsvText.HasBalancedQuotes(row.Span))
        {
            return (RejectionReason.UnbalancedQuote, string.Create(
                CultureInfo.InvariantCulture,
                $"a quote is not closed; the row runs from line {row.LineNumberFrom} to line {row.LineNumberToExcl - 1}"));
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

    /// <summary>Opens the rejects file; a failure is an <see cref="Outputs.OutputWriteException"/> naming it.</summary>
    private static AtomicFileWriter? OpenRejects(string? path) => path is null ? null : new AtomicFileWriter(path);

    private static string Capitalise(string text) =>
        text.Length == 0 || !char.IsAsciiLetterLower(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
