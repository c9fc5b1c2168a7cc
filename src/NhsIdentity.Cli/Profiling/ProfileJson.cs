using System.Text;
using System.Text.Json;

namespace NhsIdentity.Cli.Profiling;

/// <summary>
/// Writes <c>nhsid profile --json</c>: one JSON document whose schema is named by its <c>schema</c> field,
/// <c>nhsid-profile/1</c>, and documented in README.md ("Profiling an extract"). Within version 1 fields are only
/// added, never renamed, removed or given another meaning; a change that breaks a reader is <c>nhsid-profile/2</c>.
/// </summary>
/// <remarks>Counts, column names, reasons and layouts only; the <c>values</c> object of a file is present only with
/// <c>--show-values</c> (and is then <c>null</c>-free), otherwise it is <c>null</c>.</remarks>
internal static class ProfileJson
{
    /// <summary>The schema name and version written in every document.</summary>
    public const string Schema = "nhsid-profile/1";

    /// <summary>Writes the document.</summary>
    /// <param name="writer">Where to write it.</param>
    /// <param name="files">Each input's profile.</param>
    /// <param name="blocking">The candidate pairs: one dedupe per input, then one link per two inputs.</param>
    public static void Write(TextWriter writer, IReadOnlyList<ExtractProfile> files, IReadOnlyList<BlockingProfile> blocking)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteStartArray("files");
            foreach (var file in files)
            {
                WriteFile(json, file);
            }

            json.WriteEndArray();
            json.WriteStartArray("blocking");
            foreach (var run in blocking)
            {
                WriteBlocking(json, run);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.WriteLine();
    }

    private static void WriteFile(Utf8JsonWriter json, ExtractProfile file)
    {
        json.WriteStartObject();
        json.WriteString("label", file.Label);
        json.WriteString("file", file.FileName);
        json.WriteString("format", file.Format);

        json.WriteStartObject("mapping");
        json.WriteStartObject("fields");
        foreach (var (field, columns) in file.Mapping.Fields)
        {
            json.WriteStartArray(field);
            foreach (var column in columns)
            {
                json.WriteStringValue(column);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteBoolean("idFromRowNumber", file.Mapping.IdFromRowNumber);
        WriteStrings(json, "notInFile", file.Mapping.NotInFile);
        json.WriteStartArray("ignored");
        foreach (var (column, reason) in file.Mapping.Ignored)
        {
            json.WriteStartObject();
            json.WriteString("column", column);
            json.WriteString("reason", reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("ignoredNotShown", file.Mapping.IgnoredHidden);
        WriteStrings(json, "description", file.Mapping.Description);
        json.WriteEndObject();

        json.WriteStartObject("rows");
        json.WriteString("item", file.Rows.ItemName);
        json.WriteNumber("read", file.Rows.Read);
        json.WriteNumber("kept", file.Rows.Kept);
        json.WriteNumber("rejected", file.Rows.Rejected);
        json.WriteStartObject("rejectedByReason");
        foreach (var (reason, count) in file.Rows.RejectedByReason)
        {
            json.WriteNumber(reason, count);
        }

        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("fields");
        foreach (var field in file.Fields)
        {
            json.WriteStartObject();
            json.WriteString("field", field.Field);
            json.WriteNumber("present", field.Present);
            json.WriteNumber("missing", field.Missing);
            json.WriteNumber("invalid", field.Invalid);
            json.WriteNumber("placeholder", field.Placeholder);
            json.WriteNumber("presentPercent", field.Percent(field.Present));
            json.WriteNumber("missingPercent", field.Percent(field.Missing));
            json.WriteNumber("invalidPercent", field.Percent(field.Invalid));
            json.WriteNumber("placeholderPercent", field.Percent(field.Placeholder));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("invalid");
        WriteCounts(json, "nhsNumber", file.Invalid.NhsNumbers);
        WriteCounts(json, "dateOfBirth", file.Invalid.DatesOfBirth);
        WriteCounts(json, "postcode", file.Invalid.Postcodes);
        json.WriteNumber("nonUkPostcodesKept", file.Invalid.NonUkPostcodes);
        json.WriteStartArray("dateLayouts");
        foreach (var (layout, count, read) in file.Invalid.DateLayouts)
        {
            json.WriteStartObject();
            json.WriteString("layout", layout);
            json.WriteNumber("count", count);
            json.WriteNumber("read", read);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        if (file.Values is null)
        {
            json.WriteNull("values");
        }
        else
        {
            json.WriteStartObject("values");
            foreach (var values in file.Values)
            {
                json.WriteStartObject(values.Field);
                WriteValueCounts(json, "top", values.Top);
                WriteValueCounts(json, "setAside", values.SetAside);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteBlocking(Utf8JsonWriter json, BlockingProfile run)
    {
        json.WriteStartObject();
        json.WriteString("kind", run.Kind);
        WriteStrings(json, "inputs", run.Inputs);
        json.WriteNumber("records", run.Records);
        json.WriteStartArray("rules");
        foreach (var rule in run.Report.Rules)
        {
            json.WriteStartObject();
            json.WriteString("rule", rule.RuleName);
            json.WriteNumber("blocks", rule.Blocks);
            json.WriteNumber("pairsAlone", rule.BlockPairs);
            json.WriteNumber("newPairs", rule.PairsProduced);
            json.WriteNumber("cumulativePairs", rule.CumulativePairs);
            json.WriteNumber("sharePercent", run.Share(rule));
            json.WriteNumber("cappedBlocks", rule.CappedBlocks);
            json.WriteNumber("largestBlock", rule.LargestBlockSizes.Count == 0 ? 0 : rule.LargestBlockSizes[0]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("totalPairs", run.Report.TotalPairs);
        json.WriteNumber("pairsPerRecord", run.PairsPerRecord);
        json.WriteNumber("pairBudget", run.Budget);
        if (run.Dominant is { } dominant)
        {
            json.WriteString("dominantRule", dominant.RuleName);
        }
        else
        {
            json.WriteNull("dominantRule");
        }

        WriteStrings(json, "warnings", run.Report.Warnings);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyList<(string Reason, int Count)> counts)
    {
        json.WriteStartObject(name);
        foreach (var (reason, count) in counts)
        {
            json.WriteNumber(reason, count);
        }

        json.WriteEndObject();
    }

    private static void WriteValueCounts(Utf8JsonWriter json, string name, IReadOnlyList<(string Value, int Count)> counts)
    {
        json.WriteStartArray(name);
        foreach (var (value, count) in counts)
        {
            json.WriteStartObject();
            json.WriteString("value", value);
            json.WriteNumber("count", count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
