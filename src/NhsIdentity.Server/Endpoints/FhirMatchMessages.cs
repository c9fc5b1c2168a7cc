using System.Buffers;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Net.Http.Headers;
using NhsIdentity.Fhir;
using NhsIdentity.Fhir.FastJson;
using NhsIdentity.Matching;
using NhsIdentity.Server.Storage;

namespace NhsIdentity.Server.Endpoints;

/// <summary>A <c>Patient/$match</c> lookup as the request asks for it.</summary>
/// <param name="Record">The patient to look up, mapped.</param>
/// <param name="Count">The most candidates to return (1 to 100).</param>
/// <param name="OnlyCertainMatches">Whether to return only candidates the model calls a match.</param>
internal readonly record struct FhirMatchQuery(PatientRecord Record, int Count, bool OnlyCertainMatches);

/// <summary>The two ways <c>$match</c> reads its Parameters body and writes its searchset bundle: the Firely SDK's
/// (strict parse, model objects, <c>ToJson</c>), which takes anything FHIR allows and says what is wrong, and the
/// System.Text.Json one (<see cref="FhirMatchRequestReader"/>, <see cref="FhirMatchBundleWriter"/>), which takes the
/// common subset and hands everything else to the SDK. Both stay callable so tests can hold them to the same answers.</summary>
internal static class FhirMatchMessages
{
    /// <summary>The default <c>count</c>.</summary>
    public const int DefaultCount = 10;

    /// <summary>The largest <c>count</c> accepted.</summary>
    public const int MaxCount = 100;

    /// <summary>The content type <c>Results.Text(json, FhirJson, UTF8)</c> sends, so both writers send the same header.</summary>
    public static readonly string FhirJsonUtf8 = new MediaTypeHeaderValue(OperationOutcomes.FhirJson) { Encoding = Encoding.UTF8 }.ToString();

    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    /// <summary>The fast reader: true with the query when the body is in its subset, its count in range and its
    /// Patient maps; false (nothing decided) otherwise, and the caller reads the body with <see cref="ReadWithSdk"/>.</summary>
    public static bool TryReadFast(ReadOnlySpan<byte> body, out FhirMatchQuery query)
    {
        query = default;
        if (!FhirMatchRequestReader.TryRead(body, out var request)
            || request.Count is < 1 or > MaxCount
            || !TryMap(request.Patient, out var record))
        {
            return false;
        }

        query = new FhirMatchQuery(record, request.Count ?? DefaultCount, request.OnlyCertainMatches == true);
        return true;
    }

    /// <summary>The SDK reader: the query, or the error answer (an OperationOutcome with a fixed text).</summary>
    public static IResult? ReadWithSdk(string body, out FhirMatchQuery query)
    {
        query = default;
        if (!TryDeserialize<Parameters>(body, out var parameters)
            || !TryGetSingle(parameters, "resource", out var resource)
            || resource?.Resource is not Patient patient
            || !TryMap(patient, out var record)
            || !TryGetSingle(parameters, "count", out var countParameter)
            || !TryGetSingle(parameters, "onlyCertainMatches", out var onlyCertainParameter))
        {
            return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.InvalidParameters);
        }

        var count = DefaultCount;
        if (countParameter?.Value is { } countValue)
        {
            if (countValue is not Integer { Value: { } requested } || requested is < 1 or > MaxCount)
            {
                return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.InvalidCount);
            }

            count = requested;
        }

        var onlyCertain = onlyCertainParameter?.Value is FhirBoolean { Value: true };
        query = new FhirMatchQuery(record, count, onlyCertain);
        return null;
    }

    /// <summary>The SDK writer: the bundle built as model objects and serialised.</summary>
    public static string WriteWithSdk(IReadOnlyList<IndexMatch> matches, IReadOnlyDictionary<string, StoredPatient> storedById)
    {
        var resources = new Dictionary<string, Patient>(storedById.Count, StringComparer.Ordinal);
        foreach (var (id, stored) in storedById)
        {
            resources[id] = ToResource(stored);
        }

        return FhirMatchBundle.Create(matches, id => resources.GetValueOrDefault(id)).ToJson();
    }

    /// <summary>The fast writer: the same bundle text as <see cref="WriteWithSdk"/>, or false when a stored resource's
    /// text is not JSON (then the SDK path's fallback to the record decides what is written).</summary>
    public static bool TryWriteFast(IReadOnlyList<IndexMatch> matches, IReadOnlyDictionary<string, StoredPatient> storedById, ArrayBufferWriter<byte> output)
    {
        try
        {
            FhirMatchBundleWriter.Write(output, matches, id => storedById.TryGetValue(id, out var stored) ? EntryOf(stored) : null);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or JsonException)
        {
            output.Clear();
            return false;
        }
    }

    /// <summary>A stored patient as a bundle entry: the resource as the caller sent it (stored as the SDK wrote it
    /// after a strict parse) when there is one, else the record mapped.</summary>
    private static FhirEntryResource EntryOf(StoredPatient stored) =>
        stored.FhirJson is { } json ? FhirEntryResource.FromJson(stored.Id, json) : FhirEntryResource.FromRecord(stored.Id, stored.Record);

    /// <summary>A stored patient as a resource: the resource as the caller sent it, else the record mapped.</summary>
    public static Patient ToResource(StoredPatient stored)
    {
        if (stored.FhirJson is not null && TryDeserialize<Patient>(stored.FhirJson, out var patient))
        {
            return patient;
        }

        var written = FhirPatientMapper.ToPatient(stored.Record with { Id = stored.Id });
        written.Id = stored.Id;
        return written;
    }

    /// <summary>The one parameter of this name, or null when there is none; false when it is repeated (the SDK's
    /// <c>GetSingle</c> throws then, which must be a 400, not a 500).</summary>
    private static bool TryGetSingle(Parameters parameters, string name, out Parameters.ParameterComponent? parameter)
    {
        parameter = null;
        foreach (var candidate in parameters.Parameter)
        {
            if (candidate.Name == name)
            {
                if (parameter is not null)
                {
                    return false;
                }

                parameter = candidate;
            }
        }

        return true;
    }

    public static bool TryDeserialize<T>(string json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? resource)
        where T : Resource
    {
        try
        {
            resource = Strict.Deserialize<T>(json);
            return resource is not null;
        }
        catch (Exception exception) when (exception is DeserializationFailedException or FormatException or InvalidOperationException
            or InvalidCastException or JsonException or ArgumentException)
        {
            // The SDK's message can quote the offending value; it is dropped, the caller gets a fixed text. A resource of
            // another type than asked for (a Patient posted where Parameters belong) is an InvalidCastException.
            resource = null;
            return false;
        }
    }

    public static bool TryMap(Patient patient, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PatientRecord? record)
    {
        try
        {
            record = FhirPatientMapper.ToPatientRecord(patient);
            return true;
        }
        catch (ArgumentException)
        {
            record = null;
            return false;
        }
    }
}
