namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Passes CSV text through to Sep unchanged, except that a row longer than a limit is cut short: the reader sees only
/// its first <c>maxRowLength</c> characters, closed (a quote if one is open, then a line break), and the rest of the
/// row is skipped without being kept. Sep stops with a <see cref="NotSupportedException"/> at a row of about 16 M
/// characters (a stray quote before megabytes of data makes the rest of the file one row); cutting first means
/// the reader never meets that limit, memory stays bounded by the limit, and the rows after the long one are read.
/// </summary>
/// <remarks>
/// <para>
/// Rows are found the way Sep finds them: a quote toggles "inside quotes" wherever it appears, and a line break
/// outside quotes ends the row. A row cut short is recorded (<see cref="TryTakeCut"/>) by the line on which Sep will
/// report it; because skipped text holds line breaks that Sep never sees, <see cref="SourceLine"/> turns Sep's line
/// numbers back into the file's. When the skipped part reaches the end of the file inside quotes, the cut says so:
/// the quote was never closed and the rest of the file was one field.
/// </para>
/// <para>Nothing here keeps or reports content: only lengths and line numbers.</para>
/// </remarks>
internal sealed class RowLengthLimiter : TextReader
{
    private const int ChunkLength = 64 * 1024;

    private readonly TextReader source;
    private readonly int maxRowLength;
    private readonly List<RowCut> cuts = [];
    private readonly char[] chunk = new char[ChunkLength];
    private readonly char[] output = new char[ChunkLength + 2];
    private int outputStart;
    private int outputEnd;
    private bool sourceEnded;

    private bool inQuotes;
    private bool skipping;
    private bool swallowLineFeed;
    private bool atRowStart = true;
    private int rowLength;
    private int emittedLine = 1;
    private int sourceLine = 1;
    private int rowStartEmittedLine = 1;
    private int rowStartSourceLine = 1;
    private int nextCut;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="source">The text to pass through; disposed with this reader.</param>
    /// <param name="maxRowLength">The longest row passed through whole, in characters.</param>
    public RowLengthLimiter(TextReader source, int maxRowLength)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRowLength);
        this.source = source;
        this.maxRowLength = maxRowLength;
    }

    /// <summary>Gets the longest row passed through whole, in characters.</summary>
    public int MaxRowLength => maxRowLength;

    /// <summary>
    /// Whether the row Sep reports as starting on <paramref name="readerLine"/> is one that was cut short. Rows must be
    /// asked about in file order (each cut is handed out once).
    /// </summary>
    /// <param name="readerLine">The row's first line as Sep numbers it (<c>LineNumberFrom</c>).</param>
    /// <param name="cut">The cut, when it is one.</param>
    /// <returns><see langword="true"/> when the row was cut short.</returns>
    public bool TryTakeCut(int readerLine, out RowCut cut)
    {
        while (nextCut < cuts.Count && cuts[nextCut].ReaderLine < readerLine)
        {
            nextCut++;
        }

        if (nextCut < cuts.Count && cuts[nextCut].ReaderLine == readerLine)
        {
            cut = cuts[nextCut++];
            return true;
        }

        cut = default;
        return false;
    }

    /// <summary>The file's line number for a line number Sep reports (they differ after a cut).</summary>
    /// <param name="readerLine">A line number as Sep numbers it.</param>
    /// <returns>The line number in the file.</returns>
    public int SourceLine(int readerLine)
    {
        var shift = 0;
        foreach (var cut in cuts)
        {
            if (cut.ReaderLineAfter > readerLine)
            {
                break;
            }

            shift = cut.SourceLineAfter - cut.ReaderLineAfter;
        }

        return readerLine + shift;
    }

    /// <inheritdoc/>
    public override int Peek() => Fill() ? output[outputStart] : -1;

    /// <inheritdoc/>
    public override int Read() => Fill() ? output[outputStart++] : -1;

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Fill())
        {
            return 0;
        }

        var length = Math.Min(buffer.Length, outputEnd - outputStart);
        output.AsSpan(outputStart, length).CopyTo(buffer);
        outputStart += length;
        return length;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            source.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Makes sure there is output to hand on; false at the end of the text.</summary>
    private bool Fill()
    {
        while (outputStart == outputEnd)
        {
            if (sourceEnded)
            {
                return false;
            }

            outputStart = outputEnd = 0;
            var read = source.Read(chunk, 0, chunk.Length);
            if (read == 0)
            {
                sourceEnded = true;
                if (skipping)
                {
                    // The skipped row ran to the end of the file (inside quotes, or without a final line break).
                    cuts[^1] = cuts[^1] with { RunsToEnd = true, QuoteNeverClosed = inQuotes, EndSourceLine = sourceLine };
                }

                continue;
            }

            Pass(chunk.AsSpan(0, read));
        }

        return true;
    }

    private void Pass(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (swallowLineFeed)
            {
                // The LF of a CRLF that ended a skipped row: its line break was handed on at the cut.
                swallowLineFeed = false;
                if (c == '\n')
                {
                    sourceLine++;
                    cuts[^1] = cuts[^1] with { SourceLineAfter = sourceLine };
                    continue;
                }
            }

            var ends = false;
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c is '\n' or '\r')
            {
                ends = !inQuotes;
            }

            if (skipping)
            {
                if (c == '\n')
                {
                    sourceLine++;
                }

                if (ends)
                {
                    // The skipped row's line break was already handed on, at the cut.
                    skipping = false;
                    swallowLineFeed = c == '\r';
                    atRowStart = true;
                    cuts[^1] = cuts[^1] with { EndSourceLine = sourceLine - (c == '\n' ? 1 : 0), SourceLineAfter = sourceLine };
                }

                continue;
            }

            if (atRowStart && !ends)
            {
                atRowStart = false;
                rowLength = 0;
                rowStartEmittedLine = emittedLine;
                rowStartSourceLine = sourceLine;
            }

            if (ends)
            {
                atRowStart = true;
            }
            else if (++rowLength > maxRowLength)
            {
                Cut(c);
                continue;
            }

            output[outputEnd++] = c;
            if (c == '\n')
            {
                emittedLine++;
                sourceLine++;
            }
        }
    }

    /// <summary>Ends the current row where it stands and skips the rest of it (<paramref name="c"/> included).</summary>
    private void Cut(char c)
    {
        // inQuotes already counts c; the text handed on has the quotes before it.
        var quotesHandedOn = c == '"' ? !inQuotes : inQuotes;
        if (quotesHandedOn)
        {
            output[outputEnd++] = '"';
        }

        output[outputEnd++] = '\n';
        emittedLine++;
        skipping = true;
        cuts.Add(new RowCut(rowStartEmittedLine, rowStartSourceLine, sourceLine, emittedLine, sourceLine + 1, RunsToEnd: false, QuoteNeverClosed: false));
        if (c == '\n')
        {
            sourceLine++;
        }
    }
}

/// <summary>A row cut short by <see cref="RowLengthLimiter"/>.</summary>
/// <param name="ReaderLine">The line on which Sep reports the row.</param>
/// <param name="SourceLine">The file line on which the row starts.</param>
/// <param name="EndSourceLine">The file line on which the row ends (the last line, when it runs to the end).</param>
/// <param name="ReaderLineAfter">The line, as Sep numbers it, after the cut row.</param>
/// <param name="SourceLineAfter">The file line after the cut row.</param>
/// <param name="RunsToEnd">Whether the row runs to the end of the file.</param>
/// <param name="QuoteNeverClosed">Whether it does so inside quotes: a quote opened in it was never closed, so the rest
/// of the file was one field.</param>
internal readonly record struct RowCut(int ReaderLine, int SourceLine, int EndSourceLine, int ReaderLineAfter, int SourceLineAfter, bool RunsToEnd, bool QuoteNeverClosed)
{
    /// <summary>Describes the cut for a rejection: lengths and line numbers only.</summary>
    /// <param name="maxRowLength">The limit that was passed.</param>
    /// <returns>For example <c>more than 4194304 characters; it runs from line 3 to line 9</c>.</returns>
    public string Describe(int maxRowLength) => QuoteNeverClosed
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"more than {maxRowLength} characters: a quote opened in it is never closed, so the rest of the file (lines {SourceLine} to {EndSourceLine}) is one field; nothing after it could be read, and it was not copied to the rejects file")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"more than {maxRowLength} characters; it runs from line {SourceLine} to line {EndSourceLine} and was skipped, not kept in memory or copied to the rejects file");
}
