using NhsIdentity.Interop;

namespace NhsIdentity.Fuzzing.Targets;

/// <summary>
/// <c>dicom</c>: <see cref="DicomFile.TryReadPatient"/> never throws for any bytes (a broken file is an error code);
/// <see cref="DicomFile.ReadPatient(Stream)"/> agrees with it and throws only <see cref="DicomReadException"/>; the
/// attributes it reads map to a record without an exception.
/// </summary>
internal static class DicomTarget
{
    public static void Run(ReadOnlySpan<byte> data)
    {
        var bytes = data.ToArray();
        var read = DicomFile.TryReadPatient(new MemoryStream(bytes, writable: false), out var attributes, out var error);
        Invariant.Holds(read == (attributes is not null) && read == (error == DicomReadError.None), "TryReadPatient's result, attributes and error agree");
        try
        {
            var thrown = DicomFile.ReadPatient(new MemoryStream(bytes, writable: false));
            Invariant.Holds(read, "ReadPatient reads what TryReadPatient reads");
            Invariant.Holds(thrown.PatientName == attributes!.PatientName && thrown.PatientId == attributes.PatientId, "the two reads agree");
        }
        catch (DicomReadException exception)
        {
            Invariant.Holds(!read && exception.Error == error, "ReadPatient throws with TryReadPatient's error");
        }

        attributes?.ToPatientRecord();
    }
}
