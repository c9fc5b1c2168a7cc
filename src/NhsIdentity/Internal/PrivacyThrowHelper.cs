using System.Diagnostics.CodeAnalysis;

namespace NhsIdentity.Internal;

/// <summary>
/// Throw sites for the <see cref="Privacy"/> types, kept out of hot methods. Messages never include a key, a salt or
/// the value being pseudonymised: the first two are secrets and the last is patient data.
/// </summary>
internal static class PrivacyThrowHelper
{
    [DoesNotReturn]
    public static void ThrowKeyTooShort(string paramName, int minimumLength) =>
        throw new ArgumentException(
            $"A pseudonymisation key must be at least {minimumLength} bytes (256 bits) of secret random data; generate one with, for example, 'openssl rand -hex 32'.",
            paramName);

    [DoesNotReturn]
    public static void ThrowLabelEmpty(string paramName) =>
        throw new ArgumentException("A pseudonymisation label (the project or domain name) must not be empty or white space.", paramName);

    [DoesNotReturn]
    public static void ThrowLabelTooLong(string paramName, int maxBytes) =>
        throw new ArgumentException($"A pseudonymisation label must be at most {maxBytes} bytes in UTF-8.", paramName);

    [DoesNotReturn]
    public static void ThrowLabelNotText(string paramName) =>
        throw new ArgumentException("A pseudonymisation label must be well-formed text (it contains an unpaired surrogate).", paramName);

    [DoesNotReturn]
    public static void ThrowEmptyValue(string paramName, string typeName) =>
        throw new ArgumentException($"An empty {typeName} has no pseudonym; check IsEmpty first.", paramName);

    [DoesNotReturn]
    public static void ThrowKeyFileTooLarge(int maxBytes) =>
        throw new InvalidDataException($"The key file is larger than {maxBytes} bytes, so it is not a key file.");

    [DoesNotReturn]
    public static void ThrowDisposed() =>
        throw new ObjectDisposedException(nameof(Privacy.PseudonymKey), "The pseudonymisation key has been disposed (its bytes were erased).");
}
