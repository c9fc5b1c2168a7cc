namespace NhsIdentity.Interop;

/// <summary>Why a DICOM file's patient attributes could not be read (<see cref="DicomFile.TryReadPatient"/>).</summary>
public enum DicomReadError
{
    /// <summary>Nothing went wrong.</summary>
    None,

    /// <summary>The bytes are not a DICOM Part 10 file (no <c>DICM</c> prefix after the 128-byte preamble) nor a bare
    /// data set that begins with a plausible element.</summary>
    NotDicom,

    /// <summary>The file ends inside its header, before the patient attributes were complete.</summary>
    Truncated,

    /// <summary>An element's length, value representation or nesting is impossible (a length past the end of a
    /// sequence item, a delimiter where none belongs, more nesting than any real file has).</summary>
    Malformed,

    /// <summary>The transfer syntax is one whose data set this reader cannot decode (a private one, or one whose
    /// deflated data set is damaged).</summary>
    UnsupportedTransferSyntax,

    /// <summary>The Specific Character Set (0008,0005) names an encoding other than the default repertoire,
    /// ISO_IR 100 (Latin-1) and ISO_IR 192 (UTF-8): names in it would be read as the wrong letters.</summary>
    UnsupportedCharacterSet,

    /// <summary>The header (everything before the end of the patient group) is larger than
    /// <see cref="DicomFile.MaxHeaderBytes"/>.</summary>
    HeaderTooLarge,
}
