using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;

namespace NhsIdentity.Fhir;

/// <summary>
/// Reads FHIR NDJSON (newline-delimited JSON, one resource per line, as FHIR Bulk Data exports write it) into
/// patient records, line by line.
/// </summary>
/// <remarks>
/// <para>Each non-blank line gives one <see cref="FhirNdjsonResult"/>: the record mapped by
/// <see cref="FhirPatientMapper.ToPatientRecord"/>, or a typed error with the line number. A bad line never stops
/// the reading and its text is never reported, so callers can count and log rejects without leaking patient data.
/// Blank lines (and a final newline) are skipped.</para>
/// <para>Lines are deserialised with the Firely SDK's recoverable mode, so one flawed value does not cost the
/// whole record: errors that lose no data are accepted (an empty string, <c>"true"</c> for <c>true</c>, an
/// impossible date such as <c>1948-13-45</c>, which is kept as text and which the record set then counts as an
/// invalid date). A line is <see cref="FhirNdjsonError.InvalidResource"/> when the SDK cannot keep its data, or when
/// a value the mapping reads cannot be held in its FHIR type (a <c>gender</c> outside its value set, <c>name</c> as
/// an object instead of an array). Values that are well-formed FHIR but not readable demographics (a malformed NHS
/// number) are passed through for the record set to count. A successful result's <see cref="Patient"/> is the
/// resource as read, so it may carry such recovered values in elements the mapping does not read.</para>
/// <para>The enumeration is lazy and reads the input once; it is not thread-safe (one reader, one consumer).</para>
/// </remarks>
public static partial class FhirNdjson
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));

    /// <summary>Reads patients from FHIR NDJSON, one result per non-blank line.</summary>
    /// <param name="reader">The input; read to its end, not disposed.</param>
    /// <param name="options">Mapping options; <see langword="null"/> for <see cref="FhirPatientMapperOptions.Default"/>.</param>
    /// <returns>The results in line order, lazily.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null (thrown at once, not when
    /// enumerating).</exception>
    public static IEnumerable<FhirNdjsonResult> ReadPatients(TextReader reader, FhirPatientMapperOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Read(reader, options ?? FhirPatientMapperOptions.Default);
    }

    /// <summary>Reads one line of FHIR JSON as a patient.</summary>
    /// <param name="json">One JSON object (a <c>Patient</c> resource).</param>
    /// <param name="lineNumber">The number to report the result under.</param>
    /// <param name="options">Mapping options; <see langword="null"/> for <see cref="FhirPatientMapperOptions.Default"/>.</param>
    /// <returns>The record, or the reason there is none. Never throws on any text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static FhirNdjsonResult ReadPatient(string json, long lineNumber, FhirPatientMapperOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var error = TryDeserialize(json, out var patient);
        if (error != FhirNdjsonError.None)
        {
            return new FhirNdjsonResult(lineNumber, null, null, error);
        }

        return FhirPatientMapper.TryToPatientRecord(patient!, options ?? FhirPatientMapperOptions.Default, out var record)
            ? new FhirNdjsonResult(lineNumber, record, patient, FhirNdjsonError.None)
            : new FhirNdjsonResult(lineNumber, null, null, FhirNdjsonError.InvalidResource);
    }

    private static IEnumerable<FhirNdjsonResult> Read(TextReader reader, FhirPatientMapperOptions options)
    {
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return ReadPatient(line, lineNumber, options);
        }
    }

    private static FhirNdjsonError TryDeserialize(string json, out Patient? patient)
    {
        patient = null;
        var kind = PeekResourceType(json, out var resourceType);
        if (kind != FhirNdjsonError.None)
        {
            return kind;
        }

        if (!string.Equals(resourceType, "Patient", StringComparison.Ordinal))
        {
            return FhirNdjsonError.NotAPatient;
        }

        try
        {
            if (!Deserializer.TryDeserializeResource(json, out var resource, out IEnumerable<CodedException> _) || resource is not Patient read)
            {
                return FhirNdjsonError.InvalidResource;
            }

            patient = read;
            return FhirNdjsonError.None;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // TryDeserializeResource reports content errors through its result; this guards the promise that no
            // line makes the reader throw. Any failure here is about the line's content, so it becomes a typed
            // error, and the SDK's message (which may quote the offending value) is dropped.
            return FhirNdjsonError.InvalidResource;
        }
    }

    /// <summary>Checks the line is one well-formed JSON object and finds its top-level <c>resourceType</c>, before
    /// the FHIR deserializer runs, so broken JSON and other resource types are told apart from invalid patients.</summary>
    private static FhirNdjsonError PeekResourceType(string json, out string? resourceType)
    {
        resourceType = null;
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return FhirNdjsonError.InvalidJson;
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    var isResourceType = reader.ValueTextEquals("resourceType"u8);
                    reader.Read();
                    if (isResourceType && reader.TokenType == JsonTokenType.String)
                    {
                        resourceType ??= reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }

            return FhirNdjsonError.None;
        }
        catch (JsonException)
        {
            return FhirNdjsonError.InvalidJson;
        }
    }
}
