using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Ingestion;

namespace NhsIdentity.Tests.Cli.Ingestion;

public sealed class SepPatientCsvReaderTests : IDisposable
{
    private const string Header = "id,nhs_number,given_name,family_name,date_of_birth,postcode";

    // Invented people; 999-range NHS numbers only.
    private const string RowA = "a1,9990000018,Ada,Testpatient,1980-01-02,ZZ99 3AA";
    private const string RowB = "a2,9990000026,Bob,Example,1975-12-31,ZZ99 3AB";

    private readonly TempCsv temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("\n", false)]
    [InlineData("\r\n", false)]
    [InlineData("\n", true)]
    [InlineData("\r\n", true)]
    public void Reads_lf_and_crlf_files_with_or_without_a_byte_order_mark(string newline, bool byteOrderMark)
    {
        var path = temp.Write("in.csv", Header + newline + RowA + newline + RowB + newline, byteOrderMark);

        var result = SepPatientCsvReader.Read(path);

        Assert.Equal(2, result.ItemsRead);
        Assert.Empty(result.Rejections);
        Assert.Equal("id", result.Mapping!.Header[0]); // no BOM left on the first column name
        var first = result.Records[0];
        Assert.Equal("a1", first.Id);
        Assert.Equal("9990000018", first.NhsNumber);
        Assert.Equal("Ada", first.GivenNames);
        Assert.Equal("Testpatient", first.FamilyName);
        Assert.Equal("1980-01-02", first.DateOfBirth);
        Assert.Equal("ZZ99 3AA", first.Postcode); // no trailing \r
        Assert.Equal("a2", result.Records[1].Id);
    }

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var path = temp.Write("in.csv", "id,given_name,family_name,address\nq1,\"Ann, Marie\",\"O\"\"Neill\",\"1 Invented Road\nNowhere\"\n");

        var record = Assert.Single(SepPatientCsvReader.Read(path).Records);

        Assert.Equal("Ann, Marie", record.GivenNames);
        Assert.Equal("O\"Neill", record.FamilyName);
        Assert.Equal("1 Invented Road\nNowhere", record.Address);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    public void Infers_semicolon_and_tab_separators(char separator)
    {
        var path = temp.Write("in.csv", Header.Replace(',', separator) + "\n" + RowA.Replace(',', separator) + "\n");

        var result = SepPatientCsvReader.Read(path);

        Assert.Equal(separator, result.Separator);
        Assert.Equal("Testpatient", Assert.Single(result.Records).FamilyName);
    }

    [Fact]
    public void Reads_febrl_style_padding_and_maps_its_columns()
    {
        // Shape of a FEBRL row (values invented): a space after each comma.
        var path = temp.Write(
            "febrl.csv",
            "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id\n"
            + "rec-1-org, ada, testpatient, 12, invented street, , nowhere hills, 4223, nsw, 19800102, 5304218\n");

        var result = SepPatientCsvReader.Read(path);

        var record = Assert.Single(result.Records);
        Assert.Equal("rec-1-org", record.Id);
        Assert.Equal("ada", record.GivenNames);
        Assert.Equal("12, invented street, nowhere hills", record.Address);
        Assert.Equal("4223", record.Postcode);
        Assert.Equal("19800102", record.DateOfBirth);
        Assert.Equal("5304218", record.LocalIdentifier);
    }

    [Fact]
    public void Without_an_id_column_the_data_row_number_is_the_id_counting_rejected_rows()
    {
        var path = temp.Write("in.csv", "given_name,family_name\nAda,Testpatient\nbad\n\nBob,Example\n");

        var result = SepPatientCsvReader.Read(path);

        Assert.Equal(["1", "3"], result.Records.Select(r => r.Id));
        Assert.Equal(1, result.BlankRowsSkipped);
    }

    [Fact]
    public void Rejects_too_few_and_too_many_fields_with_row_and_line_numbers()
    {
        var path = temp.Write("in.csv", Header + "\n" + RowA + "\na3,9990000034,Cy\n" + RowB + ",extra\n");

        var result = SepPatientCsvReader.Read(path);

        Assert.Equal(3, result.ItemsRead);
        Assert.Single(result.Records);
        Assert.Collection(
            result.Rejections,
            r => Assert.Equal(new RowRejection(2, 3, RejectionReason.TooFewFields, "3 fields, expected 6"), r),
            r => Assert.Equal(new RowRejection(3, 4, RejectionReason.TooManyFields, "7 fields, expected 6"), r));
        Assert.Equal("row 2 (line 3): too few fields: 3 fields, expected 6", result.Rejections[0].ToString());
    }

    [Fact]
    public void Rejects_an_unbalanced_quote_that_runs_to_the_end_of_the_file()
    {
        var path = temp.Write("in.csv", Header + "\n" + RowA + "\na3,9990000034,\"Cy,Open,1990-01-01,ZZ99 3AC\n" + RowB + "\n");

        var result = SepPatientCsvReader.Read(path);

        Assert.Single(result.Records);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(RejectionReason.UnbalancedQuote, rejection.Reason);
        Assert.Equal(3, rejection.LineNumber);
        Assert.Equal(2, result.ItemsRead); // the open quote swallowed RowB: one row as Sep reads it
    }

    [Fact]
    public void Rejects_a_field_over_the_limit()
    {
        var longName = new string('x', PatientCsvReadOptions.DefaultMaxFieldLength + 1);
        var path = temp.Write("in.csv", Header + "\n" + RowA.Replace("Ada", longName, StringComparison.Ordinal) + "\n" + RowB + "\n");

        var result = SepPatientCsvReader.Read(path);

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(RejectionReason.FieldTooLong, rejection.Reason);
        Assert.Contains("field 3", rejection.Detail, StringComparison.Ordinal);
        Assert.Equal("a2", Assert.Single(result.Records).Id);

        var exactlyAtLimit = temp.Write("ok.csv", Header + "\n" + RowA.Replace("Ada", longName[1..], StringComparison.Ordinal) + "\n");
        Assert.Single(SepPatientCsvReader.Read(exactlyAtLimit).Records);
    }

    [Fact]
    public void Rejections_never_contain_the_rows_content()
    {
        const string Sentinel = "SENTINELqz";
        var path = temp.Write(
            "in.csv",
            Header + "\n"
            + $"{Sentinel}1,{Sentinel}2\n"                                    // too few
            + $"{Sentinel}3,9990000018,{Sentinel}4,x,y,z,{Sentinel}5\n"       // too many
            + $"a,9990000018,{new string('S', 70_000)}{Sentinel}6,x,y,z\n"    // too long
            + $"a,9990000018,\"{Sentinel}7,x,y,z\n");                         // unbalanced

        var result = SepPatientCsvReader.Read(path);

        Assert.Equal(4, result.Rejections.Count);
        foreach (var rejection in result.Rejections)
        {
            Assert.DoesNotContain(Sentinel, rejection.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Sentinel, rejection.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("SSSS", rejection.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rejected_rows_go_verbatim_to_the_rejects_file_after_the_header()
    {
        var rejectsPath = temp.PathOf("rejects.csv");
        const string Bad1 = "a3,9990000034, Cy ";
        const string Bad2 = "a4,\"x,\"\"y\"\",z\",1,2,3,4,5";
        var path = temp.Write("in.csv", Header + "\r\n" + RowA + "\r\n" + Bad1 + "\r\n" + RowB + "\r\n" + Bad2 + "\r\n");

        var result = SepPatientCsvReader.Read(path, new PatientCsvReadOptions { RejectsPath = rejectsPath });

        Assert.Equal(2, result.Rejected);
        Assert.Equal(Header + "\n" + Bad1 + "\n" + Bad2 + "\n", File.ReadAllText(rejectsPath));
        Assert.Empty(Directory.GetFiles(temp.Folder, "*.tmp"));
    }

    [Fact]
    public void No_rejects_file_is_written_when_nothing_is_rejected_and_an_old_one_is_left_alone()
    {
        var stale = temp.Write("rejects.csv", "stale content\n");
        var fresh = temp.PathOf("fresh.rejects.csv");
        var path = temp.Write("in.csv", Header + "\n" + RowA + "\n");

        SepPatientCsvReader.Read(path, new PatientCsvReadOptions { RejectsPath = stale });
        SepPatientCsvReader.Read(path, new PatientCsvReadOptions { RejectsPath = fresh });

        Assert.Equal("stale content\n", File.ReadAllText(stale));
        Assert.False(File.Exists(fresh));
        Assert.Empty(Directory.GetFiles(temp.Folder, "*.tmp*"));
    }

    [Fact]
    public void Header_only_gives_zero_rows()
    {
        var path = temp.Write("in.csv", Header + "\n");

        var result = SepPatientCsvReader.Read(path);

        Assert.Equal(0, result.ItemsRead);
        Assert.Empty(result.Records);
        Assert.Empty(result.Rejections);
        Assert.Equal(6, result.Mapping!.Header.Count);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("", true)] // a byte-order mark and nothing else
    public void An_empty_file_is_a_clear_error(string text, bool byteOrderMark)
    {
        var path = temp.Write("empty.csv", text, byteOrderMark);

        var exception = Assert.Throws<IngestionException>(() => SepPatientCsvReader.Read(path));

        Assert.Contains("empty", exception.Message, StringComparison.Ordinal);
        Assert.False(exception.IsUsageError);
    }

    [Fact]
    public void A_blank_first_line_or_a_missing_file_is_a_clear_error()
    {
        var blank = temp.Write("blank.csv", "\n" + Header + "\n");
        Assert.Contains("blank", Assert.Throws<IngestionException>(() => SepPatientCsvReader.Read(blank)).Message, StringComparison.Ordinal);

        var missing = Assert.Throws<IngestionException>(() => SepPatientCsvReader.Read(temp.PathOf("missing.csv")));
        Assert.True(missing.IsUsageError);
    }

    [Fact]
    public void Column_overrides_apply_when_reading()
    {
        var path = temp.Write("in.csv", "ref,NHS_NO,name\nr1,9990000018,Ada\n");

        var result = SepPatientCsvReader.Read(path, new PatientCsvReadOptions { ColumnOverrides = ["id=ref", "given_name=name"] });

        var record = Assert.Single(result.Records);
        Assert.Equal("r1", record.Id);
        Assert.Equal("Ada", record.GivenNames);
        Assert.Equal("9990000018", record.NhsNumber);
    }

    [Fact]
    public void Reads_from_a_text_reader()
    {
        using var text = new StringReader(Header + "\n" + RowA + "\n");

        Assert.Equal("a1", Assert.Single(SepPatientCsvReader.Read(text).Records).Id);
    }

    [Fact]
    public void An_unwritable_rejects_path_is_an_output_failure_and_a_bad_limit_is_refused()
    {
        var path = temp.Write("in.csv", Header + "\n" + RowA + "\n");
        var options = new PatientCsvReadOptions { RejectsPath = temp.PathOf(Path.Combine("no-such-folder", "rejects.csv")) };

        // An output that cannot be written is the run's failure (exit 1, named), not a usage error (issue 14, item 5).
        var failure = Assert.Throws<NhsIdentity.Cli.Outputs.OutputWriteException>(() => SepPatientCsvReader.Read(path, options));
        Assert.Equal("its folder does not exist", failure.Reason);
        Assert.Throws<ArgumentOutOfRangeException>(() => SepPatientCsvReader.Read(path, new PatientCsvReadOptions { MaxFieldLength = 0 }));
    }

    [Fact]
    public void Ignored_columns_are_not_read_into_records()
    {
        var path = temp.Write("in.csv", "id,notes,Surname\nr1,free text,Testpatient\n");

        var result = SepPatientCsvReader.Read(path);

        Assert.False(result.Mapping!.IsUsed(1));
        Assert.True(result.Mapping!.IsUsed(2));
        Assert.False(result.Mapping!.IsUsed(3));
        Assert.Equal("Testpatient", Assert.Single(result.Records).FamilyName);
    }
}
