using System.Diagnostics;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NhsIdentity.Fhir;
using NhsIdentity.Matching;
using NhsIdentity.Server.Hosting;
using NhsIdentity.Server.Storage;
using Task = System.Threading.Tasks.Task;

namespace NhsIdentity.Server.Endpoints;

/// <summary>FHIR R4: <c>Patient/$match</c> and Patient create-or-replace, read and delete, in
/// <c>application/fhir+json</c>. Mapping and bundles come from the NhsIdentity.Fhir package.</summary>
internal static class FhirEndpoints
{
    private const int DefaultCount = 10;
    private const int MaxCount = 100;

    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    public static void Map(IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir/Patient");
        fhir.MapPost("/$match", MatchAsync);
        fhir.MapPut("/{id}", PutAsync);
        fhir.MapGet("/{id}", GetAsync);
        fhir.MapDelete("/{id}", DeleteAsync);
    }

    private static async Task<IResult> MatchAsync(HttpContext context, IdentityIndex index, ServerMetrics metrics)
    {
        var audit = AuditFeature.Of(context);
        audit.Operation = "fhir.match";
        if (!index.IsReady)
        {
            return OperationOutcomes.Error(StatusCodes.Status503ServiceUnavailable, OperationOutcome.IssueType.Transient, OperationOutcomes.NotReady);
        }

        if (!TryDeserialize<Parameters>(await RequestText.ReadBodyAsync(context.Request).ConfigureAwait(false), out var parameters)
            || parameters.GetSingle("resource")?.Resource is not Patient patient
            || !TryMap(patient, out var query))
        {
            return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.InvalidParameters);
        }

        var count = DefaultCount;
        if (parameters.GetSingle("count")?.Value is { } countValue)
        {
            if (countValue is not Integer { Value: { } requested } || requested is < 1 or > MaxCount)
            {
                return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.InvalidCount);
            }

            count = requested;
        }

        var onlyCertain = parameters.GetSingle("onlyCertainMatches")?.Value is FhirBoolean { Value: true };
        audit.MaskedNhsNumber = AuditFeature.Mask(query.NhsNumber);

        var start = Stopwatch.GetTimestamp();
        IReadOnlyList<IndexMatch> matches = index.Index.FindMatches(query, count);
        if (onlyCertain)
        {
            // $match's onlyCertainMatches: only candidates the model calls a match (FHIR: "certain").
            matches = [.. matches.Where(m => m.Score.Decision == MatchDecision.Match)];
        }

        metrics.Lookup(Stopwatch.GetElapsedTime(start).TotalMilliseconds, "fhir");

        // The candidates' resources in one store query, not one per candidate (up to 10 by default, 100 at most).
        var ids = new List<string>(matches.Count);
        foreach (var match in matches)
        {
            audit.AddRecordId(match.Id);
            ids.Add(match.Id);
        }

        var storedById = await index.Store.GetManyAsync(ids, context.RequestAborted).ConfigureAwait(false);
        var resources = new Dictionary<string, Patient>(storedById.Count, StringComparer.Ordinal);
        foreach (var (id, stored) in storedById)
        {
            resources[id] = ToResource(stored);
        }

        audit.Decision = matches.Count == 0 ? "none" : matches[0].Score.Decision.ToString();
        var bundle = FhirMatchBundle.Create(matches, id => resources.GetValueOrDefault(id));
        return Results.Text(bundle.ToJson(), OperationOutcomes.FhirJson, System.Text.Encoding.UTF8);
    }

    private static async Task<IResult> PutAsync(string id, HttpContext context, IdentityIndex index, ServerMetrics metrics)
    {
        var audit = AuditFeature.Of(context);
        audit.Operation = "fhir.put";
        if (WriteChecks.Refusal(id, index, audit) is { } refusal)
        {
            return refusal;
        }

        if (!TryDeserialize<Patient>(await RequestText.ReadBodyAsync(context.Request).ConfigureAwait(false), out var patient))
        {
            return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.InvalidPatient);
        }

        if (patient.Id is { } bodyId && !string.Equals(bodyId, id, StringComparison.Ordinal))
        {
            return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.IdMismatch);
        }

        patient.Id = id;
        if (!TryMap(patient, out var record))
        {
            return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.InvalidPatient);
        }

        var json = patient.ToJson();
        var added = await index.UpsertAsync(new StoredPatient(id, record with { Id = id }, json), context.RequestAborted).ConfigureAwait(false);
        metrics.Write(added ? "create" : "replace");
        audit.Decision = added ? "created" : "replaced";
        return Results.Text(json, OperationOutcomes.FhirJson, System.Text.Encoding.UTF8, added ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, IdentityIndex index)
    {
        var audit = AuditFeature.Of(context);
        audit.Operation = "fhir.read";
        // Before the index has loaded the store may not have its schema yet: a read then is "not ready", not a 500.
        if (!index.IsReady)
        {
            return OperationOutcomes.Error(StatusCodes.Status503ServiceUnavailable, OperationOutcome.IssueType.Transient, OperationOutcomes.NotReady);
        }

        if (!RequestText.IsValidId(id))
        {
            return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.InvalidId);
        }

        audit.AddRecordId(id);
        if (await index.Store.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is not { } stored)
        {
            audit.Decision = "not-found";
            return OperationOutcomes.Error(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, OperationOutcomes.NotFound);
        }

        audit.Decision = "found";
        return Results.Text(ToResource(stored).ToJson(), OperationOutcomes.FhirJson, System.Text.Encoding.UTF8);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, IdentityIndex index, ServerMetrics metrics)
    {
        var audit = AuditFeature.Of(context);
        audit.Operation = "fhir.delete";
        return await RecordEndpoints.DeleteCoreAsync(id, context, index, metrics, audit).ConfigureAwait(false);
    }

    internal static Patient ToResource(StoredPatient stored)
    {
        if (stored.FhirJson is not null && TryDeserialize<Patient>(stored.FhirJson, out var patient))
        {
            return patient;
        }

        var written = FhirPatientMapper.ToPatient(stored.Record with { Id = stored.Id });
        written.Id = stored.Id;
        return written;
    }

    private static bool TryDeserialize<T>(string json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? resource)
        where T : Resource
    {
        try
        {
            resource = Strict.Deserialize<T>(json);
            return resource is not null;
        }
        catch (Exception exception) when (exception is DeserializationFailedException or FormatException or InvalidOperationException or System.Text.Json.JsonException or ArgumentException)
        {
            // The SDK's message can quote the offending value; it is dropped, the caller gets a fixed text.
            resource = null;
            return false;
        }
    }

    private static bool TryMap(Patient patient, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PatientRecord? record)
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
