using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace NhsIdentity.Tests.TestHelpers;

/// <summary>
/// Writes a minimal Excel .xlsx workbook by hand (the SpreadsheetML parts in a ZIP), so tests build their fixtures
/// without an OpenXML dependency: content types, relationships, workbook, styles (one date style), shared strings and
/// one part per sheet.
/// </summary>
/// <remarks>Cell values: <see cref="string"/> → a shared-strings cell; <see cref="Inline"/> → an inline-string cell;
/// <see cref="double"/>, <see cref="long"/>, <see cref="int"/> → a numeric cell (as Excel stores numbers);
/// <see cref="DateOnly"/> → a numeric cell with a built-in date format (numFmtId 14); <see cref="Formula"/> → a formula
/// cell with its cached text; <see langword="null"/> → no cell.</remarks>
internal static class XlsxWriter
{
    /// <summary>An inline-string cell (<c>t="inlineStr"</c>).</summary>
    internal sealed record Inline(string Text);

    /// <summary>Put before a sheet's name to write the sheet hidden.</summary>
    public const string HiddenPrefix = "hidden:";

    /// <summary>A formula cell with a cached string result (<c>t="str"</c>).</summary>
    internal sealed record Formula(string Expression, string Cached);

    public static void Write(string path, params (string Name, object?[][] Rows)[] sheets)
    {
        var shared = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var sheetXml = new List<string>();
        foreach (var (_, rows) in sheets)
        {
            sheetXml.Add(SheetXml(rows, shared, index));
        }

        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var overrides = new StringBuilder();
        for (var i = 1; i <= sheets.Length; i++)
        {
            overrides.Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }

        Entry(zip, "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
            "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" +
            overrides + "</Types>");
        Entry(zip, "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");

        var sheetList = new StringBuilder();
        var rels = new StringBuilder();
        for (var i = 1; i <= sheets.Length; i++)
        {
            // A name starting "hidden:" makes a hidden sheet (the prefix is not part of its name).
            var name = sheets[i - 1].Name;
            var hidden = name.StartsWith(HiddenPrefix, StringComparison.Ordinal);
            name = hidden ? name[HiddenPrefix.Length..] : name;
            sheetList.Append(CultureInfo.InvariantCulture,
                $"<sheet name=\"{SecurityElement.Escape(name)}\" sheetId=\"{i}\"{(hidden ? " state=\"hidden\"" : string.Empty)} r:id=\"rId{i}\"/>");
            rels.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>");
        }

        var n = sheets.Length;
        rels.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{n + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        rels.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{n + 2}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        Entry(zip, "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
            "<sheets>" + sheetList + "</sheets></workbook>");
        Entry(zip, "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + rels + "</Relationships>");
        Entry(zip, "xl/styles.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
            "<fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>" +
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/></cellStyleXfs>" +
            "<cellXfs count=\"2\"><xf numFmtId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
        var sst = new StringBuilder();
        foreach (var text in shared)
        {
            sst.Append("<si><t xml:space=\"preserve\">").Append(SecurityElement.Escape(text)).Append("</t></si>");
        }

        Entry(zip, "xl/sharedStrings.xml",
            string.Create(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{shared.Count}\" uniqueCount=\"{shared.Count}\">") +
            sst + "</sst>");
        for (var i = 1; i <= sheets.Length; i++)
        {
            Entry(zip, $"xl/worksheets/sheet{i}.xml", sheetXml[i - 1]);
        }
    }

    private static string SheetXml(object?[][] rows, List<string> shared, Dictionary<string, int> index)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 0; r < rows.Length; r++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case string text:
                        if (!index.TryGetValue(text, out var at))
                        {
                            at = shared.Count;
                            index[text] = at;
                            shared.Add(text);
                        }

                        xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"s\"><v>{at}</v></c>");
                        break;
                    case Inline inline:
                        xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(inline.Text)}</t></is></c>");
                        break;
                    case Formula formula:
                        xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"str\"><f>{SecurityElement.Escape(formula.Expression)}</f><v>{SecurityElement.Escape(formula.Cached)}</v></c>");
                        break;
                    case DateOnly date:
                        var serial = date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
                        xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" s=\"1\"><v>{serial}</v></c>");
                        break;
                    case IFormattable number:
                        xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{number.ToString(null, CultureInfo.InvariantCulture)}</v></c>");
                        break;
                    default:
                        throw new ArgumentException("unsupported cell value type", nameof(rows));
                }
            }

            xml.Append("</row>");
        }

        return xml.Append("</sheetData></worksheet>").ToString();
    }

    private static string ColumnName(int column)
    {
        var name = string.Empty;
        for (column++; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
