using System.Text;
using NhsIdentity.Cli;

// Buffered standard output: validate and generate can write millions of lines. Standard error stays as Console
// gives it (unbuffered), so messages appear at once.
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };

// With no redirected standard input, validate must not sit waiting on the terminal: pass null instead.
var input = Console.IsInputRedirected ? Console.In : null;
// Progress bars only when standard error is a terminal: a redirected log gets the plain summary lines.
var progressConsole = Console.IsErrorRedirected ? null
    : Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(Console.Error) });
var exitCode = CliApp.Run(args, input, stdout, Console.Error, progressConsole);
stdout.Flush();
return exitCode;
