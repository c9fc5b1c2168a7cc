using NhsIdentity.Tests.TestHelpers;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Tests.Text.Similarity;

/// <summary>
/// "Comparisons allocate nothing" for <see cref="TokenSet"/>, measured as in NhsNumberTests/AllocationTests: inputs
/// and prepared forms are created first, each body runs twice to warm up (JIT, static constructors, ArrayPool buckets
/// for the long-input scratch), then <see cref="GC.GetAllocatedBytesForCurrentThread"/> must not move.
/// </summary>
[Collection(AllocationMeasurements.Name)]
public sealed class TokenSetAllocationTests
{
    private const int Iterations = 300;

    // Invented addresses: typical ones, empty and token-less text, non-ASCII, and texts long enough (over 256 chars)
    // that the preparation, the remainders and the alignment rent their scratch from the pool.
    private static readonly string[] Inputs =
    [
        "", " , ", "12 Acacia Avenue, Leeds", "Flat 3, 12 Acacia Ave", "Acacia Avenue 12 Leeds", "12 Acaica Avenue",
        "Rose Cottage, Mill Lane, Newton upon Hull", "Apartment 40, The Gardens, West Street, York",
        "Zo\u00EB Close, \u0141\u00F3d\u017A \uFB03", "4 High St, Wakefield",
        string.Join(", ", Enumerable.Range(0, 60).Select(i => "Road" + i)),
        string.Join(" ", Enumerable.Range(30, 70).Select(i => "road" + (i * 7 % 90))),
    ];

    private static readonly string[] Short = Inputs[..10];

    private static readonly string[] Prepared = Array.ConvertAll(Inputs, TokenSet.Prepare);

    private static long Measure(Action body) => Allocations.Measure(body, Iterations);

    [Fact]
    public void The_measurement_sees_allocations()
    {
        var sink = 0;
        Assert.True(Measure(() => sink += TokenSet.Prepare("12 Acacia Avenue").Length) >= Iterations * 30L);
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void SimilarityOfPrepared_allocates_nothing()
    {
        var sink = 0.0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var a in Prepared)
            {
                foreach (var b in Prepared)
                {
                    sink += TokenSet.SimilarityOfPrepared(a, b);
                }
            }
        }));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Similarity_of_short_raw_texts_allocates_nothing()
    {
        var sink = 0.0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var a in Short)
            {
                foreach (var b in Short)
                {
                    sink += TokenSet.Similarity(a, b);
                }
            }
        }));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Similarity_of_long_raw_texts_only_reuses_pooled_scratch()
    {
        // The shared ArrayPool gives its buffers back to the GC when a gen-2 collection trims it, which other tests
        // running in parallel can trigger mid-measurement; a rent after that allocates once. So: at most a few
        // re-rented buffers in all, where one allocation per call would be thousands of them.
        var sink = 0.0;
        var calls = 0L;
        var bytes = Measure(() =>
        {
            foreach (var a in Inputs)
            {
                sink += TokenSet.Similarity(a, Inputs[^1]) + TokenSet.Similarity(Inputs[^2], a);
                calls += 2;
            }
        });
        const long FewBuffers = 8 * 16 * 1024;
        Assert.True(bytes <= FewBuffers, $"{bytes} B over {calls} calls");
        Assert.True(calls * 1024 > FewBuffers * 10, "a per-call allocation of even 1 KB would exceed the bound tenfold");
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void TryPrepare_allocates_nothing()
    {
        var destination = new char[TokenSet.GetMaxPreparedLength(Inputs.Max(s => s.Length))];
        var sink = 0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var text in Inputs)
            {
                sink += TokenSet.TryPrepare(text, destination, out var written) ? written : -1;
            }
        }));
        Assert.NotEqual(0, sink);
    }
}
