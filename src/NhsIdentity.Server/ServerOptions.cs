using NhsIdentity.Server.Security;

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

    /// <summary>Whether the index is saved to a snapshot file when the service stops and started from it next time
    /// (then caught up with the store); default on. See <see cref="IndexSnapshotPath"/>.</summary>
    public bool IndexSnapshot { get; set; } = true;

    /// <summary>The index snapshot file; default <see cref="DataPath"/> with <c>.index</c> appended on SQLite, and
    /// none on PostgreSQL (where there is no data file to sit beside: set a path to use one). It holds prepared patient
    /// data: protect it like the store.</summary>
    public string? IndexSnapshotPath { get; set; }

    /// <summary>The snapshot file in use, or <see langword="null"/> when snapshots are off.</summary>
    public string? ResolvedSnapshotPath => !IndexSnapshot ? null
        : IndexSnapshotPath ?? (string.IsNullOrEmpty(PostgresConnectionString) ? DataPath + ".index" : null);

    /// <summary>A match model JSON file (as <c>nhsid train</c> writes); <see langword="null"/> for the default model.</summary>
    public string? ModelPath { get; set; }

    /// <summary>The API key callers present in <c>X-Api-Key</c> or <c>Authorization: ApiKey ...</c>. With no key, no
    /// bearer token settings and <see cref="AllowAnonymous"/> off, the service refuses to start.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A file holding the API key (its text, surrounding white space ignored): a container secret or a file
    /// only the service account can read, so the key never appears in a command line or the process environment.
    /// Read once at start; it takes the place of <see cref="ApiKey"/>.</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>Bearer tokens (JWT), section <c>NhsIdentity:Jwt</c>; off unless an authority or signing key is set.</summary>
    public JwtSettings Jwt { get; set; } = new();

    /// <summary>The caller name the audit log gives requests made with <see cref="ApiKey"/>; default <c>api-key</c>.</summary>
    public string ApiKeyCaller { get; set; } = "api-key";

    /// <summary>Allows requests without credentials (development only); default off.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Whether <c>Patient/$match</c> reads its Parameters body and writes its searchset bundle with
    /// System.Text.Json where the request fits the subset it knows (the Firely SDK reads anything else, so answers and
    /// errors are the same either way; only the time differs); default on. Off sends every request through the SDK,
    /// as before the fast path existed: a switch for an operator who suspects it, and for measuring it.</summary>
    public bool FhirFastPath { get; set; } = true;

    /// <summary>The largest request body accepted; larger bodies get 413. Default <see cref="DefaultMaxRequestBodyBytes"/>.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;
}
