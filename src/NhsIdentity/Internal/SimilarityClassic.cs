using System.Buffers;
using System.Runtime.CompilerServices;

namespace NhsIdentity.Internal;

/// <summary>
/// The textbook dynamic-programming forms of the similarity measures: the correct fallback for inputs longer than
/// the 64 chars the bit-parallel cores hold (names never are; free-text addresses can be). Rows up to
/// <see cref="StackRowLength"/> cells live on the stack; longer rows are rented from <see cref="ArrayPool{T}.Shared"/>
/// and returned in <c>finally</c>.
/// </summary>
internal static class SimilarityClassic
{
    /// <summary>The longest DP row (in cells) kept on the stack.</summary>
    private const int StackRowLength = 256;

    /// <summary>
    /// The Jaro match window: characters match only when at most <c>max(|a|, |b|) / 2 - 1</c> positions apart
    /// (floor, and never below 0) — M. A. Jaro, JASA 84(406), 1989; W. E. Winkler, 1990.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int JaroMatchWindow(int lengthA, int lengthB) => Math.Max(0, (Math.Max(lengthA, lengthB) / 2) - 1);

    /// <summary>
    /// <c>(m/|a| + m/|b| + (m - t)/m) / 3</c> with <c>t</c> half the number of matched chars out of order
    /// (<paramref name="halfTranspositions"/> / 2, kept fractional).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double JaroFromCounts(int lengthA, int lengthB, int matches, int halfTranspositions)
    {
        // One division instead of four: (m/a + m/b + (m - h/2)/m) / 3 = (2m^2 (a + b) + (2m - h) a b) / (6 a b m).
        // Every product is an exact integer in a double for any string length a span can have.
        double m = matches;
        double a = lengthA;
        double b = lengthB;
        return ((2 * m * m * (a + b)) + (((2 * m) - halfTranspositions) * a * b)) / (6 * a * b * m);
    }

    /// <summary>Levenshtein distance, two-row DP (Wagner and Fischer 1974). Both strings non-empty.</summary>
    public static int LevenshteinDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length < b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }

        int[]? rented = null;
        var cells = b.Length + 1;
        var row = cells <= StackRowLength ? stackalloc int[StackRowLength] : (rented = ArrayPool<int>.Shared.Rent(cells));
        try
        {
            row = row[..cells];
            for (var j = 0; j < row.Length; j++)
            {
                row[j] = j;
            }

            for (var i = 0; i < a.Length; i++)
            {
                var diagonal = row[0];
                row[0] = i + 1;
                var ai = a[i];
                for (var j = 1; j < row.Length; j++)
                {
                    var above = row[j];
                    var substitute = diagonal + (ai == b[j - 1] ? 0 : 1);
                    row[j] = Math.Min(substitute, Math.Min(above, row[j - 1]) + 1);
                    diagonal = above;
                }
            }

            return row[^1];
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Optimal string alignment distance, three-row DP: Levenshtein plus the transposition of two adjacent chars,
    /// no substring edited twice (Damerau 1964 as restricted by Lowrance and Wagner 1975). Both strings non-empty.
    /// </summary>
    public static int OsaDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int[]? rented = null;
        var cells = b.Length + 1;
        var rows = 3 * cells <= StackRowLength ? stackalloc int[StackRowLength] : (rented = ArrayPool<int>.Shared.Rent(3 * cells));
        try
        {
            var twoBack = rows.Slice(0, cells);
            var previous = rows.Slice(cells, cells);
            var current = rows.Slice(2 * cells, cells);
            for (var j = 0; j < cells; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                var ai = a[i - 1];
                for (var j = 1; j < cells; j++)
                {
                    var bj = b[j - 1];
                    var value = Math.Min(previous[j - 1] + (ai == bj ? 0 : 1), Math.Min(previous[j], current[j - 1]) + 1);
                    if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == bj)
                    {
                        value = Math.Min(value, twoBack[j - 2] + 1);
                    }

                    current[j] = value;
                }

                // Rotate: the row two back is overwritten next.
                var recycled = twoBack;
                twoBack = previous;
                previous = current;
                current = recycled;
            }

            return previous[^1];
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Length of the longest common subsequence, one-row DP (Hirschberg 1975 row form). Both non-empty.</summary>
    public static int LcsLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length < b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }

        int[]? rented = null;
        var cells = b.Length + 1;
        var row = cells <= StackRowLength ? stackalloc int[StackRowLength] : (rented = ArrayPool<int>.Shared.Rent(cells));
        try
        {
            row = row[..cells];
            row.Clear();
            foreach (var ai in a)
            {
                var diagonal = 0;
                for (var j = 1; j < row.Length; j++)
                {
                    var above = row[j];
                    row[j] = ai == b[j - 1] ? diagonal + 1 : Math.Max(above, row[j - 1]);
                    diagonal = above;
                }
            }

            return row[^1];
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Jaro similarity by the textbook double loop: each char of <paramref name="a"/> takes the first unmatched
    /// equal char of <paramref name="b"/> inside the match window. Both strings non-empty.
    /// </summary>
    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var window = JaroMatchWindow(a.Length, b.Length);
        bool[]? rented = null;
        var cells = a.Length + b.Length;
        var flags = cells <= 4 * StackRowLength ? stackalloc bool[4 * StackRowLength] : (rented = ArrayPool<bool>.Shared.Rent(cells));
        try
        {
            flags = flags[..cells];
            flags.Clear();
            var matchedA = flags[..a.Length];
            var matchedB = flags[a.Length..];
            var matches = 0;
            for (var i = 0; i < a.Length; i++)
            {
                var end = Math.Min(b.Length, i + window + 1);
                for (var j = Math.Max(0, i - window); j < end; j++)
                {
                    if (!matchedB[j] && a[i] == b[j])
                    {
                        matchedA[i] = true;
                        matchedB[j] = true;
                        matches++;
                        break;
                    }
                }
            }

            if (matches == 0)
            {
                return 0;
            }

            var halfTranspositions = 0;
            var k = 0;
            for (var i = 0; i < a.Length; i++)
            {
                if (!matchedA[i])
                {
                    continue;
                }

                while (!matchedB[k])
                {
                    k++;
                }

                if (a[i] != b[k])
                {
                    halfTranspositions++;
                }

                k++;
            }

            return JaroFromCounts(a.Length, b.Length, matches, halfTranspositions);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<bool>.Shared.Return(rented);
            }
        }
    }
}
