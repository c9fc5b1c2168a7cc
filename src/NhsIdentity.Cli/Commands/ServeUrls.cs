using System.Net;

namespace NhsIdentity.Cli.Commands;

/// <summary>Checks <c>nhsid serve --urls</c>: absolute http or https URLs, ';'-separated; warns when plain HTTP would
/// be reachable beyond this machine.</summary>
internal static class ServeUrls
{
    /// <summary>Returns false (after one line on <paramref name="error"/>) when a URL cannot be used.</summary>
    public static bool TryCheck(string urls, TextWriter error)
    {
        var parts = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            error.WriteLine("error: --urls is empty.");
            return false;
        }

        foreach (var part in parts)
        {
            // Kestrel's wildcards (http://*:5080, http://+:5080) are not URIs; read them as "every address".
            var wildcard = part.Contains("://*", StringComparison.Ordinal) || part.Contains("://+", StringComparison.Ordinal);
            var parsed = Uri.TryCreate(wildcard ? part.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal) : part, UriKind.Absolute, out var uri);
            if (!parsed || uri is null || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.AbsolutePath != "/")
            {
                error.WriteLine($"error: --urls: '{part}' is not an http:// or https:// address with a port (http://127.0.0.1:5080).");
                return false;
            }

            if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri.Host))
            {
                error.WriteLine($"warning: --urls: {part} serves plain HTTP beyond this machine; put a TLS-terminating proxy in front (docs/deploy.md).");
            }
        }

        return true;
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
