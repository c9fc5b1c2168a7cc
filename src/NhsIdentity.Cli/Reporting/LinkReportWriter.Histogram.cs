using System.Text;
using NhsIdentity.Matching;
using static NhsIdentity.Cli.Reporting.HtmlText;

namespace NhsIdentity.Cli.Reporting;

// The match-weight histogram of every scored candidate pair, stacked by decision, with the thresholds marked.
internal static partial class LinkReportWriter
{
    /// <summary>About how many bins the histogram has; the width is rounded to 1, 2, 2.5 or 5 times a power of ten.</summary>
    private const int TargetBins = 48;

    /// <summary>Above this ratio of the tallest bar to the shortest, the y axis is logarithmic so small bins show.</summary>
    private const double LogScaleRatio = 500;

    private static void WriteHistogram(StringBuilder html, LinkReport report)
    {
        OpenSection(html, "weights", "Match weights of the candidate pairs",
            "Every pair the blocking rules produced, by match weight, coloured by decision. Dashed lines mark the review and match thresholds. A good model separates two humps: non-matches on the left, matches on the right, with few pairs between.");
        var pairs = report.Scored.Pairs;
        if (pairs.Count == 0)
        {
            Paragraph(html, "No candidate pairs were scored.");
            CloseSection(html);
            return;
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var pair in pairs)
        {
            min = Math.Min(min, pair.Weight);
            max = Math.Max(max, pair.Weight);
        }

        var width = LinearScale.NiceStep(Math.Max(max - min, 1) / TargetBins);
        var first = Math.Floor(min / width);
        var binCount = (int)(Math.Floor(max / width) - first) + 1;
        var counts = new long[binCount, 3];
        foreach (var pair in pairs)
        {
            var bin = Math.Clamp((int)(Math.Floor(pair.Weight / width) - first), 0, binCount - 1);
            counts[bin, (int)pair.Decision]++;
        }

        long tallest = 0, shortest = long.MaxValue;
        for (var b = 0; b < binCount; b++)
        {
            var total = counts[b, 0] + counts[b, 1] + counts[b, 2];
            tallest = Math.Max(tallest, total);
            if (total > 0)
            {
                shortest = Math.Min(shortest, total);
            }
        }

        var logarithmic = tallest >= shortest * LogScaleRatio;
        var chart = new SvgBuilder(html, 960, 340, "Histogram of match weights of all scored candidate pairs");
        const double left = 64, right = 940, top = 30, bottom = 290;
        var reviewWeight = LinkReport.WeightOf(report.Model.Policy.ReviewProbability);
        var matchWeight = LinkReport.WeightOf(report.Model.Policy.MatchProbability);
        var lowest = first * width;
        var highest = (first + binCount) * width;
        if (double.IsFinite(reviewWeight))
        {
            lowest = Math.Min(lowest, reviewWeight - width);
            highest = Math.Max(highest, reviewWeight + width);
        }

        if (double.IsFinite(matchWeight))
        {
            highest = Math.Max(highest, matchWeight + width);
        }

        var x = new LinearScale(lowest, highest, left, right);
        var yMax = logarithmic ? Math.Ceiling(Math.Log10(tallest)) : tallest;
        var y = logarithmic ? new LinearScale(-0.3, Math.Max(yMax, 1), bottom, top) : LinearScale.Nice(0, tallest, bottom, top, 5);

        foreach (var tick in y.Ticks(5))
        {
            if (logarithmic && (tick < 0 || tick != Math.Floor(tick)))
            {
                continue;
            }

            chart.Line(left, y[tick], right, y[tick], "gridline");
            chart.Text(left - 6, y[tick] + 4, logarithmic ? Count((long)Math.Pow(10, tick)) : Count((long)tick), "small", "end");
        }

        foreach (var tick in x.Ticks(10))
        {
            chart.Line(x[tick], bottom, x[tick], bottom + 4, "axis");
            chart.Text(x[tick], bottom + 16, Number(tick, "0.#"), "small", "middle");
        }

        for (var b = 0; b < binCount; b++)
        {
            var from = (first + b) * width;
            var x0 = x[from] + 0.5;
            var x1 = x[from + width] - 0.5;
            var total = counts[b, 0] + counts[b, 1] + counts[b, 2];
            if (total == 0)
            {
                continue;
            }

            var fullHeight = bottom - (logarithmic ? y[Math.Log10(total)] : y[total]);
            var at = bottom;
            foreach (var decision in (ReadOnlySpan<MatchDecision>)[MatchDecision.NonMatch, MatchDecision.Review, MatchDecision.Match])
            {
                var count = counts[b, (int)decision];
                if (count == 0)
                {
                    continue;
                }

                var height = fullHeight * count / total;
                chart.Rect(x0, at - height, x1 - x0, height, BarClass(decision), Invariant(
                    $"{Number(from, "0.##")} to {Number(from + width, "0.##")} bits: {Count(count)} {DecisionWord(decision)} pair(s)"));
                at -= height;
            }
        }

        chart.Line(left, bottom, right, bottom, "axis");
        chart.Line(left, top, left, bottom, "axis");
        ThresholdLine(chart, x, reviewWeight, top, bottom, "review \u2265 " + Probability(report.Model.Policy.ReviewProbability), "threshold-review", "end");
        ThresholdLine(chart, x, matchWeight, top, bottom, "match \u2265 " + Probability(report.Model.Policy.MatchProbability), "threshold", "start");
        chart.Text((left + right) / 2, 326, "match weight (bits)", "axis-title", "middle");
        chart.VerticalText(16, (top + bottom) / 2, logarithmic ? "pairs (log scale)" : "pairs");
        Legend(chart, right - 250, 14, [("non-match", "bar-nonmatch"), ("review", "bar-review"), ("match", "bar-match")]);
        chart.Close();
        html.Append('\n');
        Paragraph(html, Invariant($"{Count(pairs.Count)} pairs in bins of {Number(width, "0.##")} bits{(logarithmic ? "; the count axis is logarithmic because the tallest bin is much taller than the shortest" : string.Empty)}. Pairs never produced by a blocking rule are not scored and do not appear here."));
        CloseSection(html);
    }

    /// <summary>A dashed vertical line at a threshold, labelled on one side (<paramref name="anchor"/> <c>end</c>: to
    /// the left) so the review and match labels do not overlap when the thresholds are close.</summary>
    private static void ThresholdLine(SvgBuilder chart, LinearScale x, double weight, double top, double bottom, string label, string cssClass, string anchor)
    {
        if (!double.IsFinite(weight) || weight < x.DomainMin || weight > x.DomainMax)
        {
            return;
        }

        chart.Line(x[weight], top - 16, x[weight], bottom, cssClass);
        chart.Text(x[weight] + (anchor == "end" ? -4 : 4), top - 8, label, "small", anchor);
    }

    private static void Legend(SvgBuilder chart, double x, double y, (string Text, string CssClass)[] entries)
    {
        foreach (var (text, cssClass) in entries)
        {
            chart.Rect(x, y - 9, 10, 10, cssClass);
            chart.Text(x + 14, y, text);
            x += 22 + (text.Length * 6.5);
        }
    }

    private static string BarClass(MatchDecision decision) => decision switch
    {
        MatchDecision.Match => "bar-match",
        MatchDecision.Review => "bar-review",
        _ => "bar-nonmatch",
    };

    private static string DecisionWord(MatchDecision decision) => decision switch
    {
        MatchDecision.Match => "match",
        MatchDecision.Review => "review",
        _ => "non-match",
    };
}
