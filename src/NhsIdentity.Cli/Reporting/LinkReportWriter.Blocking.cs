using System.Text;
using static NhsIdentity.Cli.Reporting.HtmlText;

namespace NhsIdentity.Cli.Reporting;

// Blocking: the pairs each rule added (a pair is counted by the first rule that produced it), the largest blocks, the
// blocks skipped for their size or their pairs, and the rules left out for the run's pair budget.
internal static partial class LinkReportWriter
{
    private static void WriteBlocking(StringBuilder html, LinkReport report)
    {
        var blocking = report.Scored.BlockingReport;
        OpenSection(html, "blocking", "Blocking rules",
            Invariant($"Rules are applied in order; each pair is compared once and counted by the first rule that produced it. Blocks of more than {Count(blocking.MaxBlockSize)} records or {Count(blocking.MaxPairsPerBlock)} pairs are skipped (a value shared by that many records is usually a placeholder) and listed here.{Budget(blocking)}"));
        var rules = blocking.Rules;
        long most = 1;
        foreach (var rule in rules)
        {
            most = Math.Max(most, rule.PairsProduced);
        }

        const double labelEnd = 236, barStart = 244, barEnd = 850, rowHeight = 22, top = 8;
        var chart = new SvgBuilder(html, 960, top + (rules.Count * rowHeight) + 10, "New candidate pairs produced by each blocking rule");
        var x = new LinearScale(0, most, barStart, barEnd);
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var rowTop = top + (r * rowHeight);
            chart.Text(labelEnd, rowTop + 15, rule.RuleName, "label", "end");
            chart.Rect(barStart, rowTop + 4, Math.Max(x[rule.PairsProduced] - barStart, rule.PairsProduced > 0 ? 1 : 0), rowHeight - 8, "bar-block",
                Invariant($"{rule.RuleName}: {Count(rule.PairsProduced)} new pairs, {Count(rule.CumulativePairs)} cumulative"));
            chart.Text(x[rule.PairsProduced] + 6, rowTop + 15, Count(rule.PairsProduced) + " new pairs");
        }

        chart.Line(barStart, top, barStart, top + (rules.Count * rowHeight), "axis");
        chart.Close();
        html.Append('\n');

        OpenTable(html, "Rule", Num("Blocks"), Num("New pairs"), Num("Cumulative pairs"), Num("Largest blocks (records)"), Num("Capped blocks (for pairs)"),
            Num("Pairs in capped blocks"));
        foreach (var rule in rules)
        {
            var largest = new StringBuilder();
            foreach (var size in rule.LargestBlockSizes)
            {
                largest.Append(largest.Length == 0 ? string.Empty : ", ").Append(Count(size));
            }

            // A rule left out for the budget is marked in its name cell, so the table reads without the warnings below it.
            var name = rule.SkippedForPairBudget ? Invariant($"{rule.RuleName} (left out: pair budget, {Count(rule.SkippedPairs)} pairs)") : rule.RuleName;
            var capped = rule.PairCappedBlocks > 0 ? Invariant($"{Count(rule.CappedBlocks)} ({Count(rule.PairCappedBlocks)})") : Count(rule.CappedBlocks);
            Row(html, rule.CappedBlocks > 0 || rule.SkippedForPairBudget ? "policy" : null, name, Num(Count(rule.Blocks)), Num(Count(rule.PairsProduced)),
                Num(Count(rule.CumulativePairs)), Num(largest.Length == 0 ? "\u2013" : largest.ToString()), Num(capped), Num(Count(rule.CappedPairs)));
        }

        CloseTable(html);
        foreach (var warning in blocking.Warnings)
        {
            Paragraph(html, warning, "warning");
        }

        Paragraph(html, Invariant($"{Count(blocking.TotalPairs)} distinct candidate pairs; {Count(blocking.CappedBlocks)} blocks skipped for size or pairs; {Count(blocking.SkippedRules)} rules left out for the pair budget. A linkage block's size counts the records of both extracts."));
        CloseSection(html);
    }

    /// <summary>The run's pair budget, for the section's introduction.</summary>
    private static string Budget(Matching.BlockingReport blocking) => blocking.PairBudget is { } budget
        ? Invariant($" The run's budget was {Count(budget)} candidate pairs; a rule that would pass it stops the run, or with --on-budget skip-rule is left out and marked here.")
        : string.Empty;
}
