using System.IO.Compression;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>Tells an Excel .xlsx workbook from any other ZIP archive, by its parts rather than its file name.</summary>
internal static class XlsxWorkbook
{
    /// <summary>The most a workbook's parts may hold uncompressed (2 GiB): far above the biggest sheet Excel can save
    /// with patient columns, far below what a small hostile archive could expand to in memory.</summary>
    public const long MaxUncompressedBytes = 2L << 30;

    /// <summary>What a workbook's parts hold uncompressed, from the archive's directory (nothing is inflated).</summary>
    /// <param name="path">The workbook.</param>
    /// <returns>The sum of the entries' uncompressed lengths.</returns>
    public static long UncompressedBytes(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
        }

        return total;
    }

    /// <summary>Whether a file is an xlsx workbook: a ZIP archive with the SpreadsheetML workbook part.</summary>
    /// <param name="path">The file; it must exist.</param>
    /// <returns><see langword="true"/> for an xlsx workbook; <see langword="false"/> for anything else, a damaged archive included.</returns>
    public static bool Is(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> head = stackalloc byte[4];
            if (stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4 || !head.SequenceEqual("PK\u0003\u0004"u8))
            {
                return false;
            }

            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            return zip.GetEntry("xl/workbook.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return false;
        }
    }
}
