using System.Diagnostics.CodeAnalysis;
using NhsIdentity.Matching;

namespace NhsIdentity.Interop;

/// <summary>
/// Reads the patient in an HL7 v2 message (ADT^A01, A04, A08, A28, ... or a bare <c>PID</c> segment) into a
/// <see cref="PatientRecord"/>, the way a Cerner or other PAS/EPR interface sends it.
/// </summary>
/// <remarks>
/// <para>
/// <b>Structure.</b> Segments end with a carriage return (HL7 v2.5.1 chapter 2, 2.5.4); line feeds and CR LF are
/// accepted too, and MLLP framing (0x0B before, 0x1C after) is ignored. The delimiters come from MSH-1 (field) and
/// MSH-2 (component, repetition, escape, subcomponent, in that order); a message with only a <c>PID</c> segment is read
/// with the recommended <c>^~\&amp;</c> and the field separator that follows <c>PID</c>. Only the first message, its
/// first <c>PID</c> segment and the first <c>PD1</c> segment after that <c>PID</c> (and before any second <c>PID</c>)
/// are read; a second <c>MSH</c> ends the message.
/// </para>
/// <para>
/// <b>Fields</b> (HL7 v2.5.1 chapter 3, 3.4.2 PID and 3.4.10 PD1; data types in chapter 2A):
/// </para>
/// <list type="bullet">
/// <item><description><see cref="PatientRecord.NhsNumber"/>: the first PID-3 (CX) repetition marked as the NHS number:
/// identifier type code CX.5 <c>NH</c> (HL7 table 0203 "National Health Plan Identifier"), or assigning authority
/// CX.4 (namespace or universal ID subcomponent) or assigning facility CX.6 naming the NHS: <c>NHS</c> (as in NHS
/// England North West GMSA's NHS Number profile), <c>NHSN</c>, <c>NHS Number</c>, or the NHS number OID
/// <c>2.16.840.1.113883.2.1.4.1</c> (NPfIT OID catalogue). An unmarked identifier is never guessed to be the NHS number. When PID-3 has none, a PID-2
/// (Patient ID, kept for backward compatibility) marked the same way is used, as older UK feeds send it (Patients
/// Know Best's HL7 v2 PID profile documents PID-2 with assigning authority <c>NHS</c>).</description></item>
/// <item><description><see cref="PatientRecord.LocalIdentifier"/>: the first other PID-3 repetition with type
/// <c>MR</c> (medical record number) or <c>PI</c> (patient internal identifier), else the first other one.</description></item>
/// <item><description><see cref="PatientRecord.Id"/>: the local identifier, else the message control ID (MSH-10): the
/// hospital number is what a person reading the links can look up; the control ID names only the message.</description></item>
/// <item><description><see cref="PatientRecord.FamilyName"/> and <see cref="PatientRecord.GivenNames"/>: the PID-5
/// (XPN) repetition with name type code XPN.7 <c>L</c> (legal), else the first non-empty one; family name = XPN.1
/// (its surname subcomponent), given names = XPN.2 given name then XPN.3 second and further given names. Prefix,
/// suffix and degree (XPN.5, XPN.4, XPN.6) are not names and are left out.</description></item>
/// <item><description><see cref="PatientRecord.DateOfBirth"/>: PID-7 (TS/DTM <c>yyyy[MM[dd[HHmm[ss]]]]</c> with
/// optional offset): the date part as ISO 8601 (<c>yyyy-MM-dd</c>, or <c>yyyy-MM</c>/<c>yyyy</c> when partial), which
/// preparation reads whatever <c>RecordSetOptions.DateOrder</c> says; a value of another shape is passed on as sent
/// and counted as invalid there.</description></item>
/// <item><description><see cref="PatientRecord.Sex"/>: PID-8 as sent (HL7 table 0001: <c>M</c>, <c>F</c>, <c>O</c>,
/// <c>U</c>, <c>A</c>, <c>N</c>; preparation reads the codes).</description></item>
/// <item><description><see cref="PatientRecord.Postcode"/> and <see cref="PatientRecord.Address"/>: the PID-11 (XAD)
/// repetition with address type XAD.7 <c>H</c> (home), else the first non-empty one; postcode = XAD.5; address =
/// street (XAD.1, its street-or-mailing-address subcomponent, else dwelling number and street name), other
/// designation, city and county (XAD.2 to XAD.4), joined with ", ". The country is left out.</description></item>
/// <item><description><see cref="PatientRecord.Phone"/> and <see cref="PatientRecord.Email"/>: from PID-13 (XTN): an
/// email is XTN.4, or XTN.1 holding an <c>@</c> when XTN.2 is <c>NET</c> or XTN.3 is <c>Internet</c>/<c>X.400</c>;
/// a phone is the first other repetition's XTN.1, else XTN.12 (unformatted), else country, area and local number
/// (XTN.5 to XTN.7).</description></item>
/// <item><description><see cref="PatientRecord.GpPracticeCode"/>: PD1-3 (Patient Primary Facility, XON), first
/// repetition only: XON.10 (organisation identifier, where NHS England's HL7 v2 ITK profiles put the ODS code), else
/// XON.3 (ID number, deprecated, where some older senders put it); upper case. The organisation name (XON.1) is not
/// read. Missing when the message has no <c>PD1</c>. The GP practice does not identify a patient, so a message whose
/// <c>PID</c> has no patient data fails with <see cref="Hl7ReadError.NoPatientData"/> whatever its <c>PD1</c>
/// holds.</description></item>
/// </list>
/// <para>
/// Every value is decoded (escape sequences, see HL7 v2.5.1 chapter 2, 2.7), trimmed, and missing when empty or the
/// HL7 null <c>""</c>. Nothing is validated here: preparation in a <see cref="RecordSet"/> parses and counts.
/// </para>
/// <para>
/// Reading never throws on any text (the <c>Try</c> methods) and errors name the structural problem only: no message
/// content reaches an exception, a log or <see cref="PatientRecord.ToString"/>. Thread-safe; it allocates only the
/// record and its strings.
/// </para>
/// </remarks>
public static partial class Hl7Message
{
    /// <summary>Tries to read the patient in <paramref name="message"/>.</summary>
    /// <param name="message">One HL7 v2 message, or a bare <c>PID</c> segment.</param>
    /// <param name="record">The patient record on success; <see langword="null"/> on failure.</param>
    /// <param name="error"><see cref="Hl7ReadError.None"/>, or why the message could not be read.</param>
    /// <returns><see langword="true"/> when a record was read. Never throws.</returns>
    public static bool TryReadPatient(ReadOnlySpan<char> message, [NotNullWhen(true)] out PatientRecord? record, out Hl7ReadError error)
    {
        error = Read(message, out record);
        return error == Hl7ReadError.None;
    }

    /// <summary>Tries to read the patient in <paramref name="message"/>.</summary>
    /// <param name="message">One HL7 v2 message, or a bare <c>PID</c> segment; <see langword="null"/> fails with <see cref="Hl7ReadError.Empty"/>.</param>
    /// <param name="record">The patient record on success; <see langword="null"/> on failure.</param>
    /// <param name="error"><see cref="Hl7ReadError.None"/>, or why the message could not be read.</param>
    /// <returns><see langword="true"/> when a record was read. Never throws.</returns>
    public static bool TryReadPatient(string? message, [NotNullWhen(true)] out PatientRecord? record, out Hl7ReadError error) =>
        TryReadPatient(message.AsSpan(), out record, out error);

    /// <summary>Reads the patient in <paramref name="message"/>.</summary>
    /// <param name="message">One HL7 v2 message, or a bare <c>PID</c> segment.</param>
    /// <returns>The patient record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The message cannot be read; the message names the <see cref="Hl7ReadError"/>, never the content.</exception>
    public static PatientRecord ReadPatient(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var error = Read(message, out var record);
        if (error != Hl7ReadError.None)
        {
            InteropThrowHelper.ThrowHl7FormatException(error);
        }

        return record!;
    }
}
