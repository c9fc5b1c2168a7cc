using Spectre.Console;

namespace NhsIdentity.Cli.Progress;

/// <summary>
/// Progress bars on standard error for the long stages of a command (reading, training, scoring), drawn by
/// Spectre.Console when standard error is a terminal, and nothing at all otherwise or with <c>--quiet</c>.
/// </summary>
/// <remarks>
/// While the bars are live, the command's own messages go to a buffer and are written after the bars finish:
/// lines written under a live display would tear it. Progress never shows patient data, only stage names, counts
/// and rates.
/// </remarks>
internal sealed class WorkProgress
{
    private static readonly AsyncLocal<IAnsiConsole?> CurrentConsole = new();

    private readonly ProgressContext? _context;

    private WorkProgress(ProgressContext? context) => _context = context;

    /// <summary>Gets whether bars are being drawn.</summary>
    public bool IsLive => _context is not null;

    /// <summary>Sets the console progress is drawn on for the current run (null: none), as <see cref="CliApp"/>
    /// does from the process's standard error.</summary>
    public static IDisposable UseConsole(IAnsiConsole? console)
    {
        var previous = CurrentConsole.Value;
        CurrentConsole.Value = console;
        return new Restore(previous);
    }

    /// <summary>Runs work with progress bars when a console is set and <paramref name="quiet"/> is false.</summary>
    /// <param name="quiet">The command's <c>--quiet</c>.</param>
    /// <param name="error">The command's standard error writer.</param>
    /// <param name="work">The work: given the progress and the writer to use for messages.</param>
    /// <returns>What the work returns.</returns>
    public static int Run(bool quiet, TextWriter error, Func<WorkProgress, TextWriter, int> work)
    {
        var console = CurrentConsole.Value;
        if (console is null || quiet)
        {
            return work(new WorkProgress(null), error);
        }

        using var buffered = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            return console.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new CountColumn(), new RateColumn(), new ElapsedTimeColumn())
                .Start(context => work(new WorkProgress(context), buffered));
        }
        finally
        {
            error.Write(buffered.ToString());
        }
    }

    /// <summary>Starts a stage.</summary>
    /// <param name="description">What is being done (no patient data).</param>
    /// <param name="total">The number of items, or null when not known yet (an indeterminate bar).</param>
    /// <returns>The stage; dispose it to mark it done.</returns>
    public WorkStage Begin(string description, double? total = null)
    {
        if (_context is null)
        {
            return WorkStage.None;
        }

        var task = _context.AddTask(Markup.Escape(description), autoStart: true, maxValue: total ?? 1);
        task.IsIndeterminate = total is null;
        return new WorkStage(task);
    }

    private sealed class Restore(IAnsiConsole? previous) : IDisposable
    {
        public void Dispose() => CurrentConsole.Value = previous;
    }
}
