namespace NhsIdentity.Matching;

/// <summary>Thrown by <see cref="PatientIndex.Load"/> when a snapshot cannot be loaded; <see cref="Error"/> says why.
/// The remedy is always the same: build the index again from the records' source.</summary>
/// <remarks>The message names the reason only, never a record id or value, so it can be logged.</remarks>
public sealed class PatientIndexSnapshotException : IOException
{
    internal PatientIndexSnapshotException(PatientIndexSnapshotError error, Exception? innerException = null)
        : base(MessageFor(error), innerException)
    {
        Error = error;
    }

    /// <summary>Gets why the snapshot was refused.</summary>
    public PatientIndexSnapshotError Error { get; }

    private static string MessageFor(PatientIndexSnapshotError error) => error switch
    {
        PatientIndexSnapshotError.NotASnapshot => "The stream is not a PatientIndex snapshot.",
        PatientIndexSnapshotError.UnsupportedFormat =>
            "The PatientIndex snapshot's format version is not supported by this library; rebuild the index from its source.",
        PatientIndexSnapshotError.DifferentLibraryBuild =>
            "The PatientIndex snapshot was written by another build of NhsIdentity; rebuild the index from its source.",
        PatientIndexSnapshotError.DifferentPreparationOptions =>
            "The PatientIndex snapshot's records were prepared with other RecordSetOptions (date order, nickname table or "
            + "term-frequency minimum); rebuild the index from its source.",
        _ => "The PatientIndex snapshot is truncated or corrupt; rebuild the index from its source.",
    };
}
