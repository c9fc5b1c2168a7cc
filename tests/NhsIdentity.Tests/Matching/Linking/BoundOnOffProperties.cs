using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Clustering;
using NhsIdentity.Matching.Comparisons;
using NhsIdentity.Synthetic;
using NhsIdentity.Tests.Matching.Training;

namespace NhsIdentity.Tests.Matching.Linking;

/// <summary>
/// The linker with the bound on and off (<see cref="LinkOptions.BoundedScoring"/>) on generated supplier extracts
/// (<see cref="SyntheticPopulation"/>, households with twins and namesakes, keying errors): the same pairs compared, the
/// same pairs kept with the same weights and probabilities to the bit, the same decisions and competition levels, the
/// same clusters. Models: the default, one trained on census-style extracts (household weights, a joint table,
/// competition), and either with a random decision policy; record sets with and without term frequencies; review or
/// match minimums; one to one or not. And the bound does skip work: strangers are dropped before their names or
/// address are compared.
/// </summary>
public sealed class BoundOnOffProperties
{
    private static Arbitrary<(int Seed, int Persons, int Model)> Cases =>
        Arb.From(from seed in Gen.Choose(0, int.MaxValue) from persons in Gen.Choose(20, 220) from model in Gen.Choose(0, 3)
                 select (seed, persons, model));

    [Property(MaxTest = 30)]
    public Property Deduplicating_with_and_without_the_bound_gives_the_same_result() =>
        Prop.ForAll(Cases, input =>
        {
            var random = new Random(input.Seed);
            var (pas, _) = Extracts(input.Seed, input.Persons, random);
            var model = ModelFor(input.Model, random);
            var options = OptionsFor(random);
            var on = new Linker(model, options).Deduplicate(pas);
            var off = new Linker(model, options with { BoundedScoring = false }).Deduplicate(pas);
            return Same(on, off)
                .And(SameClusters(Clusterer.BestLink(pas, on.Pairs), Clusterer.BestLink(pas, off.Pairs)))
                .And((off.PairsRuledOutEarly == 0).Label("nothing ruled out early without the bound"));
        });

    [Property(MaxTest = 30)]
    public Property Linking_with_and_without_the_bound_gives_the_same_result() =>
        Prop.ForAll(Cases, input =>
        {
            var random = new Random(input.Seed);
            var (pas, gp) = Extracts(input.Seed, input.Persons, random);
            var model = ModelFor(input.Model, random);
            var options = OptionsFor(random);
            var on = new Linker(model, options).Link(pas, gp);
            var off = new Linker(model, options with { BoundedScoring = false }).Link(pas, gp);
            return Same(on, off).And(SameClusters(Clusterer.BestLinkAcross(pas, gp, on), Clusterer.BestLinkAcross(pas, gp, off)));
        });

    [Property(MaxTest = 20)]
    public Property Trainings_pairwise_pass_is_the_same_with_and_without_the_bound() =>
        Prop.ForAll(Cases, input =>
        {
            // Training's competition stage reads every pair at or above a pairwise weight (Linker.LinkPairwise).
            var random = new Random(input.Seed);
            var (pas, gp) = Extracts(input.Seed, input.Persons, random);
            var model = ModelFor(input.Model, random).WithCompetition(null);
            var floor = (random.NextDouble() * 30) - 20;
            var on = new Linker(model).LinkPairwise(pas, gp, floor, CancellationToken.None);
            var off = new Linker(model, LinkOptions.Default with { BoundedScoring = false }).LinkPairwise(pas, gp, floor, CancellationToken.None);
            return Same(on, off);
        });

    [Fact]
    public void The_bound_drops_strangers_before_their_names_and_address_are_compared()
    {
        var (pas, _) = Extracts(7, 1_500, new Random(7));
        var model = CensusStyleExtracts.Trained.Model;
        var on = new Linker(model).Deduplicate(pas);
        var off = new Linker(model, LinkOptions.Default with { BoundedScoring = false }).Deduplicate(pas);
        Assert.True(on.PairsCompared > 500, $"{on.PairsCompared} pairs compared");
        Assert.True(on.PairsRuledOutEarly > on.PairsCompared / 2, $"{on.PairsRuledOutEarly} of {on.PairsCompared} ruled out early");
        Assert.Equal(0, off.PairsRuledOutEarly);

        // Pair by pair: which comparisons the bound made. Kept pairs were compared on everything; most others never
        // reached the address, and many not even the given name.
        var floor = model.WeightFloor(MatchDecision.Review);
        var everything = 0;
        foreach (var kind in model.ActiveComparisons)
        {
            everything |= 1 << (int)kind;
        }

        long withoutAddress = 0, withoutGivenName = 0, ruledOut = 0;
        for (var i = 0; i < pas.Count; i++)
        {
            for (var j = i + 1; j < pas.Count; j++)
            {
                var made = model.ComparisonsMade(pas, i, pas, j, floor, out var dropped);
                if (!dropped)
                {
                    Assert.Equal(everything, made);
                    continue;
                }

                ruledOut++;
                withoutAddress += (made & (1 << (int)ComparisonKind.Address)) == 0 ? 1 : 0;
                withoutGivenName += (made & (1 << (int)ComparisonKind.GivenName)) == 0 ? 1 : 0;
            }
        }

        Assert.True(withoutAddress > ruledOut * 9 / 10, $"{withoutAddress} of {ruledOut} ruled out without the address");
        Assert.True(withoutGivenName > ruledOut / 2, $"{withoutGivenName} of {ruledOut} ruled out without the given name");
    }

    /// <summary>A PAS and a GP extract of one generated population (the extract seeds as the generator's tool derives
    /// them), with term frequencies measured even on small sets half the time.</summary>
    private static (RecordSet Pas, RecordSet Gp) Extracts(int seed, int persons, Random random)
    {
        var population = SyntheticPopulation.Generate(persons, seed, ErrorProfile.Default.Households);
        var options = random.Next(2) == 0 ? RecordSetOptions.Default : RecordSetOptions.Default with { MinimumRecordsForTermFrequencies = 1 };
        RecordSet Extract(SupplierDialect dialect, int extractSeed) =>
            new([.. SupplierExtract.Generate(population, dialect, ErrorProfile.Default, extractSeed).Select(row => row.ToPatientRecord())], options);
        return (Extract(SupplierDialect.Pas, seed + 1), Extract(SupplierDialect.Gp, seed + 2));
    }

    private static MatchModel ModelFor(int which, Random random)
    {
        var model = which < 2 ? MatchModel.Default : CensusStyleExtracts.Trained.Model;
        if (which % 2 == 1)
        {
            var review = 0.01 + (random.NextDouble() * 0.9);
            model = model.WithPolicy(new DecisionPolicy(review + ((0.999 - review) * random.NextDouble()), review, random.Next(2) == 0));
        }

        return model;
    }

    private static LinkOptions OptionsFor(Random random) => LinkOptions.Default with
    {
        MinimumDecision = random.Next(2) == 0 ? MatchDecision.Review : MatchDecision.Match,
        OneToOne = random.Next(3) == 0,
    };

    /// <summary>The same pairs compared and kept, each with the same weight and probability to the bit, decision and
    /// competition level.</summary>
    private static Property Same(LinkResult on, LinkResult off)
    {
        if (on.PairsCompared != off.PairsCompared || on.Pairs.Count != off.Pairs.Count)
        {
            return false.Label($"compared {on.PairsCompared} / {off.PairsCompared}, kept {on.Pairs.Count} / {off.Pairs.Count}");
        }

        for (var k = 0; k < on.Pairs.Count; k++)
        {
            var (x, y) = (on.Pairs[k], off.Pairs[k]);
            if (x.LeftIndex != y.LeftIndex || x.RightIndex != y.RightIndex || x.Decision != y.Decision || x.Competition != y.Competition
                || BitConverter.DoubleToInt64Bits(x.Weight) != BitConverter.DoubleToInt64Bits(y.Weight)
                || BitConverter.DoubleToInt64Bits(x.Probability) != BitConverter.DoubleToInt64Bits(y.Probability))
            {
                return false.Label($"pair {k}: ({x.LeftIndex}, {x.RightIndex}) {x.Weight:R} {x.Decision} against ({y.LeftIndex}, {y.RightIndex}) {y.Weight:R} {y.Decision}");
            }
        }

        return true.Label($"{on.Pairs.Count} pairs kept of {on.PairsCompared}");
    }

    private static Property SameClusters(Clusters on, Clusters off) =>
        (on.ClusterIds.SequenceEqual(off.ClusterIds) && on.Conflicts.SequenceEqual(off.Conflicts)).Label("the same clusters");
}
