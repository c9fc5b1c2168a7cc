using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NhsIdentity.Server.Hosting;

namespace NhsIdentity.Server.Tests.TestHelpers;

/// <summary>Hosts the service in memory on a given SQLite file (or PostgreSQL schema: <see cref="OnPostgres"/>), with
/// a known API key and captured logs. Two factories on the same file or schema are a restart.</summary>
internal sealed class ServerFactory(string dataPath, Action<IServiceCollection>? configureServices = null, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-not-a-secret";

    /// <summary>A server on PostgreSQL: the connection string and schema settings, with <paramref name="dataPath"/>
    /// as the SQLite path the service must then leave alone.</summary>
    public static ServerFactory OnPostgres(string connectionString, string schema, string dataPath, Action<IServiceCollection>? configureServices = null) =>
        new(dataPath, configureServices, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["NhsIdentity:PostgresConnectionString"] = connectionString,
            ["NhsIdentity:PostgresSchema"] = schema,
        });

    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(config =>
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["NhsIdentity:DataPath"] = dataPath,
                ["NhsIdentity:ApiKey"] = ApiKey,
            };
            foreach (var pair in settings ?? new Dictionary<string, string?>())
            {
                values[pair.Key] = pair.Value;
            }

            config.AddInMemoryCollection(values);
        });
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }

    /// <summary>A client that sends the API key, after the index has loaded from the store.</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = await ReadyClientWithoutKeyAsync();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>A client with no credentials (the test adds its own), after the index has loaded from the store.</summary>
    public async Task<HttpClient> ReadyClientWithoutKeyAsync()
    {
        var client = CreateClient();
        await Services.GetRequiredService<IdentityIndex>().Loaded;
        return client;
    }

    public static MediaTypeHeaderValue FhirJson => new("application/fhir+json");
}

/// <summary>A temporary folder for one test's SQLite file, removed afterwards.</summary>
internal sealed class TempData : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nhsid-server-tests", Guid.NewGuid().ToString("N"));

    public TempData() => Directory.CreateDirectory(_folder);

    public string DbPath => Path.Combine(_folder, "mpi.db");

    public string Folder => _folder;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS.
        }
    }
}
