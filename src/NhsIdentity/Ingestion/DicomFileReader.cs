using System.Globalization;
using NhsIdentity.Interop;
using NhsIdentity.Matching;

namespace NhsIdentity.Ingestion;

/// <summary>Reads DICOM files into patient records, one record per file, with the rejections and counts every reader
/// of this namespace gives (<see cref="PatientReadResult"/>; items are files, numbered from 1 in the order given).</summary>
/// <remarks>Each file's header is read with <see cref="DicomFile"/> and mapped with
/// <see cref="DicomPatientAttributes.ToPatientRecord"/>; its id is the Accession Number, else the SOP Instance UID.
/// A file that cannot be read is set aside as <see cref="RejectionReason.UnreadableFile"/> with the reason; a file
/// whose id an earlier file had (another image of one study) as <see cref="RejectionReason.DuplicateId"/>, the first
/// kept. A file that cannot be opened at all (permissions, gone) is an <see cref="IOException"/>, as for any
/// input.</remarks>
public static class DicomFileReader
{
    /// <summary>Reads the files.</summary>
    /// <param name="paths">The files, in the order their items are numbered.</param>
    /// <param name="cancellationToken">Stops between files.</param>
    /// <returns>The records, rejections and counts (items are files).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> or one of them is null.</exception>
    /// <exception cref="IOException">A file could not be opened or read.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static PatientReadResult ReadFiles(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var records = new List<PatientRecord>();
        var rejections = new List<RowRejection>();
        var firstById = new Dictionary<string, long>(StringComparer.Ordinal);
        long files = 0;
        foreach (var path in paths)
        {
            ArgumentNullException.ThrowIfNull(path, nameof(paths));
            cancellationToken.ThrowIfCancellationRequested();
            files++;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            if (!DicomFile.TryReadPatient(stream, out var attributes, out var error))
            {
                rejections.Add(new RowRejection(files, 1, RejectionReason.UnreadableFile, DicomReadException.DescribeError(error), "file"));
                continue;
            }

            var record = attributes.ToPatientRecord();
            if (record.Id is null)
            {
                rejections.Add(new RowRejection(files, 1, RejectionReason.EmptyId,
                    "no Accession Number, SOP Instance UID, Patient ID or NHS number", "file"));
                continue;
            }

            if (!firstById.TryAdd(record.Id, files))
            {
                rejections.Add(new RowRejection(files, 1, RejectionReason.DuplicateId,
                    string.Create(CultureInfo.InvariantCulture, $"(first at file {firstById[record.Id]})"), "file"));
                continue;
            }

            records.Add(record);
        }

        return new PatientReadResult(records, rejections, files)
        {
            ItemName = "files",
            Description = ["format: dicom, one record per file from its patient attributes (id: Accession Number, else SOP Instance UID)"],
            Warnings = files == 0 ? ["no DICOM file was given"] : [],
        };
    }

    /// <summary>Reads every file of a folder (and its subfolders) whose name matches a pattern, in the order
    /// <see cref="FilesIn"/> lists them.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="searchPattern">The file name pattern (default <c>*</c>: PACS exports often name files without an
    /// extension); a file that is not DICOM is set aside as <see cref="RejectionReason.UnreadableFile"/>.</param>
    /// <param name="cancellationToken">Stops between files.</param>
    /// <returns>The records, rejections and counts (items are files).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="folder"/> or <paramref name="searchPattern"/> is null.</exception>
    /// <exception cref="IOException">The folder or a file could not be read.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static PatientReadResult ReadFolder(string folder, string searchPattern = "*", CancellationToken cancellationToken = default) =>
        ReadFiles(FilesIn(folder, searchPattern), cancellationToken);

    /// <summary>The files <see cref="ReadFolder"/> reads: those of the folder and its subfolders whose name matches
    /// the pattern, in ordinal path order, so a file's item number (its position here, from 1) names it.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="searchPattern">The file name pattern (default <c>*</c>).</param>
    /// <returns>The paths, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="folder"/> or <paramref name="searchPattern"/> is null.</exception>
    /// <exception cref="IOException">The folder could not be listed.</exception>
    public static IReadOnlyList<string> FilesIn(string folder, string searchPattern = "*")
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(searchPattern);
        var paths = Directory.GetFiles(folder, searchPattern, SearchOption.AllDirectories);
        Array.Sort(paths, StringComparer.Ordinal);
        return paths;
    }
}
