using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using NhsIdentity.Interop;
using NhsIdentity.Matching;

namespace NhsIdentity.Ingestion;

/// <summary>
/// Reads a file of HL7 v2 messages (an interface engine's archive, an export of ADT traffic, a batch file, MLLP
/// frames written one after another) into patient records, one per message, with
/// <see cref="Hl7Message.TryReadPatient(string?, out PatientRecord?, out Hl7ReadError)"/>, a message at a time.
/// </summary>
/// <remarks>
/// <para>
/// Segments may end with CR, LF or CR LF. A message starts at an <c>MSH</c> segment (or at the first segment after a
/// blank line when it has no <c>MSH</c>, such as a bare <c>PID</c>) and runs to the next <c>MSH</c> or blank line.
/// MLLP framing characters (0x0B, 0x1C) are ignored, and so are batch envelope segments (<c>FHS</c>, <c>BHS</c>,
/// <c>BTS</c>, <c>FTS</c>; HL7 v2.5.1 chapter 2, 2.10.3).
/// </para>
/// <para>
/// A message that cannot be read is rejected with its ordinal, the line where it starts and the
/// <see cref="Hl7ReadError"/> in words (<see cref="RejectionReason.UnreadableMessage"/>), never its content; when the
/// caller gives a writer for them, the rejected messages are copied there verbatim (segments on lines, a blank line
/// after each), and can be read back by this reader. Messages read = accepted + rejected. A record keeps the id the
/// message gives it (local identifier, else MSH-10); one with neither is keyed by its message ordinal. A repeated id
/// is kept: a feed's messages are events, and one patient's id repeats across them by design.
/// </para>
/// <para>An instance reads one input once and is not thread-safe. Disposing it disposes the text it reads unless it
/// was opened with <c>leaveOpen</c>.</para>
/// </remarks>
public sealed class Hl7BatchReader : IDisposable
{
    private readonly TextReader text;
    private readonly TextWriter? rejectedMessages;
    private readonly bool leaveOpen;
    private readonly List<RowRejection> rejections = [];
    private readonly StringBuilder current = new();
    private int line;
    private int start;
    private bool ended;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="text">The messages.</param>
    /// <param name="rejectedMessages">Where to copy rejected messages verbatim, or <see langword="null"/> for nowhere.
    /// They hold patient data: give a writer only where that is wanted.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="text"/> open when this reader is disposed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public Hl7BatchReader(TextReader text, TextWriter? rejectedMessages = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        this.text = text;
        this.rejectedMessages = rejectedMessages;
        this.leaveOpen = leaveOpen;
    }

    /// <summary>Gets the messages read so far; between messages it equals <see cref="Accepted"/> + <see cref="Rejected"/>.</summary>
    public long MessagesRead { get; private set; }

    /// <summary>Gets the messages read into records so far.</summary>
    public long Accepted { get; private set; }

    /// <summary>Gets the messages rejected so far.</summary>
    public long Rejected => rejections.Count;

    /// <summary>Gets the messages rejected so far, in input order: ordinal, line and reason, never content.</summary>
    public IReadOnlyList<RowRejection> Rejections => rejections;

    /// <summary>Opens a reader over a file of messages (UTF-8, or UTF-16/32 by its byte-order mark).</summary>
    /// <param name="path">The file.</param>
    /// <param name="rejectedMessages">Where to copy rejected messages verbatim, or <see langword="null"/>.</param>
    /// <returns>The reader; nothing has been read yet. Dispose it to close the file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be opened (<see cref="FileNotFoundException"/> when it is missing).</exception>
    public static Hl7BatchReader OpenFile(string path, TextWriter? rejectedMessages = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return new Hl7BatchReader(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), rejectedMessages);
    }

    /// <summary>Reads a file of messages whole into records, rejections and counts.</summary>
    /// <param name="path">The file.</param>
    /// <param name="rejectedMessages">Where to copy rejected messages verbatim, or <see langword="null"/>.</param>
    /// <returns>The records, rejections and counts (items are messages).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static PatientReadResult ReadFile(string path, TextWriter? rejectedMessages = null)
    {
        using var reader = OpenFile(path, rejectedMessages);
        return reader.ReadToResult();
    }

    /// <summary>Reads messages whole into records, rejections and counts; the text is left open.</summary>
    /// <param name="text">The messages.</param>
    /// <param name="rejectedMessages">Where to copy rejected messages verbatim, or <see langword="null"/>.</param>
    /// <returns>The records, rejections and counts (items are messages).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static PatientReadResult Read(TextReader text, TextWriter? rejectedMessages = null)
    {
        using var reader = new Hl7BatchReader(text, rejectedMessages, leaveOpen: true);
        return reader.ReadToResult();
    }

    /// <summary>Reads a file of messages whole, asynchronously, into records, rejections and counts.</summary>
    /// <param name="path">The file.</param>
    /// <param name="rejectedMessages">Where to copy rejected messages verbatim, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records, rejections and counts (items are messages).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static async Task<PatientReadResult> ReadFileAsync(string path, TextWriter? rejectedMessages = null, CancellationToken cancellationToken = default)
    {
        using var reader = OpenFile(path, rejectedMessages);
        var records = new List<PatientRecord>();
        await foreach (var record in reader.ReadRecordsAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        return reader.ToResult(records);
    }

    /// <summary>
    /// Reads on from where the reader is, yielding each message as written (its segments joined with CR, framing and
    /// batch envelopes removed) without reading it into a record, for callers that route or archive messages. These
    /// messages are not counted in <see cref="MessagesRead"/>.
    /// </summary>
    /// <returns>The messages, in input order.</returns>
    public IEnumerable<Hl7BatchMessage> ReadMessages()
    {
        while (!ended)
        {
            if (Take(text.ReadLine()) is { } message)
            {
                yield return new Hl7BatchMessage(message.Text, message.Line);
            }
        }
    }

    /// <summary>Reads on from where the reader is, yielding each accepted record as its message is read.</summary>
    /// <returns>The records, in input order.</returns>
    public IEnumerable<PatientRecord> ReadRecords()
    {
        while (!ended)
        {
            var segment = text.ReadLine();
            if (Take(segment) is { } message && Accept(message) is { } record)
            {
                yield return record;
            }
        }
    }

    /// <summary>Reads on from where the reader is, asynchronously, yielding each accepted record as its message is read.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records, in input order.</returns>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public async IAsyncEnumerable<PatientRecord> ReadRecordsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (!ended)
        {
            var segment = await text.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (Take(segment) is { } message && Accept(message) is { } record)
            {
                yield return record;
            }
        }
    }

    /// <summary>The result of what has been read, with the records the caller kept.</summary>
    /// <param name="records">The accepted records, all of them in input order, so the counts reconcile.</param>
    /// <returns>The records, rejections and counts (items are messages).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    public PatientReadResult ToResult(IReadOnlyList<PatientRecord> records) =>
        new(records, [.. rejections], MessagesRead)
        {
            ItemName = "messages",
            Description = ["format: hl7v2, one record per message from its PID segment"],
            Warnings = MessagesRead == 0 ? ["the input holds no HL7 v2 message"] : [],
        };

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

    /// <summary>Adds one line; the message it ends (an MSH, a blank line or the end of the text), if any.</summary>
    private (string Text, int Line)? Take(string? segmentLine)
    {
        if (segmentLine is null)
        {
            ended = true;
            return Flush();
        }

        line++;
        var segment = segmentLine.AsSpan().Trim().Trim("\u000B\u001C\uFEFF").Trim();
        if (segment.IsEmpty)
        {
            return Flush();
        }

        if (segment.StartsWith("FHS", StringComparison.Ordinal) || segment.StartsWith("BHS", StringComparison.Ordinal)
            || segment.StartsWith("BTS", StringComparison.Ordinal) || segment.StartsWith("FTS", StringComparison.Ordinal))
        {
            return null;
        }

        var previous = segment.StartsWith("MSH", StringComparison.Ordinal) ? Flush() : null;
        if (current.Length == 0)
        {
            start = line;
        }
        else
        {
            current.Append('\r');
        }

        current.Append(segment);
        return previous;
    }

    private (string Text, int Line)? Flush()
    {
        if (current.Length == 0)
        {
            return null;
        }

        var message = (current.ToString(), start);
        current.Clear();
        return message;
    }

    private PatientRecord? Accept((string Text, int Line) message)
    {
        var ordinal = ++MessagesRead;
        if (Hl7Message.TryReadPatient(message.Text, out var record, out var error))
        {
            Accepted++;
            return record.Id is null ? record with { Id = ordinal.ToString(CultureInfo.InvariantCulture) } : record;
        }

        rejections.Add(new RowRejection(ordinal, message.Line, RejectionReason.UnreadableMessage, error.GetDescription(), "message"));
        if (rejectedMessages is not null)
        {
            rejectedMessages.Write(message.Text.Replace("\r", "\n", StringComparison.Ordinal));
            rejectedMessages.Write('\n');
        }

        return null;
    }
}

/// <summary>One message of an HL7 v2 file (<see cref="Hl7BatchReader.ReadMessages"/>).</summary>
/// <param name="Text">The message's segments joined with CR, as <see cref="Hl7Message.TryReadPatient(string?, out PatientRecord?, out Hl7ReadError)"/> takes them.</param>
/// <param name="Line">The 1-based line of the file where the message starts.</param>
/// <remarks><see cref="Text"/> is patient data: <see cref="ToString"/> gives the line and length only.</remarks>
public readonly record struct Hl7BatchMessage(string Text, int Line)
{
    /// <summary>Describes the message by position, never content: <c>message at line 4 (120 characters)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => FormattableString.Invariant($"message at line {Line} ({Text?.Length ?? 0} characters)");
}
