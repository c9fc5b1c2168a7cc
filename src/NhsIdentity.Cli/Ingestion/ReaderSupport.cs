using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Ingestion;

/// <summary>What the message-per-item readers (<see cref="Hl7FileReader"/>, <see cref="FhirNdjsonFileReader"/>) share:
/// keying a record that came without an id, and writing the rejected items aside.</summary>
internal static class ReaderSupport
{
    /// <summary>A copy of <paramref name="record"/> with <paramref name="id"/> as its id (the item's ordinal or line).</summary>
    /// <remarks>A <c>with</c> copy, not a field-by-field one, so a field added to the record later is kept too.</remarks>
    public static PatientRecord WithId(PatientRecord record, string id) => record with { Id = id };

    /// <summary>Writes the rejected items, verbatim, atomically.</summary>
    /// <exception cref="Outputs.OutputWriteException">The file cannot be written (named by its role).</exception>
    public static void WriteRejects(string path, string text) => AtomicFileWriter.Write(path, writer => writer.Write(text));
}
