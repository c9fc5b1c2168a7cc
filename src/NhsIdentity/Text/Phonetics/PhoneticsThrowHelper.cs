using System.Diagnostics.CodeAnalysis;

namespace NhsIdentity.Text.Phonetics;

/// <summary>Throw sites for the phonetic encoders, kept out of the hot methods. Messages never include the name.</summary>
internal static class PhoneticsThrowHelper
{
    [DoesNotReturn]
    public static void ThrowMaxLengthOutOfRange(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, "The maximum code length must be at least 1 (int.MaxValue means no truncation).");
}
