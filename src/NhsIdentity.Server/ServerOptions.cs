namespace NhsIdentity.Server;

/// <summary>The service's settings, bound from the <c>NhsIdentity</c> configuration section (appsettings, environment
/// variables such as <c>NhsIdentity__ApiKey</c>, or the command line: <c>--data</c>, <c>--model</c>, <c>--postgres</c>).</summary>
internal sealed class ServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "NhsIdentity";

    /// <summary>The default <see cref="MaxRequestBodyBytes"/>: 64 KiB, far above one patient resource or a
    /// <c>$match</c> Parameters body, small enough that a caller cannot make the service buffer megabytes.</summary>
    public const long DefaultMaxRequestBodyBytes = 64 * 1024;

    /// <summary>The SQLite file that is the source of truth; default <c>mpi.db</c> in the working directory. Not used
    /// when <see cref="PostgresConnectionString"/> is set.</summary>
    public string DataPath { get; set; } = "mpi.db";

    /// <summary>An Npgsql connection string (<c>Host=...;Database=...;Username=...</c>): when set, PostgreSQL is the
    /// source of truth instead of the SQLite file. A secret (it may hold a password): never logged.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The PostgreSQL schema holding the service's tables, created on start when missing; default
    /// <c>nhsidentity</c>. Lower-case letters, digits and underscores.</summary>
    public string PostgresSchema { get; set; } = Storage.PostgresPatientStore.DefaultSchema;

    /// <summary>A match model JSON file (as <c>nhsid train</c> writes); <see langword="null"/> for the default model.</summary>
    public string? ModelPath { get; set; }

    /// <summary>The API key callers present in <c>X-Api-Key</c> or <c>Authorization: ApiKey ...</c>. With no key and
    /// <see cref="AllowAnonymous"/> off, the service refuses to start.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The caller name the audit log gives requests made with <see cref="ApiKey"/>; default <c>api-key</c>.</summary>
    public string ApiKeyCaller { get; set; } = "api-key";

    /// <summary>Allows requests without credentials (development only); default off.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>The largest request body accepted; larger bodies get 413. Default <see cref="DefaultMaxRequestBodyBytes"/>.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;
}
