using System.Text;
using NhsIdentity.Matching;
using static NhsIdentity.Cli.Reporting.HtmlText;

namespace NhsIdentity.Cli.Reporting;

// The summary: what came in, what was compared, what was decided, and whether patient values are shown.
internal static partial class LinkReportWriter
{
    private static void WriteSummary(StringBuilder html, LinkReport report)
    {
        var policy = report.Model.Policy;
        OpenSection(html, "summary", "Summary", Invariant(
            $"Pairs are decided match at a probability of {Probability(policy.MatchProbability)} or more (weight {Weight(LinkReport.WeightOf(policy.MatchProbability))}) and review from {Probability(policy.ReviewProbability)} (weight {Weight(LinkReport.WeightOf(policy.ReviewProbability))}){(policy.DifferentNhsNumbersNeverMatch ? "; a pair that holds two different valid NHS numbers is at most review" : string.Empty)}."));

        long matches = 0, reviews = 0;
        foreach (var pair in report.Output)
        {
            matches += pair.Decision == MatchDecision.Match ? 1 : 0;
            reviews += pair.Decision == MatchDecision.Review ? 1 : 0;
        }

        long records = 0, rejected = 0;
        foreach (var input in report.Inputs)
        {
            records += input.Accepted;
            rejected += input.Rejected;
        }

        html.Append("<div class=\"cards\">");
        Card(html, Count(records), "records in");
        Card(html, Count(rejected), "rows rejected", rejected > 0 ? "alert" : null);
        Card(html, Count(report.Scored.PairsCompared), "candidate pairs scored");
        Card(html, Count(matches), "matches");
        Card(html, Count(reviews), "to review", "review");
        Card(html, Count(report.Clusters.Count), "persons (clusters)");
        Card(html, Count(report.Clusters.Conflicts.Count), "conflicts refused", report.Clusters.Conflicts.Count > 0 ? "alert" : null);
        if (report.Truth is { } truth)
        {
            // The written decisions against the truth, the same figures as the truth section's and nhsid evaluate's.
            Card(html, Number(truth.Written.Precision, "0.000"), "precision (written matches)");
            Card(html, Number(truth.Written.Recall, "0.000"), "recall (written matches)");
            Card(html, Number(truth.Written.F1, "0.000"), "F1 (written matches)");
        }

        html.Append("</div>\n");

        OpenTable(html, "Input", "File", Num("Rows read"), Num("Accepted"), Num("Rejected"));
        foreach (var input in report.Inputs)
        {
            Row(html, null, input.Label, input.FileName, Num(Count(input.RowsRead)), Num(Count(input.Accepted)), Num(Count(input.Rejected)));
        }

        CloseTable(html);
        Paragraph(html, Invariant($"Model: {report.ModelSource}. Prior match probability \u03BB = {report.Model.PriorMatchProbability:G4} (weight {Weight(report.Model.PriorWeight)}); {report.Model.Comparisons.Count} comparisons."));

        if (report.ShowsValues)
        {
            Paragraph(html, "This report shows patient values (--report-show-values). It holds identifiable data: store and share it only as you would the extracts themselves.", "privacy shown");
        }
        else
        {
            Paragraph(html, "Patient values are not shown: pairs are described by record ids, comparison levels and weights only. Run with --report-show-values to include the two records' fields beside each explained pair.", "privacy");
        }

        CloseSection(html);
    }
}
