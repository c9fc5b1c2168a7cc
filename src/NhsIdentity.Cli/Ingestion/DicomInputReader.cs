using System.Globalization;
using NhsIdentity.Ingestion;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>
/// The tool's reading of DICOM input (<c>--format dicom</c>): a folder of files (searched with its subfolders in the library's
/// order, <see cref="DicomFileReader.FilesIn"/>, whatever the file names: PACS exports often have no extension) or a single file, each read by
/// the library's <see cref="DicomFileReader"/>. What only the tool does: refusing a path that is neither, refusing
/// input with no file, and writing the rejected files' numbers, paths and reasons to the rejects file (a DICOM file
/// cannot be copied into a text file as rejected CSV rows and HL7 messages are).
/// </summary>
internal static class DicomInputReader
{
    /// <summary>Reads a folder or a file.</summary>
    /// <param name="path">The folder or the file.</param>
    /// <param name="options">The rejects path (<c>--map</c> does not apply).</param>
    /// <returns>The records, rejections and counts (items are files).</returns>
    /// <exception cref="IngestionException">The path is missing or unreadable, or holds no file.</exception>
    public static PatientReadResult Read(string path, PatientSourceOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> files;
        try
        {
            if (Directory.Exists(path))
            {
                files = DicomFileReader.FilesIn(path);
            }
            else if (File.Exists(path))
            {
                files = [path];
            }
            else
            {
                throw new IngestionException("The DICOM input is neither a folder nor a file.") { IsUsageError = true };
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IngestionException("The DICOM folder could not be listed: " + exception.GetType().Name + ".", exception) { IsUsageError = true };
        }

        if (files.Count == 0)
        {
            throw new IngestionException("The DICOM folder holds no file.");
        }

        PatientReadResult result;
        try
        {
            result = DicomFileReader.ReadFiles(files);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IngestionException("A DICOM file could not be read: " + exception.GetType().Name + ".", exception) { IsUsageError = true };
        }

        if (options.RejectsPath is not null && result.Rejected > 0)
        {
            ReaderSupport.WriteRejects(options.RejectsPath, RejectsText(result, files));
        }

        return result;
    }

    /// <summary>One row per rejected file: its number, its path (input data, like a rejected CSV row) and the reason.</summary>
    private static string RejectsText(PatientReadResult result, IReadOnlyList<string> files)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine("file,path,reason");
        foreach (var rejection in result.Rejections)
        {
            text.Write(rejection.RowNumber.ToString(CultureInfo.InvariantCulture));
            text.Write(',');
            CsvText.WriteField(text, files[(int)rejection.RowNumber - 1]);
            text.Write(',');
            CsvText.WriteField(text, rejection.Reason.ToText() + (rejection.Detail.StartsWith('(') ? " " : ": ") + rejection.Detail);
            text.WriteLine();
        }

        return text.ToString();
    }
}
