using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace NhsIdentity.Server.Security;

/// <summary>Refuses bodies over <see cref="ServerOptions.MaxRequestBodyBytes"/> with 413 before anything reads them
/// (declared length), and caps the server's own limit for bodies sent without a length (chunked).</summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, IOptions<ServerOptions> options)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public async System.Threading.Tasks.Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _limit)
        {
            await OperationOutcomes.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, OperationOutcome.IssueType.TooCostly, OperationOutcomes.TooLarge).ConfigureAwait(false);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = _limit;
        }

        await next(context).ConfigureAwait(false);
    }
}
