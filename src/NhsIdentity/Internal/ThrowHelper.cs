using System.Diagnostics.CodeAnalysis;

namespace NhsIdentity.Internal;

/// <summary>
/// Throw sites kept out of hot methods so those stay small enough to inline. Messages never include the
/// value that was rejected: it may be patient data.
/// </summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowFormatException(NhsNumberStatus status) =>
        throw new FormatException($"The text is not a valid NHS number: {status.GetDescription()} ({status}).");

    [DoesNotReturn]
    public static void ThrowUnknownFormat() =>
        throw new FormatException("Unknown NHS number format. Use \"S\" (spaced), \"N\" (ten digits), \"H\" (hyphenated) or \"M\" (masked).");

    [DoesNotReturn]
    public static void ThrowEmpty() =>
        throw new InvalidOperationException("The NHS number is empty (NhsNumber.Empty); check IsEmpty first.");

    [DoesNotReturn]
    public static void ThrowBaseOutOfRange(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, "A base must be a nine-digit value between 0 and 999 999 999.");

    [DoesNotReturn]
    public static void ThrowBaseHasNoCheckDigit(string paramName) =>
        throw new ArgumentException("The base's check value is 10, so no valid NHS number has this base.", paramName);

    [DoesNotReturn]
    public static void ThrowNotNineDigits(string paramName) =>
        throw new ArgumentException("Expected exactly nine ASCII digits.", paramName);

    [DoesNotReturn]
    public static void ThrowValueOutOfRange(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, "An NHS number value must be between 0 and 9 999 999 999 and pass the modulus-11 check.");

    [DoesNotReturn]
    public static void ThrowUndefinedStyles(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, "Undefined NhsNumberStyles value.");
}
