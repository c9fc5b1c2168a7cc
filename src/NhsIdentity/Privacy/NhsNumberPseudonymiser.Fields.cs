using NhsIdentity.Demographics;
using NhsIdentity.Internal;

namespace NhsIdentity.Privacy;

public sealed partial class NhsNumberPseudonymiser
{
    /// <summary>Writes the 32-byte pseudonym of a date of birth (field tag <c>D</c>, canonical form ISO 8601 <c>1987-03-14</c>, <c>1987-03</c> or <c>1987</c>).</summary>
    /// <param name="dateOfBirth">The value; not <see cref="DateOfBirth.Empty"/>.</param>
    /// <param name="destination">Where to write; at least <see cref="PseudonymLength"/> bytes.</param>
    /// <param name="bytesWritten">32, or 0 when the destination is too short.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="ArgumentException"><paramref name="dateOfBirth"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public bool TryPseudonymise(DateOfBirth dateOfBirth, Span<byte> destination, out int bytesWritten)
    {
        Span<byte> text = stackalloc byte[MaxValueLength];
        var length = Canonical(dateOfBirth, text);
        return TryCompute(DateOfBirthTag, text[..length], destination, out bytesWritten);
    }

    /// <summary>Writes the pseudonym of a date of birth as 64 lower-case hexadecimal characters.</summary>
    /// <param name="dateOfBirth">The value; not <see cref="DateOfBirth.Empty"/>.</param>
    /// <param name="destination">Where to write; at least <see cref="HexLength"/> characters.</param>
    /// <param name="charsWritten">64, or 0 when the destination is too short.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="ArgumentException"><paramref name="dateOfBirth"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public bool TryFormatHex(DateOfBirth dateOfBirth, Span<char> destination, out int charsWritten)
    {
        Span<byte> text = stackalloc byte[MaxValueLength];
        var length = Canonical(dateOfBirth, text);
        return TryFormat(DateOfBirthTag, text[..length], destination, hex: true, out charsWritten);
    }

    /// <summary>Writes the pseudonym of a date of birth as 52 characters of unpadded RFC 4648 base32.</summary>
    /// <param name="dateOfBirth">The value; not <see cref="DateOfBirth.Empty"/>.</param>
    /// <param name="destination">Where to write; at least <see cref="Base32Length"/> characters.</param>
    /// <param name="charsWritten">52, or 0 when the destination is too short.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="ArgumentException"><paramref name="dateOfBirth"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public bool TryFormatBase32(DateOfBirth dateOfBirth, Span<char> destination, out int charsWritten)
    {
        Span<byte> text = stackalloc byte[MaxValueLength];
        var length = Canonical(dateOfBirth, text);
        return TryFormat(DateOfBirthTag, text[..length], destination, hex: false, out charsWritten);
    }

    /// <summary>The pseudonym of a date of birth as 64 lower-case hexadecimal characters.</summary>
    /// <param name="dateOfBirth">The value; not <see cref="DateOfBirth.Empty"/>.</param>
    /// <returns>The hexadecimal pseudonym.</returns>
    /// <exception cref="ArgumentException"><paramref name="dateOfBirth"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public string ToHex(DateOfBirth dateOfBirth)
    {
        Span<char> text = stackalloc char[HexLength];
        TryFormatHex(dateOfBirth, text, out _);
        return new string(text);
    }

    /// <summary>The pseudonym of a date of birth as 52 characters of unpadded RFC 4648 base32.</summary>
    /// <param name="dateOfBirth">The value; not <see cref="DateOfBirth.Empty"/>.</param>
    /// <returns>The base32 pseudonym.</returns>
    /// <exception cref="ArgumentException"><paramref name="dateOfBirth"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public string ToBase32(DateOfBirth dateOfBirth)
    {
        Span<char> text = stackalloc char[Base32Length];
        TryFormatBase32(dateOfBirth, text, out _);
        return new string(text);
    }

    /// <summary>Writes the 32-byte pseudonym of a postcode (field tag <c>P</c>, canonical form upper case with one space, <c>SW1A 1AA</c>).</summary>
    /// <param name="postcode">The value; not <see cref="Postcode.Empty"/>.</param>
    /// <param name="destination">Where to write; at least <see cref="PseudonymLength"/> bytes.</param>
    /// <param name="bytesWritten">32, or 0 when the destination is too short.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="ArgumentException"><paramref name="postcode"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public bool TryPseudonymise(Postcode postcode, Span<byte> destination, out int bytesWritten)
    {
        Span<byte> text = stackalloc byte[MaxValueLength];
        var length = Canonical(postcode, text);
        return TryCompute(PostcodeTag, text[..length], destination, out bytesWritten);
    }

    /// <summary>Writes the pseudonym of a postcode as 64 lower-case hexadecimal characters.</summary>
    /// <param name="postcode">The value; not <see cref="Postcode.Empty"/>.</param>
    /// <param name="destination">Where to write; at least <see cref="HexLength"/> characters.</param>
    /// <param name="charsWritten">64, or 0 when the destination is too short.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="ArgumentException"><paramref name="postcode"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public bool TryFormatHex(Postcode postcode, Span<char> destination, out int charsWritten)
    {
        Span<byte> text = stackalloc byte[MaxValueLength];
        var length = Canonical(postcode, text);
        return TryFormat(PostcodeTag, text[..length], destination, hex: true, out charsWritten);
    }

    /// <summary>Writes the pseudonym of a postcode as 52 characters of unpadded RFC 4648 base32.</summary>
    /// <param name="postcode">The value; not <see cref="Postcode.Empty"/>.</param>
    /// <param name="destination">Where to write; at least <see cref="Base32Length"/> characters.</param>
    /// <param name="charsWritten">52, or 0 when the destination is too short.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="ArgumentException"><paramref name="postcode"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public bool TryFormatBase32(Postcode postcode, Span<char> destination, out int charsWritten)
    {
        Span<byte> text = stackalloc byte[MaxValueLength];
        var length = Canonical(postcode, text);
        return TryFormat(PostcodeTag, text[..length], destination, hex: false, out charsWritten);
    }

    /// <summary>The pseudonym of a postcode as 64 lower-case hexadecimal characters.</summary>
    /// <param name="postcode">The value; not <see cref="Postcode.Empty"/>.</param>
    /// <returns>The hexadecimal pseudonym.</returns>
    /// <exception cref="ArgumentException"><paramref name="postcode"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public string ToHex(Postcode postcode)
    {
        Span<char> text = stackalloc char[HexLength];
        TryFormatHex(postcode, text, out _);
        return new string(text);
    }

    /// <summary>The pseudonym of a postcode as 52 characters of unpadded RFC 4648 base32.</summary>
    /// <param name="postcode">The value; not <see cref="Postcode.Empty"/>.</param>
    /// <returns>The base32 pseudonym.</returns>
    /// <exception cref="ArgumentException"><paramref name="postcode"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public string ToBase32(Postcode postcode)
    {
        Span<char> text = stackalloc char[Base32Length];
        TryFormatBase32(postcode, text, out _);
        return new string(text);
    }

    private static int Canonical(DateOfBirth dateOfBirth, Span<byte> destination)
    {
        if (dateOfBirth.IsEmpty)
        {
            PrivacyThrowHelper.ThrowEmptyValue(nameof(dateOfBirth), nameof(DateOfBirth));
        }

        // ISO 8601 keeps the precision visible (1987, 1987-03, 1987-03-14), so partial dates never share a pseudonym
        // with a full date.
        dateOfBirth.TryFormat(destination, out var written);
        return written;
    }

    private static int Canonical(Postcode postcode, Span<byte> destination)
    {
        if (postcode.IsEmpty)
        {
            PrivacyThrowHelper.ThrowEmptyValue(nameof(postcode), nameof(Postcode));
        }

        postcode.TryFormat(destination, out var written);
        return written;
    }
}
