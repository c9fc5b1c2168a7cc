using NhsIdentity.Server.Hosting;

namespace NhsIdentity.Server.Endpoints;

/// <summary>Probes, open without credentials (they reveal no patient data): live while the process runs, ready once
/// the index has been rebuilt from the store.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Json(new { status = "live" }));
        app.MapGet("/health/ready", (IServedIndex index) => index.IsReady
            ? Results.Json(new { status = "ready", records = index.Count, modelVersion = index.ModelVersion })
            : Results.Json(new { status = index.Loaded.IsFaulted ? "failed" : "loading" }, statusCode: StatusCodes.Status503ServiceUnavailable));
    }
}
