using System.Buffers;
using System.Text.Unicode;

namespace NhsIdentity.Interop;

/// <summary>
/// Turns one HL7 v2 leaf value (a component or subcomponent as sent) into text: escape sequences decoded, surrounding
/// white space trimmed, the HL7 null <c>""</c> and empty values returned as <see langword="null"/>.
/// </summary>
/// <remarks>
/// Escape sequences (HL7 v2.5.1 chapter 2, 2.7 "Use of escape sequences in text fields"), between two escape
/// characters: <c>\F\</c> field, <c>\S\</c> component, <c>\T\</c> subcomponent, <c>\R\</c> repetition and
/// <c>\E\</c> escape delimiter; <c>\Xhh...\</c> hexadecimal data, read as UTF-8 when the bytes are valid UTF-8 and as
/// ISO 8859-1 (one character per byte) otherwise; <c>\.br\</c> (line break) becomes a space. Formatting and character
/// set sequences (<c>\H\</c>, <c>\N\</c>, <c>\Cxxyy\</c>, <c>\Mxxyyzz\</c>, <c>\Z...\</c> and the other <c>\.xx\</c>
/// commands) are dropped. An escape character with no closing one is kept as text.
/// </remarks>
internal static class Hl7Escaping
{
    private const int StackLimit = 256;

    /// <summary>Decodes <paramref name="raw"/>; <see langword="null"/> when the value is empty, blank or <c>""</c>.</summary>
    /// <param name="raw">The value as sent.</param>
    /// <param name="delimiters">The message's delimiters.</param>
    /// <returns>The text, trimmed, or <see langword="null"/>.</returns>
    public static string? Decode(ReadOnlySpan<char> raw, in Hl7Delimiters delimiters)
    {
        raw = raw.Trim();
        if (raw.IsEmpty || raw is "\"\"")
        {
            return null;
        }

        if (delimiters.Escape == '\0' || raw.IndexOf(delimiters.Escape) < 0)
        {
            return raw.ToString();
        }

        // Decoding never lengthens the text: every sequence is longer than what it stands for.
        char[]? rented = null;
        var buffer = raw.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            var written = Unescape(raw, delimiters, buffer);
            var text = buffer[..written].Trim();
            return text.IsEmpty ? null : text.ToString();
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static int Unescape(ReadOnlySpan<char> raw, in Hl7Delimiters delimiters, Span<char> output)
    {
        var written = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c != delimiters.Escape)
            {
                output[written++] = c;
                i++;
                continue;
            }

            var close = raw[(i + 1)..].IndexOf(delimiters.Escape);
            if (close < 0)
            {
                // An escape character that opens nothing is text (some senders do not escape it).
                raw[i..].CopyTo(output[written..]);
                return written + raw.Length - i;
            }

            written += Expand(raw.Slice(i + 1, close), delimiters, output[written..]);
            i += close + 2;
        }

        return written;
    }

    /// <summary>Writes what one sequence (the text between the escape characters) stands for; returns the count.</summary>
    private static int Expand(ReadOnlySpan<char> sequence, in Hl7Delimiters delimiters, Span<char> output)
    {
        if (sequence.Length == 1)
        {
            var stands = sequence[0] switch
            {
                'F' => delimiters.Field,
                'S' => delimiters.Component,
                'T' => delimiters.Subcomponent,
                'R' => delimiters.Repetition,
                'E' => delimiters.Escape,
                _ => '\0', // \H\ and \N\ (highlighting) carry no text
            };
            if (stands == '\0')
            {
                return 0;
            }

            output[0] = stands;
            return 1;
        }

        if (sequence is ".br")
        {
            output[0] = ' ';
            return 1;
        }

        return sequence.Length > 1 && sequence[0] == 'X' ? ExpandHex(sequence[1..], output) : 0;
    }

    private static int ExpandHex(ReadOnlySpan<char> digits, Span<char> output)
    {
        if (digits.IsEmpty || digits.Length % 2 != 0)
        {
            return 0;
        }

        // At most (sequence length - 1) / 2 bytes, fewer than the characters the sequence took.
        Span<byte> bytes = digits.Length <= 2 * StackLimit ? stackalloc byte[StackLimit] : new byte[digits.Length / 2];
        var count = digits.Length / 2;
        for (var b = 0; b < count; b++)
        {
            var high = HexValue(digits[2 * b]);
            var low = HexValue(digits[(2 * b) + 1]);
            if ((high | low) < 0)
            {
                return 0;
            }

            bytes[b] = (byte)((high << 4) | low);
        }

        bytes = bytes[..count];
        if (Utf8.ToUtf16(bytes, output, out _, out var charsWritten, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            return charsWritten;
        }

        for (var b = 0; b < bytes.Length; b++)
        {
            output[b] = (char)bytes[b]; // ISO 8859-1: byte value = code point
        }

        return bytes.Length;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
