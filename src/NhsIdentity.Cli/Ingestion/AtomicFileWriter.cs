using System.Text;
using NhsIdentity.Cli.Outputs;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Writes a text file so that readers only ever see the old file or the complete new one: the text goes to a
/// temporary file in the target's folder, which <see cref="Commit"/> hands to the run's <see cref="OutputSet"/> to be
/// renamed over the target with the run's other outputs (or renames at once outside a run). Disposing without
/// committing deletes the temporary file and leaves the target untouched, so a crash, an error or a cancellation half
/// way never leaves a truncated output that looks finished.
/// </summary>
/// <remarks>
/// <para>What the path names decides how it is written (<see cref="FileKinds"/>): a symbolic link is followed to its
/// final target and the temporary file goes beside that target (the link stays a link); a character device
/// (<c>/dev/null</c>) or a FIFO is written through in place, never renamed over; a folder, block device or socket is
/// refused.</para>
/// <para>Every I/O failure, from creating the temporary file to the last write, is an <see cref="OutputWriteException"/>
/// naming the output's option (<see cref="OutputSet.Declare"/>); the temporary file is deleted on every failure path.
/// Writes stop with <see cref="OperationCanceledException"/> once the run is cancelled.</para>
/// </remarks>
internal sealed class AtomicFileWriter : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly string name;
    private readonly string targetPath;
    private readonly string? temporaryPath;
    private readonly GuardedOutputStream stream;
    private readonly StreamWriter writer;
    private bool closed;
    private bool handedOver;

    /// <summary>Initializes a new instance: creates the temporary file (UTF-8 without byte-order mark), or opens the
    /// device or FIFO to write through.</summary>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <exception cref="OutputWriteException">The output cannot be created.</exception>
    public AtomicFileWriter(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        name = OutputSet.NameOf(full);
        FileStream? file = null;
        try
        {
            var kind = FileKinds.Of(full);
            if (FileKinds.IsWrittenThrough(kind))
            {
                // Opening a FIFO waits for its reader, as any writer to a pipe does.
                targetPath = full;
                file = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            }
            else if (kind is FileKind.Directory or FileKind.BlockDevice or FileKind.Socket)
            {
                throw new OutputWriteException(name, kind == FileKind.Directory ? "it is a folder, not a file" : "it is a device or socket, not a file", null);
            }
            else
            {
                targetPath = FinalTarget(full);
                temporaryPath = OutputSet.HiddenSibling(targetPath, "tmp");
                file = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
                KeepPermissions(targetPath, temporaryPath);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            if (file is not null)
            {
                file.Dispose();
                OutputSet.TryDelete(temporaryPath!);
            }

            throw OutputWriteException.From(name, exception);
        }

        stream = new GuardedOutputStream(file, name, OutputSet.Current?.CancellationToken ?? default);
        writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize);
    }

    /// <summary>Gets the writer for the temporary file.</summary>
    public TextWriter Writer => writer;

    /// <summary>Gets the stream under <see cref="Writer"/>, for a binary output (Parquet); flush <see cref="Writer"/>
    /// first if both are used.</summary>
    public Stream BaseStream => stream;

    /// <summary>Flushes and closes the output; then the temporary file is renamed over the target, with the run's
    /// other outputs when the run commits (<see cref="OutputSet"/>), or now outside a run.</summary>
    /// <exception cref="OutputWriteException">The last writes failed, or (outside a run) the rename did.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(closed, this);
        writer.Flush();
        closed = true;
        writer.Dispose();
        if (temporaryPath is null)
        {
            return; // written through: nothing to rename
        }

        handedOver = true;
        var output = new StagedOutput(name, temporaryPath, targetPath);
        if (OutputSet.Current is { } set)
        {
            set.Stage(output);
        }
        else
        {
            OutputSet.CommitAll([output]);
        }
    }

    /// <summary>Closes the writer; without <see cref="Commit"/>, discards what is buffered and deletes the temporary file.</summary>
    public void Dispose()
    {
        if (!closed)
        {
            closed = true;
            stream.Discard();
            writer.Dispose();
        }

        if (!handedOver && temporaryPath is not null)
        {
            OutputSet.TryDelete(temporaryPath);
        }
    }

    /// <summary>Writes a whole file atomically.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="write">Writes the content.</param>
    public static void Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = new AtomicFileWriter(path);
        write(file.Writer);
        file.Commit();
    }

    /// <summary>Where a path leads after every symbolic link (the path itself when it is not a link, or a link whose
    /// target is missing: then the target is created).</summary>
    private static string FinalTarget(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null)
        {
            return path;
        }

        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? path : Path.GetFullPath(target.FullName);
    }

    /// <summary>A replaced file keeps its permissions: an output someone made private (0600) stays private.</summary>
    private static void KeepPermissions(string target, string temporary)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(target))
        {
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
        }
    }
}
