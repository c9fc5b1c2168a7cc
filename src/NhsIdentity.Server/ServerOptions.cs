using NhsIdentity.Server.Security;

namespace NhsIdentity.Server;

/// <summary>The service's settings, bound from the <c>NhsIdentity</c> configuration section (appsettings, environment
/// variables such as <c>NhsIdentity__ApiKey</c>, or the command line: <c>--data</c>, <c>--model</c>).</summary>
internal sealed class ServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "NhsIdentity";

    /// <summary>The default <see cref="MaxRequestBodyBytes"/>: 64 KiB, far above one patient resource or a
    /// <c>$match</c> Parameters body, small enough that a caller cannot make the service buffer megabytes.</summary>
    public const long DefaultMaxRequestBodyBytes = 64 * 1024;

    /// <summary>The SQLite file that is the source of truth; default <c>mpi.db</c> in the working directory.</summary>
    public string DataPath { get; set; } = "mpi.db";

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

    /// <summary>The largest request body accepted; larger bodies get 413. Default <see cref="DefaultMaxRequestBodyBytes"/>.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;
}
