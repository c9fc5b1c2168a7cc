using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;
using Xunit;

namespace NhsIdentity.Tests.Cli.Reporting;

/// <summary>Inputs and checks the report tests share: the bundled samples, and invented sentinel people.</summary>
internal static partial class ReportFiles
{
    public static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");
    public static readonly string Gp = RepositoryRoot.Combine("samples", "data", "gp.csv");
    public static readonly string Truth = RepositoryRoot.Combine("samples", "data", "truth.csv");

    // Sentinels: an invented person with a name, NHS number (999 test range, valid check digit), date of birth,
    // postcode and address that appear nowhere else, so finding any of them in a report means a value leaked.
    public const string SentinelGiven = "Quillonbrae";
    public const string SentinelFamily = "Thistlewaite";
    public const string SentinelNhsNumber = "9994172638";
    public const string SentinelDateOfBirth = "1931-02-27";
    public const string SentinelPostcode = "KW17 2QZ";
    public const string SentinelStreet = "Marramgrass";

    public static readonly string[] Sentinels = [SentinelGiven, SentinelFamily, SentinelNhsNumber, "999 417 2638", SentinelDateOfBirth, SentinelPostcode, "KW172QZ", SentinelStreet];

    /// <summary>Left and right extracts where the sentinel pair agrees on name and home but not on date of birth, so
    /// the identity-evidence rule sends it to review (and the report explains it).</summary>
    public static (string Left, string Right) WriteSentinelExtracts(TempCsv temp)
    {
        var left = temp.Write("left.csv", "id,nhs_number,given_name,family_name,date_of_birth,sex,postcode,address\n" +
            $"L1,{SentinelNhsNumber},{SentinelGiven},{SentinelFamily},{SentinelDateOfBirth},F,{SentinelPostcode},47 {SentinelStreet} Lane\n" +
            "L2,9990000018,Alice,Pemberton,1987-03-14,F,M1 1AE,1 High Street\n" +
            "L3,,Brian,Okafor,1950-07-02,M,LS1 4AP,2 Low Road\n");
        var right = temp.Write("right.csv", "id,nhs_number,given_name,family_name,date_of_birth,sex,postcode,address\n" +
            $"R1,,{SentinelGiven},{SentinelFamily},1968-11-05,F,{SentinelPostcode},47 {SentinelStreet} Lane\n" +
            "R2,,ALICE,PEMBERTON,14/03/1987,F,M1 1AE,1 High St\n" +
            "R3,,Brian,Okafor,1950-02-07,M,LS1 4AP,2 Low Road\n");
        return (left, right);
    }

    /// <summary>Parses the page as XML (it is written well-formed) and each inline SVG on its own; returns the page.</summary>
    public static XDocument ParseWellFormed(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        var document = XDocument.Load(reader);
        var svgs = SvgElement().Matches(html);
        Assert.NotEmpty(svgs);
        foreach (Match svg in svgs)
        {
            var chart = XDocument.Parse(svg.Value);
            Assert.Equal("svg", chart.Root!.Name.LocalName);
            Assert.NotNull(chart.Root.Attribute("viewBox"));
        }

        return document;
    }

    /// <summary>Asserts the page fetches nothing: no script, no external style, image, font or frame.</summary>
    public static void AssertSelfContained(string html)
    {
        foreach (var forbidden in (string[])["<script", "<link", "<img", "<iframe", "<object", "<embed", "src=", "url(", "@import", "@font-face"])
        {
            Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        }

        var addresses = AddressPattern().Matches(html).Select(m => m.Value).Distinct().ToArray();
        Assert.All(addresses, address => Assert.Contains(address, (string[])["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml"]));
    }

    [GeneratedRegex(@"<svg\b[\s\S]*?</svg>")]
    private static partial Regex SvgElement();

    [GeneratedRegex(@"(?:https?|ftp|file)://[^""'\s<>)]*", RegexOptions.IgnoreCase)]
    private static partial Regex AddressPattern();
}
