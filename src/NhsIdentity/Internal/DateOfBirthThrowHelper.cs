using System.Diagnostics.CodeAnalysis;
using NhsIdentity.Demographics;

namespace NhsIdentity.Internal;

/// <summary>
/// Throw sites for <see cref="DateOfBirth"/> and <see cref="SexCodes"/>, kept out of hot methods. Messages never
/// include the rejected value: it may be patient data.
/// </summary>
internal static class DateOfBirthThrowHelper
{
    [DoesNotReturn]
    public static void ThrowFormatException(DateOfBirthStatus status) =>
        throw new FormatException($"The text is not a valid date of birth: {status.GetDescription()} ({status}).");

    [DoesNotReturn]
    public static void ThrowUnknownFormat() =>
        throw new FormatException("Unknown date of birth format. Use \"I\" (ISO 8601, yyyy-MM-dd), \"H\" (HL7, yyyyMMdd) or \"D\" (day first, dd/MM/yyyy).");

    [DoesNotReturn]
    public static void ThrowUndefinedOrder(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, "Undefined DateOrder value.");

    [DoesNotReturn]
    public static void ThrowEmpty() =>
        throw new InvalidOperationException("The date of birth is empty (DateOfBirth.Empty); check IsEmpty first.");

    [DoesNotReturn]
    public static void ThrowNotFullDate() =>
        throw new InvalidOperationException("The date of birth is partial (a year, or a year and month); check Precision or use TryGetDateOnly.");

    [DoesNotReturn]
    public static void ThrowInvalidDate(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, "Not a calendar date with a year between 1800 and 2199.");
}
