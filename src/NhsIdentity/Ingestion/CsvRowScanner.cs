namespace NhsIdentity.Ingestion;

/// <summary>
/// Finds the rows of RFC 4180 text one at a time, holding at most one row (and one read buffer) in memory: a quote
/// toggles "inside quotes" wherever it appears, and a line break (LF, CRLF or CR) outside quotes ends the row. A row
/// longer than the limit is skipped to its end without being kept (<see cref="ScannedRow.TooLong"/>).
/// </summary>
/// <remarks>
/// Reading is pull-based: <see cref="Read"/> and <see cref="ReadAsync"/> share one scanning core
/// (<see cref="ScanBuffered"/>) and differ only in how the buffer is refilled. Not thread-safe.
/// </remarks>
internal sealed class CsvRowScanner
{
    private const int BufferLength = 64 * 1024;

    private readonly TextReader source;
    private readonly int maxRowLength;
    private readonly char[] buffer = new char[BufferLength];
    private char[] row = new char[1024];
    private int position;
    private int length;
    private bool ended;

    private int line = 1;
    private int rowLength;
    private int rowStartLine;
    private bool inRow;
    private bool inQuotes;
    private bool skipping;
    private bool swallowLineFeed;

    public CsvRowScanner(TextReader source, int maxRowLength)
    {
        this.source = source;
        this.maxRowLength = maxRowLength;
    }

    /// <summary>Gets the current row's text as written (quotes kept, its line break not); valid until the next read.</summary>
    public ReadOnlySpan<char> Row => row.AsSpan(0, rowLength);

    /// <summary>Reads the next row.</summary>
    /// <param name="scanned">Where the row is and what happened to it.</param>
    /// <returns><see langword="false"/> at the end of the text.</returns>
    public bool Read(out ScannedRow scanned)
    {
        while (true)
        {
            if (ScanBuffered(out scanned))
            {
                return true;
            }

            if (ended)
            {
                return Finish(out scanned);
            }

            length = source.Read(buffer, 0, buffer.Length);
            position = 0;
            ended = length == 0;
        }
    }

    /// <summary>Reads the next row, awaiting the source when the buffer runs out.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The row, or <see langword="null"/> at the end of the text.</returns>
    public async ValueTask<ScannedRow?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (ScanBuffered(out var scanned))
            {
                return scanned;
            }

            if (ended)
            {
                return Finish(out scanned) ? scanned : null;
            }

            length = await source.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            position = 0;
            ended = length == 0;
        }
    }

    /// <summary>Scans what is buffered; true when a row ended in it.</summary>
    private bool ScanBuffered(out ScannedRow scanned)
    {
        while (position < length)
        {
            var c = buffer[position++];
            if (swallowLineFeed)
            {
                // The LF of a CRLF whose CR ended the row.
                swallowLineFeed = false;
                if (c == '\n')
                {
                    continue;
                }
            }

            if (!inRow)
            {
                inRow = true;
                rowLength = 0;
                rowStartLine = line;
                skipping = false;
            }

            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c is '\n' or '\r' && !inQuotes)
            {
                swallowLineFeed = c == '\r';
                scanned = new ScannedRow(rowStartLine, line, skipping, EndedInQuotes: false);
                line++;
                inRow = false;
                return true;
            }
            else if (c == '\n')
            {
                line++; // a line break inside quotes: part of the field
            }

            Append(c);
        }

        scanned = default;
        return false;
    }

    private void Append(char c)
    {
        if (skipping)
        {
            return;
        }

        if (rowLength == maxRowLength)
        {
            // Too long: the rest of the row is scanned for its end but not kept.
            skipping = true;
            rowLength = 0;
            return;
        }

        if (rowLength == row.Length)
        {
            Array.Resize(ref row, (int)Math.Min((long)row.Length * 2, maxRowLength));
        }

        row[rowLength++] = c;
    }

    /// <summary>Ends the last row, which had no line break after it.</summary>
    private bool Finish(out ScannedRow scanned)
    {
        if (!inRow)
        {
            scanned = default;
            return false;
        }

        inRow = false;
        var lastLine = line;
        scanned = new ScannedRow(rowStartLine, lastLine, skipping, inQuotes);
        inQuotes = false;
        return true;
    }
}

/// <summary>Where a scanned row is and what happened to it.</summary>
/// <param name="FirstLine">The 1-based line on which it starts.</param>
/// <param name="LastLine">The line on which it ends.</param>
/// <param name="TooLong">It was longer than the limit and was skipped (its text is not kept).</param>
/// <param name="EndedInQuotes">The text ended inside quotes: a quote in the row was never closed.</param>
internal readonly record struct ScannedRow(int FirstLine, int LastLine, bool TooLong, bool EndedInQuotes);
