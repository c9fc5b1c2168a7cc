using System.Security.Cryptography;
using NhsIdentity.Demographics;
using NhsIdentity.Internal;

namespace NhsIdentity.Privacy;

/// <summary>
/// Keyed pseudonyms (HMAC-SHA256) of NHS numbers, and of dates of birth and postcodes for record-level linkage of
/// pseudonymised extracts: two extracts pseudonymised with the same <see cref="PseudonymKey"/> link exactly on those
/// fields, and nobody without the key can recompute or reverse them.
/// </summary>
/// <remarks>
/// <para>
/// <b>Why keyed.</b> A plain or salted SHA-256 of an NHS number is not a pseudonym anyone can rely on: there are only
/// about 909 million valid NHS numbers (one 9-digit base in eleven has no check digit), so anyone who knows or guesses
/// the salt can hash every one of them in minutes on a laptop and reverse the whole extract with a lookup table.
/// That is why current NHS practice (OpenSAFELY, NHS England's De-ID service) pseudonymises with a secret key. An HMAC
/// under a 256-bit key kept by the data controller cannot be recomputed without the key. See
/// <see cref="OpenPseudonymiserDigest"/> for the older salted-hash scheme, kept for compatibility only.
/// </para>
/// <para>
/// <b>What is hashed.</b> <c>HMAC-SHA256(key, BE32(n) ‖ label ‖ tag ‖ value)</c> (layout on <see cref="PseudonymKey"/>)
/// over the canonical value, never the text as typed, so <c>943 476 5919</c> and <c>9434765919</c> get the same
/// pseudonym: for an NHS number (tag <c>N</c>) its ten ASCII digits, <c>9990000018</c>; for a date of birth (tag
/// <c>D</c>) ISO 8601, <c>1987-03-14</c>, or <c>1987-03</c> / <c>1987</c> for partial dates, so partial and full dates
/// never collide; for a postcode (tag <c>P</c>) the canonical upper-case form with one space, <c>SW1A 1AA</c>
/// (<c>BFPO 123</c>, <c>GIR 0AA</c>).
/// </para>
/// <para>
/// <b>Output.</b> 32 bytes (<see cref="PseudonymLength"/>), or as text: lower-case hexadecimal, 64 characters
/// (<see cref="HexLength"/>), or RFC 4648 base32 with the upper-case alphabet and without the <c>=</c> padding, 52
/// characters (<see cref="Base32Length"/>; the padded form would add four <c>=</c>). The <c>TryFormat</c> members
/// return <see langword="false"/> only when the destination is too short, and then write nothing.
/// </para>
/// <para>
/// An empty value (<see cref="NhsNumber.Empty"/>, <see cref="DateOfBirth.Empty"/>, <see cref="Postcode.Empty"/>) has
/// no pseudonym: passing one throws <see cref="ArgumentException"/>, since a shared pseudonym for "missing" would link
/// every record that lacks the field.
/// </para>
/// <para>
/// Thread-safe: an instance holds only its key and may be shared. The span members allocate nothing (the HMAC is the
/// one-shot <see cref="HMACSHA256.HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/>); the
/// <see cref="string"/> members allocate their result only. No exception message contains the value or the key.
/// </para>
/// </remarks>
public sealed partial class NhsNumberPseudonymiser
{
    /// <summary>The pseudonym length in bytes: the HMAC-SHA256 output, 32.</summary>
    public const int PseudonymLength = HMACSHA256.HashSizeInBytes;

    /// <summary>The length of the hexadecimal text form, 64 characters.</summary>
    public const int HexLength = PseudonymLength * 2;

    /// <summary>The length of the unpadded base32 text form, 52 characters (256 bits at 5 bits a character, rounded up).</summary>
    public const int Base32Length = ((PseudonymLength * 8) + 4) / 5;

    private const byte NhsNumberTag = (byte)'N';
    private const byte DateOfBirthTag = (byte)'D';
    private const byte PostcodeTag = (byte)'P';

    /// <summary>The longest canonical value: ten digits, <c>yyyy-MM-dd</c>, or a postcode.</summary>
    private const int MaxValueLength = 16;

    private const int MaxMessageLength = sizeof(int) + PseudonymKey.MaxLabelByteCount + 1 + MaxValueLength;

    private readonly PseudonymKey _key;

    /// <summary>Initializes a new instance that pseudonymises under <paramref name="key"/>.</summary>
    /// <param name="key">The key and label. It is not copied: disposing it makes this instance throw.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public NhsNumberPseudonymiser(PseudonymKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
    }

    /// <summary>Gets the label of the key in use (the key itself is never exposed).</summary>
    public string Label => _key.Label;

    /// <summary>Writes the 32-byte pseudonym of an NHS number.</summary>
    /// <param name="number">The number; not <see cref="NhsNumber.Empty"/>.</param>
    /// <param name="destination">Where to write; at least <see cref="PseudonymLength"/> bytes.</param>
    /// <param name="bytesWritten">32, or 0 when the destination is too short.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="ArgumentException"><paramref name="number"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public bool TryPseudonymise(NhsNumber number, Span<byte> destination, out int bytesWritten)
    {
        Span<byte> digits = stackalloc byte[MaxValueLength];
        var length = Canonical(number, digits);
        return TryCompute(NhsNumberTag, digits[..length], destination, out bytesWritten);
    }

    /// <summary>Writes the pseudonym of an NHS number as 64 lower-case hexadecimal characters.</summary>
    /// <param name="number">The number; not <see cref="NhsNumber.Empty"/>.</param>
    /// <param name="destination">Where to write; at least <see cref="HexLength"/> characters.</param>
    /// <param name="charsWritten">64, or 0 when the destination is too short.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="ArgumentException"><paramref name="number"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public bool TryFormatHex(NhsNumber number, Span<char> destination, out int charsWritten)
    {
        Span<byte> digits = stackalloc byte[MaxValueLength];
        var length = Canonical(number, digits);
        return TryFormat(NhsNumberTag, digits[..length], destination, hex: true, out charsWritten);
    }

    /// <summary>Writes the pseudonym of an NHS number as 52 characters of unpadded RFC 4648 base32.</summary>
    /// <param name="number">The number; not <see cref="NhsNumber.Empty"/>.</param>
    /// <param name="destination">Where to write; at least <see cref="Base32Length"/> characters.</param>
    /// <param name="charsWritten">52, or 0 when the destination is too short.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    /// <exception cref="ArgumentException"><paramref name="number"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public bool TryFormatBase32(NhsNumber number, Span<char> destination, out int charsWritten)
    {
        Span<byte> digits = stackalloc byte[MaxValueLength];
        var length = Canonical(number, digits);
        return TryFormat(NhsNumberTag, digits[..length], destination, hex: false, out charsWritten);
    }

    /// <summary>The pseudonym of an NHS number as 64 lower-case hexadecimal characters.</summary>
    /// <param name="number">The number; not <see cref="NhsNumber.Empty"/>.</param>
    /// <returns>The hexadecimal pseudonym.</returns>
    /// <exception cref="ArgumentException"><paramref name="number"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public string ToHex(NhsNumber number)
    {
        Span<char> text = stackalloc char[HexLength];
        TryFormatHex(number, text, out _);
        return new string(text);
    }

    /// <summary>The pseudonym of an NHS number as 52 characters of unpadded RFC 4648 base32.</summary>
    /// <param name="number">The number; not <see cref="NhsNumber.Empty"/>.</param>
    /// <returns>The base32 pseudonym.</returns>
    /// <exception cref="ArgumentException"><paramref name="number"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public string ToBase32(NhsNumber number)
    {
        Span<char> text = stackalloc char[Base32Length];
        TryFormatBase32(number, text, out _);
        return new string(text);
    }

    /// <summary>
    /// The raw HMAC-SHA256 of <paramref name="message"/> under this key, without label or tag: the primitive the
    /// pseudonyms are built on, exposed to tests for the RFC 4231 vectors.
    /// </summary>
    internal bool TryComputeRawMac(ReadOnlySpan<byte> message, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < PseudonymLength)
        {
            bytesWritten = 0;
            return false;
        }

        bytesWritten = HMACSHA256.HashData(_key.Secret, message, destination);
        return true;
    }

    private static int Canonical(NhsNumber number, Span<byte> destination)
    {
        if (number.IsEmpty)
        {
            PrivacyThrowHelper.ThrowEmptyValue(nameof(number), nameof(NhsNumber));
        }

        number.TryFormat(destination, out var written, "N");
        return written;
    }

    private bool TryFormat(byte tag, ReadOnlySpan<byte> value, Span<char> destination, bool hex, out int charsWritten)
    {
        if (destination.Length < (hex ? HexLength : Base32Length))
        {
            charsWritten = 0;
            return false;
        }

        Span<byte> pseudonym = stackalloc byte[PseudonymLength];
        TryCompute(tag, value, pseudonym, out _);
        return hex
            ? PseudonymText.TryFormatHex(pseudonym, destination, out charsWritten)
            : PseudonymText.TryFormatBase32(pseudonym, destination, out charsWritten);
    }

    private bool TryCompute(byte tag, ReadOnlySpan<byte> value, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < PseudonymLength)
        {
            bytesWritten = 0;
            return false;
        }

        var secret = _key.Secret;
        var prefix = _key.MessagePrefix;
        Span<byte> message = stackalloc byte[MaxMessageLength];
        prefix.CopyTo(message);
        message[prefix.Length] = tag;
        value.CopyTo(message[(prefix.Length + 1)..]);
        bytesWritten = HMACSHA256.HashData(secret, message[..(prefix.Length + 1 + value.Length)], destination);
        return true;
    }
}
