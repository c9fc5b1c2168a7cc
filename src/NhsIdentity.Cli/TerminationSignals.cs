using System.Runtime.InteropServices;

namespace NhsIdentity.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM cancel the run instead of killing the process, so the command takes its cancellation
/// path: it says "cancelled", its temporary files are deleted, no output changes, and the exit code is 130 (SIGINT) or
/// 143 (SIGTERM). A second signal is not intercepted: the process then ends at once, the way out when something
/// cannot notice cancellation (a FIFO output that nobody opens, standard input that never comes).
/// </summary>
/// <remarks>
/// This is the only handler: <see cref="CliApp"/> turns System.CommandLine's own off
/// (<c>ProcessTerminationTimeout = null</c>), which in any case only starts listening after a synchronous command has
/// finished, so a signal during the work used to kill the process and leave its temporary files.
/// </remarks>
internal sealed class TerminationSignals : IDisposable
{
    private readonly TextWriter error;
    private readonly CancellationTokenSource cancellation = new();
    private readonly List<PosixSignalRegistration> registrations = [];
    private readonly Lock gate = new();
    private PosixSignal? received;

    /// <summary>Initializes a new instance: starts listening for SIGINT and SIGTERM.</summary>
    /// <param name="error">Standard error, where the first signal is acknowledged at once.</param>
    public TerminationSignals(TextWriter error)
    {
        this.error = error;
        foreach (var signal in (ReadOnlySpan<PosixSignal>)[PosixSignal.SIGINT, PosixSignal.SIGTERM])
        {
            try
            {
                registrations.Add(PosixSignalRegistration.Create(signal, Handle));
            }
            catch (PlatformNotSupportedException)
            {
                // No signals here: the process keeps the default behaviour.
            }
        }
    }

    /// <summary>Gets the token cancelled by the first signal.</summary>
    public CancellationToken Token => cancellation.Token;

    /// <summary>The process exit code: a cancelled run ends with 143 when SIGTERM cancelled it.</summary>
    /// <param name="exitCode">What the command returned.</param>
    /// <returns>The exit code.</returns>
    public int ExitCodeFor(int exitCode)
    {
        lock (gate)
        {
            return exitCode == ExitCodes.Cancelled && received == PosixSignal.SIGTERM ? ExitCodes.Terminated : exitCode;
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        cancellation.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        lock (gate)
        {
            if (received is not null)
            {
                return; // the second signal: let it end the process
            }

            received = context.Signal;
            context.Cancel = true;
        }

        // Cancel before saying so: on Unix, Console's writes to standard error wait on the lock its standard output
        // holds, so while a command is blocked writing to a full pipe the line waits, and the cancellation must not.
        cancellation.Cancel();
        error.WriteLine($"cancelling ({(context.Signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM")}): stopping and removing temporary files; a second signal stops at once.");
    }
}
