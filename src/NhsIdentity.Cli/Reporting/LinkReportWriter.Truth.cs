using System.Text;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Evaluation;
using static NhsIdentity.Cli.Reporting.HtmlText;

namespace NhsIdentity.Cli.Reporting;

// With --truth: precision, recall and F1 of the written decisions, blocking recall by rule, and (labelled as before the
// decision policy) the pairs at or above each match-weight threshold, as a chart and a table.
internal static partial class LinkReportWriter
{
    /// <summary>About how many thresholds the chart samples across the weights seen.</summary>
    private const int SweepSteps = 80;

    /// <summary>About how many rows the threshold table has (the policy's two thresholds are always included).</summary>
    private const int TableSteps = 14;

    private static void WriteTruth(StringBuilder html, LinkReport report, TruthScore score)
    {
        var truth = score.Truth;
        var written = score.Written;
        OpenSection(html, "truth", "Precision and recall against the truth",
            Invariant($"Scored against {Count(score.TruePairs)} true pairs from {truth.FileName} ({truth.Description}). The figures are those of the decisions this run wrote: the pairs written with decision match, after the decision policy and any one-to-one assignment, as nhsid evaluate scores the links file. Precision is the share of them that are true, recall the share of true pairs found."));

        html.Append("<div class=\"cards\">");
        Card(html, Number(written.Precision, "0.000"), "precision of the written matches");
        Card(html, Number(written.Recall, "0.000"), "recall of the written matches");
        Card(html, Number(written.F1, "0.000"), "F1 of the written matches");
        Card(html, Count(written.FalsePositives), "false matches written", written.FalsePositives > 0 ? "alert" : null);
        Card(html, Number(score.BlockingRecall, "0.000"), "blocking recall (ceiling of recall)");
        Card(html, Count(score.NeverCandidates), "true pairs never candidates", score.NeverCandidates > 0 ? "review" : null);
        html.Append("</div>\n");

        WriteBlockingRecall(html, score);
        WriteSweep(html, report, truth);
        CloseSection(html);
    }

    /// <summary>Blocking recall rule by rule: true pairs no rule blocks are never scored, so never found.</summary>
    private static void WriteBlockingRecall(StringBuilder html, TruthScore score)
    {
        html.Append("<h3>Blocking recall by rule</h3>\n");
        Paragraph(html, Invariant($"A true pair is a candidate pair when its two records share some rule's blocking key in a block not skipped for its size. {Count(score.Blocking.Blocked)} of {Count(score.TruePairs)} true pairs were ({Number(score.BlockingRecall, "0.000")}); the others can never be linked by any model{(score.NotInInputs > 0 ? Invariant($", and {Count(score.NotInInputs)} of them have a record that is not in the inputs") : string.Empty)}."));
        OpenTable(html, "Rule", Num("True pairs blocked"), Num("Share alone"), Num("Added"), Num("Cumulative share"), Num("In blocks skipped for size"));
        foreach (var rule in score.Blocking.Rules)
        {
            Row(html, null, rule.RuleName, Num(Count(rule.Blocked)), Num(Number(score.Share(rule.Blocked), "0.000")), Num(Count(rule.Added)),
                Num(Number(score.Share(rule.CumulativeBlocked), "0.000")), Num(Count(rule.SkippedForSize)));
        }

        CloseTable(html);
    }

    /// <summary>Precision and recall by match-weight threshold over every scored pair: what the thresholds alone would
    /// give, before the decision policy's caps and any one-to-one assignment, for choosing them.</summary>
    private static void WriteSweep(StringBuilder html, LinkReport report, RunTruth truth)
    {
        html.Append("<h3>By probability, before the decision policy</h3>\n");
        Paragraph(html, "Here every scored pair at or above a match-weight threshold counts as a link, whatever the decision policy's caps (identity evidence) and one-to-one assignment did with it: the curve for choosing thresholds, not the run's result. The run's own figures are the ones above.");

        var pairs = report.Scored.Pairs;
        double min = 0, max = 0;
        var predicted = new List<(string LeftId, string RightId, double Score)>(pairs.Count);
        foreach (var pair in pairs)
        {
            min = Math.Min(min, pair.Weight);
            max = Math.Max(max, pair.Weight);

            // Sweep ranks pairs by the score it is given. Weights are passed rather than probabilities: probabilities
            // round to exactly 1 above about 53 bits, where the strongest matches are, and would tie there.
            predicted.Add((report.LeftId(pair.LeftIndex), report.RightId(pair.RightIndex), pair.Weight));
        }

        var policy = report.Model.Policy;
        var reviewWeight = LinkReport.WeightOf(policy.ReviewProbability);
        var matchWeight = LinkReport.WeightOf(policy.MatchProbability);
        var step = LinearScale.NiceStep(Math.Max(max - min, 1) / SweepSteps);
        var grid = new List<double>();
        for (var k = Math.Floor(min / step); k * step <= max + step; k++)
        {
            grid.Add(k * step);
        }

        var thresholds = new List<double>(grid);
        var tableStep = LinearScale.NiceStep(Math.Max(max - min, 1) / TableSteps);
        var table = new List<double>();
        for (var k = Math.Ceiling(max / tableStep); k * tableStep >= min - tableStep; k--)
        {
            table.Add(k * tableStep);
        }

        foreach (var threshold in (ReadOnlySpan<double>)[matchWeight, reviewWeight])
        {
            if (double.IsFinite(threshold) && !table.Contains(threshold))
            {
                table.Add(threshold);
            }
        }

        table.Sort(static (a, b) => b.CompareTo(a));
        thresholds.AddRange(table);
        var metrics = LinkageEvaluation.Sweep(predicted, truth.Pairs, thresholds, truth.Unordered);

        PrecisionRecallChart(html, grid, metrics, reviewWeight, matchWeight, policy);

        OpenTable(html, Num("Weight \u2265"), Num("Probability \u2265"), Num("Pairs at or above"), Num("True"), Num("False"), Num("Missed"), Num("Precision"), Num("Recall"), Num("F1"));
        for (var k = 0; k < table.Count; k++)
        {
            var threshold = table[k];
            var row = metrics[grid.Count + k].Metrics;
            var isPolicy = threshold == matchWeight || threshold == reviewWeight;
            Row(html, isPolicy ? "policy" : null, Num(Weight(threshold) + (threshold == matchWeight ? " (match)" : threshold == reviewWeight ? " (review)" : string.Empty)),
                Num(Probability(MatchModel.ToProbability(threshold))), Num(Count(row.Predicted)), Num(Count(row.TruePositives)), Num(Count(row.FalsePositives)),
                Num(Count(row.FalseNegatives)), Num(Number(row.Precision, "0.000")), Num(Number(row.Recall, "0.000")), Num(Number(row.F1, "0.000")));
        }

        CloseTable(html);
    }

    private static void PrecisionRecallChart(StringBuilder html, List<double> grid, IReadOnlyList<ThresholdMetrics> metrics, double reviewWeight, double matchWeight, DecisionPolicy policy)
    {
        const double left = 56, right = 940, top = 30, bottom = 280;
        var chart = new SvgBuilder(html, 960, 330, "Precision, recall and F1 by match-weight threshold, before the decision policy");
        var x = new LinearScale(grid[0], grid[^1], left, right);
        var y = new LinearScale(0, 1, bottom, top);
        for (var tick = 0.0; tick <= 1.0001; tick += 0.2)
        {
            chart.Line(left, y[tick], right, y[tick], "gridline");
            chart.Text(left - 6, y[tick] + 4, Number(tick, "0.0"), "small", "end");
        }

        foreach (var tick in x.Ticks(10))
        {
            chart.Line(x[tick], bottom, x[tick], bottom + 4, "axis");
            chart.Text(x[tick], bottom + 16, Number(tick, "0.#"), "small", "middle");
        }

        var precision = new List<(double, double)>(grid.Count);
        var recall = new List<(double, double)>(grid.Count);
        var f1 = new List<(double, double)>(grid.Count);
        for (var k = 0; k < grid.Count; k++)
        {
            var at = metrics[k].Metrics;
            precision.Add((x[grid[k]], y[at.Precision]));
            recall.Add((x[grid[k]], y[at.Recall]));
            f1.Add((x[grid[k]], y[at.F1]));
        }

        chart.Polyline(f1, "line-f1");
        chart.Polyline(recall, "line-recall");
        chart.Polyline(precision, "line-precision");
        chart.Line(left, bottom, right, bottom, "axis");
        chart.Line(left, top, left, bottom, "axis");
        ThresholdLine(chart, x, reviewWeight, top, bottom, "review \u2265 " + Probability(policy.ReviewProbability), "threshold-review", "end");
        ThresholdLine(chart, x, matchWeight, top, bottom, "match \u2265 " + Probability(policy.MatchProbability), "threshold", "start");
        chart.Text((left + right) / 2, 316, "match weight threshold (bits): pairs at or above it are links", "axis-title", "middle");
        chart.VerticalText(16, (top + bottom) / 2, "share");
        Legend(chart, right - 240, 14, [("precision", "dot-precision"), ("recall", "dot-recall"), ("F1", "dot-f1")]);
        chart.Close();
        html.Append('\n');
    }
}
