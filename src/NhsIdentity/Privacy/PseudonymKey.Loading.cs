using System.Security.Cryptography;
using NhsIdentity.Internal;

namespace NhsIdentity.Privacy;

public sealed partial class PseudonymKey
{
    /// <summary>The largest key file <see cref="FromFile(string, string)"/> reads, 64 KiB: anything bigger is not a key file.</summary>
    public const int MaxKeyFileLength = 64 * 1024;

    /// <summary>Reads a key file, refusing a weak key (see <see cref="FromFile(string, string, PseudonymKeyOptions)"/>).</summary>
    /// <param name="path">The key file.</param>
    /// <param name="label">The project or domain label.</param>
    /// <returns>The key.</returns>
    /// <exception cref="PseudonymKeyException">The file's content cannot be used as a key; <see cref="PseudonymKeyException.Problem"/> says why.</exception>
    /// <exception cref="ArgumentException">The label is invalid.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static PseudonymKey FromFile(string path, string label) => FromFile(path, label, PseudonymKeyOptions.Default);

    /// <summary>
    /// Reads a key file. The file holds the key as hexadecimal text (what <c>openssl rand -hex 32</c> writes), as
    /// base64 text (<c>openssl rand -base64 32</c>), or as raw bytes (<c>openssl rand 32</c>); see
    /// <see cref="FromKeyFileContent(ReadOnlySpan{byte}, string, PseudonymKeyOptions)"/> for how the form is decided.
    /// </summary>
    /// <param name="path">The key file.</param>
    /// <param name="label">The project or domain label.</param>
    /// <param name="options">What to accept (<see cref="PseudonymKeyOptions.AllowWeakKey"/>).</param>
    /// <returns>The key.</returns>
    /// <exception cref="PseudonymKeyException">The file's content cannot be used as a key (it is larger than
    /// <see cref="MaxKeyFileLength"/> bytes, malformed, too short or weak); <see cref="PseudonymKeyException.Problem"/>
    /// says why. The message never shows the content.</exception>
    /// <exception cref="ArgumentException">The label is invalid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static PseudonymKey FromFile(string path, string label, PseudonymKeyOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);

        // Read to the end rather than trusting the length: a pipe or a /proc file reports none.
        var buffer = new byte[MaxKeyFileLength + 1];
        try
        {
            var length = 0;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.None))
            {
                int read;
                while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
                {
                    length += read;
                }
            }

            if (length > MaxKeyFileLength)
            {
                PrivacyThrowHelper.ThrowKeyFileTooLarge(nameof(path), MaxKeyFileLength);
            }

            return FromContent(buffer.AsSpan(0, length), label, options, nameof(path));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>Decodes the content of a key file, refusing a weak key (see
    /// <see cref="FromKeyFileContent(ReadOnlySpan{byte}, string, PseudonymKeyOptions)"/>).</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="label">The project or domain label.</param>
    /// <returns>The key.</returns>
    /// <exception cref="PseudonymKeyException">The content cannot be used as a key; <see cref="PseudonymKeyException.Problem"/> says why.</exception>
    /// <exception cref="ArgumentException">The label is invalid.</exception>
    public static PseudonymKey FromKeyFileContent(ReadOnlySpan<byte> content, string label) =>
        FromKeyFileContent(content, label, PseudonymKeyOptions.Default);

    /// <summary>Decodes the content of a key file and creates the key.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="label">The project or domain label.</param>
    /// <param name="options">What to accept (<see cref="PseudonymKeyOptions.AllowWeakKey"/>).</param>
    /// <returns>The key.</returns>
    /// <remarks>
    /// <para>
    /// <b>Text or raw bytes.</b> A UTF-8 byte-order mark at the start is set aside, and so is a UTF-16 one when every
    /// character after it is printable ASCII or white space (Windows PowerShell 5 writes <c>&gt;</c> redirections as
    /// UTF-16). If what remains is text (well-formed UTF-8 with no control character but ASCII white space), it must be
    /// hex or base64; otherwise the whole content, exactly as stored, is the raw key.
    /// </para>
    /// <para>
    /// <b>Hex or base64.</b> From text, every ASCII white space character (spaces, tabs, line breaks: hex or base64
    /// wrapped over several lines, CRLF or LF, a final line break) is removed. What is left is read as hexadecimal
    /// when it is all hex digits (either case) and an even number of them; as base64 (RFC 4648, standard alphabet,
    /// padded) otherwise. Text that is nearly all hex digits (at least 90%, padding aside) but not valid hex, such as
    /// one digit mistyped as <c>g</c> or a digit missing, is an error (<see cref="PseudonymKeyProblem.MalformedHex"/>),
    /// never read as base64; other text that is neither is an error too (<see cref="PseudonymKeyProblem.NotHexOrBase64"/>).
    /// Text never falls back to raw bytes, so a damaged file is refused instead of giving a different key.
    /// </para>
    /// <para>
    /// <b>What random keys risk.</b> A uniformly random key of 32 bytes or more, written raw, as hex (any case, wrapped
    /// at any width, with or without a byte-order mark or final line break) or as base64 (wrapped or not), loads as
    /// the same bytes except in cases of negligible probability: raw bytes that happen to be text are refused
    /// (2<sup>−35</sup> at 32 bytes), base64 of such a key that happens to be nearly all hex digits is refused
    /// (about 2<sup>−46</sup>), and the key is refused as weak with probability 2<sup>−36</sup> at 32 bytes (see
    /// <see cref="EstimateEntropyBits"/>). Base64 made only of hex digits would be read as hex (below
    /// 2<sup>−68</sup>). Each of these is a refusal except the last; none happens in practice.
    /// </para>
    /// </remarks>
    /// <exception cref="PseudonymKeyException">The content cannot be used as a key (malformed text, too short after
    /// decoding, or weak and not allowed); <see cref="PseudonymKeyException.Problem"/> says why. The message never
    /// shows the content.</exception>
    /// <exception cref="ArgumentException">The label is invalid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static PseudonymKey FromKeyFileContent(ReadOnlySpan<byte> content, string label, PseudonymKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return FromContent(content, label, options, nameof(content));
    }

    private static PseudonymKey FromContent(ReadOnlySpan<byte> content, string label, PseudonymKeyOptions options, string paramName)
    {
        var key = KeyFileDecoder.Decode(content, paramName);
        try
        {
            if (key.Length < MinimumKeyLength)
            {
                PrivacyThrowHelper.ThrowKeyTooShort(paramName, MinimumKeyLength);
            }

            if (!options.AllowWeakKey)
            {
                CheckStrength(key, paramName);
            }

            return new PseudonymKey(key, label, options);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
