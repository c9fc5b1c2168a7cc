using Microsoft.Extensions.DependencyInjection;
using NhsIdentity.Matching;

namespace NhsIdentity.Orleans;

/// <summary>Registers what a silo needs to host the buckets of a <see cref="ClusterPatientIndex"/>.</summary>
public static class ClusterIndexServiceCollectionExtensions
{
    /// <summary>Registers the silo's snapshot cache, which bucket grains read the model and term frequencies from.
    /// Call it on every silo's services (for example <c>siloBuilder.Services.AddClusterPatientIndex()</c>).</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="preparation">How records are prepared; <see langword="null"/> for
    /// <see cref="RecordSetOptions.Default"/>. Must be the options the clients' <see cref="ClusterIndexOptions.Index"/>
    /// names: a snapshot measured under other options is refused when a bucket applies it.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddClusterPatientIndex(this IServiceCollection services, RecordSetOptions? preparation = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = preparation ?? RecordSetOptions.Default;
        services.AddSingleton(provider => new IndexSnapshotCache(provider.GetRequiredService<IGrainFactory>(), options));
        return services;
    }
}
