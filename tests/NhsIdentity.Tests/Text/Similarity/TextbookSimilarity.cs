namespace NhsIdentity.Tests.Text.Similarity;

/// <summary>
/// Test oracles written straight from the published definitions, as slowly and plainly as possible:
/// Jaro (Jaro 1989 / Winkler 1990: window <c>max(|a|,|b|)/2 - 1</c>, greedy first free match, <c>t</c> = half the
/// out-of-order matches), Winkler's prefix boost (Winkler 1990: up to 4 chars, p = 0.1, only above 0.7), and the
/// full-matrix LCS. No bit tricks, no shared code with the library.
/// </summary>
internal static class TextbookSimilarity
{
    public static double Jaro(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var matchedA = new bool[a.Length];
        var matchedB = new bool[b.Length];
        var m = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j <= Math.Min(b.Length - 1, i + window); j++)
            {
                if (!matchedB[j] && a[i] == b[j])
                {
                    matchedA[i] = matchedB[j] = true;
                    m++;
                    break;
                }
            }
        }

        if (m == 0)
        {
            return 0;
        }

        var orderA = new List<char>();
        var orderB = new List<char>();
        for (var i = 0; i < a.Length; i++)
        {
            if (matchedA[i])
            {
                orderA.Add(a[i]);
            }
        }

        for (var j = 0; j < b.Length; j++)
        {
            if (matchedB[j])
            {
                orderB.Add(b[j]);
            }
        }

        var outOfOrder = 0;
        for (var k = 0; k < m; k++)
        {
            if (orderA[k] != orderB[k])
            {
                outOfOrder++;
            }
        }

        var t = outOfOrder / 2.0;
        return ((double)m / a.Length + (double)m / b.Length + (m - t) / m) / 3.0;
    }

    /// <summary>
    /// Whether the Jaro similarity is above 0.7, decided exactly in integers: pairs whose Jaro is exactly 7/10 (for
    /// example 3 of 5 and 6 chars matched in order) must not be boosted, but the three floating-point quotients
    /// above can round to just over 0.7.
    /// </summary>
    public static bool JaroAboveSevenTenths(string a, string b)
    {
        var jaro = Jaro(a, b);
        if (Math.Abs(jaro - 0.7) > 1e-9)
        {
            return jaro > 0.7;
        }

        // Recount: J = (2m^2(|a|+|b|) + (2m - h)|a||b|) / (6|a||b|m) with h out-of-order matches; J > 7/10 exactly?
        var (m, h) = MatchesAndOutOfOrder(a, b);
        long la = a.Length, lb = b.Length;
        var numerator = (2L * m * m * (la + lb)) + (((2L * m) - h) * la * lb);
        return 10 * numerator > 7 * 6 * la * lb * m;
    }

    private static (int Matches, int OutOfOrder) MatchesAndOutOfOrder(string a, string b)
    {
        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var matchedA = new bool[a.Length];
        var matchedB = new bool[b.Length];
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j <= Math.Min(b.Length - 1, i + window); j++)
            {
                if (!matchedB[j] && a[i] == b[j])
                {
                    matchedA[i] = matchedB[j] = true;
                    break;
                }
            }
        }

        var orderA = a.Where((_, i) => matchedA[i]).ToArray();
        var orderB = b.Where((_, j) => matchedB[j]).ToArray();
        return (orderA.Length, orderA.Zip(orderB).Count(pair => pair.First != pair.Second));
    }

    public static double JaroWinkler(string a, string b, double p = 0.1)
    {
        var jaro = Jaro(a, b);
        if (!JaroAboveSevenTenths(a, b))
        {
            return jaro;
        }

        var l = 0;
        while (l < 4 && l < a.Length && l < b.Length && a[l] == b[l])
        {
            l++;
        }

        return jaro + l * p * (1 - jaro);
    }

    public static int Lcs(string a, string b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Length, b.Length];
    }

    public static int Levenshtein(string a, string b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            table[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            table[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                table[i, j] = Math.Min(Math.Min(table[i - 1, j] + 1, table[i, j - 1] + 1), table[i - 1, j - 1] + cost);
            }
        }

        return table[a.Length, b.Length];
    }
}
