using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Text.Similarity;
using F23Osa = F23.StringSimilarity.OptimalStringAlignment;
using QuickLevenshtein = Quickenshtein.Levenshtein;

namespace NhsIdentity.Tests.Text.Similarity;

/// <summary>
/// The one-off methods take the first string as the pattern, untrimmed and unordered, when it has at most 16 chars;
/// only a longer first string is trimmed and ordered by length. These tests put the first string on both sides of
/// that threshold against second strings of every size (including texts past 64 chars, which the short path walks
/// in full) and check both argument orders, so a pair that takes the short path one way and the long path the
/// other must still agree with the oracles and be symmetric. Jaro-Winkler's common prefix is compared four chars
/// at a time when both strings have at least four; lengths 3 to 5 and chars differing only in their high byte
/// check that word compare.
/// </summary>
public sealed class ShortPathTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<int, int> LengthPairs()
    {
        var data = new TheoryData<int, int>();
        foreach (var first in new[] { 1, 4, 15, 16, 17 })
        {
            foreach (var second in new[] { 0, 1, 15, 16, 17, 64, 65, 130 })
            {
                data.Add(first, second);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LengthPairs))]
    public void First_string_around_the_short_path_threshold_agrees_with_the_oracles(int firstLength, int secondLength)
    {
        // Shared ends (prefix "AB", suffix "A") that only the long path strips, and a shifted middle.
        var first = new string(Enumerable.Range(0, firstLength).Select(i => "ABCADBCA"[i % 8]).ToArray());
        var second = new string(Enumerable.Range(0, secondLength).Select(i => "ABDCABCA"[i % 8]).ToArray());
        AssertAgrees(first, second);
        AssertAgrees(second, first);
    }

    [Theory]
    [InlineData("ABC", "ABC")]
    [InlineData("ABC", "ABD")]
    [InlineData("ABCD", "ABCD")]
    [InlineData("ABCD", "ABCE")]
    [InlineData("ABCD", "XBCD")]
    [InlineData("ABCDE", "ABCDX")]
    [InlineData("ABCDE", "ABCXE")]
    [InlineData("MARTHA", "MARHTA")]
    [InlineData("ABCD", "ABC")]
    [InlineData("ABCDEF", "ABCEDF")]
    [InlineData("AB\u0141D", "AB\u0041D")] // differ only in the high byte of the third char (0x01 vs 0x00)
    [InlineData("A\u0142CD", "A\u0141CD")] // differ only in the low byte of the second char
    [InlineData("\u4E2DBCDE", "\u4E2DBCDF")]
    public void Jaro_Winkler_prefix_is_counted_per_char(string a, string b)
    {
        Assert.Equal(TextbookSimilarity.JaroWinkler(a, b), JaroWinkler.Similarity(a, b), 12);
        Assert.Equal(TextbookSimilarity.JaroWinkler(b, a), JaroWinkler.Similarity(b, a), 12);
        Assert.Equal(TextbookSimilarity.JaroWinkler(a, b, 0.25), JaroWinkler.Similarity(a, b, 0.25), 12);
        Assert.Equal(JaroWinkler.Similarity(a, b), new PreparedJaroWinkler(a).Similarity(b));
    }

    /// <summary>First strings of 10 to 22 chars (both sides of 16) against seconds of 0 to 80 (both sides of 64).</summary>
    [Property(MaxTest = 300)]
    public Property Pairs_across_the_short_path_threshold_agree_with_the_oracles() =>
        Prop.ForAll(
            Arb.From(
                from a in SimilarityArbitraries.Over("ABCD", 10, 22)
                from b in SimilarityArbitraries.Over("ABCD", 0, 80)
                select (a, b)),
            p =>
            {
                AssertAgrees(p.a, p.b);
                AssertAgrees(p.b, p.a);
            });

    private static void AssertAgrees(string a, string b)
    {
        Assert.Equal(QuickLevenshtein.GetDistance(a, b), Levenshtein.Distance(a, b));
        Assert.Equal((int)new F23Osa().Distance(a, b), OptimalStringAlignment.Distance(a, b));
        Assert.Equal(a.Length + b.Length - (2 * TextbookSimilarity.Lcs(a, b)), Indel.Distance(a, b));
        Assert.InRange(Math.Abs(TextbookSimilarity.Jaro(a, b) - Jaro.Similarity(a, b)), 0, Tolerance);
        Assert.InRange(Math.Abs(TextbookSimilarity.JaroWinkler(a, b) - JaroWinkler.Similarity(a, b)), 0, Tolerance);
        Assert.Equal(Jaro.Similarity(b, a), Jaro.Similarity(a, b));
    }
}
