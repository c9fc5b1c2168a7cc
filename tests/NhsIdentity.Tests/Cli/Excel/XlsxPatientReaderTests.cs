using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Ingestion;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli.Excel;

/// <summary>An xlsx sheet read into the same records, rejections and counts as the CSV of it.</summary>
public sealed class XlsxPatientReaderTests : IDisposable
{
    private readonly TempCsv _temp = new();

    public void Dispose() => _temp.Dispose();

    private static PatientReadResult ReadExtract(string path, PatientSourceOptions? options = null) =>
        InputFormat.Csv.Read(path, options ?? new PatientSourceOptions([], null));

    [Fact]
    public void Numeric_date_text_and_shared_string_cells_become_the_strings_of_the_csv_path()
    {
        var path = _temp.PathOf("extract.xlsx");
        XlsxWriter.Write(path, ("Patients",
        [
            ["id", "NHS Number", "Forename", "Surname", "Date of Birth", "Tel No", "Postcode"],
            [new XlsxWriter.Inline("A1"), 9990000018d, "Alice", new XlsxWriter.Inline("Pemberton"), new DateOnly(1987, 3, 14), 7700900123d, "LS1 4AP"],
            ["A2", new XlsxWriter.Formula("=\"9990000026\"", "9990000026"), "Brian", "Okafor", new DateOnly(1950, 7, 2), null, null],
        ]));

        var result = ReadExtract(path);

        Assert.Equal(2, result.Accepted);
        var alice = result.Records[0];
        Assert.Equal("A1", alice.Id);
        Assert.Equal("9990000018", alice.NhsNumber);         // a double in the sheet: digits, no ".0", no exponent
        Assert.Equal("1987-03-14", alice.DateOfBirth);       // a date-formatted cell: ISO
        Assert.Equal("Alice", alice.GivenNames);             // shared string
        Assert.Equal("Pemberton", alice.FamilyName);         // inline string
        Assert.Equal("7700900123", alice.Phone);             // "Tel No" is a phone column
        Assert.Equal("9990000026", result.Records[1].NhsNumber);
        Assert.Contains(result.Description, line => line.StartsWith("read as an Excel workbook", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sheet_option_picks_a_sheet_by_name_or_number()
    {
        var path = _temp.PathOf("extract.xlsx");
        XlsxWriter.Write(path,
            ("Notes", [["id", "note"], ["N1", "x"]]),
            ("Patients", [["id", "nhs_number"], ["P1", 9990000018d], ["P2", 9990000026d]]));

        Assert.Equal("N1", Assert.Single(ReadExtract(path).Records).Id); // the first sheet by default
        Assert.Equal(2, ReadExtract(path, new PatientSourceOptions([], null) { Sheet = "patients" }).Accepted);
        Assert.Equal(2, ReadExtract(path, new PatientSourceOptions([], null) { Sheet = "2" }).Accepted);
        var missing = Assert.Throws<IngestionException>(() => ReadExtract(path, new PatientSourceOptions([], null) { Sheet = "3" }));
        Assert.True(missing.IsUsageError);
    }

    [Fact]
    public void Rows_are_rejected_by_row_number_as_in_csv_and_the_counts_reconcile()
    {
        var path = _temp.PathOf("extract.xlsx");
        var rejects = _temp.PathOf("rejects.csv");
        XlsxWriter.Write(path, ("Sheet1",
        [
            ["id", "nhs_number", "given_name"],
            ["A1", 9990000018d, "Alice"],
            [],                                        // a blank row: skipped, not a row
            ["A1", 9990000026d, "Sentinelname"],       // repeated id
            [null, 9990000034d, "Carol"],              // empty id
            ["A4", 9990000042d, "Dan", "extra"],       // a value beyond the header
        ]));

        var result = ReadExtract(path, new PatientSourceOptions([], rejects));

        Assert.Equal(4, result.ItemsRead);
        Assert.Equal(result.ItemsRead, result.Accepted + result.Rejected);
        Assert.Equal([RejectionReason.DuplicateId, RejectionReason.EmptyId, RejectionReason.TooManyFields], result.Rejections.Select(r => r.Reason));
        Assert.Equal([2L, 3L, 4L], result.Rejections.Select(r => r.RowNumber));
        Assert.Equal([4, 5, 6], result.Rejections.Select(r => r.LineNumber)); // the sheet's row numbers
        Assert.All(result.Rejections, r => Assert.DoesNotContain("Sentinelname", r.ToString(), StringComparison.Ordinal));
        Assert.Equal(
            ["id,nhs_number,given_name", "A1,9990000026,Sentinelname", ",9990000034,Carol", "A4,9990000042,Dan,extra"],
            File.ReadAllLines(rejects));
    }

    [Fact]
    public void A_workbook_named_csv_is_read_as_the_workbook_it_is_and_says_so()
    {
        var path = _temp.PathOf("extract.csv");
        XlsxWriter.Write(path, ("Sheet1", [["id", "nhs_number"], ["A1", 9990000018d]]));

        var result = ReadExtract(path);

        Assert.Equal("9990000018", Assert.Single(result.Records).NhsNumber);
        Assert.Contains(result.Description, line => line.Contains("whatever its name says", StringComparison.Ordinal));
    }

    [Fact]
    public void Excel_damaged_nhs_numbers_are_recovered_or_counted_as_lost_in_xlsx_and_csv_alike()
    {
        var xlsx = _temp.PathOf("extract.xlsx");
        XlsxWriter.Write(xlsx, ("Sheet1",
        [
            ["id", "nhs_number"],
            ["A1", "=\"9990000018\""],
            ["A2", "9990000026.0"],
            ["A3", "9.990000034E+09"],
            ["A4", "9.99E+09"],
        ]));
        var csv = _temp.Write("extract2.csv", "id,nhs_number\nA1,\"=\"\"9990000018\"\"\"\nA2,9990000026.0\nA3,9.990000034E+09\nA4,9.99E+09\n");
        var unquoted = _temp.Write("extract3.csv", "id,nhs_number\nA1,=\"9990000018\"\nA2,9990000026.0\nA3,9.990000034e9\nA4,9.99E+09\n");

        foreach (var path in new[] { xlsx, csv, unquoted })
        {
            var result = ReadExtract(path);
            Assert.Equal(["9990000018", "9990000026", "9990000034", null], result.Records.Select(r => r.NhsNumber));
            Assert.Equal(4, result.Accepted); // the lost one is kept, without an NHS number
            Assert.Equal(1, result.NhsNumbersLostToExcel);
            Assert.Equal(3, result.NhsNumbersRecoveredFromExcel);
        }
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_still_refused()
    {
        var path = _temp.PathOf("extract.xlsx");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(zip.CreateEntry("data/patients.csv").Open());
            entry.Write("id,nhs_number\nA1,9990000018\n");
        }

        var error = Assert.Throws<IngestionException>(() => ReadExtract(path));
        Assert.Contains("not an Excel workbook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_id_or_local_id_column_the_result_says_ids_are_row_numbers()
    {
        var noId = _temp.Write("a.csv", "nhs_number,given_name\n9990000018,Alice\n");
        var hospitalNo = _temp.Write("b.csv", "Hospital No,nhs_number\nH1,9990000018\n");

        Assert.True(ReadExtract(noId).IdsAreRowNumbers);
        var result = ReadExtract(hospitalNo);
        Assert.False(result.IdsAreRowNumbers);
        Assert.Equal("H1", Assert.Single(result.Records).Id);
    }
}
