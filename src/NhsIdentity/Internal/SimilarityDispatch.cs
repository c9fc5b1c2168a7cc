using System.Diagnostics;

namespace NhsIdentity.Internal;

/// <summary>
/// One edit-distance-style algorithm's three cores, so <see cref="SimilarityDispatch"/> can pick between them by
/// pattern length without each algorithm repeating the choice. Implemented by empty structs, so the JIT specialises
/// the dispatcher per algorithm and the calls are direct.
/// </summary>
internal interface ISimilarityCores
{
    /// <summary>The core for a pattern held in one AVX2 register (at most <see cref="SimilarityVectorMask.MaxLength"/> chars).</summary>
    static abstract int Short(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text);

    /// <summary>The single-word bit-parallel core over a filled pattern mask (at most 64 chars).</summary>
    static abstract int Word(in SimilarityPatternMask mask, int patternLength, ReadOnlySpan<char> text);

    /// <summary>The dynamic-programming fallback for any length.</summary>
    static abstract int Classic(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text);
}

/// <summary>Levenshtein distance cores.</summary>
internal readonly struct LevenshteinCores : ISimilarityCores
{
    public static int Short(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text) => SimilarityBitParallel.LevenshteinDistanceShort(pattern, text);

    public static int Word(in SimilarityPatternMask mask, int patternLength, ReadOnlySpan<char> text) =>
        SimilarityBitParallel.LevenshteinDistance(mask, patternLength, text);

    public static int Classic(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text) => SimilarityClassic.LevenshteinDistance(pattern, text);
}

/// <summary>Optimal string alignment distance cores.</summary>
internal readonly struct OsaCores : ISimilarityCores
{
    public static int Short(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text) => SimilarityBitParallel.OsaDistanceShort(pattern, text);

    public static int Word(in SimilarityPatternMask mask, int patternLength, ReadOnlySpan<char> text) =>
        SimilarityBitParallel.OsaDistance(mask, patternLength, text);

    public static int Classic(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text) => SimilarityClassic.OsaDistance(pattern, text);
}

/// <summary>Longest-common-subsequence length cores (for the indel distance).</summary>
internal readonly struct LcsCores : ISimilarityCores
{
    public static int Short(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text) => SimilarityBitParallel.LcsLengthShort(pattern, text);

    public static int Word(in SimilarityPatternMask mask, int patternLength, ReadOnlySpan<char> text) =>
        SimilarityBitParallel.LcsLength(mask, patternLength, text);

    public static int Classic(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text) => SimilarityClassic.LcsLength(pattern, text);
}

/// <summary>
/// The length-based choice every one-off comparison makes once its pattern is known: the DP fallback above 64
/// chars, the AVX2 register up to 16, otherwise the per-thread pattern table, which is cleared even if a core throws
/// so the thread's next call starts from zeroed tables.
/// </summary>
internal static class SimilarityDispatch
{
    public static int Run<TCores>(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
        where TCores : ISimilarityCores
    {
        Debug.Assert(!pattern.IsEmpty, "Callers answer empty patterns themselves.");
        if (pattern.Length > SimilarityPatternMask.MaxLength)
        {
            return TCores.Classic(pattern, text);
        }

        if (pattern.Length <= SimilarityVectorMask.MaxLength && SimilarityVectorMask.IsSupported)
        {
            return TCores.Short(pattern, text);
        }

        var scratch = SimilarityScratch.Current;
        try
        {
            return TCores.Word(scratch.Fill(pattern), pattern.Length, text);
        }
        finally
        {
            scratch.Clear(pattern);
        }
    }
}
