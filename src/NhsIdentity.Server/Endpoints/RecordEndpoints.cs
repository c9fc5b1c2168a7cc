using System.Diagnostics;
using System.Text.Json;
using Hl7.Fhir.Model;
using NhsIdentity.Matching;
using NhsIdentity.Server.Hosting;
using NhsIdentity.Server.Storage;
using Task = System.Threading.Tasks.Task;

namespace NhsIdentity.Server.Endpoints;

/// <summary>The plain JSON API for callers that do not speak FHIR: bodies are <see cref="PatientRecord"/>-shaped
/// (camelCase: <c>nhsNumber</c>, <c>givenNames</c>, <c>familyName</c>, <c>dateOfBirth</c>, ...).</summary>
internal static class RecordEndpoints
{
    private const int DefaultCount = 10;
    private const int MaxCount = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/match", MatchAsync);
        app.MapPut("/records/{id}", PutAsync);
        app.MapDelete("/records/{id}", DeleteAsync);
    }

    private static async Task<IResult> MatchAsync(HttpContext context, IServedIndex index, ServerMetrics metrics, bool? explain, int? count)
    {
        var audit = AuditFeature.Of(context);
        audit.Operation = "match";
        if (!index.IsReady)
        {
            return OperationOutcomes.Error(StatusCodes.Status503ServiceUnavailable, OperationOutcome.IssueType.Transient, OperationOutcomes.NotReady);
        }

        if (count is < 1 or > MaxCount)
        {
            return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.InvalidCount);
        }

        if (await ReadRecordAsync(context.Request).ConfigureAwait(false) is not { } query)
        {
            return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.InvalidRecord);
        }

        audit.MaskedNhsNumber = AuditFeature.Mask(query.NhsNumber);
        var start = Stopwatch.GetTimestamp();
        var matches = await index.FindMatchesAsync(query, count ?? DefaultCount, context.RequestAborted).ConfigureAwait(false);
        metrics.Lookup(Stopwatch.GetElapsedTime(start).TotalMilliseconds, "json");

        var candidates = new List<MatchCandidate>(matches.Count);
        foreach (var match in matches)
        {
            audit.AddRecordId(match.Id);
            MatchExplanationBody? explanation = null;
            if (explain == true && await index.Store.GetAsync(match.Id, context.RequestAborted).ConfigureAwait(false) is { } stored)
            {
                explanation = Explain(index, query, stored.Record);
            }

            candidates.Add(new MatchCandidate(match.Id, match.Score.Weight, match.Score.Probability, match.Score.Decision.ToString(), explanation));
        }

        audit.Decision = matches.Count == 0 ? "none" : matches[0].Score.Decision.ToString();
        return Results.Json(new MatchResponse(candidates), Json);
    }

    private static async Task<IResult> PutAsync(string id, HttpContext context, IServedIndex index, ServerMetrics metrics)
    {
        var audit = AuditFeature.Of(context);
        audit.Operation = "records.put";
        if (WriteChecks.Refusal(id, index, audit) is { } refusal)
        {
            return refusal;
        }

        if (await ReadRecordAsync(context.Request).ConfigureAwait(false) is not { } record)
        {
            return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.InvalidRecord);
        }

        if (record.Id is { } bodyId && !string.Equals(bodyId, id, StringComparison.Ordinal))
        {
            return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.IdMismatch);
        }

        var added = await index.UpsertAsync(new StoredPatient(id, record with { Id = id }, fhirJson: null), context.RequestAborted).ConfigureAwait(false);
        metrics.Write(added ? "create" : "replace");
        audit.Decision = added ? "created" : "replaced";
        return Results.Json(new WriteResponse(id, added), Json, statusCode: added ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static Task<IResult> DeleteAsync(string id, HttpContext context, IServedIndex index, ServerMetrics metrics)
    {
        var audit = AuditFeature.Of(context);
        audit.Operation = "records.delete";
        return DeleteCoreAsync(id, context, index, metrics, audit);
    }

    internal static async Task<IResult> DeleteCoreAsync(string id, HttpContext context, IServedIndex index, ServerMetrics metrics, AuditFeature audit)
    {
        if (WriteChecks.Refusal(id, index, audit) is { } refusal)
        {
            return refusal;
        }

        if (!await index.DeleteAsync(id, context.RequestAborted).ConfigureAwait(false))
        {
            audit.Decision = "not-found";
            return OperationOutcomes.Error(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, OperationOutcomes.NotFound);
        }

        metrics.Write("delete");
        audit.Decision = "deleted";
        return Results.NoContent();
    }

    /// <summary>The query against one stored record, prepared as a pair. Term-frequency adjustments here come from the
    /// pair, not the whole index, so a weight can differ slightly from the candidate's score; the candidate's
    /// <c>weight</c> is the index's.</summary>
    private static MatchExplanationBody Explain(IServedIndex index, PatientRecord query, PatientRecord stored)
    {
        var pair = new RecordSet([query with { Id = "query" }, stored], index.Preparation);
        var explanation = index.Model.Explain(pair, 0, pair, 1);
        var comparisons = new List<ComparisonBody>(explanation.Outcomes.Count);
        foreach (var outcome in explanation.Outcomes)
        {
            comparisons.Add(new ComparisonBody(outcome.Comparison.ToString(), outcome.LevelName, outcome.Weight, outcome.TermFrequencyAdjustment));
        }

        return new MatchExplanationBody(explanation.PriorWeight, explanation.Score.Weight, comparisons);
    }

    private static async Task<PatientRecord?> ReadRecordAsync(HttpRequest request)
    {
        var text = await RequestText.ReadBodyAsync(request).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<PatientRecord>(text, Json);
        }
        catch (JsonException)
        {
            // The parser's message can quote the body; the caller gets a fixed text instead.
            return null;
        }
    }
}
