using System.Globalization;
using System.Text.RegularExpressions;
using NhsIdentity.Cli.Review;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli;

/// <summary>The clerical review loop: <c>link --review-out/--review-html</c>, <c>evaluate --labels</c>,
/// <c>train --labels</c> and <c>--review-decisions</c>.</summary>
public sealed partial class ReviewCommandTests
{
    private static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");
    private static readonly string Gp = RepositoryRoot.Combine("samples", "data", "gp.csv");
    private static readonly string Truth = RepositoryRoot.Combine("samples", "data", "truth.csv");

    [Fact]
    public void Review_pairs_labelled_from_the_truth_score_as_counted_by_hand()
    {
        using var temp = new TempCsv();
        var (links, review) = (temp.PathOf("links.csv"), temp.PathOf("review.csv"));
        var run = CliRunner.Run("link", Pas, Gp, "--no-train", "--out", links, "--review-out", review,
            "--review-sample-matches", "20", "--review-sample-near-misses", "20", "--seed", "7", "-q");
        Assert.Equal(0, run.ExitCode);

        var lines = File.ReadAllLines(review);
        Assert.StartsWith("left_id,right_id,model_decision,match_probability,match_weight,left_nhs_number,right_nhs_number,left_given_names,right_given_names,", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",decision,note", lines[0], StringComparison.Ordinal);
        var rows = lines.Skip(1).ToArray();
        Assert.Equal(rows.Length, rows.Distinct().Count());
        Assert.Equal(20, rows.Count(r => Cells(r)[2] == "sampled-match"));
        Assert.Equal(20, rows.Count(r => Cells(r)[2] == "sampled-near-miss"));
        var reviews = File.ReadAllLines(links).Count(l => l.EndsWith(",review", StringComparison.Ordinal));
        Assert.Equal(reviews, rows.Count(r => Cells(r)[2] == "review"));

        // Fill the review file's own decision column from the truth; the first row unsure, the second left empty.
        var person = ReadTruth();
        long tp = 0, fp = 0, fn = 0, tn = 0;
        var filled = new List<string> { lines[0] };
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.EndsWith(",,", rows[i], StringComparison.Ordinal); // decision and note start empty
            var cells = Cells(rows[i]);
            var same = person[("pas", cells[0])] == person[("gp", cells[1])];
            var word = i == 0 ? "unsure" : i == 1 ? string.Empty : same ? "match" : "non-match";
            filled.Add(rows[i][..^2] + "," + word + ",");
            if (i < 2)
            {
                continue;
            }

            // Only sampled matches are decided match in the links file: review pairs and near misses are not.
            var linked = cells[2] == "sampled-match";
            (tp, fp, fn, tn) = (tp + (same && linked ? 1 : 0), fp + (!same && linked ? 1 : 0), fn + (same && !linked ? 1 : 0), tn + (!same && !linked ? 1 : 0));
        }

        Assert.True(fn > 0 && tp > 0, "the samples' review pairs hold true matches the default model did not link");
        File.WriteAllLines(temp.PathOf("decided.csv"), filled);
        var evaluate = CliRunner.Run("evaluate", links, "--labels", temp.PathOf("decided.csv"));
        Assert.Equal(0, evaluate.ExitCode);
        var figures = Figures(evaluate.Output);
        Assert.Equal(tp, figures["true_positives"]);
        Assert.Equal(fp, figures["false_positives"]);
        Assert.Equal(fn, figures["false_negatives"]);
        Assert.Equal(tn, figures["true_negatives"]);
        Assert.Equal(1, figures["excluded_unsure"]);
        Assert.Equal(1, figures["excluded_undecided"]);
        Assert.Equal((double)tp / (tp + fp), figures["precision"], 6);
        Assert.Equal((double)tp / (tp + fn), figures["recall"], 6);
    }

    [Fact]
    public void Evaluate_labels_on_a_hand_made_file_gives_hand_computed_figures_and_wilson_intervals()
    {
        using var temp = new TempCsv();
        var links = temp.Write("links.csv", "left_id,right_id,match_weight,match_probability,decision\na1,b1,20,0.999,match\na2,b2,20,0.999,match\na3,b3,3,0.9,review\na4,b4,20,0.999,match\n");
        var labels = temp.Write("labels.csv", "left_id,right_id,decision\na1,b1,match\na2,b2,non-match\na3,b3,match\na5,b5,MATCH\na6,b6,non-match\na4,b4,unsure\na7,b7,\n");
        var result = CliRunner.Run("evaluate", links, "--labels", labels);
        Assert.Equal(0, result.ExitCode);

        // TP a1; FP a2; FN a3 (review is not a match) and a5 (not linked at all); TN a6; a4 unsure, a7 undecided.
        Assert.Contains("precision: 0.500000 (95% CI 0.094531 to 0.905469)", result.Output, StringComparison.Ordinal);
        var figures = Figures(result.Output);
        Assert.Equal(1.0 / 3, figures["recall"], 6);
        Assert.Equal(0.4, figures["f1"], 6);
        Assert.Equal([1, 1, 2, 1, 1, 1], new[] { "true_positives", "false_positives", "false_negatives", "true_negatives", "excluded_unsure", "excluded_undecided" }.Select(k => (int)figures[k]));
    }

    [Fact]
    public void In_a_deduplication_a_reversed_pair_with_another_decision_is_rejected_by_row()
    {
        // (a, b) and (b, a) are one pair in a deduplication; deciding them two ways used to count the pair twice.
        using var temp = new TempCsv();
        var links = temp.Write("links.csv", "left_id,right_id,match_weight,match_probability,decision\na1,b1,20,0.999,match\n");
        var labels = temp.Write("labels.csv", "left_id,right_id,decision\na1,b1,match\nb1,a1,non-match\n");

        var deduplication = CliRunner.Run("evaluate", links, "--dedupe", "--labels", labels);
        var linkage = CliRunner.Run("evaluate", links, "--labels", labels);

        Assert.NotEqual(0, deduplication.ExitCode);
        Assert.Contains("line 3: the same pair as line 2 with a different decision", deduplication.Error, StringComparison.Ordinal);
        Assert.Equal(0, linkage.ExitCode); // in a linkage (b1, a1) is another pair
    }

    [Fact]
    public void A_second_export_with_the_decisions_starts_from_them()
    {
        using var temp = new TempCsv();
        var first = CliRunner.Run("link", Pas, Gp, "--no-train", "--out", temp.PathOf("links.csv"), "--review-out", temp.PathOf("review.csv"), "-q");
        Assert.Equal(0, first.ExitCode);
        var lines = File.ReadAllLines(temp.PathOf("review.csv"));
        Assert.True(lines.Length > 3);
        // Decide the first two pairs only, with a note on the first.
        var decided = lines.Select((l, i) => i == 1 ? l[..^2] + ",non-match,checked" : i == 2 ? l[..^2] + ",match," : l).ToArray();
        File.WriteAllLines(temp.PathOf("decided.csv"), decided);

        var second = CliRunner.Run("link", Pas, Gp, "--no-train", "--out", temp.PathOf("links2.csv"), "--review-out", temp.PathOf("review2.csv"),
            "--review-html", temp.PathOf("review2.html"), "--review-decisions", temp.PathOf("decided.csv"), "-q");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("2 decisions carried over", second.Error, StringComparison.Ordinal);
        Assert.Equal(decided, File.ReadAllLines(temp.PathOf("review2.csv")));
        var html = File.ReadAllText(temp.PathOf("review2.html"));
        Assert.Equal(1, Regex.Count(html, "<option value=\"non-match\" selected=\"selected\">"));
        Assert.Equal(1, Regex.Count(html, "<option value=\"match\" selected=\"selected\">"));
        Assert.Contains("value=\"checked\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_holds_every_pair_and_fetches_nothing()
    {
        using var temp = new TempCsv();
        var run = CliRunner.Run("link", Pas, Gp, "--no-train", "--out", temp.PathOf("links.csv"), "--review-out", temp.PathOf("review.csv"),
            "--review-html", temp.PathOf("review.html"), "--review-sample-near-misses", "3", "-q");
        Assert.Equal(0, run.ExitCode);
        var html = File.ReadAllText(temp.PathOf("review.html"));
        var rows = File.ReadAllLines(temp.PathOf("review.csv")).Skip(1).Select(Cells).ToArray();
        Assert.NotEmpty(rows);
        foreach (var cells in rows)
        {
            Assert.Contains($"data-left=\"{cells[0]}\" data-right=\"{cells[1]}\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(rows.Length, Regex.Count(html, "<section class=\"pair\""));
        Assert.Equal(rows.Length, Regex.Count(html, "<select>"));
        Assert.Contains("class=\"differs\"", html, StringComparison.Ordinal);
        Assert.Contains("onclick=\"save()\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("yes")]
    public void A_labels_file_with_an_unknown_decision_is_rejected_by_row_without_its_values(string word)
    {
        using var temp = new TempCsv();
        var links = temp.Write("links.csv", "left_id,right_id,decision\nRX1,G1,match\n");
        var labels = temp.Write("labels.csv", $"left_id,right_id,decision\nRX1,G1,match\nRX2,G2,{word}\n");
        var result = CliRunner.Run("evaluate", links, "--labels", labels);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("labels.csv, line 3: the decision is not match, non-match or unsure", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(word, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("RX2", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);

        // The same file stops training before any model is written.
        var train = CliRunner.Run("train", Pas, Gp, "--model-out", temp.PathOf("model.json"), "--labels", labels, "-q");
        Assert.Equal(1, train.ExitCode);
        Assert.Contains("line 3", train.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.PathOf("model.json")));
    }

    [Fact]
    public void A_labels_file_that_decides_one_pair_two_ways_or_lacks_a_column_is_rejected()
    {
        using var temp = new TempCsv();
        var links = temp.Write("links.csv", "left_id,right_id,decision\nRX1,G1,match\n");
        var twice = temp.Write("twice.csv", "left_id,right_id,decision\nRX1,G1,match\nRX3,G3,match\nRX1,G1,non-match\n");
        var result = CliRunner.Run("evaluate", links, "--labels", twice);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 4: the same pair as line 2 with a different decision", result.Error, StringComparison.Ordinal);

        var noDecision = temp.Write("nodecision.csv", "left_id,right_id\nRX1,G1\n");
        Assert.Contains("needs left_id, right_id and decision columns", CliRunner.Run("evaluate", links, "--labels", noDecision).Error, StringComparison.Ordinal);
        var emptyId = temp.Write("emptyid.csv", "left_id,right_id,decision\n,G1,match\n");
        Assert.Contains("line 2: left_id is empty", CliRunner.Run("evaluate", links, "--labels", emptyId).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_outputs_never_overwrite_an_input()
    {
        using var temp = new TempCsv();
        var decisions = temp.Write("decided.csv", "left_id,right_id,decision\nRX1,G1,match\n");
        var before = File.ReadAllText(decisions);
        var onDecisions = CliRunner.Run("link", Pas, Gp, "--no-train", "--out", temp.PathOf("links.csv"), "--review-out", decisions, "--review-decisions", decisions);
        Assert.Equal(2, onDecisions.ExitCode);
        Assert.Contains("--review-out decided.csv is also --review-decisions", onDecisions.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(decisions));

        var copy = temp.PathOf("gp.csv");
        File.Copy(Gp, copy);
        var onInput = CliRunner.Run("link", Pas, copy, "--no-train", "--out", temp.PathOf("links.csv"), "--review-html", copy);
        Assert.Equal(2, onInput.ExitCode);
        Assert.Equal(File.ReadAllText(Gp), File.ReadAllText(copy));
        Assert.False(File.Exists(temp.PathOf("links.csv")));

        var sameOutput = CliRunner.Run("link", Pas, Gp, "--no-train", "--out", temp.PathOf("links.csv"), "--review-out", temp.PathOf("links.csv"));
        Assert.Equal(2, sameOutput.ExitCode);
    }

    [Fact]
    public void Sampling_options_without_a_review_output_are_a_usage_error()
    {
        using var temp = new TempCsv();
        var result = CliRunner.Run("link", Pas, Gp, "--no-train", "--out", temp.PathOf("links.csv"), "--review-sample-matches", "5");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("need --review-out FILE or --review-html FILE", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.PathOf("links.csv")));
    }

    [Fact]
    public void The_best_threshold_is_the_cut_with_the_highest_f1_over_the_labels()
    {
        // Cuts: after 0.9 -> F1 2/3; after 0.8 -> 1/2; after 0.7 -> 4/5; after 0.3 -> 2/3.
        var best = LabelThreshold.Best([(0.3, false), (0.9, true), (0.7, true), (0.8, false)]);
        Assert.Equal(0.7, best.Threshold);
        Assert.Equal((2, 1, 0), (best.TruePositives, best.FalsePositives, best.FalseNegatives));
        Assert.Equal(0.8, best.F1, 12);
        Assert.Null(LabelThreshold.Best([(0.3, false), (0.9, false)]).Threshold);
    }

    [Fact]
    public void Train_with_labels_reports_the_threshold_that_separates_them()
    {
        using var temp = new TempCsv();
        Assert.Equal(0, CliRunner.Run("link", Pas, Gp, "--no-train", "--out", temp.PathOf("links.csv"), "--review-out", temp.PathOf("review.csv"),
            "--review-sample-matches", "30", "--review-sample-near-misses", "30", "-q").ExitCode);
        var person = ReadTruth();
        var labels = File.ReadAllLines(temp.PathOf("review.csv")).Skip(1).Select(Cells)
            .Select(c => $"{c[0]},{c[1]},{(person[("pas", c[0])] == person[("gp", c[1])] ? "match" : "non-match")}");
        File.WriteAllLines(temp.PathOf("labels.csv"), ["left_id,right_id,decision", .. labels, "RX_NOT_THERE,G_NOT_THERE,match"]);

        var train = CliRunner.Run("train", Pas, Gp, "--model-out", temp.PathOf("model.json"), "--labels", temp.PathOf("labels.csv"), "-q");
        Assert.Equal(0, train.ExitCode);
        Assert.True(File.Exists(temp.PathOf("model.json")));
        var line = BestThresholdLine().Match(train.Error);
        Assert.True(line.Success, train.Error);
        Assert.Equal("1", line.Groups["missing"].Value);
        var threshold = double.Parse(line.Groups["threshold"].Value, CultureInfo.InvariantCulture);
        Assert.InRange(threshold, 0.0, 1.0);
        Assert.True(double.Parse(line.Groups["f1"].Value, CultureInfo.InvariantCulture) > 0.5, train.Error);
    }

    private static Dictionary<(string Source, string Id), string> ReadTruth() =>
        File.ReadAllLines(Truth).Skip(1).Select(l => l.Split(',')).ToDictionary(c => (c[0], c[1]), c => c[2]);

    /// <summary>The first three cells of a review row (ids and model decision never need quoting in the samples).</summary>
    private static string[] Cells(string row) => row.Split(',', 4)[..3];

    private static Dictionary<string, double> Figures(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0], p => double.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture));

    [GeneratedRegex(@"labels: \d+ decided pairs scored \((?<missing>\d+) not in the inputs\); best threshold (?<threshold>[0-9.Ee-]+) \(F1 (?<f1>[0-9.]+)")]
    private static partial Regex BestThresholdLine();
}
