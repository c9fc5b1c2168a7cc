using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Text.Similarity;
using F23Osa = F23.StringSimilarity.OptimalStringAlignment;
using QuickLevenshtein = Quickenshtein.Levenshtein;

namespace NhsIdentity.Tests.Text.Similarity;

/// <summary>
/// Agreement with independent implementations on generated pairs of every kind (small alphabet, names, longer than
/// 64 chars, non-ASCII): Quickenshtein for Levenshtein, F23.StringSimilarity for OSA, FuzzySharp's
/// <c>Fuzz.Ratio</c> for the indel ratio, and the textbook oracles in <see cref="TextbookSimilarity"/> for Jaro,
/// Jaro-Winkler and the LCS.
/// </summary>
public sealed class OracleProperties
{
    private const double Tolerance = 1e-12;

    private static Property ForAllKinds(Func<(string A, string B), bool> property) =>
        Prop.ForAll(SimilarityArbitraries.SmallAlphabet, p => property(p))
            .And(Prop.ForAll(SimilarityArbitraries.NameLike, p => property(p)))
            .And(Prop.ForAll(SimilarityArbitraries.Long, p => property(p)))
            .And(Prop.ForAll(SimilarityArbitraries.NonAscii, p => property(p)));

    [Property(MaxTest = 300)]
    public Property Levenshtein_agrees_with_Quickenshtein_and_the_textbook_table() => ForAllKinds(p =>
    {
        var expected = QuickLevenshtein.GetDistance(p.A, p.B);
        return Levenshtein.Distance(p.A, p.B) == expected
            && TextbookSimilarity.Levenshtein(p.A, p.B) == expected
            && new PreparedLevenshtein(p.A).Distance(p.B) == expected;
    });

    [Property(MaxTest = 300)]
    public Property Osa_agrees_with_F23() => ForAllKinds(p =>
        OptimalStringAlignment.Distance(p.A, p.B) == (int)new F23Osa().Distance(p.A, p.B));

    [Property(MaxTest = 300)]
    public Property Indel_agrees_with_the_textbook_lcs() => ForAllKinds(p =>
    {
        var expected = p.A.Length + p.B.Length - (2 * TextbookSimilarity.Lcs(p.A, p.B));
        return Indel.Distance(p.A, p.B) == expected && new PreparedIndel(p.A).Distance(p.B) == expected;
    });

    [Property(MaxTest = 300)]
    public Property Indel_ratio_rounded_is_FuzzySharp_Ratio() => ForAllKinds(p =>
    {
        if (p.A.Length + p.B.Length == 0)
        {
            return true; // FuzzySharp's own convention for two empty strings is not part of the comparison.
        }

        // FuzzySharp rounds 100 x ratio with Math.Round (banker's rounding) and truncates to int.
        return FuzzySharp.Fuzz.Ratio(p.A, p.B) == (int)Math.Round(100 * Indel.NormalizedSimilarity(p.A, p.B));
    });

    [Property(MaxTest = 300)]
    public Property Jaro_and_Jaro_Winkler_agree_with_the_textbook_definition() => ForAllKinds(p =>
        Math.Abs(Jaro.Similarity(p.A, p.B) - TextbookSimilarity.Jaro(p.A, p.B)) <= Tolerance
        && Math.Abs(JaroWinkler.Similarity(p.A, p.B) - TextbookSimilarity.JaroWinkler(p.A, p.B)) <= Tolerance
        && Math.Abs(JaroWinkler.Similarity(p.A, p.B, 0.2) - TextbookSimilarity.JaroWinkler(p.A, p.B, 0.2)) <= Tolerance);

    [Property(MaxTest = 300)]
    public Property Osa_lies_between_half_Levenshtein_and_Levenshtein() => ForAllKinds(p =>
    {
        // Each transposition replaces at most two Levenshtein edits.
        var osa = OptimalStringAlignment.Distance(p.A, p.B);
        var levenshtein = Levenshtein.Distance(p.A, p.B);
        return osa <= levenshtein && 2 * osa >= levenshtein;
    });
}
