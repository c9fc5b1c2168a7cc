namespace NhsIdentity.Demographics;

/// <summary>
/// A person's sex or gender as recorded by a health system. Numeric values follow the NHS Data Dictionary codes
/// the supplier systems send (PERSON STATED GENDER CODE and the older PERSON GENDER CODE: 1 male, 2 female,
/// 9 indeterminate or not specified), with 0 for not known.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="SexCodes"/> reads the code systems suppliers use (NHS Data Dictionary, FHIR, HL7 v2, DICOM, letters
/// and words) into this type and writes it back out; its remarks give the full mapping table.
/// </para>
/// <para>
/// Only <see cref="Male"/> and <see cref="Female"/> carry information the matcher compares
/// (<see cref="SexCodes.IsMaleOrFemale(Sex)"/>); every other value is treated as missing.
/// </para>
/// </remarks>
public enum Sex
{
    /// <summary>Not known or not recorded (Data Dictionary code 0). The default value.</summary>
    Unknown = 0,

    /// <summary>Male (Data Dictionary code 1).</summary>
    Male = 1,

    /// <summary>Female (Data Dictionary code 2).</summary>
    Female = 2,

    /// <summary>Indeterminate: unable to be classified as male or female (Data Dictionary code 9).</summary>
    Indeterminate = 9,

    /// <summary>
    /// Other: FHIR AdministrativeGender <c>other</c>, HL7 v2 table 0001 and DICOM <c>O</c>. The Data Dictionary sex
    /// codes have no such value, so the number 10 was chosen outside 0-9, where it cannot be mistaken for a Data
    /// Dictionary code (the gender identity codes use 1-4, X and Z).
    /// </summary>
    Other = 10,
}
