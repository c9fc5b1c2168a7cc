using Microsoft.Extensions.Options;

namespace NhsIdentity.Server.Storage;

/// <summary>Chooses the store: PostgreSQL when <see cref="ServerOptions.PostgresConnectionString"/> is set,
/// otherwise the SQLite file at <see cref="ServerOptions.DataPath"/>.</summary>
internal static class PatientStoreFactory
{
    /// <summary>The store the settings ask for (for <c>AddSingleton&lt;IPatientStore&gt;</c>; the container disposes
    /// it at shutdown).</summary>
    public static IPatientStore Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return Create(services.GetRequiredService<IOptions<ServerOptions>>().Value, services.GetRequiredService<TimeProvider>());
    }

    /// <summary>The store for these settings.</summary>
    public static IPatientStore Create(ServerOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.PostgresConnectionString)
            ? new SqlitePatientStore(options.DataPath, time)
            : new PostgresPatientStore(options.PostgresConnectionString, options.PostgresSchema, time);
    }
}
