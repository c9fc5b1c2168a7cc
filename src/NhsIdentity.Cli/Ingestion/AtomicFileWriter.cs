using System.Globalization;
using System.Text;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// Writes a text file so that readers only ever see the old file or the complete new one: the text goes to a
/// temporary file in the same folder, which <see cref="Commit"/> renames over the target. Disposing without
/// committing deletes the temporary file and leaves the target untouched, so a crash or an error half way never
/// leaves a truncated output that looks finished.
/// </summary>
internal sealed class AtomicFileWriter : IDisposable
{
    private readonly string path;
    private readonly string temporaryPath;
    private readonly StreamWriter writer;
    private bool committed;

    /// <summary>Initializes a new instance: creates the temporary file (UTF-8 without byte-order mark).</summary>
    /// <param name="path">The file to write; its folder must exist.</param>
    public AtomicFileWriter(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        this.path = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(this.path) ?? ".";
        temporaryPath = Path.Combine(
            folder,
            string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(this.path)}.{Guid.NewGuid():N}.tmp"));
        writer = new StreamWriter(temporaryPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>Gets the writer for the temporary file.</summary>
    public TextWriter Writer => writer;

    /// <summary>Flushes and closes the temporary file, then renames it over the target (replacing it).</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(committed, this);
        writer.Dispose();
        File.Move(temporaryPath, path, overwrite: true);
        committed = true;
    }

    /// <summary>Closes the writer; without <see cref="Commit"/>, deletes the temporary file.</summary>
    public void Dispose()
    {
        writer.Dispose();
        if (!committed)
        {
            File.Delete(temporaryPath);
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
}
