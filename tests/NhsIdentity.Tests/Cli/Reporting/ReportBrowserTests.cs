using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NhsIdentity.Tests.Cli.Ingestion;
using Xunit;
using static NhsIdentity.Tests.Cli.Reporting.ReportFiles;

namespace NhsIdentity.Tests.Cli.Reporting;

/// <summary>
/// The report rendered for real, in headless Chromium (Debian's <c>chromium</c> package; skipped with a message where
/// it is not installed): no console errors, every chart laid out with a size, nothing wider than a laptop window,
/// and the same under print media at A4 width.
/// </summary>
public sealed partial class ReportBrowserTests
{
    private const string SvgSizes = "[...document.querySelectorAll('svg')].map(s=>{const r=s.getBoundingClientRect();return [r.width,r.height]})";
    private const string Overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth";

    [ChromiumFact]
    public async Task The_samples_report_renders_without_errors_and_every_chart_has_a_size_on_screen_and_in_print()
    {
        using var temp = new TempCsv();
        var report = temp.PathOf("report.html");
        var result = CliRunner.Run("link", Pas, Gp, "--out", temp.PathOf("links.csv"), "--report", report, "--truth", Truth, "--report-show-values", "--no-train");
        Assert.Equal(0, result.ExitCode);
        var charts = SvgOpening().Count(File.ReadAllText(report));
        Assert.True(charts > 20, charts + " charts");

        await using var browser = await HeadlessChromium.StartAsync(1280, 900);
        await browser.NavigateAsync(new Uri(report).AbsoluteUri);
        Assert.Equal("Linkage report", (await browser.EvaluateAsync("document.querySelector('h1').textContent")).GetString());
        AssertSized(await browser.EvaluateAsync(SvgSizes), charts);
        Assert.True((await browser.EvaluateAsync(Overflow)).GetDouble() <= 0, "the page is wider than a 1280-pixel laptop window");

        // Print: A4 at 96 dpi less 12 mm margins is about 718 CSS pixels wide.
        await browser.SendAsync("Emulation.setEmulatedMedia", new JsonObject { ["media"] = "print" });
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = 718, ["height"] = 1000, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        Assert.Equal("none", (await browser.EvaluateAsync("getComputedStyle(document.querySelector('nav')).display")).GetString());
        AssertSized(await browser.EvaluateAsync(SvgSizes), charts);
        Assert.True((await browser.EvaluateAsync(Overflow)).GetDouble() <= 0, "the printed page is wider than A4");

        Assert.Empty(browser.Errors);
    }

    [ChromiumFact]
    public async Task The_harness_sees_console_errors_and_uncaught_exceptions()
    {
        // Proves the check above can fail: a page that logs an error and throws is caught by both listeners.
        using var temp = new TempCsv();
        var page = temp.Write("broken.html", "<!DOCTYPE html><html><body><svg width=\"0\" height=\"0\"></svg>" +
            "<script>console.error('deliberate'); throw new Error('deliberate');</script></body></html>");
        await using var browser = await HeadlessChromium.StartAsync(800, 600);
        await browser.NavigateAsync(new Uri(page).AbsoluteUri);
        var sizes = await browser.EvaluateAsync(SvgSizes);
        Assert.Equal(0, sizes[0][0].GetDouble());
        Assert.Contains(browser.Errors, e => e.StartsWith("console.error", StringComparison.Ordinal));
        Assert.Contains(browser.Errors, e => e.StartsWith("exception", StringComparison.Ordinal));
    }

    private static void AssertSized(JsonElement sizes, int expected)
    {
        Assert.Equal(expected, sizes.GetArrayLength());
        foreach (var size in sizes.EnumerateArray())
        {
            Assert.True(size[0].GetDouble() > 0 && size[1].GetDouble() > 0, "a chart has no size: " + size);
        }
    }

    [GeneratedRegex("<svg ")]
    private static partial Regex SvgOpening();
}
