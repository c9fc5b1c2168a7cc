using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Hl7.Fhir.Model;

namespace NhsIdentity.Fhir.FastJson;

/// <summary>Reads the body of a <c>Patient/$match</c> request, a FHIR R4 <c>Parameters</c> resource, with
/// <see cref="Utf8JsonReader"/>: about a tenth of the time the Firely SDK's strict deserializer takes on the bodies
/// the service sees, for the same <see cref="Patient"/> (as far as <see cref="FhirPatientMapper"/> reads it).</summary>
/// <remarks>
/// <para>It takes a narrow subset: <c>resourceType</c> <c>Parameters</c> and one <c>parameter</c> array whose entries
/// are <c>{name: resource, resource: Patient}</c> (see <see cref="FhirPatientJsonReader"/> for the Patient),
/// <c>{name: count, valueInteger}</c> and <c>{name: onlyCertainMatches, valueBoolean}</c>, each at most once, the
/// Patient required. For anything else, and for anything it is unsure of (another parameter or property, a repeated
/// one, comments, trailing commas or text after the resource, text that is not UTF-8), <see cref="TryRead"/> returns
/// <see langword="false"/> and the caller parses the body with the SDK, so every error and status stays the SDK
/// path's. It never accepts a body the SDK's strict mode refuses (the property tests hold it to that).</para>
/// <para>Thread-safe (no state). It reads no patient value into an exception or a log.</para>
/// </remarks>
internal static class FhirMatchRequestReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 16,
    };

    /// <summary>Reads a <c>$match</c> body, or returns <see langword="false"/> when the body is outside the subset
    /// (see the class remarks).</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out FhirMatchRequest? request)
    {
        request = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, Options);
            // Only white space may follow the resource (Read throws on anything else).
            if (!reader.Read() || !TryReadParameters(ref reader, out var read) || reader.Read())
            {
                return false;
            }

            request = read;
            return true;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            // Not JSON, not UTF-8, a lone surrogate: the SDK's answer stands. The message is not kept (it may quote text).
            request = null;
            return false;
        }
    }

    private static bool TryReadParameters(ref Utf8JsonReader reader, [NotNullWhen(true)] out FhirMatchRequest? request)
    {
        request = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var sawType = false;
        var sawParameters = false;
        var parameters = default(ParametersRead);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("resourceType"u8))
            {
                if (sawType || !reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("Parameters"u8))
                {
                    return false;
                }

                sawType = true;
            }
            else if (reader.ValueTextEquals("parameter"u8))
            {
                if (sawParameters || !reader.Read() || !TryReadParameterArray(ref reader, ref parameters))
                {
                    return false;
                }

                sawParameters = true;
            }
            else
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || !sawType || parameters.Patient is not { } patient)
        {
            return false;
        }

        request = new FhirMatchRequest(patient, parameters.Count, parameters.OnlyCertainMatches);
        return true;
    }

    private static bool TryReadParameterArray(ref Utf8JsonReader reader, ref ParametersRead parameters)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var any = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryReadParameter(ref reader, ref parameters))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>One entry of <c>parameter</c>: its properties in any order, then checked as a whole.</summary>
    private static bool TryReadParameter(ref Utf8JsonReader reader, ref ParametersRead parameters)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? name = null;
        Patient? resource = null;
        int? valueInteger = null;
        bool? valueBoolean = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                if (name is not null || !reader.Read() || !FhirJsonPrimitives.TryReadString(ref reader, out var text))
                {
                    return false;
                }

                name = text;
            }
            else if (reader.ValueTextEquals("resource"u8))
            {
                if (resource is not null || !reader.Read() || !FhirPatientJsonReader.TryRead(ref reader, out var patient))
                {
                    return false;
                }

                resource = patient;
            }
            else if (reader.ValueTextEquals("valueInteger"u8))
            {
                if (valueInteger is not null || !reader.Read() || !FhirJsonPrimitives.TryReadInteger(ref reader, out var integer))
                {
                    return false;
                }

                valueInteger = integer;
            }
            else if (reader.ValueTextEquals("valueBoolean"u8))
            {
                if (valueBoolean is not null || !reader.Read() || !FhirJsonPrimitives.TryReadBoolean(ref reader, out var boolean))
                {
                    return false;
                }

                valueBoolean = boolean;
            }
            else
            {
                return false;
            }
        }

        // Exactly the one value each parameter takes; a parameter seen twice goes the slow way.
        switch (name)
        {
            case "resource" when resource is not null && valueInteger is null && valueBoolean is null && parameters.Patient is null:
                parameters.Patient = resource;
                return true;
            case "count" when valueInteger is not null && resource is null && valueBoolean is null && parameters.Count is null:
                parameters.Count = valueInteger;
                return true;
            case "onlyCertainMatches" when valueBoolean is not null && resource is null && valueInteger is null && parameters.OnlyCertainMatches is null:
                parameters.OnlyCertainMatches = valueBoolean;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The parameters read so far.</summary>
    private struct ParametersRead
    {
        public Patient? Patient;
        public int? Count;
        public bool? OnlyCertainMatches;
    }
}
