using System.Text;

namespace NhsIdentity.Tests.Cli.Ingestion;

/// <summary>A temporary folder for CSV files, deleted when disposed.</summary>
internal sealed class TempCsv : IDisposable
{
    public TempCsv()
    {
        Folder = Path.Combine(Path.GetTempPath(), "nhsid-ingestion-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Writes text as UTF-8, with a byte-order mark when asked.</summary>
    public string Write(string name, string text, bool byteOrderMark = false)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text, new UTF8Encoding(byteOrderMark));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
