using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using NhsIdentity.Matching;

namespace NhsIdentity.Ingestion;

/// <summary>
/// Reads a supplier CSV extract into <see cref="PatientRecord"/>s through a <see cref="ColumnMapping"/>, one row at a
/// time, rejecting malformed rows instead of failing the input.
/// </summary>
/// <remarks>
/// <para>
/// Input: UTF-8 with or without a byte-order mark (<see cref="OpenFile"/>, <see cref="OpenStream"/>; a
/// <see cref="TextReader"/> is read as it decodes), LF, CRLF or CR line ends, RFC 4180 quoting (quoted fields may hold separators, doubled quotes
/// and line breaks). The first row is the header, unless <see cref="PatientCsvOptions.NoHeader"/>; a first row that
/// looks like data (<see cref="HeaderCheck"/>) is refused, never read as column names. Values are trimmed of
/// surrounding spaces and tabs and unquoted; empty values become <see langword="null"/>.
/// </para>
/// <para>
/// A row is rejected, never thrown, when it is longer than <see cref="PatientCsvOptions.MaxRowLength"/> (it is then
/// skipped without being kept), its quotes are unbalanced (a quote never closed, or a quote inside an unquoted field
/// that made the row run over several lines), it has fewer or more fields than the header, a field is longer than
/// <see cref="PatientCsvOptions.MaxFieldLength"/>, its id is empty, or its id repeats an earlier row's (checked in
/// that order; the first row with an id is kept). Blank lines are skipped and counted, not treated as rows. Each
/// <see cref="RowRejection"/> gives the row and line numbers and the reason, never the content.
/// </para>
/// <para>
/// Streaming: <see cref="ReadRecords"/> and <see cref="ReadRecordsAsync"/> yield each record as its row is read and
/// hold one row at a time, so memory does not grow with the input (the rejections, a few numbers each, are kept).
/// The static <see cref="ReadFile"/>, <see cref="Read"/>, <see cref="ReadFileAsync"/> and <see cref="ReadAsync"/>
/// collect the records into a <see cref="PatientReadResult"/>.
/// </para>
/// <para>An instance reads one input once and is not thread-safe. Disposing it disposes the text it reads unless
/// it was opened with <c>leaveOpen</c>.</para>
/// </remarks>
public sealed class PatientCsvReader : IDisposable
{
    private static readonly char[] InferredSeparators = [',', ';', '\t', '|'];

    private readonly TextReader text;
    private readonly bool leaveOpen;
    private readonly PatientCsvOptions options;
    private readonly CsvRowScanner scanner;
    private readonly List<FieldRange> fields = [];
    private PatientRowMapper? rows;
    private string?[] values = [];
    private ScannedRow? pendingFirstRow;
    private char separator;

    /// <summary>Initializes a new instance over text.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="text"/> open when this reader is disposed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="PatientCsvOptions.NoHeader"/> is set without any override to
    /// name the columns by position.</exception>
    public PatientCsvReader(TextReader text, PatientCsvOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        this.options = options ?? new PatientCsvOptions();
        if (this.options.NoHeader && this.options.Overrides.Count == 0 && this.options.LenientOverrides.Count == 0)
        {
            throw new ArgumentException("Without a header row, the overrides must name the columns by position (nhs_number=1).", nameof(options));
        }

        this.text = text;
        this.leaveOpen = leaveOpen;
        scanner = new CsvRowScanner(text, this.options.MaxRowLength);
    }

    /// <summary>Opens a reader over a stream of UTF-8 (or, by its byte-order mark, UTF-16/32) text.</summary>
    /// <param name="stream">The CSV bytes.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="stream"/> open when the reader is disposed.</param>
    /// <returns>The reader; nothing has been read yet.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream cannot be read, or see the constructor.</exception>
    public static PatientCsvReader OpenStream(Stream stream, PatientCsvOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new PatientCsvReader(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen), options);
    }

    /// <summary>Opens a reader over a CSV file (UTF-8, or UTF-16/32 by its byte-order mark), for synchronous or
    /// asynchronous reading.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The reader; nothing has been read yet. Dispose it to close the file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or see the constructor.</exception>
    /// <exception cref="IOException">The file cannot be opened (<see cref="FileNotFoundException"/> when it is missing).</exception>
    public static PatientCsvReader OpenFile(string path, PatientCsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            return OpenStream(stream, options);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Gets the column mapping, or <see langword="null"/> before the header has been read (the first read
    /// reads it).</summary>
    public ColumnMapping? Mapping => rows?.Mapping;

    /// <summary>Gets the field separator (given or inferred from the header), or <see langword="null"/> before the
    /// header has been read.</summary>
    public char? Separator => rows is null ? null : separator;

    /// <summary>Gets the data rows read so far; between rows it equals <see cref="Accepted"/> + <see cref="Rejected"/>.</summary>
    public long RowsRead => rows?.RowsRead ?? 0;

    /// <summary>Gets the rows accepted as records so far.</summary>
    public long Accepted => rows?.Accepted ?? 0;

    /// <summary>Gets the rows rejected so far.</summary>
    public long Rejected => rows?.Rejected ?? 0;

    /// <summary>Gets the blank lines skipped so far.</summary>
    public long BlankRowsSkipped => rows?.BlankRowsSkipped ?? 0;

    /// <summary>Gets the rows rejected so far, in input order: numbers and reasons, never content.</summary>
    public IReadOnlyList<RowRejection> Rejections => rows?.Rejections ?? [];

    /// <summary>Reads a CSV file whole into records, rejections and counts.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The records, rejections and counts.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or see the constructor.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be opened or read (<see cref="FileNotFoundException"/> when it is missing).</exception>
    /// <exception cref="PatientFileFormatException">The file has no usable header row.</exception>
    /// <exception cref="ColumnOverrideException">An override cannot be applied to the header.</exception>
    public static PatientReadResult ReadFile(string path, PatientCsvOptions? options = null)
    {
        using var reader = OpenFile(path, options);
        return reader.ReadToResult();
    }

    /// <summary>Reads CSV text whole into records, rejections and counts; the text is left open.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The records, rejections and counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">See the constructor.</exception>
    /// <exception cref="PatientFileFormatException">The text has no usable header row.</exception>
    /// <exception cref="ColumnOverrideException">An override cannot be applied to the header.</exception>
    public static PatientReadResult Read(TextReader text, PatientCsvOptions? options = null)
    {
        using var reader = new PatientCsvReader(text, options, leaveOpen: true);
        return reader.ReadToResult();
    }

    /// <summary>Reads a CSV file whole, asynchronously, into records, rejections and counts.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records, rejections and counts.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or see the constructor.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="PatientFileFormatException">The file has no usable header row.</exception>
    /// <exception cref="ColumnOverrideException">An override cannot be applied to the header.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static async Task<PatientReadResult> ReadFileAsync(string path, PatientCsvOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var reader = OpenFile(path, options);
        return await reader.ReadToResultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads CSV text whole, asynchronously, into records, rejections and counts; the text is left open.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records, rejections and counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">See the constructor.</exception>
    /// <exception cref="PatientFileFormatException">The text has no usable header row.</exception>
    /// <exception cref="ColumnOverrideException">An override cannot be applied to the header.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static async Task<PatientReadResult> ReadAsync(TextReader text, PatientCsvOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var reader = new PatientCsvReader(text, options, leaveOpen: true);
        return await reader.ReadToResultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads on from where the reader is, yielding each accepted record as its row is read; rejected rows are counted
    /// in <see cref="Rejections"/>. The header is read on the first call.
    /// </summary>
    /// <returns>The accepted records, in input order.</returns>
    /// <exception cref="PatientFileFormatException">The input has no usable header row (thrown on enumeration).</exception>
    /// <exception cref="ColumnOverrideException">An override cannot be applied to the header (thrown on enumeration).</exception>
    /// <exception cref="ObjectDisposedException">The reader was disposed.</exception>
    public IEnumerable<PatientRecord> ReadRecords()
    {
        if (rows is null)
        {
            ReadHeader(scanner.Read(out var first) ? first : null);
        }

        if (pendingFirstRow is { } firstData)
        {
            pendingFirstRow = null;
            if (Accept(firstData) is { } record)
            {
                yield return record;
            }
        }

        while (scanner.Read(out var scanned))
        {
            if (Accept(scanned) is { } record)
            {
                yield return record;
            }
        }
    }

    /// <summary>
    /// Reads on from where the reader is, asynchronously, yielding each accepted record as its row is read; rejected
    /// rows are counted in <see cref="Rejections"/>. The header is read on the first call.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The accepted records, in input order.</returns>
    /// <exception cref="PatientFileFormatException">The input has no usable header row (thrown on enumeration).</exception>
    /// <exception cref="ColumnOverrideException">An override cannot be applied to the header (thrown on enumeration).</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public async IAsyncEnumerable<PatientRecord> ReadRecordsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (rows is null)
        {
            ReadHeader(await scanner.ReadAsync(cancellationToken).ConfigureAwait(false));
        }

        if (pendingFirstRow is { } firstData)
        {
            pendingFirstRow = null;
            if (Accept(firstData) is { } record)
            {
                yield return record;
            }
        }

        while (await scanner.ReadAsync(cancellationToken).ConfigureAwait(false) is { } scanned)
        {
            if (Accept(scanned) is { } record)
            {
                yield return record;
            }
        }
    }

    /// <summary>The result of what has been read, with the records the caller kept.</summary>
    /// <param name="records">The accepted records, all of them in input order, so the counts reconcile.</param>
    /// <returns>The records, rejections, counts and warnings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Nothing has been read yet (no header).</exception>
    public PatientReadResult ToResult(IReadOnlyList<PatientRecord> records) =>
        rows is null ? throw new InvalidOperationException("Nothing has been read yet.") : rows.ToResult(records, separator);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!leaveOpen)
        {
            text.Dispose();
        }
    }

    private PatientReadResult ReadToResult()
    {
        var records = new List<PatientRecord>();
        foreach (var record in ReadRecords())
        {
            records.Add(record);
        }

        return ToResult(records);
    }

    private async Task<PatientReadResult> ReadToResultAsync(CancellationToken cancellationToken)
    {
        var records = new List<PatientRecord>();
        await foreach (var record in ReadRecordsAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        return ToResult(records);
    }

    private void ReadHeader(ScannedRow? first)
    {
        if (first is not { } row)
        {
            throw new PatientFileFormatException("The input is empty: expected a header row.");
        }

        if (row.TooLong)
        {
            throw new PatientFileFormatException(string.Create(CultureInfo.InvariantCulture,
                $"The first row is longer than {options.MaxRowLength} characters: it is not a header row (is the input CSV?)."));
        }

        var span = scanner.Row;
        if (span.IsEmpty)
        {
            throw new PatientFileFormatException("The first line is blank: expected a header row.");
        }

        if (row.EndedInQuotes || (span.Count('"') & 1) != 0)
        {
            throw new PatientFileFormatException($"The {(options.NoHeader ? "first" : "header")} row has an unbalanced quote.");
        }

        separator = options.Separator ?? InferSeparator(span);
        Split(span);
        var header = new string[fields.Count];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = options.NoHeader ? (i + 1).ToString(CultureInfo.InvariantCulture) : CsvField.ToValue(FieldAt(span, i)) ?? string.Empty;
        }

        if (!options.NoHeader && HeaderCheck.LooksLikeData(header, [.. options.Overrides, .. options.LenientOverrides]))
        {
            throw new PatientFileFormatException(
                "The first row looks like data, not a header (a cell reads as an NHS number, a date, a postcode or a number, and no cell is a known column name). Add a header row, or read with NoHeader and name the columns by position, for example nhs_number=1.");
        }

        rows = new PatientRowMapper(ColumnMapping.Create(header, options.Overrides, options.LenientOverrides));
        values = new string?[header.Length];
        if (options.NoHeader)
        {
            pendingFirstRow = row;
        }
    }

    /// <summary>Checks one row and maps it; the record, or null when the row was blank or set aside.</summary>
    private PatientRecord? Accept(ScannedRow row)
    {
        var mapper = rows!;
        if (row.TooLong)
        {
            mapper.NextRow();
            mapper.Reject(row.FirstLine, RejectionReason.RowTooLong, string.Create(CultureInfo.InvariantCulture,
                $"more than {options.MaxRowLength} characters; it runs from line {row.FirstLine} to line {row.LastLine} and was skipped, not kept in memory"));
            return null;
        }

        var span = scanner.Row;
        if (span.IsEmpty && !row.EndedInQuotes)
        {
            mapper.SkipBlank();
            return null;
        }

        mapper.NextRow();
        Split(span);
        if (Check(row, span) is { } rejection)
        {
            mapper.Reject(row.FirstLine, rejection.Reason, rejection.Detail);
            return null;
        }

        for (var i = 0; i < values.Length; i++)
        {
            // Ignored columns are not turned into strings: a wide extract may carry many of them.
            values[i] = mapper.Mapping.IsUsed(i) ? CsvField.ToValue(FieldAt(span, i)) : null;
        }

        return mapper.TryMap(values, row.FirstLine, out var record) ? record : null;
    }

    private (RejectionReason Reason, string Detail)? Check(ScannedRow row, ReadOnlySpan<char> span)
    {
        if (row.EndedInQuotes || (span.Count('"') & 1) != 0)
        {
            return (RejectionReason.UnbalancedQuote, string.Create(CultureInfo.InvariantCulture,
                $"a quote is not closed; the row runs from line {row.FirstLine} to line {row.LastLine}"));
        }

        // Two stray quotes (O"BRIEN on one row, O"NEILL rows later) balance each other, and every line between them
        // becomes part of one field: rows swallowed without a word. Such a row is set aside whole.
        if (row.LastLine > row.FirstLine && HasQuoteInsideUnquotedField(span))
        {
            return (RejectionReason.UnbalancedQuote, string.Create(CultureInfo.InvariantCulture,
                $"a quote inside an unquoted field; the row runs from line {row.FirstLine} to line {row.LastLine}"));
        }

        if (fields.Count != values.Length)
        {
            return (fields.Count < values.Length ? RejectionReason.TooFewFields : RejectionReason.TooManyFields,
                string.Create(CultureInfo.InvariantCulture, $"{fields.Count} fields, expected {values.Length}"));
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Length > options.MaxFieldLength)
            {
                return (RejectionReason.FieldTooLong, string.Create(CultureInfo.InvariantCulture,
                    $"field {i + 1} has {fields[i].Length} characters, more than {options.MaxFieldLength}"));
            }
        }

        return null;
    }

    private bool HasQuoteInsideUnquotedField(ReadOnlySpan<char> span)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            var field = FieldAt(span, i).TrimStart(' ');
            if (field.Length > 0 && field[0] != '"' && field.Contains('"'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Splits a row at separators outside quotes into <see cref="fields"/>.</summary>
    private void Split(ReadOnlySpan<char> span)
    {
        fields.Clear();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == separator && !quoted)
            {
                fields.Add(new FieldRange(start, i - start));
                start = i + 1;
            }
        }

        fields.Add(new FieldRange(start, span.Length - start));
    }

    private ReadOnlySpan<char> FieldAt(ReadOnlySpan<char> span, int index) => span.Slice(fields[index].Start, fields[index].Length);

    /// <summary>The most frequent of the usual separators outside quotes; comma on a tie or when there is none.</summary>
    private static char InferSeparator(ReadOnlySpan<char> header)
    {
        Span<int> counts = stackalloc int[InferredSeparators.Length];
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
                continue;
            }

            var index = quoted ? -1 : Array.IndexOf(InferredSeparators, c);
            if (index >= 0)
            {
                counts[index]++;
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            best = counts[i] > counts[best] ? i : best;
        }

        return InferredSeparators[best];
    }

    private readonly record struct FieldRange(int Start, int Length);
}
