using System.Text;
using NhsIdentity.Cli.Groups;
using static NhsIdentity.Cli.Reporting.HtmlText;

namespace NhsIdentity.Cli.Reporting;

// Who is left unlinked: per input and group (age band, sex, postcode area, name characters), the records with a
// match, with review pairs only and with neither, and with truth the recall over the true pairs touching the group.
internal static partial class LinkReportWriter
{
    private static void WriteGroups(StringBuilder html, LinkReport report)
    {
        if (report.Groups is not { } groups)
        {
            return;
        }

        var withTruth = report.Truth is not null;
        OpenSection(html, "groups", "Who is left unlinked",
            Invariant($"Does the matcher fail some people more than others? For each input, the records of each group with a match, with review pairs only and with neither{(withTruth ? ", and the recall over the true pairs that touch the group" : string.Empty)}. Ages on {report.GroupsAsOf:yyyy-MM-dd}; a group is a band or class, never a record's value. The same table comes from nhsid evaluate --left-input."));
        foreach (var input in groups.Select(row => row.Input).Distinct())
        {
            html.Append("<h3>");
            Append(html, InputTitle(report, input)).Append("</h3>\n");
            OpenTableOfClass(html, "narrow", "Dimension", "Group", Num("Records"), Num("Linked"), Num("Review only"), Num("Unlinked"), Num("Linked rate"),
                Num("True pairs"), Num("Recall"));
            foreach (var row in groups.Where(row => row.Input == input))
            {
                Row(html, null, row.Dimension.Replace('_', ' '), row.Group, Num(Count(row.Records)), Num(Count(row.Linked)), Num(Count(row.InReview)),
                    Num(Count(row.Unlinked)), Num(Number(row.LinkedRate, "0.000")), Num(withTruth ? Count(row.TruePairs) : "\u2013"),
                    Num(row.Recall is { } recall ? Number(recall, "0.000") : "\u2013"));
            }

            CloseTable(html);
        }

        CloseSection(html);
    }

    /// <summary>The input's label with its file name, as the summary names it.</summary>
    private static string InputTitle(LinkReport report, string label)
    {
        foreach (var input in report.Inputs)
        {
            if (input.Label == label)
            {
                return label + ": " + input.FileName;
            }
        }

        return label;
    }
}
