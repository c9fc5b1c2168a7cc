using System.Text;
using NhsIdentity.Cli.Commands;
using NhsIdentity.Matching;
using static NhsIdentity.Cli.Reporting.HtmlText;

namespace NhsIdentity.Cli.Reporting;

// Waterfalls: why a pair scored as it did, from the prior through each comparison to the final weight, for a sample
// of the pairs sent to review and for the non-matches that came closest to review.
internal static partial class LinkReportWriter
{
    private const double WaterfallRowHeight = 20;

    private static void WriteWaterfalls(StringBuilder html, LinkReport report)
    {
        var reviews = new List<MatchPair>();
        foreach (var pair in report.Output)
        {
            if (pair.Decision == MatchDecision.Review)
            {
                reviews.Add(pair);
            }
        }

        var nonMatches = new List<MatchPair>();
        foreach (var pair in report.Scored.Pairs)
        {
            if (pair.Decision == MatchDecision.NonMatch)
            {
                nonMatches.Add(pair);
            }
        }

        reviews.Sort(ByWeightDescending);
        nonMatches.Sort(ByWeightDescending);
        var sampledReviews = EvenlySpaced(reviews, report.SampleSize);
        var closest = nonMatches.GetRange(0, Math.Min(report.SampleSize, nonMatches.Count));

        OpenSection(html, "reviews", "Pairs sent to review",
            Invariant($"{Count(reviews.Count)} pairs were decided review. {(sampledReviews.Count < reviews.Count ? Invariant($"{sampledReviews.Count}, evenly spaced from the strongest to the weakest, are") : "Each is")} explained below: the prior, then each comparison's level and weight{(CompetitionText.IsWeighed(report.Model, !report.IsDeduplication) ? ", then the pair's competition with its records' other candidates" : string.Empty)}, then the final weight."));
        WritePairs(html, report, sampledReviews, "No pair was decided review.");
        CloseSection(html);

        OpenSection(html, "near-misses", "Closest non-matches",
            Invariant($"The {closest.Count} highest-weighted of the {Count(nonMatches.Count)} candidate pairs decided non-match: if true matches are being missed, they are most likely here."));
        WritePairs(html, report, closest, "No candidate pair was decided non-match.");
        CloseSection(html);
    }

    private static void WritePairs(StringBuilder html, LinkReport report, List<MatchPair> pairs, string whenEmpty)
    {
        if (pairs.Count == 0)
        {
            Paragraph(html, whenEmpty);
            return;
        }

        html.Append("<div class=\"grid2\">\n");
        var outcomes = new ComparisonOutcome[report.Model.Comparisons.Count];
        foreach (var pair in pairs)
        {
            var written = report.Model.Explain(report.Left, pair.LeftIndex, report.Right, pair.RightIndex, outcomes);
            var leftId = report.LeftId(pair.LeftIndex);
            var rightId = report.RightId(pair.RightIndex);
            html.Append("<figure><figcaption><strong>");
            Append(html, leftId + " \u2194 " + rightId).Append("</strong> \u00B7 ");
            Append(html, Invariant($"weight {Weight(pair.Weight)}, probability {Probability(pair.Probability)}, {DecisionWord(pair.Decision)}"));
            if (pair.Decision == MatchDecision.Review && pair.Probability >= report.Model.Policy.MatchProbability)
            {
                Append(html, " (capped: identity evidence disagrees)");
            }

            html.Append("</figcaption>");
            Waterfall(html, report, pair, leftId, rightId, outcomes.AsSpan(0, written));
            if (report.ShowsValues)
            {
                Values(html, report.LeftRecords![pair.LeftIndex], report.RightRecords![pair.RightIndex]);
            }

            html.Append("</figure>\n");
        }

        html.Append("</div>\n");
    }

    private static void Waterfall(StringBuilder html, LinkReport report, MatchPair pair, string leftId, string rightId, ReadOnlySpan<ComparisonOutcome> outcomes)
    {
        const double labelEnd = 206, barStart = 214, barEnd = 488, top = 30;
        var reviewWeight = LinkReport.WeightOf(report.Model.Policy.ReviewProbability);
        var matchWeight = LinkReport.WeightOf(report.Model.Policy.MatchProbability);
        var prior = report.Model.PriorWeight;
        // A link that weighed competition adds the pair's level last: the pairwise bars alone do not sum to its weight.
        var competition = CompetitionWeight(report, pair);
        double low = Math.Min(0, prior), high = Math.Max(0, prior), running = prior;
        foreach (var outcome in outcomes)
        {
            running += outcome.Weight;
            low = Math.Min(low, running);
            high = Math.Max(high, running);
        }

        if (competition is { } added)
        {
            running += added;
            low = Math.Min(low, running);
            high = Math.Max(high, running);
        }

        foreach (var threshold in (ReadOnlySpan<double>)[reviewWeight, matchWeight])
        {
            if (double.IsFinite(threshold))
            {
                low = Math.Min(low, threshold);
                high = Math.Max(high, threshold);
            }
        }

        var rows = outcomes.Length + 2 + (competition is null ? 0 : 1);
        var bottom = top + (rows * WaterfallRowHeight);
        var chart = new SvgBuilder(html, 560, bottom + 22, "Waterfall of the match weight of pair " + leftId + " and " + rightId);
        var x = LinearScale.Nice(low, high, barStart, barEnd, 6);
        foreach (var tick in x.Ticks(6))
        {
            chart.Line(x[tick], top - 2, x[tick], bottom, tick == 0 ? "axis" : "gridline");
            chart.Text(x[tick], bottom + 14, Number(tick, "0.#"), "small", "middle");
        }

        WaterfallThreshold(chart, x, reviewWeight, top, bottom, "review", "threshold-review", "end");
        WaterfallThreshold(chart, x, matchWeight, top, bottom, "match", "threshold", "start");

        var rowTop = top;
        chart.Text(labelEnd, rowTop + 14, "Prior", "label", "end");
        chart.Rect(x[0], rowTop + 3, x[prior] - x[0], WaterfallRowHeight - 6, "bar-prior", Invariant($"prior: {Weight(prior)} bits"));
        chart.Text(556, rowTop + 14, Weight(prior), "label", "end");
        running = prior;
        foreach (var outcome in outcomes)
        {
            rowTop += WaterfallRowHeight;
            var name = ComparisonName(outcome.Comparison) + " \u00B7 " + LevelText(outcome);
            chart.Line(x[running], rowTop - 3, x[running], rowTop + 3, "connector");
            chart.Text(labelEnd, rowTop + 14, name, "label", "end");
            var next = running + outcome.Weight;
            var tooltip = name + ": " + Weight(outcome.Weight) + " bits";
            if (outcome.TermFrequencyAdjustment != 0)
            {
                tooltip += " (term frequency " + Weight(outcome.TermFrequencyAdjustment) + ")";
            }

            chart.Rect(x[running], rowTop + 3, Math.Abs(x[next] - x[running]) < 1 ? 1 : x[next] - x[running], WaterfallRowHeight - 6,
                outcome.Weight > 0 ? "bar-pos" : outcome.Weight < 0 ? "bar-neg" : "bar-zero", tooltip);
            chart.Text(556, rowTop + 14, Weight(outcome.Weight), "label", "end");
            running = next;
        }

        if (competition is { } weight)
        {
            rowTop += WaterfallRowHeight;
            var name = "Competition \u00B7 " + CompetitionText.Words(pair.Competition);
            chart.Line(x[running], rowTop - 3, x[running], rowTop + 3, "connector");
            chart.Text(labelEnd, rowTop + 14, name, "label", "end");
            var next = running + weight;
            chart.Rect(x[running], rowTop + 3, Math.Abs(x[next] - x[running]) < 1 ? 1 : x[next] - x[running], WaterfallRowHeight - 6,
                weight > 0 ? "bar-pos" : weight < 0 ? "bar-neg" : "bar-zero", name + ": " + Weight(weight) + " bits (among the candidates of both records)");
            chart.Text(556, rowTop + 14, Weight(weight), "label", "end");
            running = next;
        }

        rowTop += WaterfallRowHeight;
        chart.Line(x[running], rowTop - 3, x[running], rowTop + 3, "connector");
        chart.Text(labelEnd, rowTop + 14, "Final weight", "bold", "end");
        chart.Rect(x[0], rowTop + 3, x[pair.Weight] - x[0], WaterfallRowHeight - 6, "bar-total", Invariant($"final: {Weight(pair.Weight)} bits, probability {Probability(pair.Probability)}"));
        chart.Text(556, rowTop + 14, Weight(pair.Weight), "bold", "end");
        chart.Close();
    }

    /// <summary>The weight competition added to a pair, or null when the run did not weigh it (a deduplication, or a
    /// model without <see cref="MatchModel.Competition"/>).</summary>
    private static double? CompetitionWeight(LinkReport report, MatchPair pair) =>
        pair.Competition != CandidateCompetition.NotWeighed && report.Model.Competition is { } competition ? competition.WeightOf(pair.Competition) : null;

    private static void WaterfallThreshold(SvgBuilder chart, LinearScale x, double weight, double top, double bottom, string label, string cssClass, string anchor)
    {
        if (!double.IsFinite(weight))
        {
            return;
        }

        chart.Line(x[weight], top - 8, x[weight], bottom, cssClass);
        chart.Text(x[weight] + (anchor == "end" ? 2 : -2), top - 12, label, "small", anchor);
    }

    /// <summary>The level reached, or which side was missing.</summary>
    private static string LevelText(ComparisonOutcome outcome) => outcome.Missing switch
    {
        MissingSide.None => outcome.LevelName,
        MissingSide.Left => "missing (left)",
        MissingSide.Right => "missing (right)",
        _ => "missing (both)",
    };

    /// <summary>The two records' fields side by side (only with --report-show-values).</summary>
    private static void Values(StringBuilder html, PatientRecord left, PatientRecord right)
    {
        html.Append("<table class=\"values\">\n<thead><tr><th>Field</th><th>Left</th><th>Right</th></tr></thead>\n<tbody>\n");
        // Every field a comparison reads, in comparison order: a field added with a new comparison shows here too.
        foreach (var definition in ComparisonDefinition.All)
        {
            foreach (var field in definition.Fields)
            {
                var property = typeof(PatientRecord).GetProperty(field)!;
                var label = definition.Fields.Count == 1 ? definition.DisplayName : Words(field);
                ValueRow(html, label, (string?)property.GetValue(left), (string?)property.GetValue(right));
            }
        }

        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>A property name as words: <c>GivenNames</c> is "Given names".</summary>
    private static string Words(string name)
    {
        var words = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            words.Append(words.Length > 0 && char.IsAsciiLetterUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString());
        }

        return words.ToString();
    }

    private static void ValueRow(StringBuilder html, string field, string? left, string? right)
    {
        if (string.IsNullOrWhiteSpace(left) && string.IsNullOrWhiteSpace(right))
        {
            return;
        }

        var differs = !string.Equals(left?.Trim(), right?.Trim(), StringComparison.OrdinalIgnoreCase) ? " class=\"differs\"" : string.Empty;
        html.Append("<tr><th>");
        Append(html, field).Append("</th><td").Append(differs).Append('>');
        Append(html, left).Append("</td><td").Append(differs).Append('>');
        Append(html, right).Append("</td></tr>\n");
    }

    /// <summary>Highest weight first; ties by (left, right) so the order never depends on the sort's stability.</summary>
    private static int ByWeightDescending(MatchPair a, MatchPair b)
    {
        var byWeight = b.Weight.CompareTo(a.Weight);
        if (byWeight != 0)
        {
            return byWeight;
        }

        var byLeft = a.LeftIndex.CompareTo(b.LeftIndex);
        return byLeft != 0 ? byLeft : a.RightIndex.CompareTo(b.RightIndex);
    }

    /// <summary>Up to <paramref name="count"/> items spread evenly from the first to the last.</summary>
    private static List<MatchPair> EvenlySpaced(List<MatchPair> sorted, int count)
    {
        if (sorted.Count <= count)
        {
            return sorted;
        }

        var sample = new List<MatchPair>(count);
        for (var k = 0; k < count; k++)
        {
            sample.Add(sorted[count == 1 ? 0 : (int)((long)k * (sorted.Count - 1) / (count - 1))]);
        }

        return sample;
    }
}
