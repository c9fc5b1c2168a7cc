using NhsIdentity.Privacy;

namespace NhsIdentity.Cli.Commands;

/// <summary>Reads <c>--key-file</c>, turning every reason it cannot be used into one line on standard error.</summary>
internal static class KeyFile
{
    /// <summary>Loads the key, or writes why not (never the key or the file's content) and returns null.</summary>
    /// <param name="path">The key file.</param>
    /// <param name="label">The project label.</param>
    /// <param name="options">Whether a weak key is accepted (<c>--allow-weak-key</c>).</param>
    /// <param name="error">Where the reason goes.</param>
    /// <param name="exitCode">When the key cannot be used: <see cref="ExitCodes.Invalid"/> for the file's content or
    /// an I/O error, <see cref="ExitCodes.Usage"/> for a bad <c>--label</c>.</param>
    /// <returns>The key, or null when it cannot be used.</returns>
    public static PseudonymKey? Load(string path, string label, PseudonymKeyOptions options, TextWriter error, out int exitCode)
    {
        exitCode = ExitCodes.Invalid;
        try
        {
            return PseudonymKey.FromFile(path, label, options);
        }
        catch (PseudonymKeyException exception)
        {
            // The library's messages never quote the key or the file.
            error.WriteLine("error: --key-file cannot be used: " + exception.Message
                + (exception.IsWeakKey ? " (--allow-weak-key accepts it, for test keys only.)" : string.Empty));
        }
        catch (ArgumentException exception)
        {
            // A bad --label: its message names the rule, not the label.
            error.WriteLine("error: --label cannot be used: " + exception.Message);
            exitCode = ExitCodes.Usage;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // An I/O message may hold the path; the type is enough to act on.
            error.WriteLine("error: --key-file cannot be read (" + exception.GetType().Name + ").");
        }

        return null;
    }
}
