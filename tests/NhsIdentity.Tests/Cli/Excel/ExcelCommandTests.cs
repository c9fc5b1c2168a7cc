using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli.Excel;

/// <summary><c>link</c>, <c>dedupe</c> and <c>train</c> reading Excel workbooks, Excel-damaged NHS numbers and
/// per-input column maps, end to end through <c>CliApp.Run</c>.</summary>
public sealed class ExcelCommandTests : IDisposable
{
    private const string LostLine = "1 NHS numbers were written by Excel in scientific notation and lost digits; re-export the column as text";
    private readonly TempCsv _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Five invented people: hospital number, NHS number, forename, surname, date of birth, postcode.</summary>
    private static readonly (string Hospital, long Nhs, string Given, string Family, DateOnly Born, string Postcode)[] People =
    [
        ("H001", 9990000018, "Alice", "Pemberton", new DateOnly(1987, 3, 14), "LS1 4AP"),
        ("H002", 9990000026, "Brian", "Okafor", new DateOnly(1950, 7, 2), "M1 1AE"),
        ("H003", 9990000034, "Carys", "Llewellyn", new DateOnly(2001, 11, 30), "CF10 1EP"),
        ("H004", 9990000042, "Dev", "Raman", new DateOnly(1972, 5, 9), "B1 1BB"),
        ("H005", 9990000050, "Eilidh", "Fraser", new DateOnly(1995, 1, 23), "EH1 1YZ"),
    ];

    private string LeftCsv() => _temp.Write("left.csv", "Hospital No,NHS Number,Forename,Surname,DOB,Postcode\n" + string.Concat(
        People.Select(p => $"{p.Hospital},{p.Nhs},{p.Given},{p.Family},{p.Born:yyyy-MM-dd},{p.Postcode}\n")));

    private string LeftXlsx(string name = "left.xlsx")
    {
        var path = _temp.PathOf(name);
        var rows = new List<object?[]> { new object?[] { "Hospital No", "NHS Number", "Forename", "Surname", "DOB", "Postcode" } };
        rows.AddRange(People.Select(p => new object?[] { p.Hospital, (double)p.Nhs, p.Given, new XlsxWriter.Inline(p.Family), p.Born, p.Postcode }));
        XlsxWriter.Write(path, ("Extract", rows.ToArray()));
        return path;
    }

    private string RightCsv() => _temp.Write("right.csv", "ref,nhs_number,given_name,family_name,date_of_birth,postcode\n" + string.Concat(
        People.Select((p, i) => $"R{i + 1},{(i == 1 ? string.Empty : p.Nhs)},{p.Given.ToUpperInvariant()},{p.Family.ToUpperInvariant()},{p.Born:dd/MM/yyyy},{p.Postcode}\n")));

    [Fact]
    public void An_xlsx_linked_to_a_csv_with_per_input_maps_gives_the_links_of_two_csvs()
    {
        var right = RightCsv();
        var fromCsv = CliRunner.Run("link", LeftCsv(), right, "--out", _temp.PathOf("csv-links.csv"), "--no-train",
            "--map-left", "id=Hospital No", "--map-right", "id=ref");
        var fromXlsx = CliRunner.Run("link", LeftXlsx(), right, "--out", _temp.PathOf("xlsx-links.csv"), "--no-train",
            "--map-left", "id=Hospital No", "--map-right", "id=ref");

        Assert.Equal(0, fromCsv.ExitCode);
        Assert.Equal(0, fromXlsx.ExitCode);
        var links = File.ReadAllLines(_temp.PathOf("csv-links.csv"));
        Assert.Contains(links, line => line.StartsWith("H001,R1,", StringComparison.Ordinal));
        Assert.True(links.Length >= 5, string.Join('\n', links));
        Assert.Equal(links, File.ReadAllLines(_temp.PathOf("xlsx-links.csv")));
        Assert.Contains("left: left.xlsx: 5 rows, 5 accepted, 0 rejected", fromXlsx.Error, StringComparison.Ordinal);
        Assert.Contains("id <- Hospital No", fromXlsx.Error, StringComparison.Ordinal);
        Assert.Contains("id <- ref", fromXlsx.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_and_the_review_export_read_each_input_with_its_own_map_and_sheet()
    {
        // Both re-read the inputs after the run; with the shared --map only (as before the per-input maps), the right
        // file's id=Hospital No would be missing and the left workbook's sheet unknown.
        var path = _temp.PathOf("two-sheets.xlsx");
        var rows = new List<object?[]> { new object?[] { "Hospital No", "NHS Number", "Forename", "Surname", "DOB", "Postcode" } };
        rows.AddRange(People.Select(p => new object?[] { p.Hospital, (double)p.Nhs, p.Given, p.Family, p.Born, p.Postcode }));
        XlsxWriter.Write(path, ("Cover", [new object?[] { "notes" }]), ("Extract", rows.ToArray()));

        var result = CliRunner.Run("link", path, RightCsv(), "--out", _temp.PathOf("links.csv"), "--no-train", "--sheet", "Extract",
            "--map-left", "id=Hospital No", "--map-right", "id=ref", "--report", _temp.PathOf("report.html"),
            "--review-out", _temp.PathOf("review.csv"), "--review-sample-matches", "5");

        Assert.True(result.ExitCode == 0, result.Error);
        var review = File.ReadAllLines(_temp.PathOf("review.csv"));
        Assert.Contains(review, line => line.StartsWith("H001,R1,", StringComparison.Ordinal));
        Assert.Contains("Alice", string.Join('\n', review), StringComparison.Ordinal); // values from the sheet named, not the cover
        Assert.True(new FileInfo(_temp.PathOf("report.html")).Length > 0);
    }

    [Fact]
    public void Without_sheet_the_first_visible_sheet_is_read()
    {
        // A hidden first sheet (lookups, a macro's scratch) used to be read, giving no patients.
        var path = _temp.PathOf("hidden-first.xlsx");
        var rows = new List<object?[]> { new object?[] { "Hospital No", "NHS Number", "Forename", "Surname", "DOB", "Postcode" } };
        rows.AddRange(People.Select(p => new object?[] { p.Hospital, (double)p.Nhs, p.Given, p.Family, p.Born, p.Postcode }));
        XlsxWriter.Write(path, (XlsxWriter.HiddenPrefix + "Lookups", [new object?[] { "code", "meaning" }, new object?[] { "A", "B" }]),
            ("Extract", rows.ToArray()));

        var result = CliRunner.Run("dedupe", path, "--out", _temp.PathOf("pairs.csv"), "--no-train");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("5 rows, 5 accepted, 0 rejected", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_map_applies_to_the_input_that_has_the_column_and_fails_only_when_none_has_it()
    {
        var right = RightCsv();
        var result = CliRunner.Run("link", LeftXlsx(), right, "--out", _temp.PathOf("links.csv"), "--no-train", "--map", "id=Hospital No");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("id <- Hospital No", result.Error, StringComparison.Ordinal);
        Assert.Contains("--map id=Hospital No not applied: this input has no such column", result.Error, StringComparison.Ordinal);

        var neither = CliRunner.Run("link", LeftXlsx("left2.xlsx"), right, "--out", _temp.PathOf("links2.csv"), "--no-train", "--map", "id=Case Ref");
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("no input has that column", neither.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.PathOf("links2.csv")));
    }

    [Fact]
    public void Damaged_nhs_numbers_are_counted_and_named_in_the_summary_never_printed()
    {
        var path = _temp.PathOf("records.xlsx");
        XlsxWriter.Write(path, ("Sheet1",
        [
            ["id", "nhs_number", "given_name", "family_name"],
            ["A1", "9.99815E+09", "Alice", "Pemberton"],
            ["A2", "=\"9990000026\"", "Brian", "Okafor"],
            ["A3", 9990000034d, "Carys", "Llewellyn"],
        ]));

        var result = CliRunner.Run("dedupe", path, "--out", _temp.PathOf("pairs.csv"), "--no-train");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("records: records.xlsx: 3 rows, 3 accepted, 0 rejected", result.Error, StringComparison.Ordinal); // the row is kept
        Assert.Contains("warning: records: " + LostLine, result.Error, StringComparison.Ordinal);
        Assert.Contains("1 NHS numbers recovered from Excel", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("9.99815", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("9990000026", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sheet_option_picks_the_sheet_to_read()
    {
        var path = _temp.PathOf("book.xlsx");
        XlsxWriter.Write(path,
            ("Readme", [["id", "note"], ["N1", "about"]]),
            ("Patients", [["id", "nhs_number", "given_name"], ["P1", 9990000018d, "Alice"], ["P2", 9990000026d, "Brian"]]));

        var result = CliRunner.Run("dedupe", path, "--out", _temp.PathOf("pairs.csv"), "--no-train", "--sheet", "Patients");
        var missing = CliRunner.Run("dedupe", path, "--out", _temp.PathOf("pairs2.csv"), "--no-train", "--sheet", "Nope");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("records: book.xlsx: 2 rows, 2 accepted, 0 rejected", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--sheet", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_reads_a_workbook()
    {
        var result = CliRunner.Run("train", LeftXlsx(), RightCsv(), "--model-out", _temp.PathOf("model.json"), "--map-right", "id=ref");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(_temp.PathOf("model.json")));
        Assert.Contains("left: left.xlsx: 5 rows, 5 accepted, 0 rejected", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused_and_says_what_it_is()
    {
        var path = _temp.PathOf("extract.xlsx");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(zip.CreateEntry("patients.csv").Open());
            entry.Write("id,nhs_number\nA1,9990000018\n");
        }

        var result = CliRunner.Run("dedupe", path, "--out", _temp.PathOf("out.csv"), "--no-train");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not an Excel workbook", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.PathOf("out.csv")));
    }

    [Fact]
    public void Ids_falling_back_to_row_numbers_are_warned_of_naming_the_file()
    {
        var path = _temp.Write("noids.csv", "nhs_number,given_name,family_name\n9990000018,Alice,Sentinelname\n9990000026,Brian,Okafor\n");

        var result = CliRunner.Run("dedupe", path, "--out", _temp.PathOf("pairs.csv"), "--no-train");

        Assert.Equal(0, result.ExitCode);
        var warning = Assert.Single(result.Error.Split('\n'), line => line.Contains("identified by row number", StringComparison.Ordinal));
        Assert.Contains("noids.csv", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Sentinelname", result.Error, StringComparison.Ordinal);
    }
}
