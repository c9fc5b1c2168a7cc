using System.Globalization;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// The tool's reading of an HL7 v2 message file (<c>--format hl7v2</c>): the library's <see cref="Hl7BatchReader"/>
/// (message splitting, MLLP framing and batch envelopes, one record per message, rejections by ordinal and reason),
/// with what only the tool does: refusing a binary file, writing the rejected messages to the rejects file
/// atomically, and refusing a file that holds no message.
/// </summary>
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

        using var rejected = options.RejectsPath is null ? null : new StringWriter(CultureInfo.InvariantCulture);
        Hl7BatchReader reader;
        try
        {
            reader = Hl7BatchReader.OpenFile(path, rejected);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IngestionException("The file could not be opened: " + exception.GetType().Name + ".", exception) { IsUsageError = true };
        }

        using (reader)
        {
            return Read(reader, rejected, options.RejectsPath, Path.GetFileName(path));
        }
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
        using var rejected = rejectsPath is null ? null : new StringWriter(CultureInfo.InvariantCulture);
        using var reader = new Hl7BatchReader(new StringReader(text), rejected);
        return Read(reader, rejected, rejectsPath, source);
    }

    /// <summary>Splits the text into messages as the library's reader does (see <see cref="Hl7BatchReader"/>).</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The messages, in order.</returns>
    internal static List<Hl7BatchMessage> Split(string text)
    {
        using var reader = new Hl7BatchReader(new StringReader(text));
        return [.. reader.ReadMessages()];
    }

    private static PatientReadResult Read(Hl7BatchReader reader, StringWriter? rejected, string? rejectsPath, string source)
    {
        var records = new List<PatientRecord>();
        try
        {
            foreach (var record in reader.ReadRecords())
            {
                records.Add(record);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IngestionException("The file could not be read: " + exception.GetType().Name + ".", exception) { IsUsageError = true };
        }

        if (reader.MessagesRead == 0)
        {
            throw new IngestionException(string.Create(CultureInfo.InvariantCulture, $"{source} holds no HL7 v2 message."));
        }

        if (rejectsPath is not null && rejected is not null && reader.Rejected > 0)
        {
            ReaderSupport.WriteRejects(rejectsPath, rejected.ToString());
        }

        return reader.ToResult(records);
    }
}
