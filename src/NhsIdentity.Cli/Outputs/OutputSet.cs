using System.Globalization;

namespace NhsIdentity.Cli.Outputs;

/// <summary>
/// The outputs of one run, committed together: links, clusters, report, model and rejects are each written to a
/// temporary file first (<see cref="Ingestion.AtomicFileWriter"/>), and only when the command has succeeded are they
/// renamed over their targets, in order, so the targets end either all old or all new. A new <c>links.csv</c> never
/// sits beside an old <c>clusters.csv</c> looking like one run.
/// </summary>
/// <remarks>
/// <para><see cref="CliApp"/> opens one set around every command (<see cref="Begin"/>); it is ambient (an
/// <see cref="AsyncLocal{T}"/>), so the writers deep in a command find it without being handed it. Outside a set (a
/// unit test of a writer) each output commits alone.</para>
/// <para>Each existing target is kept as a hidden backup (<c>.NAME.GUID.bak</c>, a hard link made by
/// <see cref="File.Replace(string, string, string?)"/>, so nothing is copied and the target is never missing) until
/// the whole set is in place. If a rename fails, the targets already replaced get their backups back and the new
/// ones are removed. Temporary files and backups are removed on every path: success, failure, cancellation.</para>
/// <para>A device or pipe output is written through as the run goes (see <see cref="FileKinds.IsWrittenThrough"/>):
/// what was sent to it cannot be taken back, so it is not part of the all-or-nothing set.</para>
/// </remarks>
internal sealed class OutputSet : IDisposable
{
    /// <summary>The environment variable of the test hook that pauses before the commit (see <see cref="Commit"/>).</summary>
    internal const string PauseBeforeCommitVariable = "NHSID_TEST_HOOK_PAUSE_BEFORE_COMMIT";

    /// <summary>The line the test hook prints on standard error when it pauses.</summary>
    internal const string PausedMarker = "test hook: outputs staged, waiting";

    private static readonly AsyncLocal<OutputSet?> Ambient = new();

    private readonly OutputSet? previous;
    private readonly TextWriter error;
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly List<StagedOutput> staged = [];
    private readonly List<(string Name, string Path)> claimed = [];
    private bool finished;

    private OutputSet(TextWriter error, CancellationToken cancellationToken)
    {
        this.error = error;
        CancellationToken = cancellationToken;
        previous = Ambient.Value;
    }

    /// <summary>Gets the set of the run in progress, or null outside one.</summary>
    public static OutputSet? Current => Ambient.Value;

    /// <summary>Gets the run's cancellation, which every output write observes.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Gets the outputs staged so far, in commit order.</summary>
    public IReadOnlyList<StagedOutput> Staged => staged;

    /// <summary>Opens the set of a run and makes it <see cref="Current"/> until disposed.</summary>
    /// <param name="error">Standard error (for the test hook's line).</param>
    /// <param name="cancellationToken">The run's cancellation.</param>
    /// <returns>The set.</returns>
    public static OutputSet Begin(TextWriter error, CancellationToken cancellationToken)
    {
        var set = new OutputSet(error, cancellationToken);
        Ambient.Value = set;
        return set;
    }

    /// <summary>Names an output of the current run by its option or role, for messages (first name wins).</summary>
    /// <param name="name">The option (<c>--out</c>) or role (<c>the left input's rejects file</c>).</param>
    /// <param name="path">The path as the command will open it.</param>
    public static void Declare(string name, string? path)
    {
        if (path is not null && Current is { } set)
        {
            set.names.TryAdd(Path.GetFullPath(path), name);
        }
    }

    /// <summary>Records a file the run reads or writes, checked by <see cref="Commands.OutputGuard"/>, so a file the run names
    /// later (an input's rejects file) can be refused when it is one of them.</summary>
    /// <param name="name">The input or option, as messages name it.</param>
    /// <param name="path">The path.</param>
    public static void Claim(string name, string path) => Current?.claimed.Add((name, path));

    /// <summary>Gets the files claimed so far by <see cref="Claim"/>.</summary>
    public static IReadOnlyList<(string Name, string Path)> Claimed => Current?.claimed ?? [];

    /// <summary>The name of an output in messages: as declared, or else by its file name.</summary>
    /// <param name="path">The path as the command opened it.</param>
    /// <returns>The name.</returns>
    public static string NameOf(string path) =>
        Current is { } set && set.names.TryGetValue(Path.GetFullPath(path), out var name) ? name : "the output " + Path.GetFileName(path);

    /// <summary>Adds a complete output; it is renamed into place by <see cref="Commit"/>.</summary>
    /// <param name="output">The output.</param>
    public void Stage(StagedOutput output)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        staged.Add(output);
    }

    /// <summary>Renames every staged output over its target, all or none (see the remarks on the class).</summary>
    /// <exception cref="OperationCanceledException">The run was cancelled first: nothing was renamed.</exception>
    /// <exception cref="OutputWriteException">A rename failed: every target is as it was.</exception>
    /// <remarks>With the environment variable <see cref="PauseBeforeCommitVariable"/> set to 1, prints
    /// <see cref="PausedMarker"/> on standard error and waits, with every temporary file on disk, until standard input
    /// gives a line or ends, or the run is cancelled: the tests' deterministic way to act inside the write phase.</remarks>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(finished, this);
        if (staged.Count == 0)
        {
            // Nothing to replace, so a cancellation the command has already answered changes nothing: `serve`
            // stops on Ctrl+C by design and its clean stop is a success.
            finished = true;
            return;
        }

        if (Environment.GetEnvironmentVariable(PauseBeforeCommitVariable) == "1")
        {
            error.WriteLine(PausedMarker);
            error.Flush();
            Task.Run(Console.In.ReadLine).Wait(CancellationToken);
        }

        CancellationToken.ThrowIfCancellationRequested();
        finished = true;
        CommitAll(staged);
    }

    /// <summary>Renames each output over its target in order; on a failure puts back every target already replaced.</summary>
    /// <param name="outputs">The outputs, complete in their temporary files.</param>
    /// <exception cref="OutputWriteException">A target could not be replaced: all targets are as they were.</exception>
    internal static void CommitAll(IReadOnlyList<StagedOutput> outputs)
    {
        var replaced = new List<(StagedOutput Output, string? Backup)>(outputs.Count);
        try
        {
            // A folder can appear at a target after the guard looked (or a second output name the same folder):
            // refuse before anything moves rather than half way.
            foreach (var output in outputs)
            {
                if (Directory.Exists(output.TargetPath))
                {
                    throw new OutputWriteException(output.Name, "it is a folder, not a file", null);
                }
            }

            foreach (var output in outputs)
            {
                replaced.Add((output, Replace(output)));
            }
        }
        catch
        {
            Restore(replaced);
            throw;
        }
        finally
        {
            foreach (var output in outputs)
            {
                TryDelete(output.TemporaryPath);
            }
        }

        foreach (var (_, backup) in replaced)
        {
            if (backup is not null)
            {
                TryDelete(backup);
            }
        }
    }

    /// <summary>Discards what was not committed: every temporary file is deleted. Restores the previous ambient set.</summary>
    public void Dispose()
    {
        if (!finished)
        {
            finished = true;
            foreach (var output in staged)
            {
                TryDelete(output.TemporaryPath);
            }
        }

        Ambient.Value = previous;
    }

    /// <summary>Renames one output over its target, keeping the old target as a backup; returns the backup's path.</summary>
    private static string? Replace(StagedOutput output)
    {
        string? backup = null;
        try
        {
            if (File.Exists(output.TargetPath))
            {
                backup = HiddenSibling(output.TargetPath, "bak");
                File.Replace(output.TemporaryPath, output.TargetPath, backup);
                return backup;
            }

            // No old file: nothing to keep. Not overwriting: a file that appeared meanwhile is not ours to lose.
            File.Move(output.TemporaryPath, output.TargetPath, overwrite: false);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // File.Replace links the backup before renaming: if the rename failed, the target is still the old file.
            if (backup is not null)
            {
                TryDelete(backup);
            }

            throw OutputWriteException.From(output.Name, exception);
        }
    }

    /// <summary>Puts the old targets back, newest first. A backup that cannot be put back is left in place (it holds the
    /// old content), never deleted.</summary>
    private static void Restore(List<(StagedOutput Output, string? Backup)> replaced)
    {
        for (var i = replaced.Count - 1; i >= 0; i--)
        {
            var (output, backup) = replaced[i];
            try
            {
                if (backup is null)
                {
                    File.Delete(output.TargetPath);
                }
                else
                {
                    File.Move(backup, output.TargetPath, overwrite: true);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Nothing better to do: the error being reported already says the run failed.
            }
        }
    }

    /// <summary>A hidden file beside <paramref name="path"/>: <c>.NAME.GUID.SUFFIX</c>.</summary>
    /// <param name="path">The target.</param>
    /// <param name="suffix"><c>tmp</c> or <c>bak</c>.</param>
    /// <returns>The path.</returns>
    internal static string HiddenSibling(string path, string suffix) => Path.Combine(
        Path.GetDirectoryName(path) ?? ".",
        string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.{suffix}"));

    /// <summary>Deletes a file if it can; used on paths that are already failing, whose own error is the one to report.</summary>
    /// <param name="path">The file.</param>
    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort on a path that is already failing; the run's error is the one to report.
        }
    }
}
