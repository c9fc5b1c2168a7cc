namespace NhsIdentity.Cli.Reporting;

/// <summary>
/// The report's only style sheet, inlined into the page (NHS networks are often offline, so nothing is fetched). The
/// system font stack avoids web fonts; colours follow the NHS identity palette (blue #005EB8). A print block turns
/// the page into plain A4 sections that keep charts and tables whole and keep the bar colours.
/// </summary>
/// <remarks>The text holds no <c>&lt;</c> or <c>&amp;</c>, so the page stays well-formed XML.</remarks>
internal static class ReportStyle
{
    public const string Css = """
:root{--blue:#005eb8;--dark:#003087;--ink:#212b32;--muted:#4c6272;--rule:#d8dde0;--pale:#f0f4f5;--match:#005eb8;--review:#ffb81c;--nonmatch:#aeb7bd;--pos:#007f3b;--neg:#d5281b;--recall:#ed8b00}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--pale)}
header.masthead{background:var(--blue);color:#fff;padding:18px 32px}
header.masthead h1{margin:0;font-size:26px;line-height:1.2}
header.masthead p{margin:6px 0 0;font-size:14px}
nav.toc{background:var(--dark);padding:6px 32px;font-size:14px}
nav.toc a{color:#fff;margin-right:18px;text-decoration:none}
nav.toc a:hover{text-decoration:underline}
main{max-width:1200px;margin:0 auto;padding:8px 24px 32px}
section{background:#fff;border:1px solid var(--rule);border-radius:6px;padding:14px 24px 18px;margin:16px 0}
h2{font-size:20px;margin:0 0 6px;color:var(--blue)}
h3{font-size:16px;margin:14px 0 4px}
p.lead{margin:0 0 10px;color:var(--muted);font-size:14px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:10px;margin:10px 0 14px}
.card{border-left:4px solid var(--blue);background:var(--pale);padding:6px 12px}
.card.review{border-left-color:var(--review)}
.card.alert{border-left-color:var(--neg)}
.card .value{display:block;font-size:24px;font-weight:600;font-variant-numeric:tabular-nums}
.card .name{display:block;font-size:13px;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:13px;font-variant-numeric:tabular-nums;margin:6px 0}
table.narrow{width:auto;min-width:280px}
th,td{padding:3px 8px;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
th{background:var(--pale);font-weight:600}
td.num,th.num{text-align:right}
tr.policy td{font-weight:600;background:#fff7e0}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:14px 22px}
figure{margin:8px 0;break-inside:avoid;page-break-inside:avoid}
figcaption{font-size:13px;color:var(--muted);margin:0 0 2px}
figcaption strong{color:var(--ink)}
svg.chart{display:block;width:100%;height:auto}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:11px;fill:var(--ink)}
svg text.small{font-size:10px;fill:var(--muted)}
svg text.axis-title{font-size:12px;fill:var(--muted)}
svg text.heading{font-size:12px;font-weight:600}
svg text.bold{font-weight:600}
.axis{stroke:#768692;stroke-width:1}
.gridline{stroke:#e8edee;stroke-width:1}
.bar-match{fill:var(--match)}
.bar-review{fill:var(--review)}
.bar-nonmatch{fill:var(--nonmatch)}
.bar-pos{fill:var(--pos)}
.bar-neg{fill:var(--neg)}
.bar-zero{fill:#768692}
.bar-kept{fill:#c8ccd0;stroke:#768692;stroke-width:1;stroke-dasharray:2 2}
.bar-prior{fill:#768692}
.bar-total{fill:var(--dark)}
.bar-block{fill:var(--blue)}
.threshold{stroke:var(--ink);stroke-width:1.5;stroke-dasharray:5 3}
.threshold-review{stroke:#b27b00;stroke-width:1.5;stroke-dasharray:5 3}
.connector{stroke:#768692;stroke-width:1;stroke-dasharray:2 2}
.line-precision{fill:none;stroke:var(--match);stroke-width:2}
.line-recall{fill:none;stroke:var(--recall);stroke-width:2}
.line-f1{fill:none;stroke:var(--pos);stroke-width:2;stroke-dasharray:6 3}
.dot-precision{fill:var(--match)}
.dot-recall{fill:var(--recall)}
.dot-f1{fill:var(--pos)}
.values{font-size:12px}
.values td{word-break:break-word}
.values td.differs{background:#fdecea}
.note{font-size:13px;color:var(--muted)}
.privacy{border-left:4px solid var(--blue);background:var(--pale);padding:8px 12px;font-size:14px}
.privacy.shown{border-left-color:var(--neg);background:#fdecea}
.warning{border-left:4px solid var(--neg);background:#fdecea;padding:6px 12px;font-size:14px;margin:6px 0}
footer{max-width:1200px;margin:0 auto;padding:0 24px 24px;font-size:12px;color:var(--muted)}
@media (max-width:760px){.grid2{grid-template-columns:1fr}main{padding:8px}section{padding:12px}}
@media print{
@page{size:A4;margin:12mm}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{background:#fff;font-size:10pt}
header.masthead{background:#fff;color:var(--ink);border-bottom:3px solid var(--blue);padding:0 0 6pt}
nav.toc{display:none}
main{max-width:none;padding:0}
section{border:none;border-radius:0;padding:0;margin:10pt 0 14pt}
h2{break-after:avoid;page-break-after:avoid}
.cards,table,figure,svg{break-inside:avoid;page-break-inside:avoid}
.grid2{grid-template-columns:1fr;gap:6pt}
.grid2 svg.chart{max-width:560px}
footer{padding:0}
}
""";
}
