using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NhsIdentity.Orleans;
using Orleans.Configuration;

namespace NhsIdentity.OrleansMemory;

/// <summary>One silo in its own process on 127.0.0.1 (development clustering: the first silo is the primary), with a
/// store that keeps nothing (<see cref="CommitOnlyStore"/>). Prints "ready", then answers each "measure" line on stdin
/// with its memory; ends on "quit" or end of input.</summary>
internal static class SiloProcess
{
    public const string ClusterId = "nhsid-memory";

    public static async Task<int> RunAsync(int siloPort, int gatewayPort, int primarySiloPort)
    {
        var builder = Host.CreateApplicationBuilder();
        // Standard output is the conversation with the client: every log line goes to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseDevelopmentClustering(new IPEndPoint(IPAddress.Loopback, primarySiloPort));
            silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterId;
                o.ServiceId = ClusterId;
            });
            silo.Services.AddClusterPatientIndex(new CommitOnlyStore());
        });
        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine("ready");
        while (Console.ReadLine() is { } line && line != "quit")
        {
            if (line == "measure")
            {
                Console.WriteLine("memory " + Memory.Measure().ToLine());
            }
        }

        await host.StopAsync();
        return 0;
    }
}
