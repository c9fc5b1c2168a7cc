using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using NhsIdentity.Server;
using NhsIdentity.Server.Endpoints;
using NhsIdentity.Server.Hosting;
using NhsIdentity.Server.Security;
using NhsIdentity.Server.Storage;

var builder = WebApplication.CreateBuilder(args);

// `--data ./mpi.db`, `--model model.json`, `--api-key KEY` as short forms of the NhsIdentity:* settings.
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["--data"] = "NhsIdentity:DataPath",
    ["--model"] = "NhsIdentity:ModelPath",
    ["--api-key"] = "NhsIdentity:ApiKey",
    ["--postgres"] = "NhsIdentity:PostgresConnectionString",
});

builder.Services.Configure<ServerOptions>(builder.Configuration.GetSection(ServerOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IPatientStore>(PatientStoreFactory.Create);
builder.Services.AddSingleton<IdentityIndex>();
builder.Services.AddSingleton<ServerMetrics>();
builder.Services.AddHostedService<IndexLoader>();
builder.Services.AddMetrics();
// Parameter binding failures (say, `count=abc`) go to the exception handler below and come back as an
// OperationOutcome instead of an empty 400.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

var app = builder.Build();

var options = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
if (string.IsNullOrEmpty(options.ApiKey) && !options.AllowAnonymous)
{
    throw new InvalidOperationException(
        "No API key is configured: set NhsIdentity:ApiKey (environment variable NhsIdentity__ApiKey, or --api-key), "
        + "or NhsIdentity:AllowAnonymous=true for local development only.");
}

// Audit outermost so its line carries the final status, including 401, 413 and 500.
app.UseMiddleware<AuditMiddleware>();
app.UseExceptionHandler(errors => errors.Run(context =>
{
    var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
    return error is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
        ? OperationOutcomes.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, OperationOutcome.IssueType.TooCostly, OperationOutcomes.TooLarge)
        : error is BadHttpRequestException bad
            ? OperationOutcomes.WriteAsync(context, bad.StatusCode, OperationOutcome.IssueType.Invalid, OperationOutcomes.BadRequest)
            : OperationOutcomes.WriteAsync(context, StatusCodes.Status500InternalServerError, OperationOutcome.IssueType.Exception, OperationOutcomes.Internal);
}));
app.UseMiddleware<BodySizeLimitMiddleware>();
app.UseMiddleware<ApiKeyMiddleware>();
app.UseRouting();

HealthEndpoints.Map(app);
FhirEndpoints.Map(app);
RecordEndpoints.Map(app);
app.MapFallback(() => OperationOutcomes.Error(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotSupported, OperationOutcomes.NoSuchEndpoint));

await app.RunAsync().ConfigureAwait(false);

/// <summary>The entry point, public so tests can host the service with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
