using NhsIdentity.Orleans.Storage;
using Orleans.TestingHost;

namespace NhsIdentity.Orleans.Tests;

/// <summary>Three silos and a client in this process (Orleans' in-memory transport and test membership: nothing
/// leaves the process), each silo hosting the index's bucket grains. Shared by every test in
/// <see cref="SharedCluster"/>: starting a cluster costs seconds.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The number of silos: the smallest cluster in which a lookup's buckets are usually spread over several
    /// silos and a silo can be lost while a majority remains.</summary>
    public const int Silos = 3;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>The store every silo shares (one instance: the silos live in this process).</summary>
    public TestStore Store { get; } = new(new InMemoryClusterRecordStore());

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: Silos);
        builder.Options.ConfigureFileLogging = false; // TestingHost otherwise writes a log file per silo under ./logs
        builder.ConfigureSilo((_, silo) => silo.Services.AddClusterPatientIndex(Store));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<ClusterFixture>
{
    public const string Name = "In-process cluster";
}
