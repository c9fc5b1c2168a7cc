using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NhsIdentity.Matching;
using NhsIdentity.Orleans.Storage;

namespace NhsIdentity.Orleans;

/// <summary>Registers what a silo needs to host the buckets of a <see cref="ClusterPatientIndex"/>.</summary>
public static class ClusterIndexServiceCollectionExtensions
{
    /// <summary>Registers the silo's record store and snapshot cache, which the bucket, owner and writer grains use.
    /// Call it on every silo's services (for example <c>siloBuilder.Services.AddClusterPatientIndex(store)</c>).</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="store">The durable store every silo of the cluster shares: a <see cref="PostgresClusterRecordStore"/>
    /// in production (its schema created with <see cref="IClusterRecordStore.InitializeAsync"/> before the silo
    /// starts), or one <see cref="InMemoryClusterRecordStore"/> instance for the silos of one process.</param>
    /// <param name="preparation">How records are prepared; <see langword="null"/> for
    /// <see cref="RecordSetOptions.Default"/>. Must be the options the clients' <see cref="ClusterIndexOptions.Index"/>
    /// names: a snapshot measured under other options is refused when a bucket applies it.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="store"/> is null.</exception>
    public static IServiceCollection AddClusterPatientIndex(this IServiceCollection services, IClusterRecordStore store, RecordSetOptions? preparation = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(store);
        var options = preparation ?? RecordSetOptions.Default;
        services.AddSingleton(store);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new IndexSnapshotCache(provider.GetRequiredService<IGrainFactory>(), options));
        return services;
    }
}
