using Spectre.Console;

namespace NhsIdentity.Cli.Progress;

/// <summary>One bar of <see cref="WorkProgress"/>. Safe to report from several threads (the linker's scoring
/// threads report as they finish partitions): the bar only moves forward.</summary>
internal sealed class WorkStage : IDisposable
{
    /// <summary>A stage that draws nothing.</summary>
    public static readonly WorkStage None = new(null);

    private readonly ProgressTask? _task;
    private readonly Lock _lock = new();

    public WorkStage(ProgressTask? task) => _task = task;

    /// <summary>Moves the bar to <paramref name="value"/> of <paramref name="total"/> (never backwards).</summary>
    public void Report(double value, double total)
    {
        if (_task is null)
        {
            return;
        }

        lock (_lock)
        {
            _task.IsIndeterminate = false;
            _task.MaxValue = Math.Max(total, 1);
            _task.Value = Math.Max(_task.Value, Math.Min(value, _task.MaxValue));
        }
    }

    /// <summary>Changes the description (for example the training rule now running).</summary>
    public void Describe(string description)
    {
        if (_task is not null)
        {
            lock (_lock)
            {
                _task.Description = Markup.Escape(description);
            }
        }
    }

    /// <summary>Marks the stage done, with <paramref name="count"/> items when given.</summary>
    public void Complete(double? count = null)
    {
        if (_task is null)
        {
            return;
        }

        lock (_lock)
        {
            _task.IsIndeterminate = false;
            _task.MaxValue = count is { } n ? Math.Max(n, 1) : _task.MaxValue;
            _task.Value = _task.MaxValue;
            _task.StopTask();
        }
    }

    public void Dispose()
    {
        if (_task is { IsFinished: false })
        {
            Complete();
        }
    }
}
