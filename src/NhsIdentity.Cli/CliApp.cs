using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using System.Text;
using NhsIdentity.Cli.Commands;
using NhsIdentity.Cli.Outputs;

namespace NhsIdentity.Cli;

/// <summary>
/// The <c>nhsid</c> command line, runnable in-process: <see cref="Run"/> takes its streams as arguments, so tests
/// drive it with <see cref="StringReader"/> and <see cref="StringWriter"/>.
/// </summary>
/// <remarks>
/// Exit codes (<see cref="ExitCodes"/>): 0 success, 1 an input was invalid or an output could not be written, 2 usage
/// error, 3 a run budget exceeded (<c>link</c>, <c>dedupe</c>: nothing written), 130 cancelled, 143 terminated (mapped
/// from 130 by Program when SIGTERM cancelled the run). System.CommandLine
/// itself returns 1 for a parse error; <see cref="Run"/> reports parse errors itself and returns 2 instead, so
/// "bad data" and "bad command line" can be told apart by scripts.
/// </remarks>
internal static class CliApp
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="input">
    /// Standard input, or <see langword="null"/> when there is none to read (an interactive terminal); then
    /// <c>validate</c> with no arguments is a usage error instead of waiting for typing.
    /// </param>
    /// <param name="output">Standard output: results only.</param>
    /// <param name="error">Standard error: summaries, seeds, warnings and errors.</param>
    /// <returns>The exit code.</returns>
    /// <param name="progressConsole">Where long commands draw progress bars (standard error when it is a terminal),
    /// or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the command: Program cancels it on Ctrl+C and SIGTERM; tests and hosts
    /// cancel it themselves. Every output write observes it.</param>
    public static int Run(string[] args, TextReader? input, TextWriter output, TextWriter error,
        Spectre.Console.IAnsiConsole? progressConsole = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var root = CreateRootCommand(input);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine("error: " + Redact(parseError.Message));
            }

            error.WriteLine($"Run '{CommandPath(parseResult)} --help' for usage.");
            return ExitCodes.Usage;
        }

        using var progress = Progress.WorkProgress.UseConsole(progressConsole);
        using var outputs = OutputSet.Begin(error, cancellationToken);
        try
        {
            var exitCode = parseResult.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                // Our actions report their own errors; an unexpected exception should surface as a crash, not be
                // printed by the default handler (whose stack trace could carry input text).
                EnableDefaultExceptionHandler = false,

                // No signal handling here: Program's TerminationSignals cancels cancellationToken on Ctrl+C or
                // SIGTERM. System.CommandLine's own handler would be a second path, and it only starts listening
                // once a synchronous action has returned, so it never saw a signal during the work anyway.
                ProcessTerminationTimeout = null,
            }, cancellationToken).GetAwaiter().GetResult();

            // Only a successful run replaces its outputs, all together; any other ends with them discarded.
            if (exitCode == ExitCodes.Success)
            {
                outputs.Commit();
            }

            return exitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled where the command had no handler of its own: an output write, or the commit itself.
            error.WriteLine("cancelled: no output was written.");
            return ExitCodes.Cancelled;
        }
        catch (OutputWriteException exception)
        {
            // The message names the output's option and the reason, never a path or the system's text.
            error.WriteLine("error: " + exception.Message);
            return ExitCodes.Failed;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file failing mid-run (an input's disk, a folder removed): one line, no stack trace, nothing replaced.
            error.WriteLine($"error: a file could not be read or written ({exception.GetType().Name}); no output file was changed.");
            return ExitCodes.Failed;
        }
    }

    /// <summary>Builds the command tree.</summary>
    /// <param name="input">Standard input for <c>validate</c>, or <see langword="null"/>.</param>
    /// <returns>The root command.</returns>
    /// <remarks>
    /// The root is a plain <see cref="Command"/> named <c>nhsid</c> rather than a <see cref="RootCommand"/>, whose
    /// name and version come from the entry assembly: in tests that is the test host, not this tool.
    /// </remarks>
    internal static Command CreateRootCommand(TextReader? input) =>
        new("nhsid", "nhsid: validate, format and generate NHS numbers; link, deduplicate and evaluate patient extracts. Output never shows an invalid input, and valid numbers are shown masked (*** *** 0018) where the command reports on inputs. " + ExitCodes.Summary)
        {
            new HelpOption(),
            new VersionOption { Action = new PrintVersionAction() },
            ValidateCommand.Create(input),
            FormatCommand.Create(),
            GenerateCommand.Create(),
            LinkCommand.CreateLink(),
            LinkCommand.CreateDedupe(),
            TrainCommand.Create(),
            EvaluateCommand.Create(),
            PseudonymiseCommand.Create(),
            FilterOptOutsCommand.Create(),
            ProfileCommand.Create(),
            PrepareCommand.Create(),
            ServeCommand.Create(),
            ImportCommand.Create(),
        };

    /// <summary>
    /// Removes patient data from the quoted tokens System.CommandLine puts in its messages (for example
    /// <c>Unrecognized command or argument '9990000018'</c>): a stray token may be an NHS number, a date or a name.
    /// Every digit becomes <c>#</c>; letters become <c>*</c> too unless the token looks like an option
    /// (<c>--bogus</c>) or a file path (it has a <c>.</c>, <c>/</c> or <c>\</c>), which the user needs to see. The
    /// token keeps its shape.
    /// </summary>
    /// <param name="message">A parse error message.</param>
    /// <returns>The message with the quoted tokens redacted.</returns>
    internal static string Redact(string message)
    {
        var builder = new StringBuilder(message.Length);
        var at = 0;
        while (at < message.Length)
        {
            var open = message.IndexOf('\'', at);
            var close = open < 0 ? -1 : message.IndexOf('\'', open + 1);
            if (close < 0)
            {
                builder.Append(message, at, message.Length - at);
                break;
            }

            builder.Append(message, at, open + 1 - at);
            var token = message.AsSpan(open + 1, close - open - 1);
            var keepLetters = token.StartsWith("-") || token.IndexOfAny('.', '/', '\\') >= 0;
            foreach (var c in token)
            {
                builder.Append(char.IsDigit(c) ? '#' : char.IsLetter(c) && !keepLetters ? '*' : c);
            }

            builder.Append('\'');
            at = close + 1;
        }

        return builder.ToString();
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary><c>--version</c>: this tool's informational version (<c>0.1.0+commit</c>), not the entry assembly's.</summary>
    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var assembly = typeof(CliApp).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString()
                ?? "unknown";
            parseResult.InvocationConfiguration.Output.WriteLine(version);
            return ExitCodes.Success;
        }
    }
}
