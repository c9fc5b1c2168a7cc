using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NhsIdentity.Internal;

/// <summary>
/// Single-word (pattern of 1..64 chars) bit-parallel cores of the similarity measures. Each walks the text once,
/// doing a handful of word operations per text char, so a comparison of two names costs tens of instructions
/// instead of a table of <c>m x n</c> cells. Callers handle empty inputs and longer patterns.
/// </summary>
internal static class SimilarityBitParallel
{
    /// <summary>
    /// Levenshtein distance by Myers' bit-vector algorithm (G. Myers, "A fast bit-vector algorithm for approximate
    /// string matching based on dynamic programming", JACM 46(3), 1999) in the formulation of H. Hyyrö,
    /// "Explaining and extending the bit-parallel approximate string matching algorithm of Myers" (2001): the
    /// column of the DP table is kept as vertical +1/-1 deltas (<c>vp</c>, <c>vn</c>), and only the last row's value
    /// is tracked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LevenshteinDistance<TMask>(scoped in TMask mask, int patternLength, ReadOnlySpan<char> text)
        where TMask : ISimilarityPatternMask, allows ref struct
    {
        Debug.Assert(patternLength is > 0 and <= SimilarityPatternMask.MaxLength, "Single-word core.");
        var vp = ulong.MaxValue;
        var vn = 0UL;
        var shift = patternLength - 1; // the last row's bit
        var distance = patternLength;
        ref var t = ref MemoryMarshal.GetReference(text);
        for (var j = 0; j < text.Length; j++)
        {
            var eq = mask.Get(Unsafe.Add(ref t, j));
            var xv = eq | vn;
            var xh = (((eq & vp) + vp) ^ vp) | eq;
            var hp = vn | ~(xh | vp);
            var hn = vp & xh;
            distance += (int)((hp >> shift) & 1) - (int)((hn >> shift) & 1);
            hp = (hp << 1) | 1;
            hn <<= 1;
            vp = hn | ~(xv | hp);
            vn = hp & xv;
        }

        return distance;
    }

    /// <summary>
    /// Optimal string alignment distance: Myers' algorithm extended with adjacent transpositions (H. Hyyrö,
    /// "A bit-vector algorithm for computing Levenshtein and Damerau edit distances", Nordic Journal of
    /// Computing 10, 2003). A transposition is possible where the previous text char matched the pattern one
    /// position further on and the current text char matches one position back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int OsaDistance<TMask>(scoped in TMask mask, int patternLength, ReadOnlySpan<char> text)
        where TMask : ISimilarityPatternMask, allows ref struct
    {
        Debug.Assert(patternLength is > 0 and <= SimilarityPatternMask.MaxLength, "Single-word core.");
        var vp = ulong.MaxValue;
        var vn = 0UL;
        var d0 = 0UL;
        var previousEq = 0UL;
        var shift = patternLength - 1; // the last row's bit
        var distance = patternLength;
        ref var t = ref MemoryMarshal.GetReference(text);
        for (var j = 0; j < text.Length; j++)
        {
            var eq = mask.Get(Unsafe.Add(ref t, j));
            var transposition = ((~d0 & eq) << 1) & previousEq;
            d0 = (((eq & vp) + vp) ^ vp) | eq | vn | transposition;
            var hp = vn | ~(d0 | vp);
            var hn = d0 & vp;
            distance += (int)((hp >> shift) & 1) - (int)((hn >> shift) & 1);
            hp = (hp << 1) | 1;
            hn <<= 1;
            vp = hn | ~(d0 | hp);
            vn = hp & d0;
            previousEq = eq;
        }

        return distance;
    }

    /// <summary>
    /// Length of the longest common subsequence, bit-parallel (L. Allison and T. Dix, "A bit-string
    /// longest-common-subsequence algorithm", IPL 23, 1986; in the form of H. Hyyrö, "Bit-parallel LCS-length
    /// computation revisited", AWOCA 2004): the zero bits of <c>s</c> mark the rows where the LCS grows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LcsLength<TMask>(scoped in TMask mask, int patternLength, ReadOnlySpan<char> text)
        where TMask : ISimilarityPatternMask, allows ref struct
    {
        Debug.Assert(patternLength is > 0 and <= SimilarityPatternMask.MaxLength, "Single-word core.");
        var s = ulong.MaxValue;
        ref var t = ref MemoryMarshal.GetReference(text);
        for (var j = 0; j < text.Length; j++)
        {
            var u = s & mask.Get(Unsafe.Add(ref t, j));
            s = (s + u) | (s - u);
        }

        return BitOperations.PopCount(~s & SimilarityPatternMask.LowBits(patternLength));
    }

    /// <summary>
    /// Jaro similarity with both strings of 1..64 chars. Matches are flagged with bit masks: for each text char,
    /// the pattern positions inside the match window that hold the same char and are not yet matched are
    /// <c>mask &amp; window &amp; ~patternFlags</c>, and the lowest of them is taken — the same greedy,
    /// first-free-position choice as the textbook double loop, one word operation per text char. Transpositions
    /// are counted by walking the matched positions of both strings in order and comparing their chars.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Jaro<TMask>(scoped in TMask mask, ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
        where TMask : ISimilarityPatternMask, allows ref struct
    {
        var patternLength = pattern.Length;
        Debug.Assert(patternLength is > 0 and <= SimilarityPatternMask.MaxLength, "Single-word core.");
        Debug.Assert(text.Length is > 0 and <= SimilarityPatternMask.MaxLength, "Text flags fit one word.");
        var window = SimilarityClassic.JaroMatchWindow(patternLength, text.Length);

        // Pattern positions j - window .. j + window, clamped at 0; bits above 63 fall off, which is harmless
        // because the pattern has at most 64 positions.
        var windowBits = SimilarityPatternMask.LowBits(window + 1);
        var patternFlags = 0UL;
        var textFlags = 0UL;
        ref var t = ref MemoryMarshal.GetReference(text);
        // While j <= window the window's lower end stays at 0 and it only grows; after that it slides.
        var j = 0;
        for (var growing = Math.Min(window, text.Length); j < growing; j++)
        {
            FlagMatch(mask.Get(Unsafe.Add(ref t, j)) & windowBits, j, ref patternFlags, ref textFlags);
            windowBits = (windowBits << 1) | 1;
        }

        for (; j < text.Length; j++)
        {
            FlagMatch(mask.Get(Unsafe.Add(ref t, j)) & windowBits, j, ref patternFlags, ref textFlags);
            windowBits <<= 1;
        }

        var matches = BitOperations.PopCount(patternFlags);
        if (matches == 0)
        {
            return 0;
        }

        // The k-th matched text char against the k-th matched pattern char: a mismatch is half a transposition.
        ref var p = ref MemoryMarshal.GetReference(pattern);
        var halfTranspositions = 0;
        while (textFlags != 0)
        {
            var i = BitOperations.TrailingZeroCount(patternFlags);
            var k = BitOperations.TrailingZeroCount(textFlags);
            halfTranspositions += Unsafe.Add(ref p, i) != Unsafe.Add(ref t, k) ? 1 : 0;
            textFlags &= textFlags - 1;
            patternFlags &= patternFlags - 1;
        }

        return SimilarityClassic.JaroFromCounts(patternLength, text.Length, matches, halfTranspositions);
    }

    /// <summary>Takes the lowest free pattern position among <paramref name="inWindow"/> for text position <paramref name="j"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FlagMatch(ulong inWindow, int j, ref ulong patternFlags, ref ulong textFlags)
    {
        var free = inWindow & ~patternFlags;
        patternFlags |= free & (0 - free); // lowest set bit
        textFlags |= (free != 0 ? 1UL : 0UL) << j;
    }

    // One-off comparisons with a pattern of at most 16 chars: the vector mask is built and used inside one method,
    // so it lives in registers instead of being copied through the stack to the core.

    /// <summary><see cref="LevenshteinDistance{TMask}"/> with a <see cref="SimilarityVectorMask"/> of <paramref name="pattern"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LevenshteinDistanceShort(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        var mask = new SimilarityVectorMask(pattern);
        return LevenshteinDistance(mask, pattern.Length, text);
    }

    /// <summary><see cref="OsaDistance{TMask}"/> with a <see cref="SimilarityVectorMask"/> of <paramref name="pattern"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int OsaDistanceShort(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        var mask = new SimilarityVectorMask(pattern);
        return OsaDistance(mask, pattern.Length, text);
    }

    /// <summary><see cref="LcsLength{TMask}"/> with a <see cref="SimilarityVectorMask"/> of <paramref name="pattern"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LcsLengthShort(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        var mask = new SimilarityVectorMask(pattern);
        return LcsLength(mask, pattern.Length, text);
    }

    /// <summary><see cref="Jaro{TMask}"/> with a <see cref="SimilarityVectorMask"/> of <paramref name="pattern"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double JaroShort(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        var mask = new SimilarityVectorMask(pattern);
        return Jaro(mask, pattern, text);
    }
}
