using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir.FastJson;

/// <summary>Writes the <c>$match</c> searchset bundle with <see cref="Utf8JsonWriter"/>: the same JSON text, byte for
/// byte, as <c>FhirMatchBundle.Create(...).ToJson()</c> with the Firely SDK, in a fraction of the time (no model
/// objects for the bundle, no reflection).</summary>
/// <remarks>
/// <para>Order, scores, grades and <c>fullUrl</c> come from <see cref="FhirMatchBundle"/>'s own helpers, so the two
/// forms share one definition of each. The text escaping is the SDK's (<see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>:
/// quotes, backslashes, control characters and characters outside the Basic Multilingual Plane escaped; HTML-sensitive
/// and other non-ASCII characters as they are), which is safe in an <c>application/fhir+json</c> body, not in HTML.</para>
/// <para>The property tests compare this writer with the SDK's on generated matches and records; thread-safe (no
/// state).</para>
/// </remarks>
internal static class FhirMatchBundleWriter
{
    /// <summary>The writer options that reproduce the SDK's compact JSON.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes the bundle of <paramref name="matches"/> (any order) to <paramref name="output"/>.</summary>
    /// <param name="output">Receives UTF-8 JSON.</param>
    /// <param name="matches">The matches.</param>
    /// <param name="resolve">The resource of a matched id, or <see langword="null"/> to leave the match out (as
    /// <see cref="FhirMatchBundle.Create"/> does).</param>
    /// <param name="options">Grading and naming options; <see langword="null"/> for the defaults.</param>
    public static void Write(IBufferWriter<byte> output, IEnumerable<IndexMatch> matches, Func<string, FhirEntryResource?> resolve, FhirMatchBundleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(resolve);
        options ??= FhirMatchBundleOptions.Default;

        // total comes before the entries, so resolve them all first.
        var entries = new List<(IndexMatch Match, FhirEntryResource Resource)>();
        foreach (var match in FhirMatchBundle.InBundleOrder(matches))
        {
            if (match.Id is not null && resolve(match.Id) is { } resource)
            {
                entries.Add((match, resource));
            }
        }

        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("resourceType"u8, "Bundle"u8);
        writer.WriteString("type"u8, "searchset"u8);
        writer.WriteNumber("total"u8, entries.Count);
        if (entries.Count > 0)
        {
            writer.WriteStartArray("entry"u8);
            foreach (var (match, resource) in entries)
            {
                WriteEntry(writer, match.Score, resource, options);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter writer, MatchScore score, FhirEntryResource resource, FhirMatchBundleOptions options)
    {
        writer.WriteStartObject();
        if (FhirMatchBundle.FullUrl(options, resource.Id) is { } fullUrl)
        {
            writer.WriteString("fullUrl"u8, fullUrl);
        }

        writer.WritePropertyName("resource"u8);
        if (resource.Json is { } json)
        {
            writer.WriteRawValue(json);
        }
        else
        {
            var patient = FhirPatientMapper.ToPatient(resource.Record! with { Id = resource.Id });
            patient.Id = resource.Id;
            FhirPatientJsonWriter.Write(writer, patient);
        }

        writer.WriteStartObject("search"u8);
        writer.WriteStartArray("extension"u8);
        writer.WriteStartObject();
        writer.WriteString("url"u8, UkCoreSystems.MatchGradeExtension);
        writer.WriteString("valueCode"u8, FhirMatchBundle.GradeOf(score, options).ToCode());
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteString("mode"u8, "match"u8);
        writer.WriteNumber("score"u8, FhirMatchBundle.ToScore(score.Probability));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
