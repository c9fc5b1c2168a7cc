namespace NhsIdentity.Interop;

/// <summary>Thrown by <see cref="DicomFile.ReadPatient(Stream)"/> when a file cannot be read; <see cref="Error"/> says
/// why.</summary>
/// <remarks>The message names the reason only, never a value from the file, so it can be logged.</remarks>
public sealed class DicomReadException : IOException
{
    internal DicomReadException(DicomReadError error)
        : base(DescribeError(error))
    {
        Error = error;
    }

    /// <summary>Gets why the file could not be read.</summary>
    public DicomReadError Error { get; }

    /// <summary>The reason in words, for messages and rejections.</summary>
    internal static string DescribeError(DicomReadError error) => error switch
    {
        DicomReadError.NotDicom => "The file is not DICOM (no DICM prefix after the preamble, nor a data set's first element).",
        DicomReadError.Truncated => "The DICOM file ends before its patient attributes.",
        DicomReadError.Malformed => "The DICOM file's header is malformed (an impossible length, delimiter or nesting).",
        DicomReadError.UnsupportedTransferSyntax => "The DICOM file's transfer syntax is not one this reader decodes (or its deflated data is damaged).",
        DicomReadError.UnsupportedCharacterSet =>
            "The DICOM file's Specific Character Set is not the default repertoire, ISO_IR 100 or ISO_IR 192.",
        DicomReadError.HeaderTooLarge => "The DICOM file's header is larger than DicomFile.MaxHeaderBytes.",
        _ => "The DICOM file could not be read.",
    };
}
