using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Tests.Matching.Linking;

/// <summary>
/// Bounded scoring (<see cref="MatchModel.ScoreUncheckedAtLeast"/>) against the full scorer: for any pair and any
/// floor it either returns the full weight and cap to the bit, or rules the pair out, and then the full weight is
/// below the floor. Checked with the default (household-aware) model, a version 1 model (one name comparison, no
/// household weights), random decision policies, and models whose term-frequency levels have a u so high that, in
/// these small sets, every adjustment is positive (one of them with cheap comparisons only, where the bound is exact
/// but for the adjustment, so a bound that left one out would be caught); and through the linker, whose result at a review or match minimum
/// must be exactly the blocked pairs the public scorer decides at least that.
/// </summary>
public sealed class BoundedScoringProperties
{
    private static readonly MatchModel Version1 = MatchModel.Load(File.OpenRead(
        Path.Combine(AppContext.BaseDirectory, "Data", "f2e3b64", "golden-trained-model-v1.json")));

    private static Arbitrary<(int Seed, int People, int Model)> Sets =>
        Arb.From(from seed in Gen.Choose(0, int.MaxValue) from people in Gen.Choose(2, 30) from model in Gen.Choose(0, 4)
                 select (seed, people, model));

    [Property(MaxTest = 80)]
    public Property The_bound_never_rules_out_a_pair_that_reaches_the_floor_and_never_changes_a_weight() =>
        Prop.ForAll(Sets, input =>
        {
            var random = new Random(input.Seed);
            var model = ModelFor(input.Model, random);
            var set = new RecordSet(LinkingPeople.Population(input.Seed, input.People, 0.5, tight: true), Options(random));
            for (var i = 0; i < set.Count; i++)
            {
                for (var j = i; j < set.Count; j++)
                {
                    var full = model.ScoreUnchecked(set, i, set, j, out var fullCap);

                    // Floors anywhere, and right at the pair's own weight (the tightest case for the margin).
                    foreach (var floor in new[] { (random.NextDouble() * 80) - 40, full, full + 1e-9, model.WeightFloor(MatchDecision.Review) })
                    {
                        var bounded = model.ScoreUncheckedAtLeast(set, i, set, j, floor, out var boundedCap);
                        var agrees = double.IsNegativeInfinity(bounded)
                            ? full < floor
                            : BitConverter.DoubleToInt64Bits(bounded) == BitConverter.DoubleToInt64Bits(full) && boundedCap == fullCap;
                        if (!agrees)
                        {
                            return false.Label($"pair ({i}, {j}), floor {floor:R}: full {full:R}, bounded {bounded:R}");
                        }
                    }
                }
            }

            return true.ToProperty();
        });

    [Property(MaxTest = 40)]
    public Property The_linker_keeps_exactly_the_blocked_pairs_that_reach_its_minimum() =>
        Prop.ForAll(Sets, input =>
        {
            var random = new Random(input.Seed);
            var model = ModelFor(input.Model, random);
            var minimum = random.Next(2) == 0 ? MatchDecision.Review : MatchDecision.Match;
            var set = new RecordSet(LinkingPeople.Population(input.Seed, input.People, 0.5, tight: true), Options(random));
            var expected = new List<MatchPair>();
            for (var i = 0; i < set.Count; i++)
            {
                for (var j = i + 1; j < set.Count; j++)
                {
                    var score = model.Score(set, i, set, j);
                    if (AnyRuleBlocks(set, i, j) && score.Decision >= minimum)
                    {
                        expected.Add(new MatchPair(i, j, score.Weight, score.Probability, score.Decision));
                    }
                }
            }

            var options = LinkOptions.Default with { MinimumDecision = minimum, MaxBlockSize = 1_000 };
            var actual = new Linker(model, options).Deduplicate(set).Pairs;
            return actual.SequenceEqual(expected).Label($"{actual.Count} pairs kept, {expected.Count} expected");
        });

    [Fact]
    public void Strangers_are_ruled_out_before_the_costly_comparisons()
    {
        // The property above would hold for a bound that never rules anything out; this shows it does.
        var set = new RecordSet([MatchingSamples.Alice, MatchingSamples.Stranger]);
        var model = MatchModel.Default;
        var floor = model.WeightFloor(MatchDecision.Review);

        Assert.True(model.ScoreUnchecked(set, 0, set, 1, out _) < floor);
        Assert.Equal(double.NegativeInfinity, model.ScoreUncheckedAtLeast(set, 0, set, 1, floor, out _));
        Assert.Equal(model.ScoreUnchecked(set, 0, set, 0, out _), model.ScoreUncheckedAtLeast(set, 0, set, 0, floor, out _));
    }

    /// <summary>With or without term frequencies (a set this small has none unless asked).</summary>
    private static RecordSetOptions Options(Random random) =>
        random.Next(4) == 0 ? RecordSetOptions.Default : RecordSetOptions.Default with { MinimumRecordsForTermFrequencies = 1 };

    private static MatchModel ModelFor(int which, Random random)
    {
        var model = which == 1 ? Version1 : MatchModel.Default;
        if (which == 2)
        {
            var review = 0.01 + (random.NextDouble() * 0.9);
            model = model.WithPolicy(new DecisionPolicy(review + ((0.999 - review) * random.NextDouble()), review, random.Next(2) == 0));
        }

        if (which == 4)
        {
            // Cheap comparisons only, one of them adjusted: the bound is then exact but for the adjustment.
            model = new MatchModel(model.PriorMatchProbability,
                [model.GetComparison(ComparisonKind.Postcode)!, model.GetComparison(ComparisonKind.Sex)!], model.Policy);
        }

        if (which is 3 or 4)
        {
            // A term-frequency adjustment is log2(u) - log2(frequency); with u this high and frequencies near 1/30 it is
            // a few bits above zero, the case where leaving it out of the bound would rule out pairs wrongly.
            var comparisons = model.Comparisons.Select(comparison =>
            {
                for (var level = 0; level < comparison.Levels.Count; level++)
                {
                    if (comparison.IsTermFrequencyAdjusted(level))
                    {
                        var u = 0.1 + (random.NextDouble() * 0.8);
                        comparison = comparison.WithLevel(level, comparison.Levels[level] with { U = u, HouseholdU = u });
                    }
                }

                return comparison;
            });
            model = new MatchModel(model.PriorMatchProbability, comparisons, model.Policy, model.TermFrequencyFloor, model.JointHouseholdU);
        }

        return model;
    }

    private static bool AnyRuleBlocks(RecordSet set, int i, int j)
    {
        foreach (var rule in BlockingRule.Defaults)
        {
            var key = rule.GetKey(set, i);
            if (key != 0 && key == rule.GetKey(set, j))
            {
                return true;
            }
        }

        return false;
    }
}
