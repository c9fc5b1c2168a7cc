using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace NhsIdentity.Fuzzing;

/// <summary>
/// The three ways a target reads the fuzzer's bytes as text, so one input reaches every overload: the bytes
/// themselves (UTF-8 overloads, possibly ill-formed), the bytes decoded as UTF-8 (ill-formed sequences become U+FFFD),
/// and the bytes reinterpreted as UTF-16 code units (which reaches lone surrogates, NUL and every BMP character).
/// </summary>
internal static class FuzzText
{
    /// <summary>The bytes decoded as UTF-8, replacement characters for ill-formed sequences.</summary>
    /// <param name="data">The input.</param>
    /// <returns>The decoded text.</returns>
    public static string DecodeUtf8(ReadOnlySpan<byte> data) => Encoding.UTF8.GetString(data);

    /// <summary>The bytes read as little-endian UTF-16 code units (a trailing odd byte is dropped).</summary>
    /// <param name="data">The input.</param>
    /// <returns>The code units, unchecked: may hold lone surrogates.</returns>
    public static ReadOnlySpan<char> AsUtf16(ReadOnlySpan<byte> data) =>
        MemoryMarshal.Cast<byte, char>(data[..(data.Length & ~1)]);

    /// <summary>Whether the bytes are well-formed UTF-8, so the UTF-8 and UTF-16 paths must agree on them.</summary>
    /// <param name="data">The input.</param>
    /// <returns><see langword="true"/> for well-formed UTF-8.</returns>
    public static bool IsWellFormedUtf8(ReadOnlySpan<byte> data) => Utf8.IsValid(data);
}
