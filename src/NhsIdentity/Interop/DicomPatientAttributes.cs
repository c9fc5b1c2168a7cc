using NhsIdentity.Matching;

namespace NhsIdentity.Interop;

/// <summary>
/// The patient attributes of a DICOM object (an imaging archive's study or a modality worklist item, as a
/// Carestream or other PACS holds them), as text values the caller has already read with its DICOM toolkit. No DICOM
/// parsing happens here: <see cref="ToPatientRecord"/> maps the values to a <see cref="PatientRecord"/>.
/// </summary>
/// <remarks>
/// <para>
/// Attributes are those of the Patient Module (DICOM PS3.3 C.7.1.1) and Patient Identification/Demographic modules
/// (PS3.3 C.2.2, C.2.3); value representations follow PS3.5 6.2. Values may carry the space padding DICOM adds to
/// reach an even length; it is trimmed. Multi-valued attributes use the backslash (<c>\</c>) value delimiter.
/// </para>
/// <para>
/// <see cref="ToString"/> shows no attribute value: they are patient data. Instances are immutable once initialised
/// and safe to share.
/// </para>
/// </remarks>
public sealed class DicomPatientAttributes
{
    /// <summary>
    /// Gets the Patient's Name (0010,0010), VR PN (PS3.5 6.2.1): up to five components
    /// <c>family^given^middle^prefix^suffix</c>, optionally in up to three component groups separated by <c>=</c>
    /// (alphabetic, ideographic, phonetic).
    /// </summary>
    public string? PatientName { get; init; }

    /// <summary>Gets the Patient ID (0010,0020), VR LO: the primary identifier, usually the hospital number.</summary>
    public string? PatientId { get; init; }

    /// <summary>Gets the Issuer of Patient ID (0010,0021), VR LO: who assigned <see cref="PatientId"/>, for example <c>NHS</c>.</summary>
    public string? IssuerOfPatientId { get; init; }

    /// <summary>
    /// Gets the Universal Entity ID (0040,0032) from the Issuer of Patient ID Qualifiers Sequence (0010,0024), VR UT:
    /// the issuer as an OID (the NHS number's is <c>2.16.840.1.113883.2.1.4.1</c>).
    /// </summary>
    public string? IssuerOfPatientIdUniversalEntityId { get; init; }

    /// <summary>
    /// Gets the Other Patient IDs (0010,1000), VR LO, multi-valued (<c>\</c>): further identifiers of the patient,
    /// where many UK archives keep the NHS number when the Patient ID is the hospital number. The attribute is retired
    /// in favour of the Other Patient IDs Sequence; pass the Patient ID values of that sequence here joined with <c>\</c>.
    /// </summary>
    public string? OtherPatientIds { get; init; }

    /// <summary>Gets the Patient's Birth Date (0010,0030), VR DA: <c>yyyyMMdd</c> (or the ACR-NEMA <c>yyyy.MM.dd</c>).</summary>
    public string? PatientBirthDate { get; init; }

    /// <summary>Gets the Patient's Sex (0010,0040), VR CS: <c>M</c>, <c>F</c> or <c>O</c> (other).</summary>
    public string? PatientSex { get; init; }

    /// <summary>Gets the Patient's Address (0010,1040), VR LO: the address as free text, possibly ending with the postcode.</summary>
    public string? PatientAddress { get; init; }

    /// <summary>Gets the Patient's Telephone Numbers (0010,2154), VR SH, multi-valued (<c>\</c>); the first is used.</summary>
    public string? PatientTelephoneNumbers { get; init; }

    /// <summary>
    /// Gets the key to give the record (<see cref="PatientRecord.Id"/>), for example the study's accession number;
    /// when <see langword="null"/> the record is keyed by its local identifier, else its NHS number.
    /// </summary>
    public string? RecordId { get; init; }

    /// <summary>Maps the attributes to a patient record.</summary>
    /// <returns>A new record; attributes that are absent or blank are missing in it.</returns>
    /// <remarks>
    /// <para>
    /// <b>NHS number or local identifier.</b> <see cref="PatientId"/> is the NHS number when
    /// <see cref="IssuerOfPatientId"/> or <see cref="IssuerOfPatientIdUniversalEntityId"/> names the NHS (<c>NHS</c>,
    /// <c>NHSN</c>, <c>NHS Number</c>, or the NHS number OID <c>2.16.840.1.113883.2.1.4.1</c> from the NPfIT OID
    /// catalogue), or when no issuer is given and the value is a valid NHS number (ten digits, spaces allowed, that
    /// pass the modulus 11 check): archives fed by NHS systems often store the NHS number without an issuer, and a
    /// hospital number passes the check only by chance (about one in eleven ten-digit values), a risk taken only when
    /// the issuer is silent. Otherwise it is the <see cref="PatientRecord.LocalIdentifier"/>. When the NHS number is
    /// still unknown, the first of <see cref="OtherPatientIds"/> that is a valid NHS number is taken.
    /// </para>
    /// <para>
    /// <b>Name.</b> The first component group with text (normally the alphabetic one); family name = component 1,
    /// given names = given (2) then middle (3); prefix and suffix are left out. Only the first value is read if the
    /// name holds several.
    /// </para>
    /// <para>
    /// <b>Dates, sex, address.</b> The birth date becomes ISO 8601 (<c>yyyy-MM-dd</c>); other shapes pass through
    /// unchanged for preparation to judge. Sex passes through (preparation reads <c>M</c>, <c>F</c>, <c>O</c>). When the
    /// address ends with a full UK postcode it becomes <see cref="PatientRecord.Postcode"/> and the rest the address.
    /// </para>
    /// </remarks>
    public PatientRecord ToPatientRecord()
    {
        DicomMapping.ReadIdentifiers(this, out var nhsNumber, out var localIdentifier);
        DicomMapping.ReadName(PatientName, out var givenNames, out var familyName);
        DicomMapping.SplitAddress(PatientAddress, out var address, out var postcode);
        return new PatientRecord
        {
            Id = DicomMapping.Clean(RecordId) ?? localIdentifier ?? nhsNumber,
            NhsNumber = nhsNumber,
            GivenNames = givenNames,
            FamilyName = familyName,
            DateOfBirth = InteropText.ToIsoDate(PatientBirthDate),
            Sex = DicomMapping.Clean(PatientSex),
            Postcode = postcode,
            Address = address,
            LocalIdentifier = localIdentifier,
            Phone = DicomMapping.FirstValue(PatientTelephoneNumbers),
        };
    }

    /// <summary>Returns a description without any attribute value.</summary>
    /// <returns><c>DicomPatientAttributes</c>.</returns>
    public override string ToString() => nameof(DicomPatientAttributes);
}
