using System.Diagnostics.CodeAnalysis;
using NhsIdentity.Demographics;

namespace NhsIdentity.Internal;

/// <summary>
/// Throw sites for <see cref="Postcode"/>, kept out of hot methods. Messages never include the rejected text:
/// a postcode is part of an address.
/// </summary>
internal static class PostcodeThrowHelper
{
    [DoesNotReturn]
    public static void ThrowFormatException(PostcodeStatus status) =>
        throw new FormatException($"The text is not a valid UK postcode: {status.GetDescription()} ({status}).");

    [DoesNotReturn]
    public static void ThrowUnknownFormat() =>
        throw new FormatException("Unknown postcode format. Use \"U\" (unit, SW1A 1AA), \"N\" (no space), \"A\" (area), \"D\" (district), \"S\" (sector), \"O\" (outward code) or \"I\" (inward code).");

    [DoesNotReturn]
    public static void ThrowUndefinedStyles(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, "Undefined PostcodeStyles value.");

    [DoesNotReturn]
    public static void ThrowUndefinedPart(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, "Undefined PostcodePart value.");
}
