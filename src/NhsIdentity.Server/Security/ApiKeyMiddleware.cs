using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using NhsIdentity.Server.Hosting;

namespace NhsIdentity.Server.Security;

/// <summary>No anonymous access by default: every request except the health probes must carry the configured API
/// key (<c>X-Api-Key: KEY</c> or <c>Authorization: ApiKey KEY</c>), compared in constant time. JWT bearer is the
/// next step (see the README): it would plug in as ASP.NET Core authentication beside this check.</summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<ServerOptions> options)
{
    private const string Scheme = "ApiKey ";
    private readonly byte[]? _key = string.IsNullOrEmpty(options.Value.ApiKey) ? null : Encoding.UTF8.GetBytes(options.Value.ApiKey);
    private readonly bool _allowAnonymous = options.Value.AllowAnonymous;
    private readonly string _caller = options.Value.ApiKeyCaller;

    public async System.Threading.Tasks.Task InvokeAsync(HttpContext context)
    {
        var audit = AuditFeature.Of(context);
        if (context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
        {
            audit.Caller = "probe";
            await next(context).ConfigureAwait(false);
            return;
        }

        if (Presented(context.Request) is { } presented && _key is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key))
        {
            audit.Caller = _caller;
            await next(context).ConfigureAwait(false);
            return;
        }

        if (_allowAnonymous)
        {
            audit.Caller = "anonymous";
            await next(context).ConfigureAwait(false);
            return;
        }

        audit.Caller = "unauthenticated";
        context.Response.Headers.WWWAuthenticate = "ApiKey";
        await OperationOutcomes.WriteAsync(context, StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, OperationOutcomes.Unauthorized).ConfigureAwait(false);
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var header) && header.Count == 1 && !string.IsNullOrEmpty(header[0]))
        {
            return header[0];
        }

        var authorization = request.Headers.Authorization;
        return authorization.Count == 1 && authorization[0] is { } value && value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? value[Scheme.Length..].Trim()
            : null;
    }
}
