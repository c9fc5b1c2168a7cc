using System.Diagnostics.CodeAnalysis;
using NhsIdentity.Privacy;

namespace NhsIdentity.Internal;

/// <summary>
/// Throw sites for the <see cref="Privacy"/> types, kept out of hot methods. Messages never include a key, a salt or
/// the value being pseudonymised: the first two are secrets and the last is patient data.
/// </summary>
internal static class PrivacyThrowHelper
{
    [DoesNotReturn]
    public static void ThrowKeyTooShort(string paramName, int minimumLength) =>
        throw new PseudonymKeyException(
            PseudonymKeyProblem.TooShort,
            $"A pseudonymisation key must be at least {minimumLength} bytes (256 bits) of secret random data; generate one with, for example, 'openssl rand -hex 32'.",
            paramName);

    [DoesNotReturn]
    public static void ThrowKeyAllOneByteValue(string paramName) =>
        throw new PseudonymKeyException(
            PseudonymKeyProblem.AllOneByteValue,
            "The pseudonymisation key is weak: every byte has the same value, so it is not secret random data; generate one with, for example, 'openssl rand -hex 32'.",
            paramName);

    [DoesNotReturn]
    public static void ThrowKeyLowEntropy(string paramName, int minimumBits) =>
        throw new PseudonymKeyException(
            PseudonymKeyProblem.LowEntropy,
            $"The pseudonymisation key is weak: under {minimumBits} bits of estimated entropy (too few distinct byte values, or too uneven a mix, for random data); generate one with, for example, 'openssl rand -hex 32'.",
            paramName);

    [DoesNotReturn]
    public static void ThrowKeyFileEmpty(string paramName) =>
        throw new PseudonymKeyException(
            PseudonymKeyProblem.EmptyFile,
            "The key file is empty or holds only white space.",
            paramName);

    [DoesNotReturn]
    public static void ThrowKeyFileMalformedHex(string paramName) =>
        throw new PseudonymKeyException(
            PseudonymKeyProblem.MalformedHex,
            "The key file looks like hexadecimal but is not valid hexadecimal (a character that is not a hex digit, or an odd number of digits); it was not read as base64 or raw bytes, which would be a different key.",
            paramName);

    [DoesNotReturn]
    public static void ThrowKeyFileNotHexOrBase64(string paramName) =>
        throw new PseudonymKeyException(
            PseudonymKeyProblem.NotHexOrBase64,
            "The key file holds text that is neither hexadecimal nor base64 (white space and line breaks aside); text is not used as raw key bytes.",
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
    public static void ThrowKeyFileTooLarge(string paramName, int maxBytes) =>
        throw new PseudonymKeyException(
            PseudonymKeyProblem.FileTooLarge,
            $"The key file is larger than {maxBytes} bytes, so it is not a key file.",
            paramName);

    [DoesNotReturn]
    public static void ThrowDisposed() =>
        throw new ObjectDisposedException(nameof(Privacy.PseudonymKey), "The pseudonymisation key has been disposed (its bytes were erased).");
}
