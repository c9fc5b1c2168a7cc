using System.Buffers;
using System.Buffers.Text;
using NhsIdentity.Internal;

namespace NhsIdentity.Privacy;

public sealed partial class PseudonymKey
{
    /// <summary>The largest key file <see cref="FromFile"/> reads, 64 KiB: anything bigger is not a key file.</summary>
    public const int MaxKeyFileLength = 64 * 1024;

    private static readonly SearchValues<byte> HexDigitBytes = SearchValues.Create("0123456789abcdefABCDEF"u8);

    private static readonly SearchValues<byte> Base64Bytes =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8);

    /// <summary>
    /// Reads a key file. The file holds the key as hexadecimal text (what <c>openssl rand -hex 32</c> writes), as
    /// base64 text (<c>openssl rand -base64 32</c>), or as raw bytes (<c>openssl rand 32</c>).
    /// </summary>
    /// <param name="path">The key file.</param>
    /// <param name="label">The project or domain label.</param>
    /// <returns>The key.</returns>
    /// <remarks>
    /// The form is decided from the content: after removing leading and trailing ASCII white space (a final line
    /// break), text made only of an even number of hexadecimal digits is hex; otherwise text made only of the base64
    /// alphabet with correct padding is base64; anything else is taken as raw bytes, exactly as stored (not trimmed).
    /// A random 32-byte raw key looks like hex or base64 text with a probability below 2<sup>-64</sup>.
    /// </remarks>
    /// <exception cref="ArgumentException">The decoded key is shorter than <see cref="MinimumKeyLength"/> bytes, or the label is invalid.</exception>
    /// <exception cref="InvalidDataException">The file is larger than <see cref="MaxKeyFileLength"/> bytes.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PseudonymKey FromFile(string path, string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.None);
        if (stream.Length > MaxKeyFileLength)
        {
            PrivacyThrowHelper.ThrowKeyFileTooLarge(MaxKeyFileLength);
        }

        var content = new byte[(int)stream.Length];
        stream.ReadExactly(content);
        try
        {
            return FromKeyFileContent(content, label);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(content);
        }
    }

    /// <summary>Decodes the content of a key file (see <see cref="FromFile"/>) and creates the key.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="label">The project or domain label.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The decoded key is too short, or the label is invalid.</exception>
    public static PseudonymKey FromKeyFileContent(ReadOnlySpan<byte> content, string label)
    {
        var text = content.Trim(" \t\r\n"u8);
        if (text.Length > 0 && text.Length % 2 == 0 && !text.ContainsAnyExcept(HexDigitBytes))
        {
            var key = new byte[text.Length / 2];
            try
            {
                // The digits were checked above, so decoding cannot fail.
                DecodeHex(text, key);
                return new PseudonymKey(key, label);
            }
            finally
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
            }
        }

        if (text.Length > 0 && text.Length % 4 == 0 && IsBase64Text(text))
        {
            var decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
            try
            {
                if (Base64.DecodeFromUtf8(text, decoded, out _, out var written) == OperationStatus.Done)
                {
                    return new PseudonymKey(decoded.AsSpan(0, written), label);
                }
            }
            finally
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(decoded);
            }
        }

        return new PseudonymKey(content, label);
    }

    private static void DecodeHex(ReadOnlySpan<byte> hex, Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (byte)((HexValue(hex[2 * i]) << 4) | HexValue(hex[(2 * i) + 1]));
        }
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool IsBase64Text(ReadOnlySpan<byte> text)
    {
        // Padding only at the end, at most two characters.
        var body = text.TrimEnd((byte)'=');
        return text.Length - body.Length <= 2
            && !body.ContainsAnyExcept(Base64Bytes);
    }
}
