using NhsIdentity.Demographics;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Demographics.PersonNameTests;

/// <summary>
/// The span entry points of <see cref="PersonName"/> allocate nothing (pattern of NhsNumberTests.AllocationTests: warm
/// up, then <see cref="GC.GetAllocatedBytesForCurrentThread"/> must not move over many iterations).
/// </summary>
[Collection(AllocationMeasurements.Name)]
public sealed class AllocationTests
{
    private const int Iterations = 2000;

    private static readonly string[] Names =
    [
        "Mrs Zoë O'Reilly-Kociński", "SMITH, Mr John", "Dr. Prof. Jane Doe Jr", "Łukasz Świątek", "Griﬃn", "ＪＯＮＥＳ",
        "Zoe\u0308", "Иван", "Baby of Jane Smith", "Twin 1", "XXX", "-", "", "Lord", "Mary Jane Ann", "Þóra Guðrún",
        "Ann\uD83D\uDE00Lee", new string('a', 300),
    ];

    private static long Measure(Action body) => Allocations.Measure(body, Iterations);

    [Fact]
    public void The_measurement_sees_allocations()
    {
        var sink = 0;
        Assert.True(Measure(() => sink += PersonName.Normalize(Names[0]).Length) >= Iterations * 20L);
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void TryNormalize_allocates_nothing()
    {
        var destination = new char[2000];
        var tooShort = new char[3];
        var sink = 0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var name in Names)
            {
                PersonName.TryNormalize(name, destination, out var written);
                sink += written;
                sink += PersonName.TryNormalize(name, tooShort, out _) ? 1 : 0;
            }
        }));
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void EnumerateTokens_SplitGivenNames_and_IsPlaceholder_allocate_nothing()
    {
        var normalized = Names.Select(PersonName.Normalize).ToArray();
        var compounds = new char[400];
        var sink = 0;
        Assert.Equal(0, Measure(() =>
        {
            foreach (var name in normalized)
            {
                foreach (var token in PersonName.EnumerateTokens(name, compounds))
                {
                    sink += token.Length;
                }

                foreach (var token in PersonName.EnumerateTokens(name))
                {
                    sink += token.Length;
                }

                PersonName.SplitGivenNames(name, out var first, out var middle);
                sink += first.Length + middle.Length;
            }

            foreach (var name in Names)
            {
                sink += PersonName.IsPlaceholder(name.AsSpan()) ? 1 : 0;
            }
        }));
        Assert.NotEqual(0, sink);
    }
}
