namespace NhsIdentity.Matching;

/// <summary>
/// One patient record as a supplier system holds it: raw text in, exactly as it was read. The fields follow the NHS
/// Master Person Service (MPS) trace request: NHS number, given names, family name, date of birth, sex, postcode and
/// address, plus the supplier's own identifiers and optional contact details.
/// </summary>
/// <remarks>
/// <para>
/// Every field may be <see langword="null"/> or empty (missing). Nothing is parsed here: a <c>RecordSet</c>
/// parses and normalises the text once when the record is prepared, and a value that cannot be parsed (an NHS number
/// that fails its check digit, a date that is not a date) becomes missing there, with its reason counted.
/// </para>
/// <para>
/// <see cref="ToString"/> shows only <see cref="Id"/>, never patient details, so a record can appear in a log line or
/// an exception message without leaking them. Instances are immutable once initialised and safe to share; copy one
/// with a changed field with <c>with</c> (<c>record with { Id = "..." }</c>), which copies every other field, so a
/// field added later is never dropped by a copy. Equality is by value: two records with the same text are equal.
/// </para>
/// </remarks>
public sealed record PatientRecord
{
    /// <summary>Gets the supplier system's identifier for this record (a row key, not a patient identifier).</summary>
    public string? Id { get; init; }

    /// <summary>Gets the NHS number as written (any spacing; validated when prepared).</summary>
    public string? NhsNumber { get; init; }

    /// <summary>Gets the given names: the first name followed by any middle names.</summary>
    public string? GivenNames { get; init; }

    /// <summary>Gets the family name (surname), possibly hyphenated or of several words.</summary>
    public string? FamilyName { get; init; }

    /// <summary>Gets the date of birth as written (ISO, HL7, <c>dd/MM/yyyy</c>, ...; the order is a preparation option).</summary>
    public string? DateOfBirth { get; init; }

    /// <summary>Gets the sex or gender code as written (Data Dictionary, FHIR, HL7 v2, DICOM or words).</summary>
    public string? Sex { get; init; }

    /// <summary>Gets the postcode as written.</summary>
    public string? Postcode { get; init; }

    /// <summary>Gets the address lines as free text (several lines joined by commas or spaces).</summary>
    public string? Address { get; init; }

    /// <summary>Gets a local identifier: a hospital number, MRN or another system's patient identifier.</summary>
    public string? LocalIdentifier { get; init; }

    /// <summary>Gets a telephone number, if the supplier holds one.</summary>
    public string? Phone { get; init; }

    /// <summary>Gets an email address, if the supplier holds one.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the code of the GP practice the patient is registered with: an ODS organisation code such as
    /// <c>A81001</c> (PDS, HL7 v2 PD1-3 and FHIR <c>Patient.generalPractitioner</c> all carry it).</summary>
    public string? GpPracticeCode { get; init; }

    /// <summary>Returns a description that names only the record <see cref="Id"/>, never patient details.</summary>
    /// <returns><c>PatientRecord(Id)</c>.</returns>
    public override string ToString() => "PatientRecord(" + (Id ?? "no id") + ")";
}
