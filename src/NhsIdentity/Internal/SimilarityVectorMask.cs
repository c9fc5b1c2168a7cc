using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NhsIdentity.Internal;

/// <summary>The pattern-match vector of a bit-parallel core: bit <c>i</c> of <see cref="Get"/> is set when <c>pattern[i] == c</c>.</summary>
internal interface ISimilarityPatternMask
{
    /// <summary>The positions of <paramref name="c"/> in the pattern, as bits.</summary>
    ulong Get(char c);
}

/// <summary>
/// Pattern-match vectors computed on the fly for a pattern of at most <see cref="MaxLength"/> chars, for the one-off
/// comparisons: the pattern sits in one 256-bit register and each text char is compared with all of it at once
/// (broadcast, compare, pack to bytes, move mask). No table to build, zero or clear, which on short names cost more
/// than the comparison itself.
/// </summary>
internal readonly struct SimilarityVectorMask : ISimilarityPatternMask
{
    /// <summary>The longest pattern one 256-bit register holds (16 UTF-16 chars).</summary>
    public const int MaxLength = 16;

    private readonly Vector256<ushort> _pattern;
    private readonly uint _valid;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SimilarityVectorMask(ReadOnlySpan<char> pattern)
    {
        // Lanes at or beyond the pattern's length may hold anything: _valid masks their bits off. That lets every
        // load stay inside the caller's span without first copying the pattern to a zeroed buffer (a copy through
        // memory costs a call and a store-forwarding stall, more than a whole comparison of two short names).
        Debug.Assert(pattern.Length is > 0 and <= MaxLength, "One register holds 16 chars.");
        ref var p = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(pattern));
        var length = pattern.Length;
        Vector128<ushort> low;
        Vector128<ushort> high;
        if (length >= Vector128<ushort>.Count)
        {
            // Chars 0..7, and the last 8 chars moved down so that char 8 + k lands in lane k (pshufb byte indices
            // wrap modulo 16 past the end, filling the unused lanes with other chars of the pattern).
            low = Vector128.LoadUnsafe(ref p);
            var last8 = Vector128.LoadUnsafe(ref p, (nuint)(length - Vector128<ushort>.Count));
            var shift = (byte)(2 * (MaxLength - length));
            var indices = Vector128.Create((byte)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) + Vector128.Create(shift);
            high = Ssse3.Shuffle(last8.AsByte(), indices).AsUInt16();
        }
        else
        {
            // Under 8 chars: gather with the index clamped to the last char (always in bounds, no branches).
            var last = (nuint)(length - 1);
            low = Vector128.Create(
                p,
                Unsafe.Add(ref p, Math.Min(1, last)),
                Unsafe.Add(ref p, Math.Min(2, last)),
                Unsafe.Add(ref p, Math.Min(3, last)),
                Unsafe.Add(ref p, Math.Min(4, last)),
                Unsafe.Add(ref p, Math.Min(5, last)),
                Unsafe.Add(ref p, Math.Min(6, last)),
                Unsafe.Add(ref p, Math.Min(7, last)));
            high = low;
        }

        _pattern = Vector256.Create(low, high);
        _valid = (uint)SimilarityPatternMask.LowBits(length);
    }

    /// <summary>Whether this CPU has the instructions <see cref="Get"/> uses (AVX2); otherwise use the table.</summary>
    public static bool IsSupported => Avx2.IsSupported && Ssse3.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Get(char c)
    {
        var equal = Vector256.Equals(_pattern, Vector256.Create((ushort)c)).AsInt16();
        var bytes = Sse2.PackSignedSaturate(equal.GetLower(), equal.GetUpper());
        return (uint)Sse2.MoveMask(bytes) & _valid;
    }
}

/// <summary>
/// The pattern-match vectors of an all-ASCII prepared query: a 128-entry table, and 0 for every other char (an
/// ASCII pattern holds none of them). Without the non-ASCII lookup the JIT keeps the bit-parallel loops' state in
/// registers instead of spilling it around a call.
/// </summary>
internal readonly ref struct SimilarityAsciiMask : ISimilarityPatternMask
{
    private readonly ref ulong _ascii;

    public SimilarityAsciiMask(ulong[] ascii)
    {
        Debug.Assert(ascii.Length == SimilarityPatternMask.AsciiTableLength, "One entry per char 0..127.");
        _ascii = ref MemoryMarshal.GetArrayDataReference(ascii);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Get(char c) => c < SimilarityPatternMask.AsciiTableLength ? Unsafe.Add(ref _ascii, (nint)c) : 0;
}
