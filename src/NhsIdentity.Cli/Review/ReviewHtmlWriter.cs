using System.Text;
using NhsIdentity.Cli.Commands;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Matching;
using static NhsIdentity.Cli.Reporting.HtmlText;

namespace NhsIdentity.Cli.Review;

/// <summary>
/// Writes the review page: one standalone HTML file (no external stylesheet, script, font or image; nothing is
/// fetched) with each pair's two records side by side, the fields that differ highlighted, a decision and a note per
/// pair, and a button that saves the decisions as <c>left_id,right_id,decision,note</c> CSV in the browser, ready for
/// <c>nhsid evaluate --labels</c>, <c>nhsid train --labels</c> or <c>--review-decisions</c>.
/// </summary>
internal static class ReviewHtmlWriter
{
    // Builds the CSV from the form and hands it to the browser as a download: no request leaves the page. Ids that a
    // spreadsheet would run as a formula get a leading ' as in the CLI's own files; the labels reader removes it.
    private const string Script = """
        function cell(v){if(/^[=+\-@\t\r]/.test(v))v="'"+v;return /[",\r\n]|^\s|\s$/.test(v)?'"'+v.replace(/"/g,'""')+'"':v;}
        function save(){var rows=["left_id,right_id,decision,note"];
        document.querySelectorAll("section.pair").forEach(function(s){
        rows.push([s.dataset.left,s.dataset.right,s.querySelector("select").value,s.querySelector("input").value].map(cell).join(","));});
        var a=document.createElement("a");a.href=URL.createObjectURL(new Blob([rows.join("\n")+"\n"],{type:"text/csv"}));
        a.download="decisions.csv";document.body.appendChild(a);a.click();a.remove();}
        """;

    private const string Css = """
        body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
        section.pair{border:1px solid #bbb;border-radius:4px;padding:.6em 1em;margin:1em 0}
        table{border-collapse:collapse}th,td{padding:.2em .8em;text-align:left;border-bottom:1px solid #eee}
        td.differs{background:#ffe08a;font-weight:600}
        .meta{color:#555}
        button{font-size:1em;padding:.4em 1em}
        """;

    /// <summary>Writes the page (temporary file, then rename with the run's other outputs).</summary>
    public static void Write(string path, IReadOnlyList<ReviewPair> pairs, IReadOnlyList<(string Column, string Label, Func<PatientRecord, string?> Get)> fields) =>
        AtomicFileWriter.Write(path, writer => writer.Write(Build(pairs, fields)));

    /// <summary>The page's markup.</summary>
    public static string Build(IReadOnlyList<ReviewPair> pairs, IReadOnlyList<(string Column, string Label, Func<PatientRecord, string?> Get)> fields)
    {
        var html = new StringBuilder(4096 + (pairs.Count * 1024));
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\"/>\n")
            .Append("<title>Clerical review: ").Append(Count(pairs.Count)).Append(" pairs</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>Clerical review</h1>\n<p>Patient-identifiable data: handle this page like the extracts. Decide each pair, then save the decisions ")
            .Append("(<code>left_id,right_id,decision,note</code>) and give the file to <code>nhsid evaluate --labels</code>, ")
            .Append("<code>nhsid train --labels</code> or <code>nhsid link --review-decisions</code>. Highlighted fields differ.</p>\n")
            .Append("<p><button type=\"button\" onclick=\"save()\">Download decisions CSV</button></p>\n");
        for (var i = 0; i < pairs.Count; i++)
        {
            Pair(html, i + 1, pairs[i], fields);
        }

        html.Append("<p><button type=\"button\" onclick=\"save()\">Download decisions CSV</button></p>\n<script>\n").Append(Script).Append("\n</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Pair(StringBuilder html, int number, ReviewPair pair, IReadOnlyList<(string Column, string Label, Func<PatientRecord, string?> Get)> fields)
    {
        html.Append("<section class=\"pair\" data-left=\"");
        Append(html, pair.LeftId).Append("\" data-right=\"");
        Append(html, pair.RightId).Append("\">\n<h2>").Append(number).Append(". ");
        Append(html, pair.LeftId).Append(" \u2194 ");
        Append(html, pair.RightId).Append("</h2>\n<p class=\"meta\">");
        Append(html, Invariant($"{pair.ReasonWord}, probability {Probability(pair.Probability)}, weight {Weight(pair.Weight)}"));
        if (pair.Competition != CandidateCompetition.NotWeighed)
        {
            Append(html, ", competition: " + CompetitionText.Words(pair.Competition));
        }

        html.Append("</p>\n");
        html.Append("<table>\n<thead><tr><th>Field</th><th>Left</th><th>Right</th></tr></thead>\n<tbody>\n");
        foreach (var (_, label, get) in fields)
        {
            var left = get(pair.Left);
            var right = get(pair.Right);
            var differs = ReviewFields.Differ(left, right) ? " class=\"differs\"" : string.Empty;
            html.Append("<tr><th>");
            Append(html, label).Append("</th><td").Append(differs).Append('>');
            Append(html, left).Append("</td><td").Append(differs).Append('>');
            Append(html, right).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p><label>Decision <select>");
        foreach (var decision in (ReadOnlySpan<ReviewDecision>)[ReviewDecision.None, ReviewDecision.Match, ReviewDecision.NonMatch, ReviewDecision.Unsure])
        {
            var word = ReviewDecisionWords.Word(decision);
            html.Append("<option value=\"").Append(word).Append('"').Append(decision == pair.Decision ? " selected=\"selected\"" : string.Empty).Append('>')
                .Append(word.Length == 0 ? "(not decided)" : word).Append("</option>");
        }

        html.Append("</select></label> <label>Note <input type=\"text\" size=\"40\" value=\"");
        Append(html, pair.Note).Append("\"/></label></p>\n</section>\n");
    }
}
