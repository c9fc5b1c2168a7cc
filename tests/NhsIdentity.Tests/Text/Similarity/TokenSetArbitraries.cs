using FsCheck;
using FsCheck.Fluent;

namespace NhsIdentity.Tests.Text.Similarity;

/// <summary>
/// Invented UK-style address token lists for the token-set properties. Random strings share almost no tokens, which
/// would leave the intersection logic untested, so the second list is usually derived from the first the way two
/// supplier systems' copies of one address differ: tokens reordered, dropped (flat number, town), added, abbreviated
/// or mistyped, repeated. Texts are rendered with mixed case and the separators suppliers use.
/// </summary>
internal static class TokenSetArbitraries
{
    /// <summary>Invented address words (no real address is intended), with common abbreviations and house numbers.</summary>
    private static readonly string[] Vocabulary =
    [
        "1", "3", "12", "12A", "221B", "4", "40", "FLAT", "APARTMENT", "APT", "ACACIA", "AVENUE", "AVE", "ROAD", "RD",
        "STREET", "ST", "LANE", "LN", "CLOSE", "GARDENS", "GDNS", "HIGH", "MILL", "ROSE", "COTTAGE", "HOUSE", "THE",
        "OLD", "NEW", "WEST", "EAST", "LEEDS", "YORK", "HULL", "KINGSTON", "UPON", "NEWTON", "BRADFORD", "WAKEFIELD",
    ];

    private static readonly string[] Separators = [" ", ", ", "  ", ",", " - ", ". ", "/", "\t", " ,"];

    /// <summary>One token: mostly from the vocabulary, sometimes random letters and digits (1 to 8 chars).</summary>
    private static Gen<string> Token => Gen.Frequency(
        (4, Gen.Elements(Vocabulary)),
        (1, Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(Gen.Elements("ABCDEFGHIJKLMNOPRSTUVWY0123456789".ToCharArray()), n))
            .Select(chars => new string(chars))));

    private static Gen<string[]> Tokens(int min, int max) => Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Token, n));

    /// <summary>A pair of upper-case token lists: independent a third of the time, otherwise the second derived from the first.</summary>
    public static Gen<(string[] A, string[] B)> TokenListPairs(int min, int max) => Gen.Frequency(
        (1, from a in Tokens(min, max) from b in Tokens(min, max) select (a, b)),
        (2, from a in Tokens(min, max)
            from keys in Gen.ArrayOf(Gen.Choose(0, 1000), a.Length)
            from keep in Gen.ArrayOf(Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false))), a.Length)
            from typos in Gen.ArrayOf(Gen.Choose(0, 40), a.Length)
            from added in Tokens(0, 3)
            select (a, Derive(a, keys, keep, typos, added))));

    /// <summary>Rendered texts (mixed case, supplier separators) and their upper-case token lists.</summary>
    public static Arbitrary<((string[] A, string[] B) Tokens, (string A, string B) Texts)> AddressPairs => Arb.From(
        from tokens in Gen.Frequency((20, TokenListPairs(1, 10)), (1, TokenListPairs(40, 120)))
        from textA in Render(tokens.A)
        from textB in Render(tokens.B)
        select (tokens, (textA, textB)));

    /// <summary>Upper-case token lists joined by single spaces: the form FuzzySharp's unprocessed overload reads as we do.</summary>
    public static Arbitrary<(string A, string B)> SpaceJoinedPairs => Arb.From(
        from tokens in Gen.Frequency((20, TokenListPairs(1, 10)), (1, TokenListPairs(40, 120)))
        select (string.Join(' ', tokens.A), string.Join(' ', tokens.B)));

    /// <summary>Arbitrary text: FsCheck's strings (any UTF-16 code unit), address texts and non-ASCII mixtures.</summary>
    public static Arbitrary<string> AnyText => Arb.From(Gen.Frequency(
        (2, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")),
        (2, Tokens(0, 8).SelectMany(Render)),
        (2, Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(Gen.Elements(
            "aZ9 ,'\u2019-\u00E9\u00DF\uFB03\u0301\u00AD\u0141\u03C3\u03C2\u0410\u4E2D\uD83D\uDE00\uFF21\uFF13\u01C5\u0130\u0131\u212A\u00B2\u02BC\u1E9E".ToCharArray()), n))
            .Select(chars => new string(chars)))));

    /// <summary>Two arbitrary texts.</summary>
    public static Arbitrary<(string A, string B)> AnyTextPairs => Arb.From(
        from a in AnyText.Generator
        from b in AnyText.Generator
        select (a, b));

    private static Gen<string> Render(string[] tokens) =>
        from cases in Gen.ArrayOf(Gen.Choose(0, 2), tokens.Length)
        from separators in Gen.ArrayOf(Gen.Elements(Separators), tokens.Length)
        from leading in Gen.Elements("", " ", ", ")
        select leading + string.Concat(tokens.Select((t, i) =>
            (i > 0 ? separators[i] : "") + cases[i] switch
            {
                0 => t,
                1 => t.ToLowerInvariant(),
                _ => t[..1] + t[1..].ToLowerInvariant(),
            }));

    private static string[] Derive(string[] a, int[] keys, bool[] keep, int[] typos, string[] added)
    {
        var derived = new List<string>();
        for (var i = 0; i < a.Length; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            // typos[i]: 0-3 one mistyped char, 4 the token twice, otherwise as it was.
            var token = a[i];
            var at = keys[i] % token.Length;
            derived.Add(typos[i] switch
            {
                0 => token.Remove(at, 1) is { Length: > 0 } shorter ? shorter : token,
                1 => token.Insert(at, "E"),
                2 => token[..at] + (token[at] == 'X' ? 'Y' : 'X') + token[(at + 1)..],
                3 when token.Length > 1 => Swap(token, Math.Min(at, token.Length - 2)),
                _ => token,
            });
            if (typos[i] == 4)
            {
                derived.Add(token);
            }
        }

        derived.AddRange(added);
        var order = keys.Concat(Enumerable.Range(0, derived.Count)).ToArray();
        return derived.Select((t, i) => (t, Key: order[i] * 31 % 997)).OrderBy(p => p.Key).Select(p => p.t).ToArray();
    }

    /// <summary>The token with the chars at <paramref name="at"/> and <paramref name="at"/> + 1 swapped.</summary>
    private static string Swap(string token, int at) => token[..at] + token[at + 1] + token[at] + token[(at + 2)..];
}
