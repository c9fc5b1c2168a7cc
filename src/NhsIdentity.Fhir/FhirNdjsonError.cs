namespace NhsIdentity.Fhir;

/// <summary>Why a line of FHIR NDJSON gave no record. The reason never carries the line's content.</summary>
public enum FhirNdjsonError
{
    /// <summary>The line was read: no error.</summary>
    None = 0,

    /// <summary>The line is not a JSON object (broken JSON, or an array or value instead of an object).</summary>
    InvalidJson = 1,

    /// <summary>The line is a FHIR resource of another type than <c>Patient</c>, or has no <c>resourceType</c>.</summary>
    NotAPatient = 2,

    /// <summary>The line is JSON but not a valid FHIR R4 <c>Patient</c>: the FHIR deserializer reported an error it
    /// cannot recover from without losing data (an unknown element, a wrong value type, ...).</summary>
    InvalidResource = 3,
}
