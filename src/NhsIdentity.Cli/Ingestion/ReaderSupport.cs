namespace NhsIdentity.Cli.Ingestion;

/// <summary>What the message-per-item readers (<see cref="Hl7FileReader"/>, <see cref="FhirNdjsonFileReader"/>) share:
/// writing the rejected items aside.</summary>
internal static class ReaderSupport
{
    /// <summary>Writes the rejected items, verbatim, atomically.</summary>
    /// <exception cref="Outputs.OutputWriteException">The file cannot be written (named by its role).</exception>
    public static void WriteRejects(string path, string text) => AtomicFileWriter.Write(path, writer => writer.Write(text));
}
