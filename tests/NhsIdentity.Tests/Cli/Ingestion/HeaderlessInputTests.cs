using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Ingestion;

namespace NhsIdentity.Tests.Cli.Ingestion;

/// <summary>A CSV file without a header row (issue 14): refused, or read with <c>--no-header</c> and <c>--map</c>.</summary>
public sealed class HeaderlessInputTests : IDisposable
{
    // Invented people; 999-range NHS numbers only.
    private const string FirstPatient = "p1,9990000018,Zebedee,Quillfeather,14/03/1987,LS1 4AP\n";
    private const string SecondPatient = "p2,9990000026,Alice,Pemberton,02/01/1990,LS2 7AB\n";
    private static readonly string[] Values = ["9990000018", "Zebedee", "Quillfeather", "14/03/1987", "LS1 4AP"];

    private readonly TempCsv temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("dedupe")]
    [InlineData("train")]
    public void A_file_whose_first_row_is_data_is_refused_naming_no_value(string command)
    {
        var input = temp.Write("headerless.csv", FirstPatient + SecondPatient);
        var output = temp.PathOf("out");

        var result = command == "train"
            ? CliRunner.Run("train", input, "--model-out", output)
            : CliRunner.Run("dedupe", input, "--out", output, "--no-train");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the first row looks like data, not a header", result.Error, StringComparison.Ordinal);
        Assert.Contains("--no-header", result.Error, StringComparison.Ordinal);
        Assert.Contains("--map", result.Error, StringComparison.Ordinal);
        foreach (var value in Values)
        {
            Assert.DoesNotContain(value, result.Error, StringComparison.OrdinalIgnoreCase);
        }

        Assert.False(File.Exists(output));
    }

    [Fact]
    public void No_header_with_map_reads_every_row_including_the_first()
    {
        var input = temp.Write("headerless.csv", FirstPatient + SecondPatient);

        var result = CliRunner.Run("dedupe", input, "--out", temp.PathOf("pairs.csv"), "--no-train", "--no-header",
            "--map", "id=1", "--map", "nhs_number=2", "--map", "given_name=3", "--map", "family_name=4", "--map", "date_of_birth=5", "--map", "postcode=6");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("headerless.csv: 2 rows, 2 accepted, 0 rejected", result.Error, StringComparison.Ordinal);
        Assert.Contains("nhs_number <- 2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_header_reads_the_first_row_as_data_with_columns_named_by_position()
    {
        using var text = new StringReader(FirstPatient + SecondPatient);
        var rejects = temp.PathOf("rejects.csv");

        var result = SepPatientCsvReader.Read(text, new PatientCsvReadOptions
        {
            NoHeader = true,
            ColumnOverrides = ["id=1", "nhs_number=2", "date_of_birth=5"],
            RejectsPath = rejects,
        });

        Assert.Equal(["1", "2", "3", "4", "5", "6"], result.Mapping!.Header);
        Assert.Equal(["p1", "p2"], result.Records.Select(r => r.Id));
        Assert.Equal("9990000018", result.Records[0].NhsNumber);
        Assert.Equal("14/03/1987", result.Records[0].DateOfBirth);
        Assert.False(File.Exists(rejects)); // nothing rejected, no header-only file
    }

    [Fact]
    public void No_header_without_map_is_a_usage_error()
    {
        var input = temp.Write("headerless.csv", FirstPatient);

        var result = CliRunner.Run("dedupe", input, "--out", temp.PathOf("pairs.csv"), "--no-train", "--no-header");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-header needs --map", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,2020,nhs_number")] // a column named like a year, beside known columns
    [InlineData("Patient Ref,Forename,Surname,DOB")]
    [InlineData("a,b,c")] // nothing known, but nothing looks like a value either
    [InlineData("2020,Forename")]
    public void A_header_is_still_a_header_when_a_cell_is_known_or_none_looks_like_a_value(string header)
    {
        Assert.False(HeaderCheck.LooksLikeData(header.Split(','), []));
    }

    [Theory]
    [InlineData("p1,9990000018,Zebedee,Quillfeather,14/03/1987,LS1 4AP")]
    [InlineData("9990000018,Zebedee")] // an NHS number
    [InlineData("Zebedee,1987-03-14")] // a date
    [InlineData("Zebedee,LS1 4AP")] // a postcode
    [InlineData("Zebedee,42")] // a number
    [InlineData("Zebedee,zeb@example.invalid")]
    public void A_first_row_with_a_value_and_no_known_column_looks_like_data(string row)
    {
        Assert.True(HeaderCheck.LooksLikeData(row.Split(','), []));
    }

    [Fact]
    public void A_column_named_by_map_makes_the_row_a_header()
    {
        Assert.True(HeaderCheck.LooksLikeData(["2020", "Zebedee"], []));
        Assert.False(HeaderCheck.LooksLikeData(["2020", "Zebedee"], ["date_of_birth=2020"]));
    }

    [Fact]
    public void A_header_with_a_year_column_reads_its_rows()
    {
        using var text = new StringReader("id,2020,nhs_number\np1,x,9990000018\n");

        var result = SepPatientCsvReader.Read(text);

        Assert.Equal(1, result.Accepted);
        Assert.Equal("9990000018", result.Records[0].NhsNumber);
        Assert.DoesNotContain(result.Mapping!.Describe(), line => line.Contains("2020", StringComparison.Ordinal)); // a value-like name is counted, not shown
    }
}
