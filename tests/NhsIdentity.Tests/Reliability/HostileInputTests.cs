using System.Text;
using System.Text.RegularExpressions;
using NhsIdentity.Matching;
using NhsIdentity.Tests.Cli;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Reliability;

/// <summary>
/// Broken and hostile input through the CLI end to end (issue 6 §3). Every case must end with a clear message and
/// the documented exit code, never an unhandled exception (CliRunner lets one fail the test), never a half-written
/// output file, and with counts that reconcile: rows in = accepted + rejected.
/// </summary>
public sealed partial class HostileInputTests : IDisposable
{
    private const string Header = "id,nhs_number,given_name,family_name,date_of_birth,sex,postcode,address\n";
    private static readonly string Gp = RepositoryRoot.Combine("samples", "data", "gp.csv");
    private readonly TempCsv _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> BrokenFiles() => new()
    {
        { "empty", "" },
        { "header only", Header },
        { "header only, no newline", Header.TrimEnd('\n') },
        { "CRLF and LF mixed", Header.Replace("\n", "\r\n", StringComparison.Ordinal) + "A1,9990000018,Alice,Pemberton,14/03/1987,F,LS1 4AP,1 Park Row\nA2,,Brian,Okafor,02/07/1950,M,M1 1AE,3 Mill Lane\r\n" },
        { "unbalanced quote", Header + "A1,9990000018,\"Alice,Pemberton,14/03/1987,F,LS1 4AP,1 Park Row\nA2,,Brian,Okafor,02/07/1950,M,M1 1AE,x\n" },
        { "too many and too few fields", Header + "A1,9990000018,Alice,Pemberton,14/03/1987,F,LS1 4AP,1 Park Row,extra,extra\nA2,,Brian\nA3,,Chloe,Nguyen,30/12/1999,F,B1 1AA,2 High St\n" },
        { "every field missing", Header + string.Concat(Enumerable.Repeat(",,,,,,,\n", 50)) },
        { "every NHS number 9999999999", Header + string.Concat(Enumerable.Range(0, 200).Select(i => $"P{i},9999999999,Given{i % 7},Family{i % 11},01/01/1980,F,LS1 4AP,1 Park Row\n")) },
        { "NUL and control characters", Header + "A1,999\u00000000018,Al\u0001ice,Pem\u001Bberton,14/03/1987,F,LS1\u00004AP,x\n" },
        { "lone surrogates and RTL marks", Header + "A1,9990000018,\uD800Alice,\u202EPemberton,14/03/1987,F,LS1 4AP,\uDC00\n" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Broken_files_give_a_clear_result_and_reconciling_counts(string name, string text)
    {
        var input = _temp.Write("in.csv", text);
        var output = _temp.PathOf("out.csv");

        var result = CliRunner.Run("dedupe", input, "--out", output, "--no-train");

        Assert.True(result.ExitCode is 0 or 1, $"{name}: exit code {result.ExitCode}");
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        if (result.ExitCode != 0)
        {
            Assert.False(File.Exists(output), $"{name}: a failed run left an output file");
            Assert.Contains("error", result.Error, StringComparison.OrdinalIgnoreCase);
            return;
        }

        AssertCountsReconcile(result.Error, RejectsOf(input));
        Assert.StartsWith("left_id,right_id,", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_an_error_that_names_the_problem_not_the_content()
    {
        var result = CliRunner.Run("dedupe", _temp.Write("in.csv", ""), "--out", _temp.PathOf("out.csv"), "--no-train");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("empty", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("utf-16 LE with BOM")]
    [InlineData("utf-16 BE with BOM")]
    [InlineData("utf-8 with BOM")]
    public void Encodings_with_a_byte_order_mark_read_the_same_records(string encodingName)
    {
        var text = Header + "A1,9990000018,Zoë,Ó Súilleabháin,14/03/1987,F,LS1 4AP,1 Park Row\nA2,,Zoe,O'Sullivan,14/03/1987,F,LS1 4AP,1 Park Row\n";
        Encoding encoding = encodingName switch
        {
            "utf-16 LE with BOM" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16 BE with BOM" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => new UTF8Encoding(true),
        };
        var input = _temp.PathOf("in.csv");
        File.WriteAllBytes(input, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);

        var result = CliRunner.Run("dedupe", input, "--out", _temp.PathOf("out.csv"), "--no-train");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 rows, 2 accepted, 0 rejected", result.Error, StringComparison.Ordinal);
        Assert.Contains("A1,A2,", File.ReadAllText(_temp.PathOf("out.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_ten_megabyte_field_is_rejected_by_row_and_the_rest_is_read()
    {
        var text = new StringBuilder(Header)
            .Append("A1,9990000018,Alice,Pemberton,14/03/1987,F,LS1 4AP,\"").Append('x', 10 * 1024 * 1024).Append("\"\n")
            .Append("A2,,Brian,Okafor,02/07/1950,M,M1 1AE,3 Mill Lane\n").ToString();
        var input = _temp.Write("in.csv", text);

        var result = CliRunner.Run("dedupe", input, "--out", _temp.PathOf("out.csv"), "--no-train");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 rows, 1 accepted, 1 rejected", result.Error, StringComparison.Ordinal);
        Assert.Contains("row 1", result.Error, StringComparison.Ordinal);
        AssertCountsReconcile(result.Error, RejectsOf(input));
    }

    [Fact]
    public void One_hundred_thousand_identical_records_make_capped_blocks_with_a_warning_not_ten_billion_pairs()
    {
        var text = new StringBuilder(Header);
        for (var i = 0; i < 100_000; i++)
        {
            text.Append('R').Append(i).Append(",9990000018,Alice,Pemberton,14/03/1987,F,LS1 4AP,1 Park Row\n");
        }

        var input = _temp.Write("in.csv", text.ToString());

        var result = CliRunner.Run("dedupe", input, "--out", _temp.PathOf("out.csv"), "--no-train");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("100000 rows, 100000 accepted, 0 rejected", result.Error, StringComparison.Ordinal);
        Assert.Matches("(?i)capped|skipped|too large", result.Error);

        // Every default rule puts all 100,000 records in one block (5e9 pairs each); capped, nothing is scored, so
        // the output holds the header only. (Counted, not measured: the heap size seen here would include whatever the
        // tests running beside this one hold, so a memory bound would pass or fail with the machine's load.)
        Assert.Contains("pairs compared: 0;", result.Error, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(_temp.PathOf("out.csv")));
    }

    public static TheoryData<string, string> BrokenModels() => new()
    {
        { "NaN probability", ModelWith(FirstM, "\"m\": NaN") },
        { "NaN as a string", ModelWith(FirstM, "\"m\": \"NaN\"") },
        { "negative probability", ModelWith(FirstM, "\"m\": -0.1") },
        { "probability above one", ModelWith(FirstM, "\"m\": 1.5") },
        { "unknown version", ModelWith("\"version\": 2", "\"version\": 99") },
        { "truncated", MatchModel.Default.ToJson()[..(MatchModel.Default.ToJson().Length / 2)] },
        { "not JSON", "this is not a model" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(BrokenModels))]
    public void Broken_model_files_are_clear_errors_with_no_output(string name, string json)
    {
        var model = _temp.Write("model.json", json);
        var output = _temp.PathOf("out.csv");

        var result = CliRunner.Run("link", RepositoryRoot.Combine("samples", "data", "pas.csv"), Gp, "--out", output, "--model", model);

        Assert.True(result.ExitCode == 1, $"{name}: exit code {result.ExitCode}; {result.Error}");
        Assert.Contains("model", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output), $"{name}: output written");
    }

    [Fact]
    public void The_model_replacements_hit_the_default_model_json()
    {
        // Guards the cases above: each replacement must change the JSON, or the "broken" model would be a good one.
        var json = MatchModel.Default.ToJson();
        Assert.NotEqual(json, ModelWith(FirstM, "\"m\": -0.1"));
        Assert.NotEqual(json, ModelWith("\"version\": 2", "\"version\": 99"));
    }

    /// <summary>The first m probability in a model's JSON.</summary>
    private const string FirstM = "\"m\": [0-9.eE+-]+";

    private static string ModelWith(string pattern, string replace) =>
        new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(5)).Replace(MatchModel.Default.ToJson(), replace, 1);

    /// <summary>Where dedupe's rejects go: beside --out (out.csv), named by the run and the input's role.</summary>
    private string RejectsOf(string input) => Path.Combine(Path.GetDirectoryName(input)!, "out.records.rejects.csv");

    /// <summary>The summary's "N rows, A accepted, R rejected" adds up, and the rejects file holds R rows.</summary>
    private static void AssertCountsReconcile(string error, string rejectsPath)
    {
        var counts = CountsLine().Match(error);
        Assert.True(counts.Success, "no counts line in: " + error);
        var rows = long.Parse(counts.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var accepted = long.Parse(counts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var rejected = long.Parse(counts.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(rows, accepted + rejected);
        if (rejected > 0)
        {
            Assert.True(File.Exists(rejectsPath), "rejected rows must be written aside");
        }
    }

    [GeneratedRegex(@"(\d+) rows, (\d+) accepted, (\d+) rejected")]
    private static partial Regex CountsLine();
}
