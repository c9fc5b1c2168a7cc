using NhsIdentity.Cli.Outputs;

namespace NhsIdentity.Cli.Commands;

/// <summary>
/// The one output rule every command follows before it does any work: no output may be an input, a key, or another
/// output of the same run. An extract replaced by its own links, a key file replaced by pseudonyms, or a pseudonymised
/// file replaced by the clear-text rejects cannot be undone.
/// </summary>
/// <remarks>Each output allowed is declared to the run's <see cref="OutputSet"/> under its option, so a failure to write
/// it later names the option. Paths are compared as full paths (ordinal on Linux, ignoring case elsewhere), after following a symbolic
/// link to its target, so <c>./a.csv</c>, <c>a.csv</c> and a link to it are one file. The message names the options and
/// the file name, never content.</remarks>
internal static class OutputGuard
{
    /// <summary>Writes one error line and returns false when an output is an input or another output.</summary>
    /// <param name="outputs">Each output option and its path (null when not given).</param>
    /// <param name="inputs">Each input (an argument or option name) and its path (null when not given).</param>
    /// <param name="error">Standard error.</param>
    public static bool Allows(IEnumerable<(string Option, string? Path)> outputs, IEnumerable<(string Name, string? Path)> inputs, TextWriter error)
    {
        var seen = new List<(string Name, string Path)>();
        foreach (var (name, path) in inputs)
        {
            if (path is not null)
            {
                seen.Add((name, Canonical(path)));
                OutputSet.Claim(name, path);
            }
        }

        foreach (var (option, path) in outputs)
        {
            if (path is null)
            {
                continue;
            }

            var canonical = Canonical(path);
            foreach (var (name, other) in seen)
            {
                if (SameCanonical(canonical, other))
                {
                    error.WriteLine($"error: {option} {System.IO.Path.GetFileName(path)} is also {name}; nothing was written. Choose another file.");
                    return false;
                }
            }

            if (Directory.Exists(canonical))
            {
                error.WriteLine($"error: {option} {System.IO.Path.GetFileName(path)} is a folder, not a file.");
                return false;
            }

            // A character device (/dev/null) or a FIFO is written through; a disk or a socket is no place for an output.
            if (FileKinds.Of(canonical) is FileKind.BlockDevice or FileKind.Socket)
            {
                error.WriteLine($"error: {option} {System.IO.Path.GetFileName(path)} is a block device or socket, not a file.");
                return false;
            }

            OutputSet.Declare(option, path);
            OutputSet.Claim("the " + option + " output", path);

            seen.Add(("the " + option + " output", canonical));
        }

        return true;
    }

    /// <summary>The input or output already checked by <see cref="Allows"/> that <paramref name="path"/> names, or null:
    /// for a file the run names later (an input's rejects file), which must replace none of them.</summary>
    public static string? ClaimantOf(string path) =>
        OutputSet.Claimed.FirstOrDefault(c => SameFile(c.Path, path)).Name;

    /// <summary>Whether two paths name one file (see the remarks on how they are compared).</summary>
    public static bool SameFile(string a, string b) => SameCanonical(Canonical(a), Canonical(b));

    private static bool SameCanonical(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    private static string Canonical(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        try
        {
            var target = File.Exists(full) ? new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) : null;
            return target is null ? full : System.IO.Path.GetFullPath(target.FullName);
        }
        catch (IOException)
        {
            return full;
        }
    }
}
