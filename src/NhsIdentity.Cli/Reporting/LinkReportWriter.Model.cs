using System.Text;
using NhsIdentity.Matching;
using static NhsIdentity.Cli.Reporting.HtmlText;

namespace NhsIdentity.Cli.Reporting;

// The model: each comparison level's match weight as a bar, with its m- and u-probabilities (after Splink's match
// weights chart), on one scale shared by all comparisons so their strengths can be compared by eye.
internal static partial class LinkReportWriter
{
    private const double LevelRowHeight = 20;

    private static void WriteModel(StringBuilder html, LinkReport report)
    {
        OpenSection(html, "model", "Model: the weight of each comparison level",
            "Each bar is the evidence a level gives, log\u2082(m/u) bits: to the right for a match, to the left against. m is how often true matches reach the level, u how often two different people do. Missing values weigh 0. All charts share one scale.");
        var comparisons = report.Model.Comparisons;
        double low = Math.Min(0, report.Model.PriorWeight), high = 0;
        foreach (var comparison in comparisons)
        {
            foreach (var level in comparison.Levels)
            {
                low = Math.Min(low, level.Weight);
                high = Math.Max(high, level.Weight);
            }
        }

        const double barStart = 170, barEnd = 392;
        var x = LinearScale.Nice(low, high, barStart, barEnd, 5);
        Paragraph(html, Invariant($"Prior: \u03BB = {report.Model.PriorMatchProbability:G4}, the chance that two records picked at random are the same person, worth {Weight(report.Model.PriorWeight)} bits before any comparison."));
        if (report.TrainingFallbacks.Count > 0)
        {
            // The legend for the grey bars: training kept these values from the starting model (see TrainingWarnings).
            Paragraph(html, "Grey bars kept the starting value: too few pairs to estimate them from this data (the warnings on standard error say which of m and u).");
        }

        html.Append("<div class=\"grid2\">\n");
        foreach (var comparison in comparisons)
        {
            html.Append("<figure><figcaption><strong>");
            Append(html, ComparisonName(comparison.Comparison)).Append("</strong></figcaption>");
            var rows = comparison.Levels.Count;
            var height = 30 + (rows * LevelRowHeight) + 22;
            var chart = new SvgBuilder(html, 560, height, "Match weights of the " + ComparisonName(comparison.Comparison) + " comparison levels");
            const double top = 26;
            var bottom = top + (rows * LevelRowHeight);
            chart.Text(4, 14, "level", "heading");
            chart.Text(barEnd + 58, 14, "weight", "heading", "end");
            chart.Text(502, 14, "m", "heading", "end");
            chart.Text(556, 14, "u", "heading", "end");
            foreach (var tick in x.Ticks(5))
            {
                chart.Line(x[tick], top - 2, x[tick], bottom, tick == 0 ? "axis" : "gridline");
                chart.Text(x[tick], bottom + 14, Number(tick, "0.#"), "small", "middle");
            }

            for (var level = 0; level < rows; level++)
            {
                var parameters = comparison.Levels[level];
                var rowTop = top + (level * LevelRowHeight);
                var weight = parameters.Weight;
                var name = comparison.Definition.Levels[level].Name + (comparison.IsLevelUsed(level) ? string.Empty : " (not used)");
                chart.Text(4, rowTop + 14, name);
                var kept = NhsIdentity.Cli.Commands.TrainingWarnings.KeptStartingValue(report.TrainingFallbacks, comparison.Comparison, level);
                chart.Rect(x[0], rowTop + 3, x[weight] - x[0], LevelRowHeight - 6, kept ? "bar-kept" : weight > 0 ? "bar-pos" : weight < 0 ? "bar-neg" : "bar-zero",
                    Invariant($"{ComparisonName(comparison.Comparison)} {name}: {Weight(weight)} bits, m = {Parameter(parameters.M)}, u = {Parameter(parameters.U)}{(kept ? " (kept the starting value: too few pairs)" : string.Empty)}"));
                chart.Text(barEnd + 58, rowTop + 14, Weight(weight), "bold", "end");
                chart.Text(502, rowTop + 14, Parameter(parameters.M), "label", "end");
                chart.Text(556, rowTop + 14, Parameter(parameters.U), "label", "end");
            }

            chart.Close();
            html.Append("</figure>\n");
        }

        html.Append("</div>\n");
        WriteCompetition(html, report);
        CloseSection(html);
    }

    /// <summary>The competition among a linkage's candidates, when the run weighed it: a table rather than a chart,
    /// since it is three levels added after the pairwise comparisons, not another comparison of fields.</summary>
    private static void WriteCompetition(StringBuilder html, LinkReport report)
    {
        if (!NhsIdentity.Cli.Commands.CompetitionText.IsWeighed(report.Model, !report.IsDeduplication))
        {
            return;
        }

        var competition = report.Model.Competition!;
        html.Append("<h3 id=\"competition\">Competition among candidates</h3>\n");
        Paragraph(html, Invariant($"A rival is another candidate of either record with a pairwise probability of at least {Probability(competition.CompetitorProbability)}; since each extract holds a person about once, a pair without rivals is more likely the same person, so each linked pair's weight adds the weight of its level below, learned from this linkage's candidate pairs."));
        OpenTableOfClass(html, "narrow", "Level", Num("m"), Num("u"), Num("Weight (bits)"));
        foreach (var level in NhsIdentity.Cli.Commands.CompetitionText.Levels)
        {
            var parameters = competition[level];
            Row(html, null, NhsIdentity.Cli.Commands.CompetitionText.Words(level), Num(Parameter(parameters.M)), Num(Parameter(parameters.U)), Num(Weight(parameters.Weight)));
        }

        CloseTable(html);
    }
}
