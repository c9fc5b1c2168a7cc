using NhsIdentity.Demographics;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Clustering;
using NhsIdentity.Matching.Training;
using NhsIdentity.Tests.Cli;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.Matching;

namespace NhsIdentity.Tests.Reliability;

/// <summary>
/// Issue 6 §2, proved: sentinel patient values (a 999-range NHS number valid and with a bad check digit, a unique
/// name, dates of birth, postcodes, an address) are driven through every error path and every descriptive
/// <c>ToString()</c> of the library and the CLI, and none may come back out in a message, a summary or a
/// <c>ToString()</c>. (Formatting a value type, such as <see cref="NhsNumber.ToString()"/>, is its purpose and not
/// covered; the rejects file holds rejected rows verbatim by design and is not covered either.)
/// </summary>
public sealed class NoPatientDataTests : IDisposable
{
    private const string ValidNhs = "9994172638";
    private const string ValidNhsSpaced = "999 417 2638";
    private const string BadCheckDigitNhs = "9994172639";
    private const string Given = "Quillontrevor";
    private const string Family = "Zebedaiahs";
    private const string Dob = "23/07/1931";
    private const string BadDob = "31/02/1931";
    private const string Postcode = "ZE3 9JW";
    private const string BadPostcode = "QZ7 7ZQ";
    private const string Address = "77 Wombleton Parade";

    private static readonly string[] Sentinels =
        [ValidNhs, ValidNhsSpaced, BadCheckDigitNhs, "999 417 2639", Given, Family, Dob, "1931-07-23", BadDob, Postcode, "ZE39JW", BadPostcode, "Wombleton"];

    private readonly TempCsv _temp = new();

    public void Dispose() => _temp.Dispose();

    private static void AssertClean(string? text, string where)
    {
        foreach (var sentinel in Sentinels)
        {
            Assert.False(text?.Contains(sentinel, StringComparison.OrdinalIgnoreCase) ?? false, $"{where} contains a sentinel value");
        }
    }

    private static void AssertThrowsClean<TException>(Action action, string where)
        where TException : Exception
    {
        var exception = Assert.ThrowsAny<TException>(action);
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            AssertClean(e.Message, where);
            AssertClean(e.ToString(), where + " (ToString)");
        }
    }

    [Fact]
    public void Parse_failures_never_echo_the_input()
    {
        AssertThrowsClean<FormatException>(() => NhsNumber.Parse(BadCheckDigitNhs), "NhsNumber.Parse");
        AssertThrowsClean<FormatException>(() => NhsNumber.Parse(ValidNhsSpaced + "x"), "NhsNumber.Parse");
        AssertThrowsClean<FormatException>(() => global::NhsIdentity.Demographics.Postcode.Parse(BadPostcode), "Postcode.Parse");
        AssertThrowsClean<FormatException>(() => DateOfBirth.Parse(BadDob), "DateOfBirth.Parse");
        AssertThrowsClean<FormatException>(() => SexCodes.Parse(Given), "SexCodes.Parse");
        AssertThrowsClean<FormatException>(() => MatchModel.FromJson("{\"format\": \"" + Given + ValidNhs + "\"}"), "MatchModel.FromJson");
        AssertThrowsClean<FormatException>(() => MatchModel.FromJson(MatchModel.Default.ToJson().Replace("\"version\": 2", "\"version\": \"" + Family + "\"", StringComparison.Ordinal)), "MatchModel.FromJson version");
    }

    [Fact]
    public void Descriptions_of_records_sets_scores_results_and_indexes_hold_no_values()
    {
        var record = new PatientRecord
        {
            Id = "R1", NhsNumber = ValidNhs, GivenNames = Given, FamilyName = Family, DateOfBirth = Dob, Sex = "F",
            Postcode = Postcode, Address = Address, LocalIdentifier = "MRN1", Phone = "07700 900123", Email = "q@example.org",
        };
        var bad = record.With(id: "R2", nhs: BadCheckDigitNhs, dob: BadDob, postcode: BadPostcode);
        var set = new RecordSet([record, bad, record.With(id: "R3")]);
        var model = MatchModel.Default;

        AssertClean(record.ToString(), "PatientRecord");
        AssertClean(set.ToString(), "RecordSet");
        AssertClean(model.Score(set, 0, set, 2).ToString(), "MatchScore");
        AssertClean(model.Explain(set, 0, set, 1).ToString(), "MatchExplanation");
        var result = new Linker(model).Deduplicate(set);
        AssertClean(result.ToString(), "LinkResult");
        AssertClean(string.Join(";", result.Pairs), "MatchPair");
        var clusters = Clusterer.BestLink(set, result.Pairs);
        AssertClean(clusters.ToString(), "Clusters");
        AssertClean(string.Join(";", clusters.Conflicts), "ClusterConflict");
        AssertClean(ModelTrainer.Train(set).ToString(), "TrainingResult");
        using var index = new PatientIndex(model);
        index.AddOrUpdate(record);
        AssertClean(index.ToString(), "PatientIndex");
        AssertClean(string.Join(";", index.FindMatches(record, 5)), "IndexMatch");
        foreach (var kind in Enum.GetValues<ComparisonKind>())
        {
            AssertClean(set.GetCounts(kind).ToString(), "FieldCounts");
        }
    }

    [Fact]
    public void Cli_messages_about_bad_rows_values_models_and_options_hold_no_values()
    {
        var header = "id,nhs_number,given_name,family_name,date_of_birth,sex,postcode,address\n";
        var left = _temp.Write("left.csv", header
            + $"L1,{ValidNhs},{Given},{Family},{Dob},F,{Postcode},\"{Address}\"\n"
            + $"L2,{BadCheckDigitNhs},{Given},{Family},{BadDob},F,{BadPostcode},\"{Address}\"\n"
            + $"L3,{ValidNhs},{Given},{Family}\n"                                              // too few fields
            + $"L4,{ValidNhs},\"{Given},{Family},{Dob},F,{Postcode},{Address}\n");            // unbalanced quote
        var right = _temp.Write("right.csv", header + $"R1,{ValidNhsSpaced},{Given.ToUpperInvariant()},{Family},1931-07-23,female,ZE39JW,\"{Address}\"\n");
        var badModel = _temp.Write("model.json", "{\"format\": \"" + Given + "\", \"nhs\": \"" + ValidNhs + "\"}");

        CliResult[] runs =
        [
            CliRunner.Run("link", left, right, "--out", _temp.PathOf("links.csv"), "--explain"),
            CliRunner.Run("link", left, right, "--out", _temp.PathOf("links2.csv"), "--no-train", "--one-to-one", "--clusters", _temp.PathOf("c.csv")),
            CliRunner.Run("dedupe", left, "--out", _temp.PathOf("pairs.csv"), "--clusters", _temp.PathOf("clusters.csv")),
            CliRunner.Run("train", left, right, "--model-out", _temp.PathOf("model-out.json")),
            CliRunner.Run("link", left, right, "--out", _temp.PathOf("x.csv"), "--model", badModel),
            CliRunner.Run("link", left, right, "--out", _temp.PathOf("y.csv"), "--map", "given_name=no_such_column"), // column names are echoed: they are not patient data
            CliRunner.Run("link", left, right, "--out", _temp.PathOf("z.csv"), "--date-order", Dob),
            CliRunner.Run("evaluate", _temp.PathOf("links.csv"), "--truth", left),
            CliRunner.Run("validate", BadCheckDigitNhs, ValidNhs, Given),
            CliRunner.RunWithInput(BadCheckDigitNhs + "\n" + ValidNhsSpaced + "\n" + Family + "\n", "validate"),
            CliRunner.Run("format", BadCheckDigitNhs),
            CliRunner.Run(ValidNhs),
            CliRunner.Run("link", left, "--bogus", Family),
        ];

        Assert.Contains(runs, r => r.ExitCode == 0);
        Assert.Contains(runs, r => r.ExitCode != 0);
        for (var k = 0; k < runs.Length; k++)
        {
            AssertClean(runs[k].Error, $"run {k} standard error");
            if (k is not (8 or 9))
            {
                // validate and format print valid numbers by design (stdout is their result); the others print ids.
                AssertClean(runs[k].Output, $"run {k} standard output");
            }
        }

        foreach (var file in new[] { "links.csv", "links2.csv", "c.csv", "pairs.csv", "clusters.csv" })
        {
            AssertClean(File.ReadAllText(_temp.PathOf(file)), file);
        }
    }
}
