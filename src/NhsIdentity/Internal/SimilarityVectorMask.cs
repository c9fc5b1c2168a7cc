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

    public SimilarityVectorMask(ReadOnlySpan<char> pattern)
    {
        // Copy into a full register's worth so the load never reads past the caller's span; the padding lanes are
        // masked off by _valid, so a text char equal to the padding cannot match.
        // (A local vector rather than stackalloc: a method with stackalloc is never inlined.)
        var padded = Vector256<ushort>.Zero;
        MemoryMarshal.Cast<char, ushort>(pattern).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.As<Vector256<ushort>, ushort>(ref padded), MaxLength));
        _pattern = padded;
        _valid = (uint)SimilarityPatternMask.LowBits(pattern.Length);
    }

    /// <summary>Whether this CPU has the instructions <see cref="Get"/> uses (AVX2); otherwise use the table.</summary>
    public static bool IsSupported => Avx2.IsSupported;

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
        System.Diagnostics.Debug.Assert(ascii.Length == SimilarityPatternMask.AsciiTableLength, "One entry per char 0..127.");
        _ascii = ref MemoryMarshal.GetArrayDataReference(ascii);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Get(char c) => c < SimilarityPatternMask.AsciiTableLength ? Unsafe.Add(ref _ascii, (nint)c) : 0;
}
