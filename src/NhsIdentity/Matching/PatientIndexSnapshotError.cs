namespace NhsIdentity.Matching;

/// <summary>Why <see cref="PatientIndex.Load"/> refused a snapshot. Every reason means the same remedy: build the index
/// again from the records' source (a snapshot is a cache of prepared records, never the source of truth).</summary>
public enum PatientIndexSnapshotError
{
    /// <summary>The stream does not start like a <see cref="PatientIndex"/> snapshot.</summary>
    NotASnapshot = 0,

    /// <summary>The snapshot's format version is one this library cannot read.</summary>
    UnsupportedFormat = 1,

    /// <summary>The snapshot was written by another build of the library (or on a machine of the other byte order):
    /// prepared rows are only valid for the preparation code that made them.</summary>
    DifferentLibraryBuild = 2,

    /// <summary>The snapshot's records were prepared with other <see cref="RecordSetOptions"/> (date order, nickname
    /// table or term-frequency minimum) than the index being loaded asks for.</summary>
    DifferentPreparationOptions = 3,

    /// <summary>The snapshot is truncated, fails its checksum, or holds values no index could have written.</summary>
    Corrupt = 4,
}
