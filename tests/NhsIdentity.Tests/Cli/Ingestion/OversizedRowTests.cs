using System.Text;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Ingestion;

namespace NhsIdentity.Tests.Cli.Ingestion;

/// <summary>
/// Rows longer than the reader keeps (issue 14): Sep throws <see cref="NotSupportedException"/> at about 16 M
/// characters, so a stray quote before megabytes of data, or one huge row, used to crash every CSV reader.
/// </summary>
public sealed class OversizedRowTests : IDisposable
{
    private const string Header = "id,nhs_number,given_name,family_name,date_of_birth,postcode\n";
    private const string Row1 = "p1,9990000018,Ada,Testpatient,14/03/1987,LS1 4AP\n";
    private const string Row3 = "p3,9990000026,Bob,Example,02/01/1990,LS2 7AB\n";

    // Over Sep's own limit (16,777,216 characters), so the starting code crashed on it.
    private const int HugeLength = 17_000_000;

    private readonly TempCsv temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_long_row_is_rejected_by_row_and_line_and_the_rows_after_it_are_read(string newline)
    {
        var text = (Header + Row1 + "p2,9990000034," + new string('x', 500) + ",a,b,c\n" + Row3 + "p4,too,few\n").Replace("\n", newline, StringComparison.Ordinal);

        var result = SepPatientCsvReader.Read(new StringReader(text), new PatientCsvReadOptions { MaxRowLength = 200 });

        Assert.Equal(4, result.ItemsRead);
        Assert.Equal(["p1", "p3"], result.Records.Select(r => r.Id));
        Assert.Equal(0, result.BlankRowsSkipped);
        var tooLong = Assert.Single(result.Rejections, r => r.Reason == RejectionReason.RowTooLong);
        Assert.Equal((2, 3), (tooLong.RowNumber, tooLong.LineNumber));
        Assert.Contains("more than 200 characters", tooLong.ToString(), StringComparison.Ordinal);
        var tooFew = Assert.Single(result.Rejections, r => r.Reason == RejectionReason.TooFewFields);
        Assert.Equal((4, 5), (tooFew.RowNumber, tooFew.LineNumber)); // the file's line, not the reader's
    }

    [Fact]
    public void A_stray_quote_that_makes_the_rest_of_the_file_one_field_is_rejected_and_said_so()
    {
        var rest = new StringBuilder();
        for (var i = 0; i < 100; i++)
        {
            rest.Append('q').Append(i).Append(",9990000018,Ada,Testpatient,14/03/1987,LS1 4AP\n");
        }

        var text = Header + Row1 + "p2,\"9990000034,Cy,Stray,01/01/2000,LS3 1AA\n" + rest;

        var result = SepPatientCsvReader.Read(new StringReader(text), new PatientCsvReadOptions { MaxRowLength = 1000 });

        Assert.Equal(2, result.ItemsRead);
        Assert.Equal(["p1"], result.Records.Select(r => r.Id));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(RejectionReason.RowTooLong, rejection.Reason);
        Assert.Equal(3, rejection.LineNumber);
        Assert.Contains("never closed", rejection.Detail, StringComparison.Ordinal);
        Assert.Contains("the rest of the file", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_quoted_field_that_closes_later_is_skipped_whole()
    {
        // The quote opens on line 3 and closes on line 53: one row of 50 lines, then the rows after it.
        var quoted = "p2,\"" + string.Concat(Enumerable.Repeat("a long note line\n", 50)) + "\",x,y,z,w\n";
        var text = Header + Row1 + quoted + Row3;

        var result = SepPatientCsvReader.Read(new StringReader(text), new PatientCsvReadOptions { MaxRowLength = 300 });

        Assert.Equal(["p1", "p3"], result.Records.Select(r => r.Id));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(RejectionReason.RowTooLong, rejection.Reason);
        Assert.Contains("from line 3 to line 53", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limiter_passes_text_without_long_rows_through_unchanged()
    {
        var text = Header + "p1,\"quoted, with comma\",\"multi\nline\"\r\n\n" + Row3;
        using var limiter = new RowLengthLimiter(new StringReader(text), 100);

        Assert.Equal(text, limiter.ReadToEnd());
        Assert.False(limiter.TryTakeCut(1, out _));
        Assert.Equal(7, limiter.SourceLine(7));
    }

    [Fact]
    public void A_row_over_seps_limit_no_longer_crashes_dedupe_and_the_run_goes_on()
    {
        var input = temp.PathOf("in.csv");
        File.WriteAllText(input, Header + Row1 + "p2,9990000034," + new string('x', HugeLength) + ",a,b,c\n" + Row3);

        var result = CliRunner.Run("dedupe", input, "--out", temp.PathOf("pairs.csv"), "--no-train");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("in.csv: 3 rows, 2 accepted, 1 rejected", result.Error, StringComparison.Ordinal);
        Assert.Contains("row 2 (line 3): row too long", result.Error, StringComparison.Ordinal);

        // The rejects file lists the row's rejection but cannot hold the row: only the header, no partial row.
        Assert.DoesNotContain("xxxx", File.ReadAllText(temp.PathOf("pairs.records.rejects.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_quote_before_megabytes_of_rows_no_longer_crashes_dedupe()
    {
        var input = temp.PathOf("in.csv");
        using (var writer = new StreamWriter(input))
        {
            writer.Write(Header + Row1 + "p2,\"9990000034,Cy,Stray,01/01/2000,LS3 1AA\n");
            var row = "q,9990000018,Ada,Testpatient,14/03/1987,LS1 4AP\n";
            for (var written = 0L; written < HugeLength; written += row.Length)
            {
                writer.Write(row);
            }
        }

        var result = CliRunner.Run("dedupe", input, "--out", temp.PathOf("pairs.csv"), "--no-train");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("in.csv: 2 rows, 1 accepted, 1 rejected", result.Error, StringComparison.Ordinal);
        Assert.Contains("never closed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_over_seps_limit_is_rejected_by_pseudonymise_and_not_copied()
    {
        var input = temp.PathOf("extract.csv");
        File.WriteAllText(input, Header + Row1 + "p2,9990000034," + new string('x', HugeLength) + ",a,b,c\n" + Row3);
        var key = temp.Write("project.key", Convert.ToHexStringLower(Privacy.PrivacyTestKeys.Sequential32) + "\n");

        var result = CliRunner.Run("pseudonymise", input, "--key-file", key, "--columns", "nhs_number", "--out", temp.PathOf("out.csv"),
            "--rejects", temp.PathOf("rejects.csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 rows, 2 written, 1 rejected", result.Error, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(temp.PathOf("out.csv")).Length);
        Assert.Equal([Header.TrimEnd('\n')], File.ReadAllLines(temp.PathOf("rejects.csv")));
    }

    [Fact]
    public void A_links_file_with_a_row_over_seps_limit_is_one_clear_error_in_evaluate()
    {
        var links = temp.PathOf("links.csv");
        File.WriteAllText(links, "left_id,right_id,decision\na," + new string('b', HugeLength) + ",match\n");
        var truth = temp.Write("truth.csv", "left_id,right_id\na,b\n");

        var result = CliRunner.Run("evaluate", links, "--truth", truth);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 2: the row is longer than", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_zero_is_refused_by_the_nul_byte_sniffing()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /dev/zero is a Linux (and macOS) device; the CI runs on Linux.
        }

        var result = CliRunner.Run("dedupe", "/dev/zero", "--out", temp.PathOf("pairs.csv"), "--no-train");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("NUL bytes", result.Error, StringComparison.Ordinal);
    }
}
