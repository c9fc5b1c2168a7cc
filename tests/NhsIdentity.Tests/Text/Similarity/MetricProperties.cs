using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Tests.Text.Similarity;

/// <summary>Invariants of every measure: symmetry, bounds, identity, the triangle inequality, and prepared = static.</summary>
public sealed class MetricProperties
{
    [Property(MaxTest = 500)]
    public Property Every_measure_is_symmetric() => Prop.ForAll(SimilarityArbitraries.Any, p =>
        Jaro.Similarity(p.A, p.B) == Jaro.Similarity(p.B, p.A)
        && JaroWinkler.Similarity(p.A, p.B) == JaroWinkler.Similarity(p.B, p.A)
        && Levenshtein.Distance(p.A, p.B) == Levenshtein.Distance(p.B, p.A)
        && OptimalStringAlignment.Distance(p.A, p.B) == OptimalStringAlignment.Distance(p.B, p.A)
        && Indel.Distance(p.A, p.B) == Indel.Distance(p.B, p.A));

    [Property(MaxTest = 500)]
    public Property Similarities_lie_in_0_to_1_and_distances_in_their_range() => Prop.ForAll(SimilarityArbitraries.Any, p =>
    {
        var longest = Math.Max(p.A.Length, p.B.Length);
        var levenshtein = Levenshtein.Distance(p.A, p.B);
        var osa = OptimalStringAlignment.Distance(p.A, p.B);
        var indel = Indel.Distance(p.A, p.B);
        return InUnit(Jaro.Similarity(p.A, p.B)) && InUnit(JaroWinkler.Similarity(p.A, p.B))
            && InUnit(JaroWinkler.Similarity(p.A, p.B, JaroWinkler.MaxPrefixScale))
            && InUnit(Levenshtein.NormalizedSimilarity(p.A, p.B)) && InUnit(Indel.NormalizedSimilarity(p.A, p.B))
            && levenshtein >= Math.Abs(p.A.Length - p.B.Length) && levenshtein <= longest
            && osa >= Math.Abs(p.A.Length - p.B.Length) && osa <= longest
            && indel >= Math.Abs(p.A.Length - p.B.Length) && indel <= p.A.Length + p.B.Length
            && (indel - Math.Abs(p.A.Length - p.B.Length)) % 2 == 0;
    });

    [Property(MaxTest = 500)]
    public Property A_string_is_at_distance_0_and_similarity_1_from_itself() => Prop.ForAll(SimilarityArbitraries.Any, p =>
    {
        var copy = new string(p.A.AsSpan()); // a different instance: nothing may depend on reference equality
        return Jaro.Similarity(p.A, copy) == 1 && JaroWinkler.Similarity(p.A, copy) == 1
            && Levenshtein.Distance(p.A, copy) == 0 && OptimalStringAlignment.Distance(p.A, copy) == 0
            && Indel.Distance(p.A, copy) == 0 && Levenshtein.NormalizedSimilarity(p.A, copy) == 1
            && Indel.NormalizedSimilarity(p.A, copy) == 1
            && new PreparedJaroWinkler(p.A).Similarity(copy) == 1 && new PreparedLevenshtein(p.A).Distance(copy) == 0
            && new PreparedIndel(p.A).Distance(copy) == 0;
    });

    [Property(MaxTest = 500)]
    public Property Different_strings_are_at_a_positive_distance() => Prop.ForAll(SimilarityArbitraries.Any, p =>
        p.A == p.B || (Levenshtein.Distance(p.A, p.B) > 0 && OptimalStringAlignment.Distance(p.A, p.B) > 0
            && Indel.Distance(p.A, p.B) > 0 && Jaro.Similarity(p.A, p.B) < 1));

    [Property(MaxTest = 1000)]
    public Property Levenshtein_obeys_the_triangle_inequality() => Prop.ForAll(SimilarityArbitraries.Triples, t =>
        Levenshtein.Distance(t.A, t.C) <= Levenshtein.Distance(t.A, t.B) + Levenshtein.Distance(t.B, t.C)
        && Indel.Distance(t.A, t.C) <= Indel.Distance(t.A, t.B) + Indel.Distance(t.B, t.C));

    [Property(MaxTest = 500)]
    public Property Prepared_forms_agree_exactly_with_the_static_ones() => Prop.ForAll(SimilarityArbitraries.Any, p =>
    {
        var jaroWinkler = new PreparedJaroWinkler(p.A);
        var scaled = new PreparedJaroWinkler(p.A, 0.15);
        var levenshtein = new PreparedLevenshtein(p.A);
        var indel = new PreparedIndel(p.A);
        return jaroWinkler.Similarity(p.B) == JaroWinkler.Similarity(p.A, p.B)
            && jaroWinkler.JaroSimilarity(p.B) == Jaro.Similarity(p.A, p.B)
            && scaled.Similarity(p.B) == JaroWinkler.Similarity(p.A, p.B, 0.15)
            && levenshtein.Distance(p.B) == Levenshtein.Distance(p.A, p.B)
            && levenshtein.NormalizedSimilarity(p.B) == Levenshtein.NormalizedSimilarity(p.A, p.B)
            && levenshtein.Distance(p.B, 2) == Levenshtein.Distance(p.A, p.B, 2)
            && indel.Distance(p.B) == Indel.Distance(p.A, p.B)
            && indel.NormalizedSimilarity(p.B) == Indel.NormalizedSimilarity(p.A, p.B);
    });

    [Property(MaxTest = 500)]
    public Property Capped_Levenshtein_is_the_distance_capped_at_max_plus_one() =>
        Prop.ForAll(SimilarityArbitraries.Any, Arb.From(Gen.Choose(0, 6)), (p, max) =>
            Levenshtein.Distance(p.A, p.B, max) == Math.Min(Levenshtein.Distance(p.A, p.B), max + 1));

    private static bool InUnit(double value) => value is >= 0 and <= 1;
}
