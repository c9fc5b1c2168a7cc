using System.Text;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.Interop;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli;

/// <summary>
/// <c>--format dicom</c> end to end through <c>CliApp.Run</c>: a folder of DICOM files (written by
/// <see cref="DicomTestFile"/> from the synthetic PAS sample's rows, in mixed encodings and subfolders, with a file that
/// is not DICOM) links back to those rows; the unreadable file is set aside by number and reason.
/// </summary>
public sealed class DicomInputCommandTests
{
    private static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");

    private static readonly string[] Syntaxes = [DicomTestFile.Explicit, DicomTestFile.Implicit, DicomTestFile.Deflated, DicomTestFile.BigEndian];

    /// <summary>One DICOM file per unquoted PAS row: the PAS id as Patient ID (issuer RXH), the NHS number among the
    /// other ids, accession number <c>ACC</c> + the PAS id.</summary>
    private static List<string> WriteStudies(string folder, int count)
    {
        var ids = new List<string>();
        foreach (var line in File.ReadLines(Pas).Skip(1).Where(l => !l.Contains('"', StringComparison.Ordinal)).Take(count))
        {
            // PatientID,NHS_NO,Forename,Surname,DOB,Gender,AddressLine1,AddressLine2,AddressLine3,PostCode
            var f = line.Split(',');
            var dob = f[4].Length == 10 ? f[4][6..10] + f[4][3..5] + f[4][0..2] : f[4];
            var address = string.Join(", ", new[] { f[6], f[7], f[8], f[9] }.Where(part => part.Length > 0));
            var file = new DicomTestFile { UndefinedLengths = ids.Count % 2 == 0 }
                .Text(0x0008_0050, "SH", "ACC" + f[0])
                .Sequence(0x0008_1110, new DicomTestFile().Text(0x0008_1150, "UI", "1.2.840.10008.3.1.2.3.1"))
                .Text(0x0010_0010, "PN", f[3] + "^" + f[2])
                .Text(0x0010_0020, "LO", f[0])
                .Text(0x0010_0021, "LO", "RXH")
                .Text(0x0010_0030, "DA", dob)
                .Text(0x0010_0040, "CS", f[5])
                .Text(0x0010_1000, "LO", f[1].Length > 0 ? f[1] : null)
                .Text(0x0010_1040, "LO", address)
                .Binary(0x7FE0_0010, "OW", new byte[256]);
            var sub = Path.Combine(folder, "series" + (ids.Count % 3));
            Directory.CreateDirectory(sub);
            File.WriteAllBytes(Path.Combine(sub, "IM" + ids.Count.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)),
                file.ToPart10(Syntaxes[ids.Count % Syntaxes.Length]));
            ids.Add(f[0]);
        }

        return ids;
    }

    [Fact]
    public void Link_a_folder_of_dicom_files_against_the_pas_csv_finds_each_file_s_source_row()
    {
        using var temp = new TempCsv();
        var folder = temp.PathOf("pacs");
        var ids = WriteStudies(folder, 24);
        File.WriteAllText(Path.Combine(folder, "DICOMDIR.txt"), "an index, not an image", Encoding.ASCII);
        var output = temp.PathOf("links.csv");

        var result = CliRunner.Run("link", folder, Pas, "--format", "dicom", "--right-format", "csv", "--no-train", "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("25 files, 24 accepted, 1 rejected", result.Error, StringComparison.Ordinal);
        Assert.Contains("unreadable file", result.Error, StringComparison.Ordinal);
        var rejects = File.ReadAllLines(temp.PathOf("links.left.rejects.csv"));
        Assert.Equal("file,path,reason", rejects[0]);
        Assert.EndsWith("DICOMDIR.txt", rejects[1].Split(',')[1], StringComparison.Ordinal);

        var matches = File.ReadLines(output).Skip(1).Where(l => l.EndsWith(",match", StringComparison.Ordinal)).Select(l => l.Split(',')).ToList();
        foreach (var id in ids)
        {
            Assert.Contains(matches, m => m[0] == "ACC" + id && m[1] == id);
        }
    }

    [Fact]
    public void A_dicom_input_that_is_neither_folder_nor_file_is_a_usage_error()
    {
        using var temp = new TempCsv();
        var result = CliRunner.Run("dedupe", temp.PathOf("missing"), "--format", "dicom", "--no-train", "--out", temp.PathOf("pairs.csv"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.False(File.Exists(temp.PathOf("pairs.csv")));
    }
}
