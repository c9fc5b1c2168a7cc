using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NhsIdentity.Internal;

/// <summary>
/// The pattern-match vectors of the bit-parallel string algorithms (Baeza-Yates and Gonnet 1992; Myers 1999):
/// for a pattern of at most 64 characters, <see cref="Get"/> returns a word whose bit <c>i</c> is set when
/// <c>pattern[i] == c</c>. ASCII characters are looked up in a 128-entry table; the few other characters a
/// pattern may hold (accented names, other scripts) are kept in a short list searched linearly.
/// </summary>
/// <remarks>
/// A view over storage owned by the caller: <c>stackalloc</c> buffers for the one-off comparisons, arrays held by
/// the <c>Prepared*</c> classes for the cached ones. Reading it never writes, so a prepared instance can be shared
/// by any number of threads.
/// </remarks>
internal readonly ref struct SimilarityPatternMask : ISimilarityPatternMask
{
    /// <summary>The longest pattern that fits one 64-bit word.</summary>
    public const int MaxLength = 64;

    /// <summary>The entries of the ASCII table (one per char 0..127).</summary>
    public const int AsciiTableLength = 128;

    private readonly ref ulong _ascii;
    private readonly ReadOnlySpan<char> _otherChars;
    private readonly ReadOnlySpan<ulong> _otherMasks;

    /// <summary>Wraps tables filled by <see cref="Fill"/>.</summary>
    public SimilarityPatternMask(ReadOnlySpan<ulong> ascii, ReadOnlySpan<char> otherChars, ReadOnlySpan<ulong> otherMasks)
    {
        Debug.Assert(ascii.Length == AsciiTableLength, "The ASCII table has one entry per char 0..127.");
        Debug.Assert(otherChars.Length == otherMasks.Length, "One mask per non-ASCII char.");
        _ascii = ref MemoryMarshal.GetReference(ascii);
        _otherChars = otherChars;
        _otherMasks = otherMasks;
    }

    /// <summary>The positions of <paramref name="c"/> in the pattern, as bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Get(char c) => c < AsciiTableLength ? Unsafe.Add(ref _ascii, (nint)c) : GetOther(c);

    /// <summary>
    /// Fills the tables for <paramref name="pattern"/> (at most 64 chars). <paramref name="ascii"/> must be zeroed;
    /// <paramref name="otherChars"/> and <paramref name="otherMasks"/> need room for the pattern's non-ASCII chars
    /// (its length is always enough; empty when the pattern is ASCII) and <paramref name="otherMasks"/> must be zeroed.
    /// </summary>
    /// <returns>How many distinct non-ASCII chars were stored.</returns>
    public static int Fill(ReadOnlySpan<char> pattern, Span<ulong> ascii, Span<char> otherChars, Span<ulong> otherMasks)
    {
        Debug.Assert(pattern.Length <= MaxLength, "One word holds at most 64 positions.");
        var otherCount = 0;
        var bit = 1UL;
        foreach (var c in pattern)
        {
            if (c < AsciiTableLength)
            {
                ascii[c] |= bit;
            }
            else
            {
                var at = otherChars[..otherCount].IndexOf(c);
                if (at < 0)
                {
                    at = otherCount++;
                    otherChars[at] = c;
                }

                otherMasks[at] |= bit;
            }

            bit <<= 1;
        }

        return otherCount;
    }

    /// <summary>Bits 0..length-1 set (all 64 when <paramref name="length"/> is 64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LowBits(int length) => length >= 64 ? ulong.MaxValue : (1UL << length) - 1;

    private ulong GetOther(char c)
    {
        var at = _otherChars.IndexOf(c);
        return at < 0 ? 0 : _otherMasks[at];
    }
}
