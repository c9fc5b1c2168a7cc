using System.Text;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Evaluation;
using static NhsIdentity.Cli.Reporting.HtmlText;

namespace NhsIdentity.Cli.Reporting;

// With --truth: precision, recall and F1 of the pairs at or above each match-weight threshold, as a chart and a table.
internal static partial class LinkReportWriter
{
    /// <summary>About how many thresholds the chart samples across the weights seen.</summary>
    private const int SweepSteps = 80;

    /// <summary>About how many rows the threshold table has (the policy's two thresholds are always included).</summary>
    private const int TableSteps = 14;

    private static void WriteTruth(StringBuilder html, LinkReport report, ReportTruth truth)
    {
        OpenSection(html, "truth", "Precision and recall against the truth",
            Invariant($"Scored against {Count(truth.Pairs.Count)} true pairs from {truth.FileName} ({truth.Description}). At each match-weight threshold, the pairs at or above it are taken as links: precision is the share of them that are true, recall the share of true pairs found. True pairs that no blocking rule produced are never found, so they cap recall at every threshold."));

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

        var thresholds = new List<double>(grid) { double.NegativeInfinity };
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
        var blocked = metrics[grid.Count].Metrics;

        var atMatch = Evaluate(metrics, thresholds, matchWeight);
        html.Append("<div class=\"cards\">");
        if (atMatch is { } m)
        {
            Card(html, Number(m.Precision, "0.000"), "precision at the match threshold");
            Card(html, Number(m.Recall, "0.000"), "recall at the match threshold");
            Card(html, Number(m.F1, "0.000"), "F1 at the match threshold");
        }

        Card(html, Number(blocked.Recall, "0.000"), "recall of blocking (best possible)");
        Card(html, Count(blocked.FalseNegatives), "true pairs never blocked", blocked.FalseNegatives > 0 ? "review" : null);
        html.Append("</div>\n");

        PrecisionRecallChart(html, grid, metrics, reviewWeight, matchWeight, policy);

        OpenTable(html, Num("Weight \u2265"), Num("Probability \u2265"), Num("Links"), Num("True"), Num("False"), Num("Missed"), Num("Precision"), Num("Recall"), Num("F1"));
        for (var k = 0; k < table.Count; k++)
        {
            var threshold = table[k];
            var row = metrics[grid.Count + 1 + k].Metrics;
            var isPolicy = threshold == matchWeight || threshold == reviewWeight;
            Row(html, isPolicy ? "policy" : null, Num(Weight(threshold) + (threshold == matchWeight ? " (match)" : threshold == reviewWeight ? " (review)" : string.Empty)),
                Num(Probability(MatchModel.ToProbability(threshold))), Num(Count(row.Predicted)), Num(Count(row.TruePositives)), Num(Count(row.FalsePositives)),
                Num(Count(row.FalseNegatives)), Num(Number(row.Precision, "0.000")), Num(Number(row.Recall, "0.000")), Num(Number(row.F1, "0.000")));
        }

        CloseTable(html);
        Paragraph(html, "Links here are every scored pair at or above the threshold, before any one-to-one assignment or review; the run's own output uses the policy's thresholds.");
        CloseSection(html);
    }

    private static LinkageMetrics? Evaluate(IReadOnlyList<ThresholdMetrics> metrics, List<double> thresholds, double weight)
    {
        for (var k = thresholds.Count - 1; k >= 0; k--)
        {
            if (thresholds[k] == weight)
            {
                return metrics[k].Metrics;
            }
        }

        return null;
    }

    private static void PrecisionRecallChart(StringBuilder html, List<double> grid, IReadOnlyList<ThresholdMetrics> metrics, double reviewWeight, double matchWeight, DecisionPolicy policy)
    {
        const double left = 56, right = 940, top = 30, bottom = 280;
        var chart = new SvgBuilder(html, 960, 330, "Precision, recall and F1 by match-weight threshold");
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
