using NhsIdentity.Matching;
using NhsIdentity.Matching.Comparisons;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli;

/// <summary><c>nhsid link</c>, <c>dedupe</c> and <c>train</c> end to end through <c>CliApp.Run</c>.</summary>
public sealed class MatchingCommandTests
{
    private static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");
    private static readonly string Gp = RepositoryRoot.Combine("samples", "data", "gp.csv");

    [Fact]
    public void Link_of_the_samples_writes_match_and_review_pairs_with_the_documented_header()
    {
        using var temp = new TempCsv();
        var output = temp.PathOf("links.csv");
        var result = CliRunner.Run("link", Pas, Gp, "--out", output);

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal("left_id,right_id,match_weight,match_probability,decision", lines[0]);
        var matches = lines.Skip(1).Count(line => line.EndsWith(",match", StringComparison.Ordinal));
        Assert.True(matches > 1200, $"{matches} matches");
        Assert.All(lines.Skip(1), line => Assert.True(line.EndsWith(",match", StringComparison.Ordinal) || line.EndsWith(",review", StringComparison.Ordinal)));
        Assert.StartsWith("RX", lines[1], StringComparison.Ordinal); // PAS rows are keyed by their PatientID
        Assert.Contains("left: pas.csv: 1584 rows, 1584 accepted, 0 rejected", result.Error, StringComparison.Ordinal);
        Assert.Contains("given_name <- Forename", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Folder, "*.rejects.*")); // nothing rejected: no rejects file at all
    }

    [Fact]
    public void Link_is_deterministic_and_explains_each_comparison()
    {
        using var temp = new TempCsv();
        var first = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("a.csv"), "--explain");
        var second = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("b.csv"), "--explain");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(File.ReadAllText(temp.PathOf("a.csv")), File.ReadAllText(temp.PathOf("b.csv")));
        var header = File.ReadLines(temp.PathOf("a.csv")).First();
        Assert.Equal("left_id,right_id,match_weight,match_probability,decision,nhs_number,date_of_birth,sex,postcode,address,local_id,email,phone,gp_practice,given_name,family_name,competition", header);

        // A model trained on a linkage weighs competition among the candidates: every pair written has its level,
        // and not all the same one.
        var levels = File.ReadLines(temp.PathOf("a.csv")).Skip(1).Select(l => l.Split(',')[^1]).ToArray();
        Assert.All(levels, level => Assert.Contains(level, (string[])["unrivalled", "best_of_rivals", "outranked"]));
        Assert.Contains("unrivalled", levels);
        Assert.True(levels.Distinct().Count() > 1, string.Join(",", levels.Distinct()));
    }

    [Fact]
    public void Explain_has_a_competition_column_only_in_a_link_with_a_model_that_weighs_it()
    {
        using var temp = new TempCsv();
        var model = temp.PathOf("linkage-model.json");
        Assert.Equal(0, CliRunner.Run("train", Pas, Gp, "--model-out", model, "-q").ExitCode);

        static string Header(string path) => File.ReadLines(path).First();
        var link = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("link.csv"), "--explain", "--model", model, "-q");
        // A deduplication does not weigh competition, even with a model that learned it on a linkage.
        var dedupe = CliRunner.Run("dedupe", Pas, "--out", temp.PathOf("dedupe.csv"), "--explain", "--model", model, "-q");
        // The built-in model learned none.
        var untrained = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("untrained.csv"), "--explain", "--no-train", "-q");
        var plain = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("plain.csv"), "--model", model, "-q");

        Assert.All((CliResult[])[link, dedupe, untrained, plain], r => Assert.Equal(0, r.ExitCode));
        Assert.EndsWith(",family_name,competition", Header(temp.PathOf("link.csv")), StringComparison.Ordinal);
        Assert.EndsWith(",family_name", Header(temp.PathOf("dedupe.csv")), StringComparison.Ordinal);
        Assert.True(File.ReadAllLines(temp.PathOf("dedupe.csv")).Length > 50);
        Assert.EndsWith(",family_name", Header(temp.PathOf("untrained.csv")), StringComparison.Ordinal);
        Assert.Equal("left_id,right_id,match_weight,match_probability,decision", Header(temp.PathOf("plain.csv")));
    }

    [Fact]
    public void Malformed_rows_are_reported_by_number_set_aside_and_counted()
    {
        using var temp = new TempCsv();
        var left = temp.Write("left.csv", "id,nhs_number,given_name,family_name,date_of_birth\n" +
            "L1,9990000018,Alice,Pemberton,14/03/1987\n" +
            "L2,9990000026,Sentinelname,Okafor\n" +           // too few fields
            "L3,,Brian,Okafor,02/07/1950\n");
        var right = temp.Write("right.csv", "id,nhs_number,given_name,family_name,date_of_birth\nR1,,ALICE,PEMBERTON,1987-03-14\n");
        var result = CliRunner.Run("link", left, right, "--out", temp.PathOf("links.csv"), "--no-train");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("left: left.csv: 3 rows, 2 accepted, 1 rejected", result.Error, StringComparison.Ordinal);
        Assert.Contains("row 2", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Sentinelname", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("9990000026", result.Error, StringComparison.Ordinal);
        Assert.Contains("L2,9990000026,Sentinelname,Okafor", File.ReadAllText(temp.PathOf("links.left.rejects.csv")), StringComparison.Ordinal);
        Assert.Contains("L1,R1,", File.ReadAllText(temp.PathOf("links.csv")), StringComparison.Ordinal);
        Assert.False(File.Exists(temp.PathOf("links.right.rejects.csv")), "the right input rejected nothing");
    }

    [Fact]
    public void Two_inputs_with_one_file_name_keep_their_rejected_rows_apart()
    {
        // Two trusts' extracts are often both called patients.csv; each input's rejects are named by its role.
        using var temp = new TempCsv();
        const string Header = "id,nhs_number,given_name,family_name,date_of_birth\n";
        Directory.CreateDirectory(temp.PathOf("siteA"));
        Directory.CreateDirectory(temp.PathOf("siteB"));
        var siteA = temp.Write(Path.Combine("siteA", "patients.csv"), Header + "A1,9990000018,Alice,Pemberton,14/03/1987\nA2,Sentinelleft,Okafor\n");
        var siteB = temp.Write(Path.Combine("siteB", "patients.csv"), Header + "B1,,ALICE,PEMBERTON,1987-03-14\nB2,Sentinelright,Okafor\n");
        Directory.CreateDirectory(temp.PathOf("out"));

        var result = CliRunner.Run("link", siteA, siteB, "--out", temp.PathOf(Path.Combine("out", "links.csv")), "--no-train");

        Assert.Equal(0, result.ExitCode);
        var left = File.ReadAllText(temp.PathOf(Path.Combine("out", "links.left.rejects.csv")));
        var right = File.ReadAllText(temp.PathOf(Path.Combine("out", "links.right.rejects.csv")));
        Assert.Contains("Sentinelleft", left, StringComparison.Ordinal);
        Assert.DoesNotContain("Sentinelright", left, StringComparison.Ordinal);
        Assert.Contains("Sentinelright", right, StringComparison.Ordinal);
        Assert.DoesNotContain("Sentinelleft", right, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejects_file_that_would_replace_an_input_is_refused_before_anything_is_written()
    {
        using var temp = new TempCsv();
        var input = temp.Write("links.records.rejects.csv", "id,nhs_number,given_name,family_name,date_of_birth\nA1,9990000018,Alice,Pemberton,14/03/1987\n");
        var before = File.ReadAllText(input);

        var result = CliRunner.Run("dedupe", input, "--out", temp.PathOf("links.csv"), "--no-train");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("rejects file", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(input));
        Assert.False(File.Exists(temp.PathOf("links.csv")));
    }

    [Fact]
    public void Map_gives_the_GP_practice_a_column_and_help_lists_the_field()
    {
        // One --map applies to both inputs, so both extracts head the practice column the same unusual way.
        using var temp = new TempCsv();
        var left = temp.Write("left.csv", "id,nhs_number,given_name,family_name,date_of_birth,Surgery ODS\nL1,9990000018,Alice,Pemberton,14/03/1987,Y02345\n");
        var right = temp.Write("right.csv", "id,nhs_number,given_name,family_name,date_of_birth,Surgery ODS\nR1,,ALICE,PEMBERTON,1987-03-14,Y02345\n");

        var mapped = CliRunner.Run("link", left, right, "--out", temp.PathOf("links.csv"), "--no-train", "--map", "gp_practice=Surgery ODS");
        var unmapped = CliRunner.Run("link", left, right, "--out", temp.PathOf("links2.csv"), "--no-train");

        Assert.Equal(0, mapped.ExitCode);
        Assert.Contains("gp_practice <- Surgery ODS", mapped.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Y02345", mapped.Error, StringComparison.Ordinal); // column names only, never values
        Assert.Contains("ignored: Surgery ODS (not a known column", unmapped.Error, StringComparison.Ordinal);
        Assert.Contains("gp_practice", CliRunner.Run("link", "--help").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_from_a_start_model_keeps_its_thresholds_levels_and_policy_and_learns_the_weights()
    {
        using var temp = new TempCsv();
        var name = ComparisonDefinition.Get(ComparisonKind.Name).DefaultModel.WithParameter("jaroWinklerHigh", 0.95).WithoutLevel((int)NameLevel.Phonetic);
        var start = MatchModel.Default.WithoutComparison(ComparisonKind.GivenName).WithoutComparison(ComparisonKind.FamilyName)
            .WithComparison(name).WithPolicy(new DecisionPolicy(0.995, 0.6, DifferentNhsNumbersNeverMatch: true));
        File.WriteAllText(temp.PathOf("start.json"), start.ToJson());

        var train = CliRunner.Run("train", Pas, "--model-out", temp.PathOf("trained.json"), "--start-model", temp.PathOf("start.json"));
        Assert.Equal(0, train.ExitCode);
        var trained = MatchModel.FromJson(File.ReadAllText(temp.PathOf("trained.json")));
        var trainedName = trained.GetComparison(ComparisonKind.Name)!;
        Assert.Equal(0.95, trainedName.GetParameter("jaroWinklerHigh"));
        Assert.False(trainedName.IsLevelUsed((int)NameLevel.Phonetic));
        Assert.Equal(start.Policy, trained.Policy);
        Assert.NotEqual(start.GetComparison(ComparisonKind.DateOfBirth)!.Levels, trained.GetComparison(ComparisonKind.DateOfBirth)!.Levels);
        Assert.DoesNotContain("name,Phonetic,", train.Output, StringComparison.Ordinal); // a dropped level has no weight to print
        Assert.Contains("name,JaroWinkler92,", train.Output, StringComparison.Ordinal);

        File.WriteAllText(temp.PathOf("broken.json"), "{}");
        var broken = CliRunner.Run("train", Pas, "--model-out", temp.PathOf("never.json"), "--start-model", temp.PathOf("broken.json"));
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("the model cannot be read", broken.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.PathOf("never.json")));
    }

    [Fact]
    public void Dedupe_writes_pairs_and_clusters_and_train_saves_a_model_link_can_load()
    {
        using var temp = new TempCsv();
        var model = temp.PathOf("model.json");
        var train = CliRunner.Run("train", Pas, "--model-out", model);
        Assert.Equal(0, train.ExitCode);
        Assert.Contains("comparison,level,m,u,weight", train.Output, StringComparison.Ordinal);
        Assert.Equal(MatchModel.FromJson(File.ReadAllText(model)).ToJson(), File.ReadAllText(model));

        var dedupe = CliRunner.Run("dedupe", Pas, "--out", temp.PathOf("pairs.csv"), "--clusters", temp.PathOf("clusters.csv"), "--model", model);
        Assert.Equal(0, dedupe.ExitCode);
        var clusters = File.ReadAllLines(temp.PathOf("clusters.csv"));
        Assert.Equal("id,cluster_id,source", clusters[0]);
        Assert.All(clusters.Skip(1), line => Assert.EndsWith(",records", line, StringComparison.Ordinal));
        Assert.Equal(1585, clusters.Length); // every record, once
        Assert.True(File.ReadAllLines(temp.PathOf("pairs.csv")).Length > 50);
        Assert.Contains("clusters:", dedupe.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--date-order", "dym")]
    [InlineData("--threshold", "1.5")]
    public void Bad_options_are_usage_errors(string option, string value)
    {
        using var temp = new TempCsv();
        var result = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("x.csv"), option, value, "--no-train");
        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(temp.PathOf("x.csv")));
    }

    [Fact]
    public void A_broken_model_file_is_reported_without_a_stack_trace()
    {
        using var temp = new TempCsv();
        var model = temp.Write("model.json", "{ \"format\": \"nhsidentity-match-model\", \"version\": 7 }");
        var result = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("x.csv"), "--model", model);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("version 7", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.PathOf("x.csv")));
    }

    [Fact]
    public void A_csv_without_a_header_row_never_prints_its_first_patient()
    {
        // The first row is a patient (issue 14, item 3): before, stderr said "ignored: 999..." and the rest of the row.
        using var temp = new TempCsv();
        var path = temp.Write("headerless.csv",
            "9994456156,Zebedee,Quillfeather,1987-03-14,F,LS1 4AP,12 Park Row\n" +
            "9995912201,Alice,Pemberton,1990-01-02,F,LS2 7AB,3 Long Lane\n");
        var result = CliRunner.Run("dedupe", path, "--out", temp.PathOf("pairs.csv"), "--no-train");
        foreach (var value in new[] { "9994456156", "Zebedee", "Quillfeather", "1987-03-14", "LS1 4AP", "Park Row" })
        {
            Assert.DoesNotContain(value, result.Error, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value, result.Output, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("the first row looks like data, not a header", result.Error, StringComparison.Ordinal);
    }
}
