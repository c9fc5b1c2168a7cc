using System.Diagnostics;
using NhsIdentity.Cli.Outputs;

namespace NhsIdentity.Tests.Reliability;

/// <summary>
/// The built <c>nhsid</c> run as a child process (<c>dotnet nhsid.dll</c>, copied beside the tests by the project
/// reference), for what only a real process shows: signals and the exit code the shell sees.
/// </summary>
/// <remarks>
/// Synchronisation is by what the child prints, never by sleeping: <see cref="WaitForLine"/> reads standard error up
/// to a line (the test hook's <see cref="OutputSet.PausedMarker"/>, or the acknowledgement of a signal). The one
/// time limit, in <see cref="WaitForExit"/>, is a hang guard far beyond any load: a child that ignores a signal
/// would otherwise hang the suite instead of failing it.
/// </remarks>
internal sealed class NhsidProcess : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);
    private readonly Process process;
    private readonly System.Text.StringBuilder error = new();

    private NhsidProcess(Process process, bool readOutput)
    {
        this.process = process;
        Output = readOutput ? process.StandardOutput.ReadToEndAsync() : Task.FromResult(string.Empty);
    }

    /// <summary>Gets the built tool beside the tests.</summary>
    public static string Tool => Path.Combine(AppContext.BaseDirectory, "nhsid.dll");

    public int Id => process.Id;

    /// <summary>Gets standard output, read to its end in the background (unless <see cref="StandardOutput"/> is used).</summary>
    public Task<string> Output { get; }

    /// <summary>Gets everything read from standard error so far.</summary>
    public string Error => error.ToString();

    /// <summary>Starts <c>nhsid</c> with standard input open (closing it lets the pause hook go on).</summary>
    /// <param name="arguments">The command line.</param>
    /// <param name="pauseBeforeCommit">Set the test hook: pause with every output staged (see <see cref="OutputSet.Commit"/>).</param>
    /// <param name="readOutput">Read standard output in the background (else the test reads <see cref="StandardOutput"/>).</param>
    /// <param name="asNobody">Run as the user nobody (<c>setpriv</c>; the tests must run as root).</param>
    public static NhsidProcess Start(IEnumerable<string> arguments, bool pauseBeforeCommit = false, bool readOutput = true, bool asNobody = false)
    {
        // Through env --default-signal: a test host started in the background (a non-interactive shell's "&") ignores
        // SIGINT, the child would inherit that, and .NET rightly leaves an inherited ignore alone.
        var start = new ProcessStartInfo(asNobody ? "setpriv" : "env")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asNobody)
        {
            foreach (var argument in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet"])
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["HOME"] = Path.GetTempPath();
        }
        else
        {
            start.ArgumentList.Add("--default-signal=INT,TERM");
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(Tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (pauseBeforeCommit)
        {
            start.Environment[OutputSet.PauseBeforeCommitVariable] = "1";
        }

        return new NhsidProcess(Process.Start(start)!, readOutput);
    }

    /// <summary>Gets the child's standard output stream, when it was started without the background reader.</summary>
    public StreamReader StandardOutput => process.StandardOutput;

    /// <summary>Why nhsid cannot be run as nobody here, or null when it can: setpriv is missing, or the tool's folder
    /// is not open to other users.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public static string? NobodyCannotRunReason()
    {
        if (!File.Exists("/usr/bin/setpriv") && !File.Exists("/bin/setpriv"))
        {
            return "setpriv (util-linux) is not installed";
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if ((File.GetUnixFileMode(folder.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                return folder.FullName + " is closed to other users";
            }
        }

        return (File.GetUnixFileMode(Tool) & UnixFileMode.OtherRead) == 0 ? "nhsid.dll is not readable by other users" : null;
    }

    /// <summary>Reads standard error up to a line starting with <paramref name="prefix"/>; false when the child ended first.</summary>
    public bool WaitForLine(string prefix)
    {
        while (process.StandardError.ReadLine() is { } line)
        {
            error.Append(line).Append('\n');
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sends a signal (INT, TERM) with <c>kill</c>.</summary>
    public void Signal(string signal) => SystemFiles.Signal(process.Id, signal);

    /// <summary>Lets the paused child go on to its commit.</summary>
    public void Resume() => process.StandardInput.Close();

    /// <summary>Waits for the child to end; returns its exit code, with the rest of standard error read.</summary>
    /// <remarks>Standard input stays open: closing it would let a paused child commit, racing the signal just sent.</remarks>
    public int WaitForExit()
    {
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("hang guard: nhsid did not end: " + Error);
        }

        error.Append(process.StandardError.ReadToEnd());
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
