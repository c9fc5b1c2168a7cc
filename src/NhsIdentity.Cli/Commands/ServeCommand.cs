using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NhsIdentity.Server.Hosting;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// <c>nhsid serve [--data ./mpi.db] [--model model.json] [--urls http://127.0.0.1:5080] [--api-key-file FILE]
/// [--cluster [--silo-port 11111] [--gateway-port 30000]]</c>: hosts the identity service (NhsIdentity.Server) in this
/// process until Ctrl+C or SIGTERM; with <c>--cluster</c>, also an Orleans silo, and the index is served from the
/// cluster.
/// </summary>
/// <remarks>
/// Loopback only unless <c>--urls</c> names another address. Credentials come from <c>--api-key-file</c>, the
/// environment (<c>NhsIdentity__ApiKey</c>, <c>NhsIdentity__Jwt__*</c>) or appsettings.json in the working directory,
/// never from a plain argument that would land in shell history and the process list. Every other
/// <c>NhsIdentity:*</c> setting of the service is read the same way. Standard error gets the listening address and
/// readiness; the service's log (audit lines included) goes to the console logger on standard output.
/// </remarks>
internal static class ServeCommand
{
    /// <summary>The default <c>--urls</c>: loopback only, so a first run is not reachable from the network.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The exit codes as the help text lists them.</summary>
    public const string ExitCodeSummary =
        "Exit codes: 0 stopped cleanly (Ctrl+C or SIGTERM); 1 could not start (the address is in use, the store or the model could not be read); 2 usage or configuration error (a bad --urls, no credentials configured, an unreadable key file).";

    /// <summary>Creates the command.</summary>
    /// <returns>The <c>serve</c> command.</returns>
    public static Command Create()
    {
        var data = new Option<FileInfo>("--data") { Description = "The SQLite file that is the source of truth (created when absent).", DefaultValueFactory = _ => new FileInfo("mpi.db") };
        var model = new Option<FileInfo>("--model") { Description = "A match model JSON file (as nhsid train writes); the default model when omitted." };
        model.AcceptExistingOnly();
        var urls = new Option<string>("--urls") { Description = $"Where to listen, ';'-separated (default {DefaultUrls}, loopback only). Port 0 picks a free port. Plain HTTP beyond loopback needs a TLS-terminating proxy in front (docs/deploy.md).", DefaultValueFactory = _ => DefaultUrls };
        var apiKeyFile = new Option<FileInfo>("--api-key-file") { Description = "A file holding the API key callers send in X-Api-Key (its text, surrounding white space ignored). Or set NhsIdentity__ApiKey in the environment; there is deliberately no --api-key, which would land in shell history." };
        apiKeyFile.AcceptExistingOnly();

        var cluster = new Option<bool>("--cluster") { Description = "Host an Orleans silo in this process and serve the index partitioned over the cluster (same HTTP API). Alone: one node, localhost clustering. With NHSID_CLUSTER_POSTGRES set in the environment (an Npgsql connection string; never an argument): joins or forms a cluster whose membership and index live in that database, which is also the service's store unless NhsIdentity__PostgresConnectionString names another." };
        var siloPort = new Option<int>("--silo-port") { Description = "With --cluster: the port silos talk to each other on (default 11111).", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "With --cluster: the port Orleans clients connect to (default 30000).", DefaultValueFactory = _ => 30000 };

        var command = new Command("serve", "Run the identity service (FHIR $match, Patient PUT/GET/DELETE, /match, /records, health, OpenAPI) until Ctrl+C. " + ExitCodeSummary)
        {
            data, model, urls, apiKeyFile, cluster, siloPort, gatewayPort,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(data)!.FullName,
            parseResult.GetValue(model)?.FullName,
            parseResult.GetValue(urls) ?? DefaultUrls,
            parseResult.GetValue(apiKeyFile)?.FullName,
            parseResult.GetValue(cluster) ? (parseResult.GetValue(siloPort), parseResult.GetValue(gatewayPort)) : null,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string dataPath, string? modelPath, string urls, string? apiKeyFile, (int Silo, int Gateway)? clusterPorts, TextWriter error, CancellationToken cancellationToken)
    {
        if (!ServeUrls.TryCheck(urls, error))
        {
            return ExitCodes.Usage;
        }

        var settings = new Dictionary<string, string?>(StringComparer.Ordinal) { ["NhsIdentity:DataPath"] = dataPath };
        if (modelPath is not null)
        {
            settings["NhsIdentity:ModelPath"] = modelPath;
        }

        if (apiKeyFile is not null)
        {
            settings["NhsIdentity:ApiKeyFile"] = apiKeyFile;
        }

        if (clusterPorts is { } ports)
        {
            settings["NhsIdentity:Cluster:Enabled"] = "true";
            settings["NhsIdentity:Cluster:SiloPort"] = ports.Silo.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["NhsIdentity:Cluster:GatewayPort"] = ports.Gateway.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        WebApplication app;
        try
        {
            app = ServerApp.Build([], builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.WebHost.UseUrls(urls);
                // This command owns Ctrl+C and SIGTERM (TerminationSignals cancels cancellationToken); the host's
                // console lifetime would be a second handler and swallow the second signal that ends at once.
                builder.Services.AddSingleton<IHostLifetime, CommandHostLifetime>();
            });
        }
        catch (ServerConfigurationException exception)
        {
            error.WriteLine("error: " + exception.Message);
            return ExitCodes.Usage;
        }

        await using (app.ConfigureAwait(false))
        {
            return await ServeAsync(app, error, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> ServeAsync(WebApplication app, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            error.WriteLine("listening on " + string.Join(' ', app.Urls));
            var records = await ServerApp.WhenReadyAsync(app, cancellationToken).ConfigureAwait(false);
            error.WriteLine($"ready: {records} records in the index; Ctrl+C stops.");
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            error.WriteLine("stopped.");
            return ExitCodes.Success;
        }
        catch (IOException exception)
        {
            // Kestrel's bind failure names the address and the reason, nothing else.
            error.WriteLine("error: cannot listen: " + exception.Message);
            return ExitCodes.Failed;
        }
        catch (InvalidOperationException exception)
        {
            // WhenReadyAsync: the store or the model could not be read; its message names the exception type only.
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            error.WriteLine("error: " + exception.Message + " Check --data and --model; the log above has the reason.");
            return ExitCodes.Failed;
        }
    }

    /// <summary>A host lifetime with no signal handling of its own: the command stops the host when its token is
    /// cancelled.</summary>
    private sealed class CommandHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
