using System.Text.Json;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli;

/// <summary><c>nhsid profile</c> end to end through <c>CliApp.Run</c>, on a synthetic extract whose every count is
/// known: valid and invalid NHS numbers by reason, several date layouts, placeholders, missing values, malformed rows.</summary>
public sealed class ProfileCommandTests
{
    // 12 data rows: P10 has too few fields, P11 too many, so 10 are kept.
    // NHS numbers: valid P01 P02 P03 P12; missing P09; placeholder P08 (repdigit); invalid P04 (check value ten),
    // P05 (check digit mismatch), P06 (wrong length), P07 (non-digit).
    // Dates: read P01 P02 P03 P04 (00/03/1987: a partial date) P09 P12; missing P08; invalid P05 (31 April),
    // P06 (text), P07 (two-digit year).
    // Postcodes: UK P01 P02 P03 P08 P09 P12, non-UK kept P06; placeholder P04 (ZZ99); invalid P05 (N/A); missing P07.
    private const string Fixture =
        "id,nhs_number,given_name,family_name,date_of_birth,sex,postcode,notes\n" +
        "P01,9993832200,Zorabel,Quillfeather,14/03/1987,F,LS1 4AQ,x\n" +
        "P02,9998712556,Quentavius,Brackenridge,1987-03-14,M,LS1 4AQ,x\n" +
        "P03,9996609383,Zorabel,Quillfeather,14-Mar-1987,F,M45 7QZ,x\n" +
        "P04,9998179195,Oswindra,Tallowmere,00/03/1987,F,ZZ99 3VZ,x\n" +
        "P05,9994280714,Barnaby,Fenwhistle,31/04/1961,M,N/A,x\n" +
        "P06,99912345,UNKNOWN,Marchbanks,UNKNOWN,F,75001,x\n" +
        "P07,999ABC1234,Ysolde,Pennyworth,05/03/61,F,,x\n" +
        "P08,9999999999,Ysolde,Pennyworth,,F,BS8 1TH,x\n" +
        "P09,,Quentavius,Brackenridge,1987-03-14,M,LS1 4AQ,x\n" +
        "P10,9990522618,Ilvermorn,Dunstaple,02/07/1950\n" +
        "P11,9993664332,Ilvermorn,Dunstaple,02/07/1950,M,BS8 1TH,x,extra\n" +
        "P12,9990424233,Ilvermorn,Dunstaple,02/07/1950,M,BS8 1TH,x\n";

    /// <summary>Every patient value of the fixture that must not appear without --show-values (sex codes and the
    /// notes column's "x" are too short to search for).</summary>
    private static readonly string[] Values =
    [
        "9993832200", "9998712556", "9996609383", "9998179195", "9994280714", "99912345", "999ABC1234", "9999999999", "9990522618", "9993664332",
        "9990424233", "Zorabel", "Quentavius", "Oswindra", "Barnaby", "UNKNOWN", "Ysolde", "Ilvermorn", "Quillfeather", "Brackenridge", "Tallowmere",
        "Fenwhistle", "Marchbanks", "Pennyworth", "Dunstaple", "14/03/1987", "1987-03-14", "14-Mar-1987", "00/03/1987", "31/04/1961", "05/03/61",
        "02/07/1950", "LS1 4AQ", "M45 7QZ", "ZZ99 3VZ", "75001", "BS8 1TH", "N/A",
    ];

    [Fact]
    public void Json_has_the_schema_and_the_exact_counts_per_field_and_reason()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", Fixture);
        var result = CliRunner.Run("profile", input, "--json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal("nhsid-profile/1", root.GetProperty("schema").GetString());
        var file = root.GetProperty("files")[0];
        Assert.Equal("file1", file.GetProperty("label").GetString());
        Assert.Equal("extract.csv", file.GetProperty("file").GetString());

        var rows = file.GetProperty("rows");
        Assert.Equal(12, rows.GetProperty("read").GetInt64());
        Assert.Equal(10, rows.GetProperty("kept").GetInt64());
        Assert.Equal(2, rows.GetProperty("rejected").GetInt64());
        Assert.Equal(1, rows.GetProperty("rejectedByReason").GetProperty("too few fields").GetInt64());
        Assert.Equal(1, rows.GetProperty("rejectedByReason").GetProperty("too many fields").GetInt64());

        Assert.Equal((4, 1, 4, 1), Counts(file, "nhs_number"));
        Assert.Equal((6, 1, 3, 0), Counts(file, "date_of_birth"));
        Assert.Equal((7, 1, 1, 1), Counts(file, "postcode"));
        Assert.Equal((9, 0, 0, 1), Counts(file, "given_name"));
        Assert.Equal((0, 10, 0, 0), Counts(file, "email"));
        Assert.Equal(40.0, Field(file, "nhs_number").GetProperty("presentPercent").GetDouble());
        foreach (var field in file.GetProperty("fields").EnumerateArray())
        {
            // Every field's four counts reconcile with the rows kept.
            Assert.Equal(10, field.GetProperty("present").GetInt32() + field.GetProperty("missing").GetInt32()
                + field.GetProperty("invalid").GetInt32() + field.GetProperty("placeholder").GetInt32());
        }

        var invalid = file.GetProperty("invalid");
        Assert.Equal(new Dictionary<string, int> { ["CheckDigitIsTen"] = 1, ["CheckDigitMismatch"] = 1, ["NonDigit"] = 1, ["WrongLength"] = 1 }, Map(invalid.GetProperty("nhsNumber")));
        Assert.Equal(new Dictionary<string, int> { ["InvalidDay"] = 1, ["TwoDigitYear"] = 1, ["UnrecognisedFormat"] = 1 }, Map(invalid.GetProperty("dateOfBirth")));
        Assert.Equal(new Dictionary<string, int> { ["InvalidCharacter"] = 1 }, Map(invalid.GetProperty("postcode")));
        Assert.Equal(1, invalid.GetProperty("nonUkPostcodesKept").GetInt32());
        var layouts = invalid.GetProperty("dateLayouts").EnumerateArray()
            .ToDictionary(l => l.GetProperty("layout").GetString()!, l => (l.GetProperty("count").GetInt32(), l.GetProperty("read").GetInt32()));
        Assert.Equal(new Dictionary<string, (int, int)>
        {
            ["dd/MM/yyyy"] = (3, 2), ["yyyy-MM-dd"] = (2, 2), ["dd-MMM-yyyy"] = (1, 1), ["00/MM/yyyy"] = (1, 1), ["dd/MM/yy"] = (1, 0), ["text"] = (1, 0),
        }, layouts);

        var mapping = file.GetProperty("mapping");
        Assert.Equal("nhs_number", mapping.GetProperty("fields").GetProperty("nhs_number")[0].GetString());
        Assert.Equal("notes", mapping.GetProperty("ignored")[0].GetProperty("column").GetString());
        Assert.Equal(JsonValueKind.Null, file.GetProperty("values").ValueKind);
    }

    [Fact]
    public void A_workbook_is_profiled_like_the_same_rows_in_csv()
    {
        // The well-formed rows of the fixture, every cell as text, in the first sheet of an xlsx (profile used to read
        // any input as CSV, so a workbook came out as zip bytes).
        using var temp = new TempCsv();
        var lines = Fixture.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.Split(',').Length == 8).ToArray();
        var csv = temp.Write("extract.csv", string.Join('\n', lines) + "\n");
        var xlsx = temp.PathOf("extract.xlsx");
        XlsxWriter.Write(xlsx, ("Extract", lines.Select(line => line.Split(',').Select(cell => (object?)new XlsxWriter.Inline(cell)).ToArray()).ToArray()));

        var fromCsv = CliRunner.Run("profile", csv, "--json");
        var fromXlsx = CliRunner.Run("profile", xlsx, "--json");

        Assert.True(fromXlsx.ExitCode == 0, fromXlsx.Error);
        using var csvDocument = JsonDocument.Parse(fromCsv.Output);
        using var xlsxDocument = JsonDocument.Parse(fromXlsx.Output);
        var csvFile = csvDocument.RootElement.GetProperty("files")[0];
        var xlsxFile = xlsxDocument.RootElement.GetProperty("files")[0];
        Assert.Equal(10, xlsxFile.GetProperty("rows").GetProperty("kept").GetInt64());
        foreach (var field in new[] { "nhs_number", "date_of_birth", "postcode", "given_name", "family_name" })
        {
            Assert.Equal(Counts(csvFile, field), Counts(xlsxFile, field));
        }
    }

    [Fact]
    public void Candidate_pairs_per_rule_equal_a_brute_force_count_over_the_fixture()
    {
        using var temp = new TempCsv();
        var first = temp.Write("first.csv", Fixture);
        var second = temp.Write("second.csv", Fixture.Replace("Zorabel", "Zora", StringComparison.Ordinal));
        var result = CliRunner.Run("profile", first, second, "--json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var runs = document.RootElement.GetProperty("blocking").EnumerateArray().ToList();
        Assert.Equal(["dedupe", "dedupe", "link"], runs.Select(r => r.GetProperty("kind").GetString()));
        var left = Prepared(first);
        var right = Prepared(second);
        AssertBruteForce(runs[0], left, left, linkage: false);
        AssertBruteForce(runs[1], right, right, linkage: false);
        AssertBruteForce(runs[2], left, right, linkage: true);
        Assert.Equal(20, runs[2].GetProperty("records").GetInt64());
    }

    [Fact]
    public void No_value_appears_without_show_values_in_text_or_json()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", Fixture);
        var text = CliRunner.Run("profile", input);
        var json = CliRunner.Run("profile", input, "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Equal(0, json.ExitCode);
        Assert.Contains("Rows: 12 rows read = 10 kept + 2 rejected", text.Output, StringComparison.Ordinal);
        Assert.Contains("dominant rule: ", text.Output, StringComparison.Ordinal);
        foreach (var value in Values)
        {
            Assert.DoesNotContain(value, text.Output + text.Error, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value, json.Output + json.Error, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Show_values_lists_the_commonest_values_and_those_set_aside()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", Fixture);
        var text = CliRunner.Run("profile", input, "--show-values");
        var json = CliRunner.Run("profile", input, "--json", "--show-values");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("given_name: Quentavius (2), Ysolde (2), Zorabel (2), Barnaby (1)", text.Output, StringComparison.Ordinal);
        Assert.Contains("given_name set aside: UNKNOWN (1)", text.Output, StringComparison.Ordinal);
        Assert.Contains("nhs_number set aside: ", text.Output, StringComparison.Ordinal);
        Assert.Contains("999ABC1234", text.Output, StringComparison.Ordinal);

        using var document = JsonDocument.Parse(json.Output);
        var values = document.RootElement.GetProperty("files")[0].GetProperty("values");
        var givenTop = values.GetProperty("given_name").GetProperty("top")[0];
        Assert.Equal("Quentavius", givenTop.GetProperty("value").GetString()); // 2, tied with Ysolde and Zorabel: ordinal order
        Assert.Equal(2, givenTop.GetProperty("count").GetInt32());
        var postcodesSetAside = values.GetProperty("postcode").GetProperty("setAside").EnumerateArray().Select(v => v.GetProperty("value").GetString()).ToList();
        Assert.Equal(["N/A", "ZZ99 3VZ"], postcodesSetAside);
    }

    [Fact]
    public void Shown_values_cannot_carry_terminal_control_characters()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", "id,given_name,family_name\nP01,\"Zor\u001b[31mabel\",Quillfeather\n");
        var text = CliRunner.Run("profile", input, "--show-values");

        Assert.Equal(0, text.ExitCode);
        Assert.DoesNotContain('\u001b', text.Output);
        Assert.Contains("Zor?[31mabel (1)", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_headerless_file_is_refused_without_printing_its_first_row()
    {
        using var temp = new TempCsv();
        var input = temp.Write("noheader.csv", "9993832200,Zorabel,Quillfeather,14/03/1987\n9998712556,Quentavius,Brackenridge,1987-03-14\n");
        var refused = CliRunner.Run("profile", input);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("looks like data", refused.Error, StringComparison.Ordinal);
        Assert.Empty(refused.Output);
        foreach (var value in new[] { "9993832200", "Zorabel", "Quillfeather", "14/03/1987" })
        {
            Assert.DoesNotContain(value, refused.Error, StringComparison.Ordinal);
        }

        // Read as --no-header with the columns named by position, it profiles, and still prints no value.
        var read = CliRunner.Run("profile", input, "--no-header", "--map", "nhs_number=1", "--map", "given_name=2", "--map", "family_name=3", "--map", "date_of_birth=4");
        Assert.Equal(0, read.ExitCode);
        Assert.Contains("Rows: 2 rows read = 2 kept + 0 rejected", read.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Zorabel", read.Output + read.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("9993832200", read.Output + read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_the_profile_and_never_over_an_input()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", Fixture);
        var refused = CliRunner.Run("profile", input, "--out", input);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("is also file1", refused.Error, StringComparison.Ordinal);
        Assert.Equal(Fixture, File.ReadAllText(input));

        var output = temp.PathOf("profile.json");
        var written = CliRunner.Run("profile", input, "--json", "--out", output);
        Assert.Equal(0, written.ExitCode);
        Assert.Empty(written.Output);
        using var document = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("nhsid-profile/1", document.RootElement.GetProperty("schema").GetString());
        Assert.Empty(Directory.GetFiles(temp.Folder, "*.rejects.*")); // rejected rows are counted, not written anywhere
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        using var temp = new TempCsv();
        var input = temp.Write("extract.csv", Fixture);
        Assert.Equal(2, CliRunner.Run("profile").ExitCode);
        Assert.Equal(2, CliRunner.Run("profile", input, "--format", "xml").ExitCode);
        Assert.Equal(2, CliRunner.Run("profile", input, "--date-order", "dym").ExitCode);
        Assert.Equal(2, CliRunner.Run("profile", input, "--map", "shoe_size=notes").ExitCode);
    }

    [Fact]
    public void The_sample_extract_profiles_with_sane_numbers()
    {
        var pas = RepositoryRoot.Combine("samples", "data", "pas.csv");
        var result = CliRunner.Run("profile", pas, "--json");

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var file = document.RootElement.GetProperty("files")[0];
        Assert.Equal(1584, file.GetProperty("rows").GetProperty("kept").GetInt64());
        Assert.Equal(0, file.GetProperty("rows").GetProperty("rejected").GetInt64());
        var (present, missing, invalid, placeholder) = Counts(file, "nhs_number");
        Assert.Equal(1584, present + missing + invalid + placeholder);
        Assert.InRange(present, 1300, 1584);
        var dedupe = document.RootElement.GetProperty("blocking")[0];
        Assert.InRange(dedupe.GetProperty("totalPairs").GetInt64(), 1, 1584L * 20);
        Assert.Equal(JsonValueKind.String, dedupe.GetProperty("dominantRule").ValueKind);
        Assert.Equal(dedupe.GetProperty("totalPairs").GetInt64(), dedupe.GetProperty("rules").EnumerateArray().Sum(r => r.GetProperty("newPairs").GetInt64()));
    }

    private static JsonElement Field(JsonElement file, string name) =>
        file.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == name);

    private static (int Present, int Missing, int Invalid, int Placeholder) Counts(JsonElement file, string name)
    {
        var field = Field(file, name);
        return (field.GetProperty("present").GetInt32(), field.GetProperty("missing").GetInt32(), field.GetProperty("invalid").GetInt32(),
            field.GetProperty("placeholder").GetInt32());
    }

    private static Dictionary<string, int> Map(JsonElement counts) =>
        counts.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

    private static RecordSet Prepared(string path) => new(SepPatientCsvReader.Read(path).Records);

    private static void AssertBruteForce(JsonElement run, RecordSet left, RecordSet right, bool linkage)
    {
        var rules = BlockingRule.Defaults;
        var (alone, added) = NhsIdentity.Tests.Matching.Blocking.BlockingAnalysisProperties.Oracle(rules, left, right, linkage);

        var reported = run.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(rules.Select(r => r.Name), reported.Select(r => r.GetProperty("rule").GetString()));
        Assert.Equal(alone, reported.Select(r => r.GetProperty("pairsAlone").GetInt64()));
        Assert.Equal(added, reported.Select(r => r.GetProperty("newPairs").GetInt64()));
        Assert.Equal(added.Sum(), run.GetProperty("totalPairs").GetInt64());
        Assert.True(added.Sum() > 0, "the fixture has candidate pairs");
    }
}
