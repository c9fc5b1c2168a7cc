namespace NhsIdentity.Interop;

/// <summary>Why an HL7 v2 message could not be read into a patient record (<see cref="Hl7Message.TryReadPatient(string?, out NhsIdentity.Matching.PatientRecord?, out Hl7ReadError)"/>).</summary>
/// <remarks>Each value names a problem with the message's structure, never its content, so it can be logged.</remarks>
public enum Hl7ReadError
{
    /// <summary>No error: the message was read.</summary>
    None = 0,

    /// <summary>The message is empty or holds only white space and framing characters.</summary>
    Empty = 1,

    /// <summary>
    /// The <c>MSH</c> segment cannot give the delimiters: the field separator (MSH-1) or an encoding character (MSH-2)
    /// is missing, a letter, a digit, white space, or the same character twice (HL7 v2.5.1 chapter 2, 2.5.4).
    /// </summary>
    BadMshSegment = 2,

    /// <summary>The message has no <c>PID</c> (patient identification) segment.</summary>
    NoPidSegment = 3,

    /// <summary>
    /// The <c>PID</c> segment has none of the fields a match needs: no identifier (PID-3, or a marked NHS number in
    /// PID-2), no name (PID-5) and no date of birth (PID-7).
    /// </summary>
    NoPatientData = 4,
}
