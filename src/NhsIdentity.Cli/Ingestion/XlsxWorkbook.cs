using System.IO.Compression;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>Tells an Excel .xlsx workbook from any other ZIP archive, by its parts rather than its file name.</summary>
internal static class XlsxWorkbook
{
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
