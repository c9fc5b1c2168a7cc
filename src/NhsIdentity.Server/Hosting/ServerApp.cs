using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using NhsIdentity.Server.Endpoints;
using NhsIdentity.Server.Security;
using NhsIdentity.Server.Storage;

namespace NhsIdentity.Server.Hosting;

/// <summary>Builds the identity service, so it can be started by its own <c>Program</c> (<c>dotnet run</c>), by
/// <c>nhsid serve</c> in-process, and by tests on a real socket.</summary>
public static class ServerApp
{
    /// <summary>Builds the service, ready to run.</summary>
    /// <param name="args">Command-line arguments: any <c>NhsIdentity:*</c> setting as <c>--NhsIdentity:Key=value</c>,
    /// and the short forms <c>--data</c>, <c>--model</c> and <c>--api-key</c> (the last lands in shell history and
    /// the process list: prefer <c>NhsIdentity__ApiKey</c> or <c>NhsIdentity:ApiKeyFile</c>).</param>
    /// <param name="configure">Called after the service's own registrations and before the host is built: a host
    /// adds settings (<c>builder.Configuration</c>) or listening addresses (<c>builder.WebHost.UseUrls</c>) here.</param>
    /// <returns>The built application; call <c>RunAsync</c>, or <c>StartAsync</c> and later <c>StopAsync</c>.</returns>
    /// <exception cref="ServerConfigurationException">The settings cannot work: no credentials, an unreadable key
    /// file, incomplete bearer token settings.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = WebApplication.CreateBuilder(args);

        // `--data ./mpi.db`, `--model model.json`, `--api-key KEY` as short forms of the NhsIdentity:* settings.
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--data"] = "NhsIdentity:DataPath",
            ["--model"] = "NhsIdentity:ModelPath",
            ["--api-key"] = "NhsIdentity:ApiKey",
            ["--postgres"] = "NhsIdentity:PostgresConnectionString",
        });

        AddServices(builder.Services, builder.Configuration);
        configure?.Invoke(builder);
        // After the host's own settings (nhsid serve --cluster adds them in configure): the cluster replaces the
        // in-process index behind IServedIndex, and nothing else changes.
        Cluster.ClusterHosting.AddIfEnabled(builder);

        var app = builder.Build();
        ValidateSettings(app.Services);
        MapPipeline(app);
        return app;
    }

    /// <summary>Waits until the index has been rebuilt from the store (what <c>/health/ready</c> reports).</summary>
    /// <param name="app">An application from <see cref="Build"/>, started.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The number of records in the index.</returns>
    /// <exception cref="InvalidOperationException">Loading failed (the store or the model file could not be read);
    /// the message names the exception type only, the log has the rest.</exception>
    public static async Task<int> WhenReadyAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var index = app.Services.GetRequiredService<IServedIndex>();
        try
        {
            await index.Loaded.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new InvalidOperationException($"The index could not be loaded from the store ({exception.GetType().Name}).");
        }

        return index.Count;
    }

    private static void AddServices(IServiceCollection services, ConfigurationManager configuration)
    {
        services.Configure<ServerOptions>(configuration.GetSection(ServerOptions.Section));
        // A key file takes the place of the key, read once here so a missing file stops the start.
        services.PostConfigure<ServerOptions>(options =>
        {
            if (!string.IsNullOrWhiteSpace(options.ApiKeyFile))
            {
                options.ApiKey = SecretFile.Read(options.ApiKeyFile, "NhsIdentity:ApiKeyFile");
            }
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IPatientStore>(PatientStoreFactory.Create);
        services.AddSingleton<IdentityIndex>();
        services.AddSingleton<IServedIndex>(provider =>
            provider.GetService<Cluster.ClusterServedIndex>() ?? (IServedIndex)provider.GetRequiredService<IdentityIndex>());
        services.AddSingleton<ServerMetrics>();
        services.AddHostedService<IndexLoader>();
        services.AddMetrics();
        JwtSetup.Add(services);
        services.AddOpenApi();
        // Parameter binding failures (say, `count=abc`) go to the exception handler below and come back as an
        // OperationOutcome instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
    }

    private static void ValidateSettings(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ServerOptions>>().Value;
        if (string.IsNullOrEmpty(options.ApiKey) && !options.Jwt.IsEnabled && !options.AllowAnonymous)
        {
            throw new ServerConfigurationException(
                "No API key or bearer token settings are configured: set NhsIdentity:ApiKeyFile (nhsid serve --api-key-file), "
                + "NhsIdentity:ApiKey (environment variable NhsIdentity__ApiKey), or NhsIdentity:Jwt:Authority or "
                + ":SigningKeyFile with :Audience; or NhsIdentity:AllowAnonymous=true for local development only.");
        }

        JwtSetup.Validate(services);
    }

    private static void MapPipeline(WebApplication app)
    {
        // Audit outermost so its line carries the final status, including 401, 413 and 500.
        app.UseMiddleware<AuditMiddleware>();
        app.UseExceptionHandler(errors => errors.Run(context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            return error is IndexRecoveringException
                ? OperationOutcomes.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, OperationOutcome.IssueType.Transient, OperationOutcomes.Recovering)
                : error is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? OperationOutcomes.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, OperationOutcome.IssueType.TooCostly, OperationOutcomes.TooLarge)
                : error is BadHttpRequestException bad
                    ? OperationOutcomes.WriteAsync(context, bad.StatusCode, OperationOutcome.IssueType.Invalid, OperationOutcomes.BadRequest)
                    : OperationOutcomes.WriteAsync(context, StatusCodes.Status500InternalServerError, OperationOutcome.IssueType.Exception, OperationOutcomes.Internal);
        }));
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseMiddleware<CredentialMiddleware>();
        app.UseRouting();

        HealthEndpoints.Map(app);
        FhirEndpoints.Map(app);
        RecordEndpoints.Map(app);
        // /openapi/v1.json, behind the same credential check as the API it describes.
        app.MapOpenApi();
        app.MapFallback(() => OperationOutcomes.Error(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotSupported, OperationOutcomes.NoSuchEndpoint))
            .ExcludeFromDescription();
    }
}
