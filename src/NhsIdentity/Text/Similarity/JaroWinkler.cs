using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NhsIdentity.Internal;

namespace NhsIdentity.Text.Similarity;

/// <summary>
/// The Jaro-Winkler similarity: <see cref="Jaro"/> raised for strings that agree at the start, where typists make
/// fewest errors (W. E. Winkler, "String comparator metrics and enhanced decision rules in the Fellegi-Sunter
/// model of record linkage", Proceedings of the Section on Survey Research Methods, ASA, 1990).
/// </summary>
/// <remarks>
/// <para>
/// With <c>j</c> the Jaro similarity, <c>l</c> the length of the common prefix (at most
/// <see cref="MaxPrefixLength"/> chars) and <c>p</c> the prefix scale: <c>j + l p (1 - j)</c> when
/// <c>j &gt; </c><see cref="BoostThreshold"/>, otherwise <c>j</c>. Published checks: MARTHA/MARHTA 0.9611,
/// DWAYNE/DUANE 0.84, DIXON/DICKSONX 0.8133. Winkler's <c>strcmp95</c> program adds further adjustments
/// (similar-looking chars, long strings) that are not part of this definition and are not applied. The Jaro value
/// is computed with a single division of exact integers, so a pair whose Jaro is exactly 0.7 is reliably not
/// boosted (summing three rounded quotients can land just above 0.7).
/// </para>
/// <para>
/// Comparison is ordinal (UTF-16 code units, no case folding): normalise first. Both empty gives 1, one empty 0.
/// Complexity, allocation and thread safety are those of <see cref="Jaro"/>: bit-parallel and allocation-free up to
/// 64 chars, a correct O(|a| x |b|) fallback beyond. To compare one string with many, use
/// <see cref="PreparedJaroWinkler"/>, which builds the first string's bit masks once.
/// </para>
/// </remarks>
public static class JaroWinkler
{
    /// <summary>The prefix scale <c>p</c> Winkler used: 0.1.</summary>
    public const double DefaultPrefixScale = 0.1;

    /// <summary>The largest prefix scale allowed, 0.25: with a 4-char prefix a larger value could push the similarity above 1.</summary>
    public const double MaxPrefixScale = 0.25;

    /// <summary>The longest common prefix that counts: 4 chars (Winkler 1990).</summary>
    public const int MaxPrefixLength = 4;

    /// <summary>The prefix boost applies only when the Jaro similarity is above 0.7 (Winkler 1990).</summary>
    public const double BoostThreshold = 0.7;

    /// <summary>The Jaro-Winkler similarity with the standard prefix scale 0.1.</summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <returns>The similarity in 0..1; 1 when the strings are equal.</returns>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        Boost(Jaro.Similarity(a, b), a, b, DefaultPrefixScale);

    /// <summary>The Jaro-Winkler similarity with a chosen prefix scale.</summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <param name="prefixScale">The weight <c>p</c> of each common prefix char, 0 to <see cref="MaxPrefixScale"/> (0 gives plain Jaro).</param>
    /// <returns>The similarity in 0..1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prefixScale"/> is outside 0..0.25 or NaN.</exception>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b, double prefixScale)
    {
        ValidatePrefixScale(prefixScale);
        return Boost(Jaro.Similarity(a, b), a, b, prefixScale);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ValidatePrefixScale(double prefixScale, [CallerArgumentExpression(nameof(prefixScale))] string paramName = "")
    {
        // Written so that NaN fails too.
        if (!(prefixScale is >= 0 and <= MaxPrefixScale))
        {
            SimilarityThrowHelper.ThrowPrefixScaleOutOfRange(paramName);
        }
    }

    /// <summary>Applies Winkler's prefix boost to a Jaro similarity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Boost(double jaro, ReadOnlySpan<char> a, ReadOnlySpan<char> b, double prefixScale)
    {
        if (jaro <= BoostThreshold)
        {
            return jaro;
        }

        return jaro + (CommonPrefixLength(a, b) * prefixScale * (1 - jaro));
    }

    /// <summary>The length of the common prefix of <paramref name="a"/> and <paramref name="b"/>, at most <see cref="MaxPrefixLength"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CommonPrefixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length >= MaxPrefixLength && b.Length >= MaxPrefixLength)
        {
            // Nearly every name: the first 4 chars of each as one 64-bit word, and the lowest differing bit gives
            // the first differing char. Replaces a loop whose exit, at a different count for each pair,
            // mispredicted. All-equal words give 64 trailing zeros, hence the cap.
            var difference = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(a)))
                ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(b)));
            return BitConverter.IsLittleEndian
                ? Math.Min(MaxPrefixLength, BitOperations.TrailingZeroCount(difference) / 16)
                : Math.Min(MaxPrefixLength, BitOperations.LeadingZeroCount(difference) / 16);
        }

        var limit = Math.Min(a.Length, b.Length);
        var prefix = 0;
        while (prefix < limit && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return prefix;
    }
}
