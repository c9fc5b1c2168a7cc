using System.Text;
using NhsIdentity.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.Tests.Cli.Ingestion;

namespace NhsIdentity.Tests.Ingestion;

/// <summary>The library's streaming CSV reader: RFC 4180, encodings, limits, rejections by row and reason, whole-input
/// errors, and records handed out before the input has been read to its end.</summary>
public sealed class PatientCsvReaderTests : IDisposable
{
    private const string Header = "id,nhs_number,given_name,family_name,date_of_birth,postcode";

    private readonly TempCsv _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reads_records_through_the_supplier_aliases_with_quoted_separators_quotes_and_line_breaks()
    {
        const string text = "Hospital No,NHS No,Forename,Surname,DOB,Post Code,Address Line 1,Town\r\n"
            + "H1,9990000018,\"Ann, Marie\",\"O\"\"Brien\",1987-03-14,LS1 4AP,\"1 High St\nFlat 2\",Leeds\r\n"
            + "H2,,Bob,Smith,,,,\r\n";

        var result = PatientCsvReader.Read(new StringReader(text));

        Assert.True(result.Reconciles);
        Assert.Equal(2, result.ItemsRead);
        var first = result.Records[0];
        Assert.Equal("H1", first.Id); // the local identifier stands in for a missing id column
        Assert.Equal("H1", first.LocalIdentifier);
        Assert.Equal("9990000018", first.NhsNumber);
        Assert.Equal("Ann, Marie", first.GivenNames);
        Assert.Equal("O\"Brien", first.FamilyName);
        Assert.Equal("1 High St\nFlat 2, Leeds", first.Address);
        Assert.Null(result.Records[1].NhsNumber);
        Assert.Equal(',', result.Separator);
        Assert.NotNull(result.Mapping);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void Infers_the_separator_from_the_header(char separator)
    {
        var text = string.Join(separator, "id", "given_name", "family_name") + "\n" + string.Join(separator, "1", "Ann", "Lee") + "\n";

        var result = PatientCsvReader.Read(new StringReader(text));

        Assert.Equal(separator, result.Separator);
        Assert.Equal("Lee", Assert.Single(result.Records).FamilyName);
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_reads_its_first_column_name_and_every_line_end()
    {
        var path = _temp.Write("bom.csv", "id,family_name\r\n1,Lee\r2,Kim\n\n3,Ng", byteOrderMark: true);

        var result = PatientCsvReader.ReadFile(path);

        Assert.Equal("id", result.Mapping!.Header[0]);
        Assert.Equal(["Lee", "Kim", "Ng"], result.Records.Select(r => r.FamilyName));
        Assert.Equal(1, result.BlankRowsSkipped);
        Assert.True(result.Reconciles);
    }

    [Fact]
    public void Malformed_rows_are_set_aside_by_row_line_and_reason_without_their_values()
    {
        var text = Header + "\n"
            + "1,9990000018,Ann,Lee,1987-03-14,LS1 4AP\n" // row 1, line 2
            + "2,9990000026,Bob\n" // row 2: too few
            + "3,9990000034,Cy,Ng,2001-01-01,LS2 7EE,extra\n" // row 3: too many
            + "\n" // blank: not a row
            + ",9990000042,Di,Ho,1990-05-05,LS3 1AA\n" // row 4, line 6: empty id
            + "1,9990000050,Ed,Li,1970-07-07,LS4 2BB\n" // row 5: duplicate id
            + "6,9990000069,Flo," + new string('z', 50) + ",1980-01-01,LS5 3CC\n" // row 6: field too long
            + "7,9990000077,\"Gus,Ray,1960-06-06,LS6 4DD\n"; // row 7: quote never closed

        var result = PatientCsvReader.Read(new StringReader(text), new PatientCsvOptions { MaxFieldLength = 40 });

        Assert.True(result.Reconciles);
        Assert.Equal(7, result.ItemsRead);
        Assert.Equal(1, result.BlankRowsSkipped);
        Assert.Equal("1", Assert.Single(result.Records).Id);
        Assert.Equal(
            [(2L, 3, RejectionReason.TooFewFields), (3L, 4, RejectionReason.TooManyFields), (4L, 6, RejectionReason.EmptyId),
             (5L, 7, RejectionReason.DuplicateId), (6L, 8, RejectionReason.FieldTooLong), (7L, 9, RejectionReason.UnbalancedQuote)],
            result.Rejections.Select(r => (r.RowNumber, r.LineNumber, r.Reason)));
        Assert.Equal("row 5 (line 7): duplicate id (first at row 1)", result.Rejections[3].ToString());
        foreach (var text2 in result.Rejections.Select(r => r.ToString()).Append(result.ToString()).Concat(result.Warnings))
        {
            Assert.DoesNotContain("99900", text2, StringComparison.Ordinal);
            Assert.DoesNotContain("Bob", text2, StringComparison.Ordinal);
            Assert.DoesNotContain("LS", text2, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_row_longer_than_the_limit_is_skipped_unkept_and_reading_goes_on()
    {
        var text = "id,family_name\n1,\"" + new string('x', 5000) + "\nstill inside the quote\"\n2,Lee\n";

        var result = PatientCsvReader.Read(new StringReader(text), new PatientCsvOptions { MaxRowLength = 100 });

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((1L, 2, RejectionReason.RowTooLong), (rejection.RowNumber, rejection.LineNumber, rejection.Reason));
        Assert.Contains("line 2 to line 3", rejection.Detail, StringComparison.Ordinal);
        Assert.Equal("2", Assert.Single(result.Records).Id);
    }

    [Fact]
    public void Records_are_handed_out_before_the_input_has_been_read_to_its_end()
    {
        var head = Header + "\n1,9990000018,Ann,Lee,1987-03-14,LS1 4AP\n2,9990000026,Bob,Kim,1990-01-01,LS2 7EE\n";
        using var text = new TextThatFailsPast(head, head + new string('#', 1_000_000));
        using var reader = new PatientCsvReader(text);

        using var records = reader.ReadRecords().GetEnumerator();

        Assert.True(records.MoveNext());
        Assert.Equal("1", records.Current.Id);
        Assert.True(records.MoveNext());
        Assert.Equal("2", records.Current.Id);
        Assert.Equal(2, reader.RowsRead);
        Assert.Throws<IOException>(() => records.MoveNext()); // only now does the reader ask for more
    }

    [Fact]
    public async Task Records_are_handed_out_asynchronously_before_the_input_has_been_read_to_its_end()
    {
        var head = Header + "\n1,9990000018,Ann,Lee,1987-03-14,LS1 4AP\n";
        using var text = new TextThatFailsPast(head, head + new string('#', 1_000_000));
        using var reader = new PatientCsvReader(text);

        await using var records = reader.ReadRecordsAsync().GetAsyncEnumerator();

        Assert.True(await records.MoveNextAsync());
        Assert.Equal("1", records.Current.Id);
        await Assert.ThrowsAsync<IOException>(async () => await records.MoveNextAsync());
    }

    [Fact]
    public async Task Reading_a_file_asynchronously_gives_what_reading_it_synchronously_does()
    {
        var path = _temp.Write("extract.csv", Header + "\n1,9990000018,Ann,Lee,1987-03-14,LS1 4AP\n2,x\n3,9990000034,Cy,Ng,2001-01-01,LS2 7EE\n");

        var asynchronous = await PatientCsvReader.ReadFileAsync(path);
        var synchronous = PatientCsvReader.ReadFile(path);

        Assert.Equal(synchronous.Records, asynchronous.Records);
        Assert.Equal(synchronous.Rejections, asynchronous.Rejections);
        Assert.Equal(3, asynchronous.ItemsRead);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\nid,family_name\n")]
    [InlineData("id,\"family_name\n")]
    [InlineData("9990000018,Ann,14/03/1987\n")] // a patient, not a header
    public void An_input_without_a_usable_header_is_a_format_error_naming_no_value(string text)
    {
        var exception = Assert.Throws<PatientFileFormatException>(() => PatientCsvReader.Read(new StringReader(text)));

        Assert.DoesNotContain("9990000018", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Ann", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_header_the_overrides_name_columns_by_position()
    {
        var options = new PatientCsvOptions { NoHeader = true, Overrides = ["nhs_number=1", "family_name=2"] };

        var result = PatientCsvReader.Read(new StringReader("9990000018,Lee\n9990000026,Kim\n"), options);

        Assert.Equal(["Lee", "Kim"], result.Records.Select(r => r.FamilyName));
        Assert.Equal(["1", "2"], result.Records.Select(r => r.Id)); // row numbers
        Assert.True(result.IdsAreRowNumbers);
        Assert.Throws<ArgumentException>(() => new PatientCsvReader(new StringReader("a\n"), new PatientCsvOptions { NoHeader = true }));
    }

    [Fact]
    public void A_bad_override_is_a_column_override_error()
    {
        var options = new PatientCsvOptions { Overrides = ["nhs_number=No Such Column"] };

        var exception = Assert.Throws<ColumnOverrideException>(() => PatientCsvReader.Read(new StringReader(Header + "\n"), options));

        Assert.Equal(ColumnOverrideError.UnknownColumn, exception.Error);
    }

    [Fact]
    public void Options_refuse_bad_limits_and_separators_even_through_with()
    {
        var options = new PatientCsvOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options with { MaxFieldLength = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => options with { MaxRowLength = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => options with { Separator = '"' });
        Assert.Equal(PatientCsvOptions.DefaultMaxFieldLength, options.MaxFieldLength);
    }
}
