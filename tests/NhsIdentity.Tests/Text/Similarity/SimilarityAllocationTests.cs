using NhsIdentity.Tests.TestHelpers;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Tests.Text.Similarity;

/// <summary>
/// "Comparisons allocate nothing", measured as in NhsNumberTests/AllocationTests: inputs and prepared queries
/// are created first, each body runs twice to warm up (JIT, static constructors, ArrayPool buckets for the
/// long-input fallback), then <see cref="GC.GetAllocatedBytesForCurrentThread"/> must not move.
/// </summary>
[Collection(AllocationMeasurements.Name)]
public sealed class SimilarityAllocationTests
{
    private const int Iterations = 500;

    // Names, empty strings, non-ASCII, exactly 64 chars, and long inputs that take the DP fallback
    // (over 64 chars, and over the stack-row limits so rows are rented from the pool).
    private static readonly string[] Inputs =
    [
        "", "A", "MARTHA", "MARHTA", "DWAYNE", "DUANE", "DIXON", "DICKSONX", "O'NEILL-SMITH", "JOS\u00C9", "\u0410\u0411\u0410\uD83D\uDE00",
        new string('A', 64), new string('B', 32) + new string('A', 32), Repeat("ABCD", 20), Repeat("ABDC", 21), Repeat("XYZ", 150), Repeat("XZY", 140),
    ];

    private static readonly PreparedJaroWinkler[] PreparedJaroWinklers = Array.ConvertAll(Inputs, s => new PreparedJaroWinkler(s));
    private static readonly PreparedLevenshtein[] PreparedLevenshteins = Array.ConvertAll(Inputs, s => new PreparedLevenshtein(s));
    private static readonly PreparedIndel[] PreparedIndels = Array.ConvertAll(Inputs, s => new PreparedIndel(s));

    private static long Measure(Action body) => Allocations.Measure(body, Iterations);

    [Fact]
    public void The_measurement_sees_allocations()
    {
        var sink = 0.0;
        Assert.True(Measure(() => sink += new PreparedIndel("MARTHA").NormalizedSimilarity("MARHTA")) >= Iterations * 100L);
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Static_comparisons_allocate_nothing()
    {
        var sink = 0.0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var a in Inputs)
            {
                foreach (var b in Inputs)
                {
                    sink += Jaro.Similarity(a, b) + JaroWinkler.Similarity(a, b) + JaroWinkler.Similarity(a, b, 0.2);
                    sink += Levenshtein.Distance(a, b) + Levenshtein.Distance(a, b, 2) + Levenshtein.NormalizedSimilarity(a, b);
                    sink += OptimalStringAlignment.Distance(a, b);
                    sink += Indel.Distance(a, b) + Indel.NormalizedSimilarity(a, b);
                }
            }
        }));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Prepared_comparisons_allocate_nothing()
    {
        var sink = 0.0;
        Assert.Equal(0, Measure(() =>
        {
            for (var i = 0; i < Inputs.Length; i++)
            {
                foreach (var b in Inputs)
                {
                    sink += PreparedJaroWinklers[i].Similarity(b) + PreparedJaroWinklers[i].JaroSimilarity(b);
                    sink += PreparedLevenshteins[i].Distance(b) + PreparedLevenshteins[i].Distance(b, 1) + PreparedLevenshteins[i].NormalizedSimilarity(b);
                    sink += PreparedIndels[i].Distance(b) + PreparedIndels[i].NormalizedSimilarity(b);
                }
            }
        }));
        Assert.NotEqual(0, sink);
    }

    private static string Repeat(string unit, int times) => string.Concat(Enumerable.Repeat(unit, times));
}
