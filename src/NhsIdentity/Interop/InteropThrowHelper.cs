using System.Diagnostics.CodeAnalysis;

namespace NhsIdentity.Interop;

/// <summary>Throw sites for the interop readers. Messages name the problem, never the content: it is patient data.</summary>
internal static class InteropThrowHelper
{
    [DoesNotReturn]
    public static void ThrowHl7FormatException(Hl7ReadError error) =>
        throw new FormatException($"The HL7 v2 message cannot be read: {error.GetDescription()} ({error}).");
}
