using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuzzySharp;
using FuzzySharp.PreProcess;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Tests.Text.Similarity;

/// <summary>
/// Invariants of <see cref="TokenSet"/>, agreement with FuzzySharp 2.0.2 on generated address token lists, and two
/// plain reference models (ASCII preparation; the token-set ratio built literally from its definition).
/// </summary>
public sealed class TokenSetProperties
{
    [Property(MaxTest = 2000)]
    public Property Rounded_percentage_equals_FuzzySharp_with_full_preprocessing() =>
        Prop.ForAll(TokenSetArbitraries.AddressPairs, p =>
        {
            var expected = Fuzz.TokenSetRatio(p.Texts.A, p.Texts.B, PreprocessMode.Full);
            return expected == (int)Math.Round(100 * TokenSet.Similarity(p.Texts.A, p.Texts.B))
                && expected == (int)Math.Round(100 * TokenSet.SimilarityOfPrepared(TokenSet.Prepare(p.Texts.A), TokenSet.Prepare(p.Texts.B)));
        });

    [Property(MaxTest = 2000)]
    public Property Rounded_percentage_equals_FuzzySharps_default_overload_on_space_joined_upper_case_tokens() =>
        Prop.ForAll(TokenSetArbitraries.SpaceJoinedPairs, p =>
            Fuzz.TokenSetRatio(p.A, p.B) == (int)Math.Round(100 * TokenSet.Similarity(p.A, p.B)));

    [Property(MaxTest = 1000)]
    public Property Equals_the_definition_built_literally() =>
        Prop.ForAll(Arb.From(Gen.OneOf(TokenSetArbitraries.AnyTextPairs.Generator, TokenSetArbitraries.AddressPairs.Generator.Select(p => p.Texts))), p =>
            TokenSet.Similarity(p.A, p.B) == ReferenceTokenSetRatio(TokenSet.Prepare(p.A), TokenSet.Prepare(p.B)));

    [Property(MaxTest = 1000)]
    public Property Is_symmetric_and_in_0_to_1() =>
        Prop.ForAll(Arb.From(Gen.OneOf(TokenSetArbitraries.AnyTextPairs.Generator, TokenSetArbitraries.AddressPairs.Generator.Select(p => p.Texts))), p =>
        {
            var ab = TokenSet.Similarity(p.A, p.B);
            var preparedA = TokenSet.Prepare(p.A);
            var preparedB = TokenSet.Prepare(p.B);
            return ab == TokenSet.Similarity(p.B, p.A) && ab is >= 0 and <= 1
                && TokenSet.SimilarityOfPrepared(preparedA, preparedB) == TokenSet.SimilarityOfPrepared(preparedB, preparedA);
        });

    [Property(MaxTest = 1000)]
    public Property Prepared_and_raw_forms_agree() =>
        Prop.ForAll(Arb.From(Gen.OneOf(TokenSetArbitraries.AnyTextPairs.Generator, TokenSetArbitraries.AddressPairs.Generator.Select(p => p.Texts))), p =>
            TokenSet.Similarity(p.A, p.B) == TokenSet.SimilarityOfPrepared(TokenSet.Prepare(p.A), TokenSet.Prepare(p.B))
            && TokenSet.Similarity(p.A, p.B) == TokenSet.Similarity(TokenSet.Prepare(p.A), TokenSet.Prepare(p.B)));

    [Property(MaxTest = 1000)]
    public Property The_same_token_set_in_any_order_case_or_repetition_scores_1() =>
        Prop.ForAll(TokenSetArbitraries.AddressPairs, Arb.From(Gen.Choose(0, 1000)), (p, seed) =>
        {
            var tokens = p.Tokens.A;
            var reordered = string.Join(", ", tokens.Concat(tokens.Take(seed % 3)).OrderBy(t => (t.Length * 7919) ^ seed).Select(t => t.ToLowerInvariant()));
            var text = string.Join(' ', tokens);
            return TokenSet.Prepare(reordered) == TokenSet.Prepare(text) && TokenSet.Similarity(reordered, text) == 1
                && TokenSet.SimilarityOfPrepared(TokenSet.Prepare(reordered), TokenSet.Prepare(text)) == 1;
        });

    [Property(MaxTest = 1000)]
    public Property Token_order_and_case_do_not_change_the_similarity() =>
        Prop.ForAll(TokenSetArbitraries.AddressPairs, p =>
        {
            var reversedLower = string.Join(" ; ", p.Tokens.A.Reverse().Select(t => t.ToLowerInvariant()));
            return TokenSet.Similarity(p.Texts.A, p.Texts.B) == TokenSet.Similarity(reversedLower, p.Texts.B);
        });

    [Property(MaxTest = 2000)]
    public Property Preparing_is_idempotent_and_never_throws() =>
        Prop.ForAll(TokenSetArbitraries.AnyText, text =>
        {
            var prepared = TokenSet.Prepare(text);
            var destination = new char[TokenSet.GetMaxPreparedLength(text.Length)];
            return TokenSet.Prepare(prepared) == prepared
                && TokenSet.TryPrepare(text, destination, out var written) && new string(destination, 0, written) == prepared
                && prepared.Length <= TokenSet.GetMaxPreparedLength(text.Length);
        });

    [Property(MaxTest = 2000)]
    public Property Prepared_forms_are_sorted_distinct_tokens_joined_by_single_spaces() =>
        Prop.ForAll(TokenSetArbitraries.AnyText, text =>
        {
            var prepared = TokenSet.Prepare(text);
            var tokens = prepared.Split(' ');
            return prepared.Length == 0
                || (tokens.All(t => t.Length > 0 && !t.Contains(' ', StringComparison.Ordinal))
                    && tokens.Zip(tokens.Skip(1)).All(pair => string.CompareOrdinal(pair.First, pair.Second) < 0));
        });

    [Property(MaxTest = 2000)]
    public Property Ascii_preparation_equals_the_reference_model() =>
        Prop.ForAll(Arb.From(Gen.OneOf(
            TokenSetArbitraries.AddressPairs.Generator.Select(p => p.Texts.A),
            Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 127).Select(i => (char)i), n)).Select(c => new string(c)))), text =>
            TokenSet.Prepare(text) == ReferencePrepareAscii(text));

    [Property(MaxTest = 1000)]
    public Property A_short_destination_is_left_untouched() =>
        Prop.ForAll(TokenSetArbitraries.AnyText, Arb.From(Gen.Choose(0, 1000)), (text, cut) =>
        {
            var prepared = TokenSet.Prepare(text);
            if (prepared.Length == 0)
            {
                return true;
            }

            var length = cut % prepared.Length;
            var destination = Enumerable.Repeat('#', length + 4).ToArray();
            return !TokenSet.TryPrepare(text, destination.AsSpan(0, length), out var written)
                && written == 0 && destination.All(c => c == '#');
        });

    [Property(MaxTest = 2000)]
    public Property Never_throws_on_arbitrary_text_and_stays_in_0_to_1() =>
        Prop.ForAll(TokenSetArbitraries.AnyTextPairs, p =>
            TokenSet.Similarity(p.A, p.B) is >= 0 and <= 1
            // Not prepared forms at all: still no exception and a value in range.
            && TokenSet.SimilarityOfPrepared(p.A, p.B) is >= 0 and <= 1);

    /// <summary>ASCII preparation from the rules, plainly: letters and digits are token chars, upper-cased; sort, distinct, join.</summary>
    private static string ReferencePrepareAscii(string text)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                current.Append(char.ToUpperInvariant(c));
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        return string.Join(' ', tokens.Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The token-set ratio built literally from its definition (fuzzywuzzy's token_set_ratio): the three strings,
    /// the three ratios with the textbook LCS, the best of them; empty sets as TokenSet documents them.
    /// </summary>
    private static double ReferenceTokenSetRatio(string preparedA, string preparedB)
    {
        var a = preparedA.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var b = preparedB.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (a.Count == 0 || b.Count == 0)
        {
            return a.Count == b.Count ? 1 : 0;
        }

        var sect = string.Join(' ', a.Intersect(b).Order(StringComparer.Ordinal));
        var combinedA = (sect + " " + string.Join(' ', a.Except(b).Order(StringComparer.Ordinal))).Trim();
        var combinedB = (sect + " " + string.Join(' ', b.Except(a).Order(StringComparer.Ordinal))).Trim();
        return Math.Max(Ratio(sect, combinedA), Math.Max(Ratio(sect, combinedB), Ratio(combinedA, combinedB)));

        static double Ratio(string x, string y)
        {
            var sum = x.Length + y.Length;
            var distance = sum - (2 * TextbookSimilarity.Lcs(x, y));
            return distance == 0 ? 1 : (sum - distance) / (double)sum;
        }
    }
}
