using System.Text;
using NhsIdentity.Matching.Clustering;
using static NhsIdentity.Cli.Reporting.HtmlText;

namespace NhsIdentity.Cli.Reporting;

// Clusters: how many persons the matches make, and the links clustering refused because they would have put two
// different valid NHS numbers in one person. Those need a person to look at them.
internal static partial class LinkReportWriter
{
    /// <summary>The most conflicts listed; the rest are counted.</summary>
    private const int ConflictRows = 50;

    private static void WriteClusters(StringBuilder html, LinkReport report)
    {
        var clusters = report.Clusters;
        OpenSection(html, "clusters", "Clusters and conflicts",
            "Matches are joined into persons by best link: each record joins through its strongest match, and a link that would put two different valid NHS numbers in one person is refused and listed here, never merged silently.");
        var sizes = new SortedDictionary<int, int>();
        var singletons = 0;
        foreach (var members in clusters.EnumerateMembers())
        {
            if (members.Count == 1)
            {
                singletons++;
                continue;
            }

            sizes[members.Count] = sizes.TryGetValue(members.Count, out var seen) ? seen + 1 : 1;
        }

        html.Append("<div class=\"cards\">");
        Card(html, Count(clusters.RecordCount), "records");
        Card(html, Count(clusters.Count), "persons");
        Card(html, Count(singletons), "records matched to nothing");
        Card(html, Count(clusters.Conflicts.Count), "links refused", clusters.Conflicts.Count > 0 ? "alert" : null);
        html.Append("</div>\n");

        if (sizes.Count > 0)
        {
            OpenTableOfClass(html, "narrow", Num("Records per person"), Num("Persons"));
            foreach (var (size, count) in sizes)
            {
                Row(html, null, Num(Count(size)), Num(Count(count)));
            }

            CloseTable(html);
        }

        if (clusters.Conflicts.Count == 0)
        {
            Paragraph(html, "No link was refused: no person would have held two different valid NHS numbers.");
            CloseSection(html);
            return;
        }

        html.Append("<h3>Links refused</h3>\n");
        if (report.ShowsValues)
        {
            OpenTable(html, "Left record", "Right record", Num("Weight"), "Reason", "Left NHS number", "Right NHS number");
        }
        else
        {
            OpenTable(html, "Left record", "Right record", Num("Weight"), "Reason");
        }

        var conflicts = new List<ClusterConflict>(clusters.Conflicts);
        conflicts.Sort(static (a, b) =>
        {
            var byWeight = b.Weight.CompareTo(a.Weight);
            var byLeft = a.LeftIndex.CompareTo(b.LeftIndex);
            return byWeight != 0 ? byWeight : byLeft != 0 ? byLeft : a.RightIndex.CompareTo(b.RightIndex);
        });
        for (var k = 0; k < Math.Min(ConflictRows, conflicts.Count); k++)
        {
            var conflict = conflicts[k];
            var reason = conflict.Reason == ClusterConflictReason.DifferentNhsNumbers ? "two different valid NHS numbers" : conflict.Reason.ToString();
            var leftId = report.LeftId(conflict.LeftIndex);
            var rightId = report.RightId(conflict.RightIndex);
            if (report.ShowsValues)
            {
                Row(html, null, leftId, rightId, Num(Weight(conflict.Weight)), reason,
                    report.LeftRecords![conflict.LeftIndex].NhsNumber ?? string.Empty, report.RightRecords![conflict.RightIndex].NhsNumber ?? string.Empty);
            }
            else
            {
                Row(html, null, leftId, rightId, Num(Weight(conflict.Weight)), reason);
            }
        }

        CloseTable(html);
        if (conflicts.Count > ConflictRows)
        {
            Paragraph(html, Invariant($"{Count(conflicts.Count - ConflictRows)} more refused links are not listed."));
        }

        CloseSection(html);
    }
}
