using System.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace NhsIdentity.Server.Hosting;

/// <summary>Writes one audit line per request (category <c>NhsIdentity.Server.Audit</c>): caller, operation (the
/// route pattern, never the raw query string), status, record ids, decision, masked NHS number, duration.</summary>
internal sealed partial class AuditMiddleware(RequestDelegate next, ILoggerFactory loggerFactory)
{
    public const string Category = "NhsIdentity.Server.Audit";

    private readonly ILogger _logger = loggerFactory.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        var audit = AuditFeature.Of(context);
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                Write(context, audit, start);
            }
        }
    }

    private void Write(HttpContext context, AuditFeature audit, long start)
    {
        {
            var operation = audit.Operation
                ?? context.Request.Method + " " + ((context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)");
            var records = audit.RecordIds.Count == 0 ? "-" : string.Join(',', audit.RecordIds);
            var milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            LogRequest(_logger, audit.Caller, operation, context.Response.StatusCode, records, audit.Decision ?? "-",
                audit.MaskedNhsNumber ?? "-", milliseconds, context.TraceIdentifier);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "audit caller={Caller} operation={Operation} status={Status} records={Records} decision={Decision} nhsNumber={MaskedNhsNumber} durationMs={DurationMs:F1} trace={TraceId}")]
    private static partial void LogRequest(ILogger logger, string caller, string operation, int status, string records, string decision, string maskedNhsNumber, double durationMs, string traceId);
}
