using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace NhsIdentity.Server;

/// <summary>Every error the service returns: a FHIR OperationOutcome whose text is one of the constants below, so
/// no error ever echoes a patient value.</summary>
internal static class OperationOutcomes
{
    public const string FhirJson = "application/fhir+json";

    public const string Unauthorized = "Credentials are missing or not valid: send the API key in X-Api-Key or Authorization: ApiKey, or a valid bearer token where tokens are configured.";
    public const string TooLarge = "The request body is larger than the service accepts.";
    public const string NotFound = "No patient has this id.";
    public const string InvalidId = "The id must be 1 to 64 letters, digits, '-' or '.'.";
    public const string IdMismatch = "The id in the body differs from the id in the URL.";
    public const string InvalidPatient = "The body is not a valid FHIR R4 Patient resource.";
    public const string InvalidParameters = "The body is not a valid FHIR R4 Parameters resource with a Patient in 'resource'.";
    public const string InvalidCount = "'count' must be between 1 and 100.";
    public const string InvalidRecord = "The body is not a valid patient record (JSON object).";
    public const string Recovering = "Part of the index is recovering after a node was lost; try again shortly (writing again is safe).";
    public const string NotReady = "The index is still loading from the store; try again shortly.";
    public const string BadRequest = "The request is not valid (a parameter or the body could not be read).";
    public const string NoSuchEndpoint = "No endpoint answers this method and path.";
    public const string Internal = "The request failed inside the service; the audit log has its trace id.";

    public static IResult Error(int status, OperationOutcome.IssueType code, string text) =>
        Results.Text(ToJson(status, code, text), FhirJson, System.Text.Encoding.UTF8, status);

    public static string ToJson(int status, OperationOutcome.IssueType code, string text)
    {
        _ = status;
        var outcome = new OperationOutcome
        {
            Issue =
            [
                new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Error,
                    Code = code,
                    Diagnostics = text,
                },
            ],
        };
        return outcome.ToJson();
    }

    public static async System.Threading.Tasks.Task WriteAsync(HttpContext context, int status, OperationOutcome.IssueType code, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = FhirJson;
        await context.Response.WriteAsync(ToJson(status, code, text), context.RequestAborted).ConfigureAwait(false);
    }
}
