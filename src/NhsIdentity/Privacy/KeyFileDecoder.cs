using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using NhsIdentity.Internal;

namespace NhsIdentity.Privacy;

/// <summary>
/// Decides what form a key file's bytes are in and decodes them (see <see cref="PseudonymKey.FromKeyFileContent(ReadOnlySpan{byte}, string, PseudonymKeyOptions)"/>
/// for the rules). Every buffer that held key material is erased before it is dropped.
/// </summary>
internal static class KeyFileDecoder
{
    /// <summary>At least this share of a text file's characters (white space and base64 padding aside) being hex
    /// digits marks it as meant to be hex: such text that is not valid hex is an error, never base64.</summary>
    /// <remarks>Base64 text of random bytes has hex digits at about 22 of its 64 characters; a 44-character base64 key
    /// with 40 or more of them has a probability near 2<sup>−46</sup>.</remarks>
    internal const double HexShareOfIntendedHex = 0.9;

    private static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789abcdefABCDEF"u8);

    private static readonly SearchValues<byte> Base64Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8);

    /// <summary>ASCII white space: space, tab, line feed, vertical tab, form feed, carriage return.</summary>
    private static readonly SearchValues<byte> AsciiWhiteSpace = SearchValues.Create(" \t\n\v\f\r"u8);

    /// <summary>Decodes a key file's content into a new array the caller must erase.</summary>
    /// <exception cref="PseudonymKeyException">The content is text that is empty, malformed hex, or neither hex nor base64.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> content, string paramName)
    {
        var ascii = Utf16AsciiText(content);
        if (ascii is not null)
        {
            try
            {
                return DecodeText(ascii, paramName);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(ascii);
            }
        }

        var body = content.StartsWith("\uFEFF"u8) ? content[3..] : content;
        return IsText(body) ? DecodeText(body, paramName) : content.ToArray();
    }

    /// <summary>
    /// Whether bytes are text: well-formed UTF-8 with no control character but ASCII white space (no NUL, no DEL,
    /// no C1 control). Uniformly random bytes are text with a probability of 2<sup>−35</sup> at 32 bytes and
    /// 2<sup>−70</sup> at 64 (an exact count over UTF-8 sequences), so a raw binary key is almost never mistaken
    /// for one, and then it is refused, not misread.
    /// </summary>
    internal static bool IsText(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) != OperationStatus.Done
                || (Rune.IsControl(rune) && !(rune.IsAscii && AsciiWhiteSpace.Contains((byte)rune.Value))))
            {
                return false;
            }

            bytes = bytes[consumed..];
        }

        return true;
    }

    /// <summary>UTF-16 text with a byte-order mark (what Windows PowerShell 5's <c>&gt;</c> writes) whose every
    /// character is printable ASCII or white space, narrowed to ASCII bytes; otherwise null.</summary>
    private static byte[]? Utf16AsciiText(ReadOnlySpan<byte> content)
    {
        var littleEndian = content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]);
        if ((!littleEndian && !content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) || content.Length % 2 != 0)
        {
            return null;
        }

        var units = content[2..];
        var ascii = new byte[units.Length / 2];
        for (var i = 0; i < ascii.Length; i++)
        {
            var (low, high) = littleEndian ? (units[2 * i], units[(2 * i) + 1]) : (units[(2 * i) + 1], units[2 * i]);
            if (high != 0 || low is >= 0x7F || (low < 0x20 && !AsciiWhiteSpace.Contains(low)))
            {
                CryptographicOperations.ZeroMemory(ascii);
                return null;
            }

            ascii[i] = low;
        }

        return ascii;
    }

    private static byte[] DecodeText(ReadOnlySpan<byte> text, string paramName)
    {
        var compact = new byte[text.Length];
        try
        {
            var length = 0;
            foreach (var b in text)
            {
                if (!AsciiWhiteSpace.Contains(b))
                {
                    compact[length++] = b;
                }
            }

            return DecodeCompact(compact.AsSpan(0, length), paramName);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(compact);
        }
    }

    private static byte[] DecodeCompact(ReadOnlySpan<byte> text, string paramName)
    {
        if (text.IsEmpty)
        {
            PrivacyThrowHelper.ThrowKeyFileEmpty(paramName);
        }

        var hexDigits = text.Length - CountNotHex(text);
        if (hexDigits == text.Length)
        {
            return text.Length % 2 == 0 ? DecodeHex(text) : ThrowMalformedHex(paramName);
        }

        // Nearly all hex digits: a mistyped digit, not base64 (which it might also be, as a different key).
        var unpadded = text.TrimEnd((byte)'=').Length;
        if (hexDigits >= HexShareOfIntendedHex * unpadded)
        {
            return ThrowMalformedHex(paramName);
        }

        if (IsBase64(text))
        {
            var decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
            try
            {
                if (Base64.DecodeFromUtf8(text, decoded, out _, out var written) == OperationStatus.Done)
                {
                    return decoded.AsSpan(0, written).ToArray();
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(decoded);
            }
        }

        PrivacyThrowHelper.ThrowKeyFileNotHexOrBase64(paramName);
        return null!; // unreachable
    }

    private static int CountNotHex(ReadOnlySpan<byte> text)
    {
        var count = 0;
        var rest = text;
        int index;
        while ((index = rest.IndexOfAnyExcept(HexDigits)) >= 0)
        {
            count++;
            rest = rest[(index + 1)..];
        }

        return count;
    }

    /// <summary>Standard base64 (RFC 4648 section 4) with padding: a multiple of 4 characters, at most two <c>=</c>,
    /// only at the end.</summary>
    private static bool IsBase64(ReadOnlySpan<byte> text)
    {
        var body = text.TrimEnd((byte)'=');
        return text.Length % 4 == 0 && text.Length - body.Length <= 2 && !body.ContainsAnyExcept(Base64Alphabet);
    }

    private static byte[] DecodeHex(ReadOnlySpan<byte> hex)
    {
        var key = new byte[hex.Length / 2];
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = (byte)((HexValue(hex[2 * i]) << 4) | HexValue(hex[(2 * i) + 1]));
        }

        return key;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };

    private static byte[] ThrowMalformedHex(string paramName)
    {
        PrivacyThrowHelper.ThrowKeyFileMalformedHex(paramName);
        return null!; // unreachable
    }
}
