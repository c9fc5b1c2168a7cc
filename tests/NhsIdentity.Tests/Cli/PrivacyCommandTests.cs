using NhsIdentity.Demographics;
using NhsIdentity.Privacy;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.Privacy;

namespace NhsIdentity.Tests.Cli;

/// <summary><c>nhsid pseudonymise</c> and <c>nhsid filter-optouts</c> end to end through <c>CliApp.Run</c>.</summary>
public sealed class PrivacyCommandTests
{
    private static readonly string[] InputNumbers = ["9990000018", "9990000026", "9990000034", "9990000042", "9990000050"];

    private const string Extract =
        "id,NHS Number,Forename,DOB,Postcode,notes\n" +
        "P1,999 000 0018,Alice,14/03/1987,SW1A 1AA,\"likes tea, not coffee\"\n" +
        "P2,9990000026,Brian,1950-07-02,m1 1ae,\n" +
        "P3,9990000019,Carol,31/02/1990,NOTAPOSTCODE,bad values\n" +          // invalid NHS number, DOB, postcode
        "P4,,Dev,,,empty values\n" +
        "P5,9990000034,Sentinelname\n" +                                        // malformed: too few fields
        "\n" +
        "P6,999-000-0042,Erin,1961,B33 8TH,\n";

    private static string WriteKey(TempCsv temp) =>
        temp.Write("project.key", Convert.ToHexStringLower(PrivacyTestKeys.Sequential32) + "\n");

    private static void AssertNoInputNumbers(CliResult result)
    {
        foreach (var number in InputNumbers.Append("9990000019"))
        {
            Assert.DoesNotContain(number, result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(number, result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(NhsNumber.TryParse(number, out var n) ? n.ToString() : number, result.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Sentinelname", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("SW1A", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pseudonymise_replaces_the_named_columns_keeps_the_rest_and_reconciles_counts()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", Extract);
        var output = temp.PathOf("out.csv");
        var result = CliRunner.Run("pseudonymise", input, "--key-file", WriteKey(temp), "--columns", "nhs_number,DOB,postcode",
            "--out", output, "--label", "nhsid-test");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        AssertNoInputNumbers(result);
        Assert.Contains("pseudonymise: extract.csv: 6 rows, 5 written, 1 rejected (malformed)", result.Error, StringComparison.Ordinal);
        Assert.Contains("nhs_number <- NHS Number: 3 pseudonymised, 1 empty, 1 not valid (left empty)", result.Error, StringComparison.Ordinal);
        Assert.Contains("date_of_birth <- DOB: 3 pseudonymised, 1 empty, 1 not valid (left empty)", result.Error, StringComparison.Ordinal);
        Assert.Contains("postcode <- Postcode: 3 pseudonymised, 1 empty, 1 not valid (left empty)", result.Error, StringComparison.Ordinal);

        var pseudonymiser = PrivacyTestKeys.Pseudonymiser();
        var lines = File.ReadAllLines(output);
        Assert.Equal(
            [
                "id,NHS Number,Forename,DOB,Postcode,notes",
                $"P1,{pseudonymiser.ToHex(NhsNumber.Parse("9990000018"))},Alice,{pseudonymiser.ToHex(new DateOfBirth(1987, 3, 14))},{pseudonymiser.ToHex(Postcode.Parse("SW1A 1AA"))},\"likes tea, not coffee\"",
                $"P2,{pseudonymiser.ToHex(NhsNumber.Parse("9990000026"))},Brian,{pseudonymiser.ToHex(new DateOfBirth(1950, 7, 2))},{pseudonymiser.ToHex(Postcode.Parse("M1 1AE"))},",
                "P3,,Carol,,,bad values",
                "P4,,Dev,,,empty values",
                $"P6,{pseudonymiser.ToHex(NhsNumber.Parse("9990000042"))},Erin,{pseudonymiser.ToHex(DateOfBirth.FromYear(1961))},{pseudonymiser.ToHex(Postcode.Parse("B33 8TH"))},",
            ],
            lines);
        var content = File.ReadAllText(output);
        foreach (var number in InputNumbers)
        {
            Assert.DoesNotContain(number, content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Pseudonymise_writes_rejects_only_when_asked_and_supports_base32()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", Extract);
        var rejects = temp.PathOf("rejects.csv");
        var result = CliRunner.Run("pseudonymise", input, "--key-file", WriteKey(temp), "--columns", "nhs_number=NHS Number",
            "--out", temp.PathOf("out.csv"), "--label", "nhsid-test", "--format", "base32", "--rejects", rejects);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["id,NHS Number,Forename,DOB,Postcode,notes", "P5,9990000034,Sentinelname"], File.ReadAllLines(rejects));
        var first = File.ReadAllLines(temp.PathOf("out.csv"))[1];
        Assert.StartsWith("P1," + PrivacyTestKeys.Pseudonymiser().ToBase32(NhsNumber.Parse("9990000018")) + ",Alice,14/03/1987,", first, StringComparison.Ordinal);
        Assert.Equal(["extract.csv", "out.csv", "project.key", "rejects.csv"], Directory.GetFiles(temp.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Two_extracts_pseudonymised_with_one_key_link_and_other_labels_do_not()
    {
        using var temp = new TempCsv();
        var key = WriteKey(temp);
        var a = temp.Write("a.csv", "nhs_number,date_of_birth\n999 000 0018,14/03/1987\n");
        var b = temp.Write("b.csv", "NHSNo,dob\n9990000018,1987-03-14\n");
        Assert.Equal(0, CliRunner.Run("pseudonymise", a, "--key-file", key, "--columns", "nhs_number,date_of_birth", "--out", temp.PathOf("a.out"), "--label", "study").ExitCode);
        Assert.Equal(0, CliRunner.Run("pseudonymise", b, "--key-file", key, "--columns", "nhs_number,date_of_birth", "--out", temp.PathOf("b.out"), "--label", "study").ExitCode);
        Assert.Equal(0, CliRunner.Run("pseudonymise", b, "--key-file", key, "--columns", "nhs_number", "--out", temp.PathOf("c.out"), "--label", "other").ExitCode);

        var rowA = File.ReadAllLines(temp.PathOf("a.out"))[1];
        var rowB = File.ReadAllLines(temp.PathOf("b.out"))[1];
        var rowC = File.ReadAllLines(temp.PathOf("c.out"))[1];
        Assert.Equal(rowA, rowB);
        Assert.NotEqual(rowA.Split(',')[0], rowC.Split(',')[0]);
    }

    [Theory]
    [InlineData("ok.key", null, "No column 'missing'")]
    [InlineData("ok.key", null, "not recognised as nhs_number")]
    public void Pseudonymise_usage_errors_exit_2_and_write_nothing(string keyName, string? keyContent, string message)
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", Extract);
        var key = keyContent is null ? WriteKey(temp) : temp.Write(keyName, keyContent);
        var columns = message.StartsWith("No column", StringComparison.Ordinal) ? "missing" : message.StartsWith("not", StringComparison.Ordinal) ? "Forename" : "nhs_number";
        var result = CliRunner.Run("pseudonymise", input, "--key-file", key, "--columns", columns, "--out", temp.PathOf("out.csv"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.PathOf("out.csv")));
        Assert.Empty(Directory.GetFiles(temp.Folder, "*.tmp"));
        Assert.DoesNotContain("0011", result.Error, StringComparison.Ordinal);
        AssertNoInputNumbers(result);
    }

    [Fact]
    public void Filter_optouts_removes_listed_numbers_and_reports_counts_only()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", Extract);
        var list = temp.Write("optouts.txt", "\uFEFFnhs_number\r\n9990000026\r\n999 000 0042\r\n\r\n12345\r\n9990000099\r\n");
        var output = temp.PathOf("clean.csv");
        var result = CliRunner.Run("filter-optouts", input, "--optouts", list, "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        AssertNoInputNumbers(result);
        Assert.DoesNotContain("9990000099", result.Error, StringComparison.Ordinal);
        Assert.Contains("opt-outs: optouts.txt: 2 distinct numbers, 3 unreadable lines", result.Error, StringComparison.Ordinal);
        Assert.Contains("filter-optouts: extract.csv: 6 rows in, 2 removed, 3 kept, 1 rejected (malformed)", result.Error, StringComparison.Ordinal);
        Assert.Contains("kept without a check, no valid NHS number: 2", result.Error, StringComparison.Ordinal);
        Assert.Equal(
            [
                "id,NHS Number,Forename,DOB,Postcode,notes",
                "P1,999 000 0018,Alice,14/03/1987,SW1A 1AA,\"likes tea, not coffee\"",
                "P3,9990000019,Carol,31/02/1990,NOTAPOSTCODE,bad values",
                "P4,,Dev,,,empty values",
            ],
            File.ReadAllLines(output));
    }

    [Fact]
    public void Filter_optouts_can_drop_unchecked_rows_and_take_a_named_column()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", "patient;other_nhs;nhs\nA;9990000018;9990000026\nB;9990000026;\nC;9990000034;9990000034\n");
        var list = temp.Write("optouts.txt", "9990000026\n");
        var result = CliRunner.Run("filter-optouts", input, "--optouts", list, "--out", temp.PathOf("clean.csv"), "--nhs-column", "nhs", "--drop-unchecked");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 rows in, 2 removed, 1 kept, 0 rejected", result.Error, StringComparison.Ordinal);
        Assert.Contains("removed, no valid NHS number (--drop-unchecked): 1", result.Error, StringComparison.Ordinal);
        Assert.Equal(["patient;other_nhs;nhs", "C;9990000034;9990000034"], File.ReadAllLines(temp.PathOf("clean.csv")));
        AssertNoInputNumbers(result);
    }

    [Fact]
    public void Filter_optouts_without_an_nhs_column_is_a_usage_error()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", "id,name\n1,Alice\n");
        var list = temp.Write("optouts.txt", "9990000018\n");
        var result = CliRunner.Run("filter-optouts", input, "--optouts", list, "--out", temp.PathOf("clean.csv"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No column 'nhs_number'", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.PathOf("clean.csv")));
        Assert.DoesNotContain("9990000018", result.Error, StringComparison.Ordinal);
    }
}
