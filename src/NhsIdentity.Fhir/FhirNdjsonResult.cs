using Hl7.Fhir.Model;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir;

/// <summary>The outcome of one line of FHIR NDJSON: the patient read from it, or why there is none.</summary>
/// <param name="LineNumber">The line's number in the input, from 1 (blank lines are counted but not reported).</param>
/// <param name="Record">The record mapped from the patient, or <see langword="null"/> on error.</param>
/// <param name="Patient">The resource as deserialised, or <see langword="null"/> on error.</param>
/// <param name="Error">Why the line gave no record; <see cref="FhirNdjsonError.None"/> when it did.</param>
/// <remarks>A failure holds the line number and reason only, never the line's text, so it can be logged or shown
/// without leaking patient data. <see cref="ToString"/> shows the line number and error only.</remarks>
public readonly record struct FhirNdjsonResult(long LineNumber, PatientRecord? Record, Patient? Patient, FhirNdjsonError Error)
{
    /// <summary>Whether the line gave a record (<see cref="Record"/> and <see cref="Patient"/> are not null).</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Record), nameof(Patient))]
    public bool IsSuccess => Error == FhirNdjsonError.None && Record is not null && Patient is not null;

    /// <summary>Describes the result by line number and error only, never its content.</summary>
    /// <returns>For example <c>FhirNdjsonResult(Line 12, InvalidJson)</c>.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"FhirNdjsonResult(Line {LineNumber}, {Error})");
}
