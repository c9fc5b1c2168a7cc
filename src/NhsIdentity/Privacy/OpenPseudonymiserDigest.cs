using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace NhsIdentity.Privacy;

/// <summary>
/// The digest of the University of Nottingham's OpenPseudonymiser (openpseudonymiser.org), for exchanging data with
/// systems that still use it: the upper-case hexadecimal SHA-256 of the values concatenated, with blanks removed, and
/// the salt appended. <b>Unkeyed, and not a safe pseudonym for NHS numbers</b>: prefer
/// <see cref="NhsNumberPseudonymiser"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Definition</b> (OpenPseudonymiser CryptoLib 0.9.7, <c>Crypto.GetDigest</c> and <c>CryptHelper.sha256encrypt</c>):
/// the values are concatenated in the order given, every space, tab, carriage return and line feed is removed from
/// that concatenation (not from the salt), the salt is appended, the text is encoded as UTF-8 (unpaired surrogates
/// become U+FFFD, as <see cref="Encoding.UTF8"/> does), hashed with SHA-256 (FIPS 180-4), and the 32 bytes are
/// written as 64 upper-case hexadecimal characters. OpenPseudonymiser's own tools concatenate the chosen columns in
/// alphabetical order of their column names (so <c>DOB</c> comes before <c>NHSNumber</c>); pass the values in the
/// order the other party uses. Published vector (openpseudonymiser.org FAQ): <c>"123456789"</c> with no salt gives
/// <c>15E2B0D3C33891EBB0F1EF609EC419420C20E320CE94C65FBC8C3312448EB225</c>, and with salt <c>"hello"</c>
/// <c>A4455E6581B78D69E569895C2B615DFA90A6CD56938E40CA91EDD26E44DEEDFE</c>.
/// </para>
/// <para>
/// <b>Why it is weak.</b> The digest is a salted hash, not a keyed one. There are only about 909 million valid NHS
/// numbers, and SHA-256 runs at tens of millions of hashes a second on one core, so anyone who holds or guesses the
/// salt can hash every valid number in minutes and reverse a whole extract with a lookup table; the salt also
/// travels with the software, which is why OpenPseudonymiser encrypts it. Current NHS practice (OpenSAFELY, NHS
/// England's De-ID service) uses secret keys instead. Use this type only to reproduce digests another system
/// already relies on. OpenPseudonymiser itself refuses an empty salt; this type accepts one so that the published
/// unsalted vector can be checked.
/// </para>
/// <para>
/// Thread-safe (stateless). <see cref="TryCompute"/> allocates nothing for inputs up to 256 characters and rents a
/// pooled buffer above that; the <see cref="string"/> members allocate their result.
/// </para>
/// </remarks>
public static class OpenPseudonymiserDigest
{
    /// <summary>The digest length: 64 upper-case hexadecimal characters.</summary>
    public const int Length = SHA256.HashSizeInBytes * 2;

    private const int StackLimit = 256;

    /// <summary>Writes the digest of <paramref name="values"/> (already concatenated) and <paramref name="salt"/>.</summary>
    /// <param name="values">The values, concatenated in order; blanks in them are removed before hashing.</param>
    /// <param name="salt">The salt, appended as it is.</param>
    /// <param name="destination">Where to write; at least <see cref="Length"/> characters.</param>
    /// <param name="charsWritten">64, or 0 when the destination is too short.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short; it is then left untouched.</returns>
    public static bool TryCompute(ReadOnlySpan<char> values, ReadOnlySpan<char> salt, Span<char> destination, out int charsWritten)
    {
        if (destination.Length < Length)
        {
            charsWritten = 0;
            return false;
        }

        var textLength = values.Length + salt.Length;
        char[]? rentedText = null;
        var text = textLength <= StackLimit ? stackalloc char[StackLimit] : (rentedText = ArrayPool<char>.Shared.Rent(textLength));
        var length = 0;
        foreach (var c in values)
        {
            if (c is not (' ' or '\t' or '\r' or '\n'))
            {
                text[length++] = c;
            }
        }

        salt.CopyTo(text[length..]);
        length += salt.Length;

        var byteCount = length * 3; // UTF-8 needs at most three bytes per UTF-16 unit
        byte[]? rentedBytes = null;
        var bytes = byteCount <= StackLimit * 3 ? stackalloc byte[StackLimit * 3] : (rentedBytes = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            var written = Encoding.UTF8.GetBytes(text[..length], bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..written], hash);
            return Convert.TryToHexString(hash, destination, out charsWritten);
        }
        finally
        {
            if (rentedText is not null)
            {
                ArrayPool<char>.Shared.Return(rentedText, clearArray: true);
            }

            if (rentedBytes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBytes, clearArray: true);
            }
        }
    }

    /// <summary>The digest of one value and a salt.</summary>
    /// <param name="value">The value; blanks in it are removed before hashing.</param>
    /// <param name="salt">The salt, appended as it is.</param>
    /// <returns>64 upper-case hexadecimal characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> or <paramref name="salt"/> is <see langword="null"/>.</exception>
    public static string Compute(string value, string salt)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(salt);
        return Compute(value.AsSpan(), salt);
    }

    /// <summary>The digest of several values, concatenated in the order given, and a salt.</summary>
    /// <param name="values">The values; <see langword="null"/> counts as empty.</param>
    /// <param name="salt">The salt, appended as it is.</param>
    /// <returns>64 upper-case hexadecimal characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="salt"/> is <see langword="null"/>.</exception>
    public static string Compute(ReadOnlySpan<string?> values, string salt)
    {
        ArgumentNullException.ThrowIfNull(salt);
        return Compute(string.Concat(values), salt);
    }

    /// <summary>
    /// The digest of an NHS number, as its ten digits, and a salt (OpenPseudonymiser strips the display spaces, so
    /// <c>999 000 0018</c> and <c>9990000018</c> give the same digest).
    /// </summary>
    /// <param name="number">The number; not <see cref="NhsNumber.Empty"/>.</param>
    /// <param name="salt">The salt, appended as it is.</param>
    /// <returns>64 upper-case hexadecimal characters.</returns>
    /// <exception cref="ArgumentException"><paramref name="number"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="salt"/> is <see langword="null"/>.</exception>
    public static string Compute(NhsNumber number, string salt)
    {
        ArgumentNullException.ThrowIfNull(salt);
        if (number.IsEmpty)
        {
            Internal.PrivacyThrowHelper.ThrowEmptyValue(nameof(number), nameof(NhsNumber));
        }

        Span<char> digits = stackalloc char[10];
        number.TryFormat(digits, out _, "N");
        return Compute(digits, salt);
    }

    private static string Compute(ReadOnlySpan<char> values, string salt)
    {
        Span<char> digest = stackalloc char[Length];
        TryCompute(values, salt, digest, out _);
        return new string(digest);
    }
}
