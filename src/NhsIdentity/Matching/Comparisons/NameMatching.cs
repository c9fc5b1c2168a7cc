namespace NhsIdentity.Matching.Comparisons;

/// <summary>The name tests the name comparisons share (<see cref="NameComparison"/>, <see cref="GivenNameComparison"/>,
/// <see cref="FamilyNameComparison"/>), over the fields <see cref="NameComparison"/> prepares.</summary>
internal static class NameMatching
{
    /// <summary>Whether two names share a Double Metaphone code, primary or alternate (0 is no code).</summary>
    public static bool Phonetic(uint primaryA, uint alternateA, uint primaryB, uint alternateB) =>
        primaryA != 0 && primaryB != 0
        && (primaryA == primaryB || primaryA == alternateB || alternateA == primaryB || alternateA == alternateB);

    /// <summary>Whether a record's given names hold more than one token (a middle name, MARY-JANE): only then is the
    /// token list longer than the compact form (MARY-JANE is MARYJANE compact and MARY JANE as tokens).</summary>
    public static bool HasSeveralGivenTokens(in PreparedRow row) => row.GivenAllLength != row.GivenLength;

    /// <summary>Whether a record's family name holds more than one token (JONES-SMITH, DE SOUZA).</summary>
    public static bool HasSeveralFamilyTokens(in PreparedRow row) => row.FamilyTokensLength != row.FamilyLength;

    /// <summary>Whether two space-separated token lists share a token (lists are a handful of short words).</summary>
    public static bool SharesToken(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        while (!a.IsEmpty)
        {
            var space = a.IndexOf(' ');
            var token = space < 0 ? a : a[..space];
            a = space < 0 ? default : a[(space + 1)..];
            if (ContainsToken(b, token))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsToken(ReadOnlySpan<char> list, ReadOnlySpan<char> token)
    {
        while (!list.IsEmpty)
        {
            var space = list.IndexOf(' ');
            var candidate = space < 0 ? list : list[..space];
            if (candidate.SequenceEqual(token))
            {
                return true;
            }

            list = space < 0 ? default : list[(space + 1)..];
        }

        return false;
    }
}
