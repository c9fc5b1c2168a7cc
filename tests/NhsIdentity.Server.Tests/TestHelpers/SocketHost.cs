using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using NhsIdentity.Server.Hosting;

namespace NhsIdentity.Server.Tests.TestHelpers;

/// <summary>The service on Kestrel at 127.0.0.1 on a port the system picks (not TestServer), so requests cross a real
/// socket and the whole HTTP stack. Built by <see cref="ServerApp.Build"/>, as <c>nhsid serve</c> builds it.</summary>
internal sealed class SocketHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SocketHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the service listens: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address { get; }

    public static async Task<SocketHost> StartAsync(string dataPath)
    {
        var app = ServerApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["NhsIdentity:DataPath"] = dataPath,
                ["NhsIdentity:ApiKey"] = ServerFactory.ApiKey,
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync();
        // With port 0 the bound address is known only once Kestrel listens.
        return new SocketHost(app, new Uri(Assert.Single(app.Urls)));
    }

    /// <summary>A client for <see cref="Address"/>, with the API key unless <paramref name="withKey"/> is false.</summary>
    public HttpClient Client(bool withKey = true)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (withKey)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", ServerFactory.ApiKey);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
