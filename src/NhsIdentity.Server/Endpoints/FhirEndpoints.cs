using System.Buffers;
using System.Diagnostics;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Options;
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
    public static void Map(IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir/Patient");
        fhir.MapPost("/$match", MatchAsync);
        fhir.MapPut("/{id}", PutAsync);
        fhir.MapGet("/{id}", GetAsync);
        fhir.MapDelete("/{id}", DeleteAsync);
    }

    private static async Task<IResult> MatchAsync(HttpContext context, IServedIndex index, ServerMetrics metrics, IOptions<ServerOptions> options)
    {
        var audit = AuditFeature.Of(context);
        audit.Operation = "fhir.match";
        if (!index.IsReady)
        {
            return OperationOutcomes.Error(StatusCodes.Status503ServiceUnavailable, OperationOutcome.IssueType.Transient, OperationOutcomes.NotReady);
        }

        // The fast reader takes the common subset; anything else (and every error) goes through the SDK as before.
        var fast = options.Value.FhirFastPath;
        var body = await RequestText.ReadBodyBytesAsync(context.Request).ConfigureAwait(false);
        if (!(fast && FhirMatchMessages.TryReadFast(body, out var query))
            && FhirMatchMessages.ReadWithSdk(RequestText.Decode(body), out query) is { } error)
        {
            return error;
        }

        audit.MaskedNhsNumber = AuditFeature.Mask(query.Record.NhsNumber);

        var start = Stopwatch.GetTimestamp();
        var matches = await index.FindMatchesAsync(query.Record, query.Count, context.RequestAborted).ConfigureAwait(false);
        if (query.OnlyCertainMatches)
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
        audit.Decision = matches.Count == 0 ? "none" : matches[0].Score.Decision.ToString();
        if (fast)
        {
            var output = new ArrayBufferWriter<byte>(4096);
            if (FhirMatchMessages.TryWriteFast(matches, storedById, output))
            {
                return new Utf8JsonResult(output.WrittenMemory, FhirMatchMessages.FhirJsonUtf8);
            }
        }

        return Results.Text(FhirMatchMessages.WriteWithSdk(matches, storedById), OperationOutcomes.FhirJson, System.Text.Encoding.UTF8);
    }

    private static async Task<IResult> PutAsync(string id, HttpContext context, IServedIndex index, ServerMetrics metrics)
    {
        var audit = AuditFeature.Of(context);
        audit.Operation = "fhir.put";
        if (WriteChecks.Refusal(id, index, audit) is { } refusal)
        {
            return refusal;
        }

        if (!FhirMatchMessages.TryDeserialize<Patient>(await RequestText.ReadBodyAsync(context.Request).ConfigureAwait(false), out var patient))
        {
            return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.InvalidPatient);
        }

        if (patient.Id is { } bodyId && !string.Equals(bodyId, id, StringComparison.Ordinal))
        {
            return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.IdMismatch);
        }

        patient.Id = id;
        if (!FhirMatchMessages.TryMap(patient, out var record))
        {
            return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.InvalidPatient);
        }

        var json = patient.ToJson();
        var added = await index.UpsertAsync(new StoredPatient(id, record with { Id = id }, json), context.RequestAborted).ConfigureAwait(false);
        metrics.Write(added ? "create" : "replace");
        audit.Decision = added ? "created" : "replaced";
        return Results.Text(json, OperationOutcomes.FhirJson, System.Text.Encoding.UTF8, added ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, IServedIndex index)
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
        return Results.Text(FhirMatchMessages.ToResource(stored).ToJson(), OperationOutcomes.FhirJson, System.Text.Encoding.UTF8);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, IServedIndex index, ServerMetrics metrics)
    {
        var audit = AuditFeature.Of(context);
        audit.Operation = "fhir.delete";
        return await RecordEndpoints.DeleteCoreAsync(id, context, index, metrics, audit).ConfigureAwait(false);
    }
}
