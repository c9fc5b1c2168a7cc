using System.Diagnostics.CodeAnalysis;

namespace NhsIdentity.Fhir;

/// <summary>Throw sites of the FHIR package. Messages never include the value that was rejected: it may be patient
/// data.</summary>
internal static class FhirThrowHelper
{
    [DoesNotReturn]
    public static void ThrowInvalidElementValue(string paramName) =>
        throw new ArgumentException(
            "The patient holds an element value that is not valid for its FHIR type (kept by a lenient deserializer), so it cannot be mapped.",
            paramName);
}
