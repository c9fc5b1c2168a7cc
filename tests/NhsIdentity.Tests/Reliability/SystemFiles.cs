using System.Diagnostics;

namespace NhsIdentity.Tests.Reliability;

/// <summary>
/// Device files, FIFOs and signals for the output tests, made with the system's own tools (no P/Invoke in tests).
/// </summary>
/// <remarks>
/// <para>Why the device tests cannot damage <c>/dev/null</c> or <c>/dev/full</c>, even on the code they exist to catch
/// (which renamed a temporary file over the device): as root (CI), they never touch the system's devices but make
/// private ones with the same numbers (<c>mknod</c> c 1 3 is a null device, c 1 7 a full one) inside the test's own
/// temporary folder, so a regression replaces only that private node. As any other user they use the system's
/// devices, which such a user cannot replace: <c>/dev</c> is writable by root alone, so creating the temporary file
/// there fails and nothing in <c>/dev</c> changes.</para>
/// </remarks>
internal static class SystemFiles
{
    /// <summary>Gets whether the tests run as root (where file permissions do not bite).</summary>
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>A character device that behaves as <c>/dev/null</c> (<paramref name="name"/> "null") or <c>/dev/full</c>
    /// ("full"), safe to give as an output (see the remarks on the class).</summary>
    public static string CharacterDevice(string folder, string name)
    {
        if (!IsRoot)
        {
            return "/dev/" + name;
        }

        var path = Path.Combine(folder, name);
        Run("mknod", path, "c", "1", name == "null" ? "3" : "7");
        return path;
    }

    /// <summary>Makes a FIFO (named pipe).</summary>
    public static void MakeFifo(string path) => Run("mkfifo", path);

    /// <summary>Sends a signal (INT, TERM) to a process.</summary>
    public static void Signal(int processId, string signal) =>
        Run("kill", "-" + signal, processId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The file type as <c>stat</c> names it ("character special file", "fifo", "regular file", "symbolic link").</summary>
    public static string TypeOf(string path) => Run("stat", "-c", "%F", path).Trim();

    /// <summary>Runs a tool and returns its standard output; fails the test when it fails.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
        return output;
    }
}
