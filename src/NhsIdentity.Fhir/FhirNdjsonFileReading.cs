using System.Globalization;
using NhsIdentity.Ingestion;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir;

/// <summary>
/// FHIR NDJSON read into the library's one result shape (<see cref="PatientReadResult"/>), as CSV
/// (<see cref="PatientCsvReader"/>) and HL7 v2 (<see cref="Hl7BatchReader"/>) are.
/// </summary>
/// <remarks>
/// <para>An item is a non-blank line (a resource): resources read = accepted + rejected, blank lines counted apart.
/// A line that gives no record is rejected with its ordinal, its line number and the <see cref="FhirNdjsonError"/> in
/// words (<see cref="RejectionReason.UnreadableMessage"/>); a resource whose id repeats an earlier one's is rejected
/// as <see cref="RejectionReason.DuplicateId"/> (the first is kept). A record without an id is keyed by its line
/// number. Rejected lines are copied verbatim only to the writer the caller gives for them.</para>
/// </remarks>
public static partial class FhirNdjson
{
    /// <summary>Reads FHIR NDJSON whole into records, rejections and counts, a line at a time.</summary>
    /// <param name="reader">The input; read to its end, not disposed.</param>
    /// <param name="options">Mapping options; <see langword="null"/> for <see cref="FhirPatientMapperOptions.Default"/>.</param>
    /// <param name="rejectedLines">Where to copy rejected lines verbatim (one per line), or <see langword="null"/>.
    /// They hold patient data: give a writer only where that is wanted.</param>
    /// <returns>The records, rejections and counts (items are resources).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    public static PatientReadResult Read(TextReader reader, FhirPatientMapperOptions? options = null, TextWriter? rejectedLines = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var state = new ReadState(options ?? FhirPatientMapperOptions.Default, rejectedLines);
        while (reader.ReadLine() is { } line)
        {
            state.Take(line);
        }

        return state.ToResult();
    }

    /// <summary>Reads FHIR NDJSON whole, asynchronously, into records, rejections and counts, a line at a time.</summary>
    /// <param name="reader">The input; read to its end, not disposed.</param>
    /// <param name="options">Mapping options; <see langword="null"/> for <see cref="FhirPatientMapperOptions.Default"/>.</param>
    /// <param name="rejectedLines">Where to copy rejected lines verbatim (one per line), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records, rejections and counts (items are resources).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static async Task<PatientReadResult> ReadAsync(TextReader reader, FhirPatientMapperOptions? options = null, TextWriter? rejectedLines = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var state = new ReadState(options ?? FhirPatientMapperOptions.Default, rejectedLines);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            state.Take(line);
        }

        return state.ToResult();
    }

    /// <summary>Words for a line's error in a rejection.</summary>
    private static string Describe(FhirNdjsonError error) => error switch
    {
        FhirNdjsonError.InvalidJson => "not valid JSON",
        FhirNdjsonError.NotAPatient => "not a Patient resource",
        FhirNdjsonError.InvalidResource => "a Patient the FHIR model cannot read",
        _ => "unreadable",
    };

    /// <summary>Numbering, id checks and counts over the lines of one input.</summary>
    private sealed class ReadState(FhirPatientMapperOptions options, TextWriter? rejectedLines)
    {
        private readonly List<PatientRecord> records = [];
        private readonly List<RowRejection> rejections = [];
        private readonly Dictionary<string, long> firstWithId = new(StringComparer.Ordinal);
        private long items;
        private long blankLines;
        private int lineNumber;

        public void Take(string line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                blankLines++;
                return;
            }

            items++;
            var result = ReadPatient(line, lineNumber, options);
            if (!result.IsSuccess)
            {
                Reject(line, RejectionReason.UnreadableMessage, Describe(result.Error));
                return;
            }

            var record = result.Record!;
            record = record.Id is null ? record with { Id = lineNumber.ToString(CultureInfo.InvariantCulture) } : record;
            if (string.IsNullOrEmpty(record.Id))
            {
                Reject(line, RejectionReason.EmptyId, "(the id column is empty)");
                return;
            }

            if (firstWithId.TryGetValue(record.Id, out var first))
            {
                Reject(line, RejectionReason.DuplicateId, string.Create(CultureInfo.InvariantCulture, $"(first at resource {first})"));
                return;
            }

            firstWithId.Add(record.Id, items);
            records.Add(record);
        }

        public PatientReadResult ToResult() => new(records, rejections, items)
        {
            ItemName = "resources",
            BlankRowsSkipped = blankLines,
            Description = ["format: fhir-ndjson, one UK Core Patient per line"],
            Warnings = items == 0 ? ["the input holds no FHIR resource"] : [],
        };

        private void Reject(string line, RejectionReason reason, string detail)
        {
            rejections.Add(new RowRejection(items, lineNumber, reason, detail, "resource"));
            if (rejectedLines is not null)
            {
                rejectedLines.Write(line);
                rejectedLines.Write('\n');
            }
        }
    }
}
