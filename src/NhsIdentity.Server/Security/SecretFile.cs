using System.Text;
using NhsIdentity.Server.Hosting;

namespace NhsIdentity.Server.Security;

/// <summary>Reads a secret (API key, signing key) from a file: its text with surrounding white space removed, so a
/// trailing newline from <c>echo</c> or <c>openssl rand -hex 32 &gt; file</c> is not part of the key.</summary>
internal static class SecretFile
{
    /// <summary>Reads the secret, or throws a <see cref="ServerConfigurationException"/> naming the setting (never the
    /// content) when the file cannot be read or is empty.</summary>
    public static string Read(string path, string setting, int minimumBytes = 1)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8).Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The system's message may quote the path; the setting and the type are enough to act on.
            throw new ServerConfigurationException($"{setting}: the file cannot be read ({exception.GetType().Name}).");
        }

        if (Encoding.UTF8.GetByteCount(text) < minimumBytes)
        {
            throw new ServerConfigurationException(minimumBytes <= 1
                ? $"{setting}: the file is empty."
                : $"{setting}: the key must be at least {minimumBytes} bytes (openssl rand -hex 32 makes one).");
        }

        return text;
    }
}
