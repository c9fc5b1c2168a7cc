using Hl7.Fhir.Model;
using NhsIdentity.Server.Hosting;

namespace NhsIdentity.Server.Endpoints;

/// <summary>What every write (PUT or DELETE, FHIR or plain) checks before it reads its body: an id FHIR allows (ids are
/// logged, so only those), then an index that has loaded from the store.</summary>
internal static class WriteChecks
{
    /// <summary>The error to answer with, or <see langword="null"/> when the write may go on; a valid id is added to
    /// the audit line either way.</summary>
    public static IResult? Refusal(string id, IServedIndex index, AuditFeature audit)
    {
        if (!RequestText.IsValidId(id))
        {
            return OperationOutcomes.Error(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, OperationOutcomes.InvalidId);
        }

        audit.AddRecordId(id);
        return index.IsReady
            ? null
            : OperationOutcomes.Error(StatusCodes.Status503ServiceUnavailable, OperationOutcome.IssueType.Transient, OperationOutcomes.NotReady);
    }
}
