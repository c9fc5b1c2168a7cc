using System.Buffers;
using System.Runtime.CompilerServices;

namespace NhsIdentity.Text.Phonetics;

/// <summary>
/// Small helpers shared by the phonetic encoders: ASCII letter tests, scratch-buffer sizing and the
/// "copy only if it fits" step that lets every <c>TryEncode</c> leave a too-short destination untouched.
/// </summary>
internal static class PhoneticScratch
{
    /// <summary>
    /// Names up to this many characters are worked on in a <see langword="stackalloc"/> buffer; longer text
    /// (never a real name, but callers may pass anything) borrows from <see cref="ArrayPool{T}.Shared"/>, so no
    /// input length makes an encoder allocate or overflow the stack.
    /// </summary>
    public const int StackLimit = 128;

    /// <summary>
    /// Encoders whose scratch grows with the input (Double Metaphone five times, NYSIIS twice) read at most this many
    /// characters, so the scratch size can never overflow <see cref="int"/> and no text length makes them throw. No
    /// name comes near it; the codes of longer text are those of its first 1,048,576 characters.
    /// </summary>
    public const int MaxInputLength = 1 << 20;

    /// <summary>The first <see cref="MaxInputLength"/> characters of <paramref name="name"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<char> Clip(ReadOnlySpan<char> name) => name.Length <= MaxInputLength ? name : name[..MaxInputLength];

    /// <summary>The upper-case form of an ASCII letter, or <c>'\0'</c> for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char UpperAsciiLetter(char c)
    {
        // '& ~0x20' upper-cases ASCII letters; the range test then rejects everything that was not one.
        var upper = (char)(c & ~0x20);
        return c < 0x80 && (uint)(upper - 'A') <= 'Z' - 'A' ? upper : '\0';
    }

    /// <summary>Writes the ASCII letters of <paramref name="name"/>, upper-cased, to <paramref name="letters"/>; returns how many.</summary>
    /// <remarks><paramref name="letters"/> must be at least as long as <paramref name="name"/>.</remarks>
    public static int CopyUpperAsciiLetters(ReadOnlySpan<char> name, Span<char> letters)
    {
        var count = 0;
        foreach (var c in name)
        {
            var upper = UpperAsciiLetter(c);
            if (upper != '\0')
            {
                letters[count++] = upper;
            }
        }

        return count;
    }

    /// <summary>Whether <paramref name="name"/> holds at least one ASCII letter.</summary>
    public static bool HasAsciiLetter(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (UpperAsciiLetter(c) != '\0')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Copies <paramref name="code"/> to <paramref name="destination"/> when it fits; otherwise writes nothing and
    /// returns <see langword="false"/> (the TryFormat contract).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryCopy(ReadOnlySpan<char> code, Span<char> destination, out int charsWritten)
    {
        if (code.TryCopyTo(destination))
        {
            charsWritten = code.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }
}
