using System.Globalization;
using System.Text;
using NhsIdentity.Fhir;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// The tool's reading of a FHIR NDJSON file (<c>--format fhir-ndjson</c>): the Fhir package's
/// <see cref="FhirNdjson.Read(TextReader, FhirPatientMapperOptions, TextWriter)"/> (one UK Core <c>Patient</c> per
/// line, rejections by ordinal, line and reason, repeated ids set aside), with what only the tool does: refusing a
/// binary file, writing the rejected lines to the rejects file atomically, and refusing a file that holds no resource.
/// </summary>
internal static class FhirNdjsonFileReader
{
    /// <summary>Reads a file.</summary>
    /// <param name="path">The NDJSON file.</param>
    /// <param name="options">The rejects path (<c>--map</c> does not apply).</param>
    /// <returns>The records, rejections and counts.</returns>
    /// <exception cref="IngestionException">The file is missing, unreadable, or holds no resource.</exception>
    public static PatientReadResult Read(string path, PatientSourceOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        if (File.Exists(path))
        {
            InputSniffer.ThrowIfNotText(path, expectsCsv: false);
        }

        using var rejected = options.RejectsPath is null ? null : new StringWriter(CultureInfo.InvariantCulture);
        PatientReadResult result;
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            result = FhirNdjson.Read(reader, rejectedLines: rejected);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IngestionException("The file could not be opened: " + exception.GetType().Name + ".", exception) { IsUsageError = true };
        }

        if (result.ItemsRead == 0)
        {
            throw new IngestionException(Path.GetFileName(path) + " holds no FHIR resource.");
        }

        if (options.RejectsPath is not null && rejected is not null && result.Rejected > 0)
        {
            ReaderSupport.WriteRejects(options.RejectsPath, rejected.ToString());
        }

        return result;
    }
}
