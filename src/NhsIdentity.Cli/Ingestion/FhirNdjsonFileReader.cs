using System.Globalization;
using System.Text;
using NhsIdentity.Fhir;
using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Reads a FHIR NDJSON file (one <c>Patient</c> resource per line, as Bulk Data exports write) into patient records
/// with <see cref="FhirNdjson.ReadPatient"/> and the UK Core mapping of <see cref="FhirPatientMapper"/>.
/// </summary>
/// <remarks>
/// Blank lines are skipped and not counted. A line that is not JSON, not a Patient or not a valid resource is
/// rejected with its line number and the reason, never its content; the line itself goes, verbatim, to the rejects
/// file. Lines read = accepted + rejected. A Patient without an id is keyed by its line number.
/// </remarks>
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

        var records = new List<PatientRecord>();
        var rejections = new List<RowRejection>();
        var rejected = new StringBuilder();
        var ids = new RecordIds("resource");
        long items = 0;
        var lineNumber = 0;
        try
        {
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                items++;
                var result = FhirNdjson.ReadPatient(line, lineNumber);
                if (result.IsSuccess)
                {
                    var record = result.Record!;
                    record = record.Id is null ? ReaderSupport.WithId(record, lineNumber.ToString(CultureInfo.InvariantCulture)) : record;
                    if (ids.TryAdd(record.Id, items, out var idRejection))
                    {
                        records.Add(record);
                        continue;
                    }

                    rejections.Add(new RowRejection(items, lineNumber, idRejection.Reason, idRejection.Detail, "resource"));
                }
                else
                {
                    rejections.Add(new RowRejection(items, lineNumber, RejectionReason.UnreadableMessage, Describe(result.Error), "resource"));
                }

                rejected.Append(line).Append('\n');
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IngestionException("The file could not be opened: " + exception.GetType().Name + ".", exception) { IsUsageError = true };
        }

        if (items == 0)
        {
            throw new IngestionException(Path.GetFileName(path) + " holds no FHIR resource.");
        }

        if (options.RejectsPath is not null && rejections.Count > 0)
        {
            ReaderSupport.WriteRejects(options.RejectsPath, rejected.ToString());
        }

        return new PatientReadResult(records, rejections, items) { ItemName = "resources", Description = ["format: fhir-ndjson, one UK Core Patient per line"] };
    }

    private static string Describe(FhirNdjsonError error) => error switch
    {
        FhirNdjsonError.InvalidJson => "not valid JSON",
        FhirNdjsonError.NotAPatient => "not a Patient resource",
        FhirNdjsonError.InvalidResource => "a Patient the FHIR model cannot read",
        _ => "unreadable",
    };
}
