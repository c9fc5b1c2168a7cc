using System.Text;
using NhsIdentity.Cli.Ingestion;
using static NhsIdentity.Cli.Reporting.HtmlText;

namespace NhsIdentity.Cli.Reporting;

/// <summary>
/// Renders a <see cref="LinkReport"/> as one self-contained HTML page: inline CSS, charts as inline SVG drawn here,
/// no script, no fonts or images fetched. The markup is also well-formed XML (void elements closed, every text
/// escaped), which lets tests parse it and keeps each SVG valid on its own.
/// </summary>
/// <remarks>
/// Deterministic: the same report gives the same bytes. Nothing depends on the clock, the culture or the order of a
/// hash table; numbers are formatted invariantly and samples are chosen by sorting. Patient values (names, NHS
/// numbers, dates of birth, addresses) appear only when <see cref="LinkReport.ShowsValues"/>; otherwise pairs are
/// described by record ids, levels and weights.
/// </remarks>
internal static partial class LinkReportWriter
{
    /// <summary>Writes the report to a file atomically (temporary file, then rename).</summary>
    public static void Write(string path, LinkReport report)
    {
        var html = Render(report);
        AtomicFileWriter.Write(path, writer => writer.Write(html));
    }

    /// <summary>Renders the whole page.</summary>
    public static string Render(LinkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(256 * 1024);
        var title = report.IsDeduplication ? "Deduplication report" : "Linkage report";
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
            .Append("<meta name=\"generator\" content=\"nhsid\"/>\n<title>");
        Append(html, title + ": " + InputNames(report)).Append("</title>\n<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n");

        html.Append("<header class=\"masthead\"><h1>");
        Append(html, title).Append("</h1><p>");
        Append(html, (report.IsDeduplication ? "nhsid dedupe \u00B7 " : "nhsid link \u00B7 ") + InputNames(report) + " \u00B7 " + report.ModelSource);
        if (report.ToolVersion is not null)
        {
            Append(html, " \u00B7 nhsid " + report.ToolVersion);
        }

        html.Append("</p></header>\n<nav class=\"toc\">");
        NavLink(html, "summary", "Summary");
        NavLink(html, "weights", "Match weights");
        NavLink(html, "model", "Model");
        NavLink(html, "reviews", "Reviews");
        NavLink(html, "near-misses", "Closest non-matches");
        NavLink(html, "blocking", "Blocking");
        NavLink(html, "clusters", "Clusters");
        if (report.Groups is not null)
        {
            NavLink(html, "groups", "Who is left unlinked");
        }
        if (report.Truth is not null)
        {
            NavLink(html, "truth", "Precision and recall");
        }

        html.Append("</nav>\n<main>\n");
        WriteSummary(html, report);
        WriteHistogram(html, report);
        WriteModel(html, report);
        WriteWaterfalls(html, report);
        WriteBlocking(html, report);
        WriteClusters(html, report);
        WriteGroups(html, report);
        if (report.Truth is not null)
        {
            WriteTruth(html, report, report.Truth);
        }

        html.Append("</main>\n<footer><p>");
        Append(html, "Written by nhsid from the inputs and model above; the same inputs, model and seed give the same file. Record ids are the suppliers' own; weights are in bits (log\u2082 of the Bayes factor).");
        html.Append("</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string InputNames(LinkReport report)
    {
        var names = new StringBuilder();
        foreach (var input in report.Inputs)
        {
            names.Append(names.Length == 0 ? string.Empty : " \u2194 ").Append(input.FileName);
        }

        return names.ToString();
    }

    private static void NavLink(StringBuilder html, string id, string text)
    {
        html.Append("<a href=\"#").Append(id).Append("\">");
        Append(html, text).Append("</a>");
    }

    /// <summary>Opens a section with its heading and a lead paragraph.</summary>
    private static void OpenSection(StringBuilder html, string id, string heading, string lead)
    {
        html.Append("<section id=\"").Append(id).Append("\">\n<h2>");
        Append(html, heading).Append("</h2>\n<p class=\"lead\">");
        Append(html, lead).Append("</p>\n");
    }

    private static void CloseSection(StringBuilder html) => html.Append("</section>\n");

    private static void Card(StringBuilder html, string value, string name, string? modifier = null)
    {
        html.Append("<div class=\"card").Append(modifier is null ? string.Empty : " " + modifier).Append("\"><span class=\"value\">");
        Append(html, value).Append("</span><span class=\"name\">");
        Append(html, name).Append("</span></div>");
    }

    /// <summary>Marks a cell or header as a number, right-aligned (the mark is a control character, which supplier
    /// text cannot carry into the page: <see cref="HtmlText.Append(StringBuilder, string?)"/> replaces those).</summary>
    private static string Num(string text) => NumberMark + text;

    private const char NumberMark = '\u0001';

    /// <summary>Opens a table with its header row; headers made with <see cref="Num"/> are right-aligned.</summary>
    private static void OpenTable(StringBuilder html, params string[] headers) => OpenTableOfClass(html, null, headers);

    /// <summary>Opens a table of a CSS class (<c>narrow</c>: as wide as its content).</summary>
    private static void OpenTableOfClass(StringBuilder html, string? cssClass, params string[] headers)
    {
        html.Append(cssClass is null ? "<table>" : "<table class=\"" + cssClass + "\">").Append("\n<thead><tr>");
        foreach (var header in headers)
        {
            var numeric = header.StartsWith(NumberMark);
            html.Append(numeric ? "<th class=\"num\">" : "<th>");
            Append(html, numeric ? header[1..] : header).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
    }

    private static void CloseTable(StringBuilder html) => html.Append("</tbody>\n</table>\n");

    /// <summary>Writes one row; cells made with <see cref="Num"/> are right-aligned.</summary>
    private static void Row(StringBuilder html, string? cssClass, params string[] cells)
    {
        html.Append(cssClass is null ? "<tr>" : "<tr class=\"" + cssClass + "\">");
        foreach (var cell in cells)
        {
            var numeric = cell.StartsWith(NumberMark);
            html.Append(numeric ? "<td class=\"num\">" : "<td>");
            Append(html, numeric ? cell[1..] : cell).Append("</td>");
        }

        html.Append("</tr>\n");
    }

    private static void Paragraph(StringBuilder html, string text, string cssClass = "note")
    {
        html.Append("<p class=\"").Append(cssClass).Append("\">");
        Append(html, text).Append("</p>\n");
    }

    /// <summary>A friendly name for a comparison.</summary>
    internal static string ComparisonName(NhsIdentity.Matching.ComparisonKind kind) =>
        NhsIdentity.Matching.ComparisonDefinition.Get(kind).DisplayName;
}
