using System.Text;
using System.Text.Json;
using NhsIdentity.Cli.Ingestion;

namespace NhsIdentity.Cli.Summaries;

/// <summary>
/// Writes the commands' <c>--json</c> summaries (schemas <c>nhsid-evaluate/1</c>, <c>nhsid-validate/1</c>,
/// <c>nhsid-run/1</c>, <c>nhsid-train/1</c>, documented in docs/json-schemas.md) as <c>nhsid profile --json</c> writes
/// its document: one indented object through <see cref="Utf8JsonWriter"/>, its first field <c>schema</c>.
/// </summary>
/// <remarks>Within version 1 a schema only gains fields; a change that breaks a reader is version 2. The summaries
/// hold counts, option values, file names, rule and comparison names only, never a patient's value.</remarks>
internal static class JsonSummary
{
    /// <summary>Writes one document to a text writer (standard output), followed by a line break.</summary>
    /// <param name="writer">Where to write it.</param>
    /// <param name="schema">The schema name and version, written first.</param>
    /// <param name="body">Writes the document's other fields.</param>
    public static void Write(TextWriter writer, string schema, Action<Utf8JsonWriter> body)
    {
        writer.Write(ToText(schema, body));
        writer.WriteLine();
    }

    /// <summary>Writes one document to a file, staged in the run's <see cref="Outputs.OutputSet"/> so that it is
    /// committed with the run's other outputs (or not at all).</summary>
    /// <param name="path">The file, already allowed by <see cref="Commands.OutputGuard"/>.</param>
    /// <param name="schema">The schema name and version, written first.</param>
    /// <param name="body">Writes the document's other fields.</param>
    public static void WriteFile(string path, string schema, Action<Utf8JsonWriter> body)
    {
        var text = ToText(schema, body);
        AtomicFileWriter.Write(path, writer =>
        {
            writer.Write(text);
            writer.WriteLine();
        });
    }

    /// <summary>Writes a nullable count: the number, or <c>null</c> when it is not known.</summary>
    public static void WriteNumberOrNull(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Writes a nullable measure: the number, or <c>null</c> when it is not defined.</summary>
    public static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Writes a nullable string: the text, or <c>null</c>.</summary>
    public static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>Writes an array of strings.</summary>
    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string ToText(string schema, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("schema", schema);
            body(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
