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

    /// <summary>The line is JSON but not a readable FHIR R4 <c>Patient</c>: the FHIR deserializer reported an error it
    /// cannot recover from without losing data, or an element the mapping reads holds a value its FHIR type cannot
    /// hold (a <c>gender</c> outside its value set, a number for <c>birthDate</c>, one object for <c>name</c>).
    /// Unknown elements alone do not make a line invalid.</summary>
    InvalidResource = 3,
}
