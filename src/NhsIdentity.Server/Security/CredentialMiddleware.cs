using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using NhsIdentity.Server.Hosting;

namespace NhsIdentity.Server.Security;

/// <summary>No anonymous access by default: every request except the health probes must carry the configured API
/// key (<c>X-Api-Key: KEY</c> or <c>Authorization: ApiKey KEY</c>, compared in constant time) or, when
/// <see cref="ServerOptions.Jwt"/> is on, a valid bearer token (<c>Authorization: Bearer JWT</c>). Anything else gets a
/// 401 OperationOutcome unless <see cref="ServerOptions.AllowAnonymous"/>. The OpenAPI document sits behind the same
/// check as the API it describes.</summary>
internal sealed class CredentialMiddleware(RequestDelegate next, IOptions<ServerOptions> options)
{
    private const string ApiKeyScheme = "ApiKey ";
    private const string BearerScheme = "Bearer ";

    /// <summary>Longest caller name copied from a token into the audit line.</summary>
    private const int MaxCallerLength = 128;

    private readonly byte[]? _key = string.IsNullOrEmpty(options.Value.ApiKey) ? null : Encoding.UTF8.GetBytes(options.Value.ApiKey);
    private readonly bool _allowAnonymous = options.Value.AllowAnonymous;
    private readonly bool _tokens = options.Value.Jwt.IsEnabled;
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

        if (PresentedKey(context.Request) is { } presented && _key is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key))
        {
            audit.Caller = _caller;
            await next(context).ConfigureAwait(false);
            return;
        }

        var bearer = HasBearer(context.Request);
        if (bearer && _tokens)
        {
            var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false);
            if (result.Succeeded)
            {
                context.User = result.Principal;
                audit.Caller = CallerOf(result.Principal);
                await next(context).ConfigureAwait(false);
                return;
            }
        }

        if (_allowAnonymous)
        {
            audit.Caller = "anonymous";
            await next(context).ConfigureAwait(false);
            return;
        }

        audit.Caller = "unauthenticated";
        context.Response.Headers.WWWAuthenticate = _tokens
            ? bearer ? "Bearer error=\"invalid_token\", ApiKey" : "Bearer, ApiKey"
            : "ApiKey";
        await OperationOutcomes.WriteAsync(context, StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, OperationOutcomes.Unauthorized).ConfigureAwait(false);
    }

    /// <summary>Who the token says is calling: the OAuth client (<c>client_id</c>, <c>azp</c>) before the subject
    /// (<c>sub</c>). Never the token itself.</summary>
    private static string CallerOf(ClaimsPrincipal principal)
    {
        foreach (var type in (ReadOnlySpan<string>)["client_id", "azp", "sub"])
        {
            if (principal.FindFirst(type)?.Value is { Length: > 0 } value)
            {
                return "token:" + (value.Length > MaxCallerLength ? value[..MaxCallerLength] : value);
            }
        }

        return "token:unnamed";
    }

    private static bool HasBearer(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        return authorization.Count == 1 && authorization[0] is { } value && value.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var header) && header.Count == 1 && !string.IsNullOrEmpty(header[0]))
        {
            return header[0];
        }

        var authorization = request.Headers.Authorization;
        return authorization.Count == 1 && authorization[0] is { } value && value.StartsWith(ApiKeyScheme, StringComparison.OrdinalIgnoreCase)
            ? value[ApiKeyScheme.Length..].Trim()
            : null;
    }
}
