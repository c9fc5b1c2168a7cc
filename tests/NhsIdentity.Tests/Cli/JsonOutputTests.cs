using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli;

/// <summary>The <c>--json</c> summaries of <c>evaluate</c>, <c>validate</c>, <c>link</c>, <c>dedupe</c> and
/// <c>train</c>: their schema names, figures equal to the text output's, no patient value, and no output onto an
/// input.</summary>
public sealed partial class JsonOutputTests
{
    private static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");
    private static readonly string Gp = RepositoryRoot.Combine("samples", "data", "gp.csv");
    private static readonly string Truth = RepositoryRoot.Combine("samples", "data", "truth.csv");
    private static readonly string Numbers = RepositoryRoot.Combine("samples", "data", "nhs-numbers-sample.txt");

    [Fact]
    public void Evaluate_json_against_truth_has_the_text_outputs_figures()
    {
        using var temp = new TempCsv();
        var links = temp.PathOf("links.csv");
        Assert.Equal(0, CliRunner.Run("link", Pas, Gp, "--no-train", "--out", links, "-q").ExitCode);

        var text = CliRunner.Run("evaluate", links, "--truth", Truth);
        var json = CliRunner.Run("evaluate", links, "--truth", Truth, "--json");
        Assert.Equal(0, text.ExitCode);
        Assert.Equal(0, json.ExitCode);
        var figures = TextFigures(text.Output);

        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement;
        Assert.Equal("nhsid-evaluate/1", root.GetProperty("schema").GetString());
        Assert.Equal("truth", root.GetProperty("scoredAgainst").GetString());
        Assert.Equal(figures["true_positives"], root.GetProperty("truePositives").GetInt64());
        Assert.Equal(figures["false_positives"], root.GetProperty("falsePositives").GetInt64());
        Assert.Equal(figures["false_negatives"], root.GetProperty("falseNegatives").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("trueNegatives").ValueKind);
        Assert.Equal(figures["precision"], root.GetProperty("precision").GetDouble(), 6);
        Assert.Equal(figures["recall"], root.GetProperty("recall").GetDouble(), 6);
        Assert.Equal(figures["f1"], root.GetProperty("f1").GetDouble(), 6);
        Assert.True(figures["false_negatives"] > 0, "the default model misses some true pairs of the samples, so the counts are not trivially equal");
        Assert.Equal(figures["true_positives"] + figures["false_positives"], root.GetProperty("links").GetProperty("matchRows").GetInt64());
        Assert.Equal(figures["true_positives"] + figures["false_negatives"], root.GetProperty("truth").GetProperty("pairs").GetInt64());
        Assert.Contains("pas (left)", root.GetProperty("truth").GetProperty("form").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("precision:", json.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_json_with_labels_has_the_intervals_and_label_counts_of_the_text()
    {
        using var temp = new TempCsv();
        var links = temp.PathOf("links.csv");
        Assert.Equal(0, CliRunner.Run("link", Pas, Gp, "--no-train", "--out", links, "-q").ExitCode);
        var rows = File.ReadAllLines(links).Skip(1).Select(line => line.Split(',')).ToArray();
        var matches = rows.Where(r => r[^1] == "match").ToArray();
        var reviews = rows.Where(r => r[^1] == "review").ToArray();
        var labels = new List<string> { "left_id,right_id,decision" };
        labels.AddRange(matches.Take(6).Select(r => r[0] + "," + r[1] + ",match"));
        labels.AddRange(matches.Skip(6).Take(2).Select(r => r[0] + "," + r[1] + ",non-match"));
        labels.AddRange(reviews.Take(3).Select(r => r[0] + "," + r[1] + ",match"));
        labels.AddRange(reviews.Skip(3).Take(2).Select(r => r[0] + "," + r[1] + ",non-match"));
        labels.Add(matches[10][0] + "," + matches[10][1] + ",unsure");
        labels.Add(matches[11][0] + "," + matches[11][1] + ",");
        var labelsPath = temp.Write("labels.csv", string.Join("\n", labels) + "\n");

        var text = CliRunner.Run("evaluate", links, "--labels", labelsPath);
        var json = CliRunner.Run("evaluate", links, "--labels", labelsPath, "--json");
        Assert.Equal(0, text.ExitCode);
        Assert.Equal(0, json.ExitCode);
        var figures = TextFigures(text.Output);
        var intervals = IntervalLine().Matches(text.Output).ToDictionary(m => m.Groups["name"].Value, m => (Low: Parse(m.Groups["low"].Value), High: Parse(m.Groups["high"].Value)));

        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement;
        Assert.Equal("nhsid-evaluate/1", root.GetProperty("schema").GetString());
        Assert.Equal("labels", root.GetProperty("scoredAgainst").GetString());
        Assert.Equal(6, root.GetProperty("truePositives").GetInt64());
        Assert.Equal(figures["true_positives"], root.GetProperty("truePositives").GetInt64());
        Assert.Equal(figures["false_positives"], root.GetProperty("falsePositives").GetInt64());
        Assert.Equal(figures["false_negatives"], root.GetProperty("falseNegatives").GetInt64());
        Assert.Equal(figures["true_negatives"], root.GetProperty("trueNegatives").GetInt64());
        Assert.Equal(figures["precision"], root.GetProperty("precision").GetDouble(), 6);
        Assert.Equal(figures["recall"], root.GetProperty("recall").GetDouble(), 6);
        var labelCounts = root.GetProperty("labels");
        Assert.Equal(figures["labelled_match"], labelCounts.GetProperty("labelledMatch").GetInt64());
        Assert.Equal(figures["labelled_non_match"], labelCounts.GetProperty("labelledNonMatch").GetInt64());
        Assert.Equal(1, labelCounts.GetProperty("excludedUnsure").GetInt64());
        Assert.Equal(figures["excluded_undecided"], labelCounts.GetProperty("excludedUndecided").GetInt64());
        foreach (var (name, property) in new[] { ("precision", "precisionInterval95"), ("recall", "recallInterval95") })
        {
            Assert.Equal(intervals[name].Low, labelCounts.GetProperty(property).GetProperty("low").GetDouble(), 6);
            Assert.Equal(intervals[name].High, labelCounts.GetProperty(property).GetProperty("high").GetDouble(), 6);
        }
    }

    [Fact]
    public void Validate_json_is_only_the_summary_with_the_text_summarys_counts_and_no_number()
    {
        var input = File.ReadAllText(Numbers);
        var run = CliRunner.RunWithInput(input, "validate", "--json");
        var summary = CliRunner.ParseSummary(run.Error);
        Assert.Equal(summary.Invalid == 0 ? 0 : 1, run.ExitCode);

        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.Equal("nhsid-validate/1", root.GetProperty("schema").GetString());
        Assert.Equal(summary.Inputs, root.GetProperty("inputs").GetInt64());
        Assert.Equal(summary.Valid, root.GetProperty("valid").GetInt64());
        Assert.Equal(summary.Invalid, root.GetProperty("invalid").GetInt64());
        Assert.True(summary.Invalid > 0 && summary.Valid > 0, "the sample holds valid and invalid numbers");
        var byReason = root.GetProperty("invalidByReason").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(summary.Invalid, byReason.Values.Sum());
        foreach (var (reason, count) in byReason)
        {
            var status = Enum.Parse<NhsNumberStatus>(reason);
            Assert.Equal(summary.InvalidByReason[status.GetDescription()], count);
        }

        // No per-input line and nothing of any input: not the digits, not the masked form.
        Assert.DoesNotContain("line 1:", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("***", run.Output, StringComparison.Ordinal);
        foreach (var line in input.Split('\n').Select(l => new string(l.Where(char.IsAsciiDigit).ToArray())).Where(d => d.Length >= 4))
        {
            Assert.DoesNotContain(line, run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(line[^4..], DigitsOf(run.Output), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_json_counts_a_rejected_placeholder_under_its_own_reason()
    {
        var run = CliRunner.Run("validate", "--json", "--reject-placeholders", "9999999999", "9990000018", "12");
        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.Equal(3, root.GetProperty("inputs").GetInt64());
        Assert.Equal(1, root.GetProperty("valid").GetInt64());
        Assert.Equal(2, root.GetProperty("invalid").GetInt64());
        Assert.Equal(1, root.GetProperty("invalidByReason").GetProperty("Placeholder").GetInt64());
        Assert.Equal(1, root.GetProperty("invalidByReason").GetProperty(nameof(NhsNumberStatus.WrongLength)).GetInt64());
        Assert.Equal(2, CliRunner.Run("validate", "--json", "--quiet", "9990000018").ExitCode);
    }

    [Fact]
    public void Link_json_holds_the_run_summary_of_standard_error_and_no_patient_value()
    {
        using var temp = new TempCsv();
        var (links, clusters, summaryPath) = (temp.PathOf("links.csv"), temp.PathOf("clusters.csv"), temp.PathOf("run.json"));
        var run = CliRunner.Run("link", Pas, Gp, "--out", links, "--clusters", clusters, "--json", summaryPath, "-q");
        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(summaryPath);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.Equal("nhsid-run/1", root.GetProperty("schema").GetString());
        Assert.Equal("link", root.GetProperty("command").GetString());

        var written = WrittenLine().Match(run.Error);
        Assert.True(written.Success, run.Error);
        Assert.Equal(Long(written, "compared"), root.GetProperty("pairsCompared").GetInt64());
        Assert.Equal(Long(written, "written"), root.GetProperty("written").GetProperty("pairs").GetInt64());
        Assert.Equal(Long(written, "match"), root.GetProperty("written").GetProperty("match").GetInt64());
        Assert.Equal(Long(written, "review"), root.GetProperty("written").GetProperty("review").GetInt64());
        Assert.Equal(File.ReadAllLines(links).Length - 1, root.GetProperty("written").GetProperty("pairs").GetInt64());

        var clusterLine = ClustersLine().Match(run.Error);
        Assert.Equal(Long(clusterLine, "persons"), root.GetProperty("clusters").GetProperty("persons").GetInt64());
        Assert.Equal(Long(clusterLine, "records"), root.GetProperty("clusters").GetProperty("records").GetInt64());

        var inputs = root.GetProperty("inputs").EnumerateArray().ToArray();
        Assert.Equal(2, inputs.Length);
        foreach (var (input, label) in inputs.Zip(new[] { "left", "right" }))
        {
            var line = InputLine().Matches(run.Error).Single(m => m.Groups["label"].Value == label);
            Assert.Equal(label, input.GetProperty("label").GetString());
            Assert.Equal(Long(line, "read"), input.GetProperty("read").GetInt64());
            Assert.Equal(Long(line, "accepted"), input.GetProperty("accepted").GetInt64());
            Assert.Equal(Long(line, "rejected"), input.GetProperty("rejected").GetInt64());
        }

        var rules = BlockingLine().Matches(run.Error).ToArray();
        var jsonRules = root.GetProperty("blocking").GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal(rules.Length, jsonRules.Length);
        for (var i = 0; i < rules.Length; i++)
        {
            Assert.Equal(rules[i].Groups["rule"].Value, jsonRules[i].GetProperty("rule").GetString());
            Assert.Equal(Long(rules[i], "new"), jsonRules[i].GetProperty("newPairs").GetInt64());
            Assert.Equal(Long(rules[i], "cumulative"), jsonRules[i].GetProperty("cumulativePairs").GetInt64());
        }

        var budget = root.GetProperty("budget");
        Assert.Equal(inputs.Sum(i => i.GetProperty("accepted").GetInt64()), budget.GetProperty("records").GetInt64());
        Assert.True(budget.GetProperty("pairBudget").GetInt64() >= 1_000_000);
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "trainingFallback");

        AssertNoPatientValue(text, Pas);
        AssertNoPatientValue(text, Gp);
    }

    [Fact]
    public void Dedupe_json_counts_equal_the_text_and_clusters_are_null_without_clusters()
    {
        using var temp = new TempCsv();
        var summaryPath = temp.PathOf("run.json");
        var run = CliRunner.Run("dedupe", Pas, "--no-train", "--json", summaryPath, "-q");
        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(summaryPath);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.Equal("nhsid-run/1", root.GetProperty("schema").GetString());
        Assert.Equal("dedupe", root.GetProperty("command").GetString());
        Assert.Equal("default", root.GetProperty("model").GetString());
        Assert.Equal("records", root.GetProperty("inputs")[0].GetProperty("label").GetString());
        Assert.Single(root.GetProperty("inputs").EnumerateArray());
        var written = WrittenLine().Match(run.Error);
        Assert.Equal(Long(written, "compared"), root.GetProperty("pairsCompared").GetInt64());
        Assert.Equal(Long(written, "match"), root.GetProperty("written").GetProperty("match").GetInt64());
        Assert.Equal(Long(written, "review"), root.GetProperty("written").GetProperty("review").GetInt64());
        Assert.Equal(run.OutputLines.Length - 1, root.GetProperty("written").GetProperty("pairs").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("clusters").ValueKind);
        AssertNoPatientValue(text, Pas);
    }

    [Fact]
    public void Train_json_has_the_printed_prior_and_level_weights_and_no_patient_value()
    {
        using var temp = new TempCsv();
        var (model, summaryPath) = (temp.PathOf("model.json"), temp.PathOf("train.json"));
        var run = CliRunner.Run("train", Pas, Gp, "--model-out", model, "--json", summaryPath, "-q");
        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(summaryPath);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.Equal("nhsid-train/1", root.GetProperty("schema").GetString());
        Assert.Equal(2, root.GetProperty("inputs").GetArrayLength());

        var prior = PriorLine().Match(run.Output);
        Assert.True(prior.Success, run.Output);
        Assert.Equal(Parse(prior.Groups["weight"].Value), root.GetProperty("priorWeight").GetDouble(), 2);
        var printed = run.OutputLines.SkipWhile(l => l != "comparison,level,m,u,weight").Skip(1).Select(l => l.Split(',')).ToArray();
        // A linkage model's competition levels are printed last, as rows of comparison "competition".
        var competition = root.GetProperty("competition");
        Assert.Equal(0.5, competition.GetProperty("competitorProbability").GetDouble());
        var levels = root.GetProperty("comparisons").EnumerateArray()
            .SelectMany(c => c.GetProperty("levels").EnumerateArray().Select(l => (Comparison: c.GetProperty("comparison").GetString(), Level: l.GetProperty("level").GetString(), Weight: l.GetProperty("weight").GetDouble())))
            .Concat(competition.GetProperty("levels").EnumerateArray().Select(l => (Comparison: (string?)"competition", Level: l.GetProperty("level").GetString(), Weight: l.GetProperty("weight").GetDouble())))
            .ToArray();
        Assert.Equal(["unrivalled", "best_of_rivals", "outranked"], levels[^3..].Select(l => l.Level));
        Assert.Contains("competition: a rival is another candidate from pairwise probability 0.5;", run.Output, StringComparison.Ordinal);
        Assert.Equal(printed.Length, levels.Length);
        Assert.True(levels.Length > 10);
        for (var i = 0; i < printed.Length; i++)
        {
            Assert.Equal(printed[i][0], levels[i].Comparison);
            Assert.Equal(printed[i][1], levels[i].Level);
            Assert.Equal(Parse(printed[i][4]), levels[i].Weight, 3);
        }

        var fallbacks = Regex.Count(run.Error, "^warning: ", RegexOptions.Multiline);
        Assert.Equal(fallbacks, root.GetProperty("warnings").GetArrayLength());
        AssertNoPatientValue(text, Pas);
        AssertNoPatientValue(text, Gp);
    }

    [Fact]
    public void A_deduplication_model_has_no_competition_in_its_train_json_or_its_printed_weights()
    {
        // Competition is learned for a linkage only: one extract may hold a person several times.
        using var temp = new TempCsv();
        var summaryPath = temp.PathOf("train.json");
        var run = CliRunner.Run("train", Pas, "--model-out", temp.PathOf("model.json"), "--json", summaryPath, "-q");
        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(File.ReadAllText(summaryPath));
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("competition").ValueKind);
        Assert.DoesNotContain(run.OutputLines, l => l.StartsWith("competition", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("link")]
    [InlineData("dedupe")]
    [InlineData("train")]
    public void Json_onto_an_input_is_refused_and_leaves_it_unchanged(string command)
    {
        using var temp = new TempCsv();
        var left = temp.PathOf("left.csv");
        File.Copy(Pas, left);
        var before = File.ReadAllBytes(left);
        string[] args = command switch
        {
            "link" => ["link", left, Gp, "--out", temp.PathOf("links.csv"), "--json", left, "-q"],
            "dedupe" => ["dedupe", left, "--out", temp.PathOf("links.csv"), "--json", left, "-q"],
            _ => ["train", left, "--model-out", temp.PathOf("model.json"), "--json", left, "-q"],
        };
        var run = CliRunner.Run(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--json left.csv is also", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(left));
        Assert.False(File.Exists(temp.PathOf("links.csv")));
        Assert.False(File.Exists(temp.PathOf("model.json")));
    }

    [Fact]
    public void Json_onto_another_output_is_refused()
    {
        using var temp = new TempCsv();
        var links = temp.PathOf("links.csv");
        var run = CliRunner.Run("link", Pas, Gp, "--out", links, "--json", links, "-q");
        Assert.Equal(2, run.ExitCode);
        Assert.False(File.Exists(links));
    }

    /// <summary>No NHS number, name, date of birth or postcode of the input's first rows appears in the text.</summary>
    private static void AssertNoPatientValue(string json, string input)
    {
        var rows = CsvRows.Read(input);
        var header = rows[0];
        var columns = header.Select((name, index) => (name, index))
            .Where(c => Regex.IsMatch(c.name, "nhs|name|surname|forename|dob|date_of_birth|post", RegexOptions.IgnoreCase))
            .Select(c => c.index).ToArray();
        Assert.True(columns.Length >= 4, "the fixture's identifying columns were found");
        var checkedValues = 0;
        foreach (var row in rows.Skip(1).Take(20))
        {
            foreach (var column in columns)
            {
                if (row[column].Length >= 3)
                {
                    Assert.DoesNotContain(row[column], json, StringComparison.Ordinal);
                    Assert.DoesNotContain(row[column].Replace(" ", string.Empty, StringComparison.Ordinal), json, StringComparison.Ordinal);
                    checkedValues++;
                }
            }
        }

        Assert.True(checkedValues > 20);
    }

    private static Dictionary<string, double> TextFigures(string output) =>
        FigureLine().Matches(output).ToDictionary(m => m.Groups["name"].Value, m => Parse(m.Groups["value"].Value));

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static long Long(Match match, string group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static string DigitsOf(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    [GeneratedRegex(@"^(?<name>[a-z_0-9]+): (?<value>-?[0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex FigureLine();

    [GeneratedRegex(@"^(?<name>precision|recall): [0-9.]+ \(95% CI (?<low>[0-9.]+) to (?<high>[0-9.]+)\)", RegexOptions.Multiline)]
    private static partial Regex IntervalLine();

    [GeneratedRegex(@"^pairs compared: (?<compared>\d+); written: (?<written>\d+) \((?<match>\d+) match, (?<review>\d+) review\)", RegexOptions.Multiline)]
    private static partial Regex WrittenLine();

    [GeneratedRegex(@"^clusters: (?<persons>\d+) persons from (?<records>\d+) records", RegexOptions.Multiline)]
    private static partial Regex ClustersLine();

    [GeneratedRegex(@"^(?<label>left|right|records): [^:]+: (?<read>\d+) rows, (?<accepted>\d+) accepted, (?<rejected>\d+) rejected", RegexOptions.Multiline)]
    private static partial Regex InputLine();

    [GeneratedRegex(@"^  blocking (?<rule>\S+): (?<new>\d+) new pairs, (?<cumulative>\d+) cumulative", RegexOptions.Multiline)]
    private static partial Regex BlockingLine();

    [GeneratedRegex(@"^prior \S+ \(weight (?<weight>[+-][0-9.]+)\)", RegexOptions.Multiline)]
    private static partial Regex PriorLine();
}
