using System.Net;
using NhsIdentity.Orleans;
using NhsIdentity.Orleans.Storage;
using NhsIdentity.Server.Hosting;
using Orleans.Configuration;

namespace NhsIdentity.Server.Cluster;

/// <summary>Composes <c>nhsid serve --cluster</c>: a silo co-hosted with the service, and the endpoints served from a
/// <see cref="ClusterPatientIndex"/> (<see cref="ClusterServedIndex"/>) instead of the in-process index. One node
/// (no <see cref="ClusterSettings.ConnectionVariable"/>): localhost clustering and the index's store in memory, the
/// same code paths as several. Several nodes: membership and the index's store on PostgreSQL.</summary>
internal static class ClusterHosting
{
    /// <summary>Adds the cluster when <c>NhsIdentity:Cluster:Enabled</c> is set; otherwise changes nothing.</summary>
    /// <returns>Whether the cluster was added.</returns>
    public static bool AddIfEnabled(WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        if (!settings.Enabled)
        {
            return false;
        }

        Validate(settings);
        var connection = Environment.GetEnvironmentVariable(ClusterSettings.ConnectionVariable);
        var several = !string.IsNullOrWhiteSpace(connection);
        IClusterRecordStore store = several ? new PostgresClusterRecordStore(connection!) : new InMemoryClusterRecordStore();
        var services = builder.Services;

        // The in-process index is not loaded at all (its loader would read the whole store into this node's memory).
        var loader = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(IndexLoader));
        services.Remove(loader);
        services.AddSingleton(settings);
        services.AddSingleton<ClusterServedIndex>();
        if (several)
        {
            // Every node must read the same patients: without a store of its own configured, the service's store is the
            // cluster's database (its own schema), not a SQLite file local to one node.
            services.PostConfigure<ServerOptions>(options =>
            {
                if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
                {
                    options.PostgresConnectionString = connection;
                }
            });
        }

        // Registered before the silo, so the schemas exist before membership and the buckets first use them.
        services.AddHostedService(_ => new SchemaStarter(store, several ? connection : null));
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ClusterId;
            });
            if (several)
            {
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connection;
                });
                silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedAddress), settings.SiloPort, settings.GatewayPort);
            }
            else
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ClusterId, clusterId: settings.ClusterId);
            }

            silo.Services.AddClusterPatientIndex(store);
        });
        services.AddHostedService<ClusterIndexLoader>();
        return true;
    }

    private static void Validate(ClusterSettings settings)
    {
        if (settings.SiloPort is < 1 or > 65535 || settings.GatewayPort is < 1 or > 65535 || settings.SiloPort == settings.GatewayPort)
        {
            throw new ServerConfigurationException("NhsIdentity:Cluster:SiloPort and :GatewayPort must be two different ports between 1 and 65535.");
        }

        if (!IPAddress.TryParse(settings.AdvertisedAddress, out _))
        {
            throw new ServerConfigurationException("NhsIdentity:Cluster:AdvertisedAddress must be an IP address.");
        }

        if (settings.Buckets is < 1 or > 65_536)
        {
            throw new ServerConfigurationException("NhsIdentity:Cluster:Buckets must be between 1 and 65536.");
        }
    }

    /// <summary>Creates the index's tables and Orleans' membership tables before the silo starts.</summary>
    private sealed class SchemaStarter(IClusterRecordStore store, string? membershipConnection) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            if (membershipConnection is not null)
            {
                await OrleansMembershipSchema.EnsureAsync(membershipConnection, cancellationToken).ConfigureAwait(false);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
