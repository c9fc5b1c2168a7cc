using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace NhsIdentity.Fhir.Tests.TestHelpers;

/// <summary>The oracle for the fast <c>$match</c> reader: what the service's SDK path makes of a body (strict parse,
/// then the <c>resource</c>, <c>count</c> and <c>onlyCertainMatches</c> parameters as it reads them).</summary>
internal static class SdkMatchRequest
{
    private static readonly FhirJsonDeserializer Strict = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    /// <summary>The SDK's reading, or null when the SDK path refuses the body (any error the service answers with
    /// an OperationOutcome, or an exception it does not catch, such as the InvalidCastException of another resource
    /// type or GetSingle's InvalidOperationException on a repeated parameter: either way not a lookup).</summary>
    public static (Patient Patient, int? Count, bool? OnlyCertainMatches)? Read(string body)
    {
        try
        {
            var parameters = Strict.Deserialize<Parameters>(body);
            if (parameters?.GetSingle("resource")?.Resource is not Patient patient)
            {
                return null;
            }

            var count = parameters.GetSingle("count")?.Value is Integer { Value: { } c } ? c : (int?)null;
            var onlyCertain = parameters.GetSingle("onlyCertainMatches")?.Value is FhirBoolean { Value: { } b } ? b : (bool?)null;
            return (patient, count, onlyCertain);
        }
        catch (Exception exception) when (exception is DeserializationFailedException or FormatException or InvalidOperationException
            or System.Text.Json.JsonException or ArgumentException or InvalidCastException)
        {
            return null;
        }
    }
}
