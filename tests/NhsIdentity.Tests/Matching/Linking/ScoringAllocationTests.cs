using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Matching.Linking;

/// <summary>The linker's hot path, pair scoring, allocates nothing once warm (house rule "hot paths allocate nothing").</summary>
[Collection(AllocationMeasurements.Name)]
public sealed class ScoringAllocationTests
{
    private const int Iterations = 20;

    [Fact]
    public void Scoring_pairs_through_the_internal_hot_path_allocates_nothing()
    {
        var set = new RecordSet(LinkingPeople.Population(4, 1_200, 0.5, tight: false));
        var model = MatchModel.Default;
        var sink = 0.0;
        var count = set.Count;
        var allocated = Allocations.Measure(() =>
        {
            for (var i = 0; i + 1 < count; i++)
            {
                var weight = model.ScoreUnchecked(set, i, set, i + 1, out var cap);
                sink += (int)model.Decide(MatchModel.ToProbability(weight), cap) + weight;
            }
        }, Iterations);

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Bounded_scoring_allocates_nothing()
    {
        var set = new RecordSet(LinkingPeople.Population(4, 1_200, 0.5, tight: false));
        var model = MatchModel.Default;
        var floor = model.WeightFloor(MatchDecision.Review);
        var sink = 0.0;
        var ruledOut = 0;
        var count = set.Count;
        var allocated = Allocations.Measure(() =>
        {
            for (var i = 0; i + 1 < count; i++)
            {
                var weight = model.ScoreUncheckedAtLeast(set, i, set, i + 1, floor, out var cap);
                ruledOut += double.IsNegativeInfinity(weight) ? 1 : 0;
                sink += double.IsNegativeInfinity(weight) ? 0 : weight + (int)cap;
            }
        }, Iterations);

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, sink);
        Assert.NotEqual(0, ruledOut); // both paths (ruled out, and weighed from the kept codes) were measured
    }

    [Fact]
    public void Visiting_and_scoring_blocked_pairs_allocates_nothing_but_kept_results()
    {
        var set = new RecordSet(LinkingPeople.Population(8, 300, 0.5, tight: true));
        var source = CandidatePairSource.ForDeduplication(set, BlockingRule.Defaults, 5_000);
        var kept = new List<MatchPair>();
        var visitor = new ScoringVisitor(MatchModel.Default, set, set, MatchDecision.NonMatch, double.NegativeInfinity, kept);
        long visited = 0;
        var allocated = Allocations.Measure(() =>
        {
            // The list keeps its capacity after warm-up, so a steady state adds no allocation per pair.
            kept.Clear();
            visited += VisitAll(source, ref visitor);
        }, Iterations);

        Assert.Equal(0, allocated);
        Assert.True(visited > 1_000 * (Iterations + 2));
        Assert.Equal(visited / (Iterations + 2), kept.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Scoring_blocked_pairs_at_the_review_floor_allocates_nothing_with_the_bound_on_or_off(bool bounded)
    {
        // The linker's own visitor at its default floor: names and address compared only for the pairs the bound keeps
        // (the reachable-level masks, the made mask and the early drop count included), or for every pair.
        var set = new RecordSet(LinkingPeople.Population(8, 300, 0.5, tight: true));
        var source = CandidatePairSource.ForDeduplication(set, BlockingRule.Defaults, 5_000);
        var model = MatchModel.Default;
        var kept = new List<MatchPair>();
        var visitor = new ScoringVisitor(model, set, set, MatchDecision.Review, model.WeightFloor(MatchDecision.Review), kept,
            bounded: bounded);
        long visited = 0;
        var allocated = Allocations.Measure(() =>
        {
            kept.Clear();
            visited += VisitAll(source, ref visitor);
        }, Iterations);

        Assert.Equal(0, allocated);
        Assert.True(visited > 1_000 * (Iterations + 2));
        Assert.NotEmpty(kept);
        Assert.Equal(bounded, visitor.RuledOut > 0);
    }

    [Fact]
    public void Explaining_and_training_codes_allocate_nothing_with_a_customised_model_too()
    {
        var set = new RecordSet(LinkingPeople.Population(4, 1_200, 0.5, tight: false));
        var name = ComparisonDefinition.Get(ComparisonKind.Name).DefaultModel.WithParameter("jaroWinklerHigh", 0.95)
            .WithoutLevel((int)NhsIdentity.Matching.Comparisons.NameLevel.Phonetic);
        var model = MatchModel.Default.WithComparison(name).WithoutComparison(ComparisonKind.Email);
        var outcomes = new ComparisonOutcome[model.Comparisons.Count];
        var codes = new byte[model.Comparisons.Count];
        var count = set.Count;
        var sink = 0.0;
        var allocated = Allocations.Measure(() =>
        {
            for (var i = 0; i + 1 < count; i++)
            {
                sink += model.Explain(set, i, set, i + 1, outcomes) + outcomes[1].Weight;
                model.Levels(set, i, set, i + 1, codes);
                sink += codes[1] + model.ScoreUnchecked(set, i, set, i + 1, out _);
            }
        }, Iterations);

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, sink);
    }

    /// <summary>Visits every block's pairs, as the linker's workers do.</summary>
    private static long VisitAll(CandidatePairSource source, ref ScoringVisitor visitor)
    {
        long visited = 0;
        var blocks = source.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            visited += source.VisitPairs(blocks[b], ref visitor);
        }

        return visited;
    }
}
