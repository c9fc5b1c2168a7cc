using System.Globalization;
using System.Text;
using NhsIdentity.Interop;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Reads a file of HL7 v2 messages (an interface engine's archive or an export of ADT traffic) into patient records,
/// one per message, with <see cref="Hl7Message.TryReadPatient(string?, out PatientRecord?, out Hl7ReadError)"/>.
/// </summary>
/// <remarks>
/// <para>
/// Segments may end with CR, LF or CR LF. A message starts at an <c>MSH</c> segment (or at the first segment after a
/// blank line when it has no <c>MSH</c>, such as a bare <c>PID</c>) and runs to the next <c>MSH</c> or blank line. MLLP
/// framing characters (0x0B, 0x1C) are ignored, and so are batch envelope segments (<c>FHS</c>, <c>BHS</c>, <c>BTS</c>,
/// <c>FTS</c>; HL7 v2.5.1 chapter 2, 2.10.3).
/// </para>
/// <para>
/// A message that cannot be read is rejected with its ordinal, the line where it starts and the
/// <see cref="Hl7ReadError"/>, never its content; the message itself goes, verbatim, to the rejects file. Messages read
/// = accepted + rejected. A record keeps the id the message gives it (local identifier, else MSH-10); one with neither
/// is keyed by its message ordinal.
/// </para>
/// </remarks>
internal static class Hl7FileReader
{
    /// <summary>Reads a file.</summary>
    /// <param name="path">The HL7 v2 file.</param>
    /// <param name="options">The rejects path (<c>--map</c> does not apply and is refused earlier).</param>
    /// <returns>The records, rejections and counts.</returns>
    /// <exception cref="IngestionException">The file is missing, unreadable, or holds no message.</exception>
    public static PatientReadResult Read(string path, PatientSourceOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        if (File.Exists(path))
        {
            InputSniffer.ThrowIfNotText(path, expectsCsv: false);
        }

        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IngestionException("The file could not be opened: " + exception.GetType().Name + ".", exception) { IsUsageError = true };
        }

        return Read(text, options.RejectsPath, Path.GetFileName(path));
    }

    /// <summary>Reads HL7 v2 text (tests, standard input).</summary>
    /// <param name="text">The messages.</param>
    /// <param name="rejectsPath">Where to write rejected messages, or <see langword="null"/>.</param>
    /// <param name="source">The input's name for messages.</param>
    /// <returns>The records, rejections and counts.</returns>
    /// <exception cref="IngestionException">The text holds no message.</exception>
    public static PatientReadResult Read(string text, string? rejectsPath, string source = "the input")
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<PatientRecord>();
        var rejections = new List<RowRejection>();
        var rejected = new StringBuilder();
        long ordinal = 0;
        foreach (var message in Split(text))
        {
            ordinal++;
            if (Hl7Message.TryReadPatient(message.Text, out var record, out var error))
            {
                // A repeated id is kept: a feed's messages are events, and one patient's id (PID-3) repeats across
                // them by design; finding those records is what deduplicating a feed is for.
                records.Add(record.Id is null ? ReaderSupport.WithId(record, ordinal.ToString(CultureInfo.InvariantCulture)) : record);
                continue;
            }

            rejections.Add(new RowRejection(ordinal, message.Line, RejectionReason.UnreadableMessage, error.GetDescription(), "message"));
            rejected.Append(message.Text.Replace("\r", "\n", StringComparison.Ordinal)).Append('\n');
        }

        if (ordinal == 0)
        {
            throw new IngestionException(string.Create(CultureInfo.InvariantCulture, $"{source} holds no HL7 v2 message."));
        }

        if (rejectsPath is not null && rejections.Count > 0)
        {
            ReaderSupport.WriteRejects(rejectsPath, rejected.ToString());
        }

        return new PatientReadResult(records, rejections, ordinal) { ItemName = "messages", Description = ["format: hl7v2, one record per message from its PID segment"] };
    }

    /// <summary>One message: its segments joined with CR, and the 1-based line where it starts.</summary>
    internal readonly record struct Hl7FileMessage(string Text, int Line);

    /// <summary>Splits the text into messages (see the remarks on <see cref="Hl7FileReader"/>).</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The messages, in order.</returns>
    internal static List<Hl7FileMessage> Split(string text)
    {
        var messages = new List<Hl7FileMessage>();
        var current = new StringBuilder();
        var start = 0;
        var line = 0;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            line++;
            var end = rest.IndexOfAny('\r', '\n');
            ReadOnlySpan<char> segment;
            if (end < 0)
            {
                segment = rest;
                rest = default;
            }
            else
            {
                segment = rest[..end];
                var crLf = rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n'; // CR LF is one line end
                rest = rest[(end + (crLf ? 2 : 1))..];
            }

            segment = segment.Trim().Trim("\u000B\u001C\uFEFF").Trim();
            if (segment.IsEmpty)
            {
                Flush(messages, current, start);
                continue;
            }

            if (segment.StartsWith("FHS", StringComparison.Ordinal) || segment.StartsWith("BHS", StringComparison.Ordinal)
                || segment.StartsWith("BTS", StringComparison.Ordinal) || segment.StartsWith("FTS", StringComparison.Ordinal))
            {
                continue;
            }

            if (segment.StartsWith("MSH", StringComparison.Ordinal))
            {
                Flush(messages, current, start);
            }

            if (current.Length == 0)
            {
                start = line;
            }
            else
            {
                current.Append('\r');
            }

            current.Append(segment);
        }

        Flush(messages, current, start);
        return messages;
    }

    private static void Flush(List<Hl7FileMessage> messages, StringBuilder current, int start)
    {
        if (current.Length > 0)
        {
            messages.Add(new Hl7FileMessage(current.ToString(), start));
            current.Clear();
        }
    }
}
