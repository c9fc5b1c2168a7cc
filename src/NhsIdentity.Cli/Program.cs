using System.Text;
using NhsIdentity.Cli;
using NhsIdentity.Cli.Outputs;

// Ctrl+C and SIGTERM cancel the command's token (the only handler of them; see TerminationSignals).
using var signals = new TerminationSignals(Console.Error);

// Buffered standard output: validate and generate can write millions of lines. Its writes also stop the command once
// it is cancelled. Standard error stays as Console gives it (unbuffered), so messages appear at once.
var standardOutput = new GuardedOutputStream(Console.OpenStandardOutput(), "standard output", signals.Token);
var stdout = new StreamWriter(standardOutput, new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };

// With no redirected standard input, validate must not sit waiting on the terminal: pass null instead.
var input = Console.IsInputRedirected ? Console.In : null;
// Progress bars only when standard error is a terminal: a redirected log gets the plain summary lines.
var progressConsole = Console.IsErrorRedirected ? null
    : Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(Console.Error) });
var exitCode = CliApp.Run(args, input, stdout, Console.Error, progressConsole, signals.Token);
try
{
    if (exitCode != ExitCodes.Cancelled)
    {
        stdout.Flush();
    }
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("cancelled: standard output was cut short.");
    exitCode = ExitCodes.Cancelled;
}
catch (OutputWriteException exception)
{
    Console.Error.WriteLine("error: " + exception.Message);
    exitCode = ExitCodes.Failed;
}
finally
{
    standardOutput.Discard();
    stdout.Dispose();
}

return signals.ExitCodeFor(exitCode);
