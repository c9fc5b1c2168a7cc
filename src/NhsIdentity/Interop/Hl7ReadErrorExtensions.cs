namespace NhsIdentity.Interop;

/// <summary>Descriptions of <see cref="Hl7ReadError"/> values for messages and reports.</summary>
public static class Hl7ReadErrorExtensions
{
    /// <summary>Describes <paramref name="error"/> in a few words, with no message content.</summary>
    /// <param name="error">The error.</param>
    /// <returns>For example <c>no PID segment</c>.</returns>
    public static string GetDescription(this Hl7ReadError error) => error switch
    {
        Hl7ReadError.None => "read",
        Hl7ReadError.Empty => "empty message",
        Hl7ReadError.BadMshSegment => "MSH segment does not give usable delimiters",
        Hl7ReadError.NoPidSegment => "no PID segment",
        Hl7ReadError.NoPatientData => "PID segment has no identifier, name or date of birth",
        _ => "unknown error",
    };
}
