namespace NhsIdentity.Internal;

/// <summary>
/// Strips the common prefix and suffix of two strings. Edit distances and the LCS do not change when shared ends
/// are removed (an optimal alignment can always match them), and the shorter inputs make the loops shorter and can
/// bring long, nearly equal strings within the 64-char single-word path.
/// </summary>
internal static class SimilarityAffix
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void Trim(ref ReadOnlySpan<char> a, ref ReadOnlySpan<char> b)
    {
        // Scalar loops: names are shorter than the vectorised CommonPrefixLength's set-up pays for.
        var shorter = Math.Min(a.Length, b.Length);
        var prefix = 0;
        while (prefix < shorter && a[prefix] == b[prefix])
        {
            prefix++;
        }

        a = a[prefix..];
        b = b[prefix..];
        shorter -= prefix;
        var suffix = 0;
        while (suffix < shorter && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        a = a[..^suffix];
        b = b[..^suffix];
    }

    /// <summary>Orders the pair so <paramref name="shorter"/> is not longer than <paramref name="longer"/>.</summary>
    public static void OrderByLength(ref ReadOnlySpan<char> shorter, ref ReadOnlySpan<char> longer)
    {
        if (shorter.Length > longer.Length)
        {
            var swap = shorter;
            shorter = longer;
            longer = swap;
        }
    }
}
