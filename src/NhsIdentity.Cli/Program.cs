using System.Text;
using NhsIdentity.Cli;

// Buffered standard output: validate and generate can write millions of lines. Standard error stays as Console
// gives it (unbuffered), so messages appear at once.
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };

// With no redirected standard input, validate must not sit waiting on the terminal: pass null instead.
var input = Console.IsInputRedirected ? Console.In : null;
var exitCode = CliApp.Run(args, input, stdout, Console.Error);
stdout.Flush();
return exitCode;
