using System.Buffers;
using System.Runtime.CompilerServices;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Internal;

/// <summary>
/// The token-set ratio of two prepared forms with one indel computation instead of the definition's three.
/// </summary>
/// <remarks>
/// <para>
/// The definition (fuzzywuzzy's <c>token_set_ratio</c>, FuzzySharp's <c>Fuzz.TokenSetRatio</c>) builds
/// <c>S</c> = the sorted intersection, <c>A' = S + " " + rest of a</c> and <c>B' = S + " " + rest of b</c> (trimmed
/// when a part is empty) and takes the best of <c>ratio(S, A')</c>, <c>ratio(S, B')</c> and <c>ratio(A', B')</c>,
/// where <c>ratio(x, y) = (|x| + |y| - indel(x, y)) / (|x| + |y|)</c>.
/// </para>
/// <para>
/// <c>S</c> is a prefix of <c>A'</c>, so their LCS is <c>S</c> itself and <c>indel(S, A') = |A'| - |S|</c>: no
/// alignment needed. <c>A'</c> and <c>B'</c> share the prefix <c>S + " "</c>, and a common prefix adds its length to
/// the LCS, so <c>indel(A', B') = indel(rest of a, rest of b)</c>. Each ratio is then computed with the same integer
/// numerator and denominator as the definition, so the doubles (and the rounded percentages) are identical.
/// </para>
/// </remarks>
internal static class TokenSetScorer
{
    /// <summary>Scratch for the two remainders up to this many chars lives on the stack.</summary>
    private const int StackScratchLimit = 512;

    /// <summary>The token-set ratio of two prepared forms (see <see cref="TokenSet.SimilarityOfPrepared"/>).</summary>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b))
        {
            return 1; // the same record's address, or a copy: the same set (the merge below would say so, slower)
        }

        var scratchLength = a.Length + b.Length;
        char[]? rented = null;
        var scratch = scratchLength <= StackScratchLimit
            ? stackalloc char[scratchLength]
            : (rented = ArrayPool<char>.Shared.Rent(scratchLength));
        try
        {
            // The rest of a fits in a's length, the rest of b in b's.
            return Score(a, b, scratch[..a.Length], scratch.Slice(a.Length, b.Length));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static double Score(ReadOnlySpan<char> a, ReadOnlySpan<char> b, Span<char> restA, Span<char> restB)
    {
        // Merge the two sorted token lists: equal tokens go to the intersection (only its length matters),
        // the others to their side's remainder.
        int positionA = 0, positionB = 0, lengthA = 0, lengthB = 0, sectLength = 0;
        var tokenA = NextToken(a, ref positionA);
        var tokenB = NextToken(b, ref positionB);
        var anyA = !tokenA.IsEmpty;
        var anyB = !tokenB.IsEmpty;
        while (!tokenA.IsEmpty && !tokenB.IsEmpty)
        {
            var order = TokenSetPreparer.CompareTokens(tokenA, tokenB);
            if (order == 0)
            {
                sectLength += (sectLength > 0 ? 1 : 0) + tokenA.Length;
                tokenA = NextToken(a, ref positionA);
                tokenB = NextToken(b, ref positionB);
            }
            else if (order < 0)
            {
                Append(restA, ref lengthA, tokenA);
                tokenA = NextToken(a, ref positionA);
            }
            else
            {
                Append(restB, ref lengthB, tokenB);
                tokenB = NextToken(b, ref positionB);
            }
        }

        for (; !tokenA.IsEmpty; tokenA = NextToken(a, ref positionA))
        {
            Append(restA, ref lengthA, tokenA);
        }

        for (; !tokenB.IsEmpty; tokenB = NextToken(b, ref positionB))
        {
            Append(restB, ref lengthB, tokenB);
        }

        if (!anyA || !anyB)
        {
            // Both empty: the same (empty) set. One empty: nothing in common; the definition would call the empty
            // set a subset of the other and answer 1, which no caller wants for a missing address.
            return anyA == anyB ? 1 : 0;
        }

        if (lengthA == 0 || lengthB == 0)
        {
            return 1; // one set contains the other: S equals A' or B'
        }

        if (sectLength == 0)
        {
            // S is empty: ratio(S, A') = ratio(S, B') = 0, and A', B' are the rests.
            return Ratio(lengthA + lengthB, Indel.Distance(restA[..lengthA], restB[..lengthB]));
        }

        // ratio(S, A'): |S| + |A'| chars, A' being S, a space and the rest of a.
        var best = Math.Max(
            Ratio((2 * sectLength) + 1 + lengthA, 1 + lengthA),
            Ratio((2 * sectLength) + 1 + lengthB, 1 + lengthB));

        // ratio(A', B') cannot beat best when even the smallest possible indel distance (the length difference)
        // would not: skip the alignment. Ratio falls as the distance grows, in doubles too.
        var lengthSum = (2 * (sectLength + 1)) + lengthA + lengthB;
        if (Ratio(lengthSum, Math.Abs(lengthA - lengthB)) <= best)
        {
            return best;
        }

        return Math.Max(best, Ratio(lengthSum, Indel.Distance(restA[..lengthA], restB[..lengthB])));
    }

    /// <summary>FuzzySharp's and fuzzywuzzy's ratio, computed the same way so the doubles agree bit for bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Ratio(int lengthSum, int distance) =>
        distance == 0 ? 1 : (lengthSum - distance) / (double)lengthSum;

    /// <summary>The next space-separated token at or after <paramref name="position"/>; empty at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<char> NextToken(ReadOnlySpan<char> text, ref int position)
    {
        // Prepared forms have exactly one space between tokens; skipping runs keeps other text harmless.
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }

        var rest = text[position..];
        var length = rest.IndexOf(' ');
        if (length < 0)
        {
            length = rest.Length;
        }

        position += length;
        return rest[..length];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Append(Span<char> rest, ref int length, ReadOnlySpan<char> token)
    {
        if (length > 0)
        {
            rest[length++] = ' ';
        }

        token.CopyTo(rest[length..]);
        length += token.Length;
    }
}
