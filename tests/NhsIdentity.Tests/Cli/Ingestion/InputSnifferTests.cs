using System.IO.Compression;
using System.Text;
using NhsIdentity.Cli.Ingestion;

namespace NhsIdentity.Tests.Cli.Ingestion;

/// <summary>Files of the wrong kind are refused by what they are, before a byte of them is read as rows.</summary>
public sealed class InputSnifferTests : IDisposable
{
    private const string Sentinel = "Sentinelpatient";
    private readonly TempCsv _temp = new();

    public static TheoryData<string, byte[], string> BinaryFiles => new()
    {
        { "gzip", [0x1F, 0x8B, 0x08, 0x00, .. Encoding.ASCII.GetBytes(Sentinel)], "gzip" },
        { "xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. Encoding.ASCII.GetBytes(Sentinel)], ".xls" },
        { "pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n" + Sentinel), "PDF" },
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes(Sentinel)], "PNG" },
        { "nul", Encoding.ASCII.GetBytes("id,nhs_number\nA1," + Sentinel + "\0\0\0"), "NUL" },
    };

    [Theory]
    [MemberData(nameof(BinaryFiles))]
    public void A_binary_file_is_refused_naming_what_it_is_and_nothing_in_it(string name, byte[] bytes, string kind)
    {
        var path = _temp.PathOf(name + ".csv");
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<IngestionException>(() => SepPatientCsvReader.Read(path));

        Assert.False(error.IsUsageError); // the input cannot be used (exit 1), as an empty file cannot
        Assert.Contains(kind, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Sentinel, error.Message, StringComparison.Ordinal);
        Assert.Throws<IngestionException>(() => FhirNdjsonFileReader.Read(path, new PatientSourceOptions([], null)));
        Assert.Throws<IngestionException>(() => Hl7FileReader.Read(path, new PatientSourceOptions([], null)));
    }

    [Fact]
    public void An_excel_workbook_given_as_csv_is_refused_through_the_cli_with_exit_1()
    {
        var path = _temp.PathOf("extract.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open());
            entry.Write("<sst><si><t>9990000018</t></si><si><t>" + Sentinel + "</t></si></sst>");
        }

        var result = CliRunner.Run("dedupe", path, "--out", _temp.PathOf("out.csv"), "--no-train");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ZIP archive", result.Error, StringComparison.Ordinal);
        Assert.Contains("CSV", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Sentinel, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.PathOf("out.csv")));
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Sentinelpatient\"}]}\n")]
    [InlineData("\uFEFF  [{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Sentinelpatient\"}]}]\n")]
    public void Json_given_as_csv_says_which_format_to_use(string text)
    {
        var path = _temp.Write("patients.csv", text);

        var error = Assert.Throws<IngestionException>(() => SepPatientCsvReader.Read(path));

        Assert.Contains("--format fhir-ndjson", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Sentinel, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_a_byte_order_mark_is_read()
    {
        var path = _temp.Write("bom.csv", "id,nhs_number,given_name\nA1,9990000018,Alice\n", byteOrderMark: true);
        var utf16 = _temp.PathOf("utf16.csv");
        File.WriteAllText(utf16, "id,nhs_number,given_name\nA1,9990000018,Alice\n", Encoding.Unicode);

        Assert.Equal(1, SepPatientCsvReader.Read(path).Accepted);
        InputSniffer.ThrowIfNotText(utf16, expectsCsv: true); // UTF-16 holds NUL bytes by design: not refused as binary
    }

    public void Dispose() => _temp.Dispose();
}
