using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching.Linking;

/// <summary>
/// A link with a model that weighs competition (<see cref="MatchModel.Competition"/>), end to end through
/// <see cref="Linker.Link(RecordSet, RecordSet)"/>: each pair's weight is its pairwise weight plus its level's weight,
/// its level that of <see cref="CompetitionOracle"/> over every candidate pair, its decision the policy's with the cap
/// kept; the lowered floor loses nothing; a deduplication weighs no competition.
/// </summary>
public sealed class CompetitionLinkingTests
{
    // Unrivalled +3 bits, best of rivals +0.58, outranked -4 (the brief's example).
    private static readonly CompetitionModel Example = new(0.5, new(0.8, 0.1), new(0.15, 0.1), new(0.05, 0.8));

    private static readonly PatientRecord Alice = MatchModelScoringTests.Alice;

    // Pairwise with Alice under the default model (checked in the tests): about 5.1 bits (review) without an NHS
    // number, at a new postcode and born a year later; about 10.1 bits (match) with a family-name typo instead.
    private static readonly PatientRecord AliceYearOut = Alice.With(id: "R1", nhs: "", address: "", local: "", postcode: "M1 1AE", dob: "14/03/1988");
    private static readonly PatientRecord AliceTypo = Alice.With(id: "R2", nhs: "", address: "", local: "", postcode: "M1 1AE", family: "Pembreton");

    private static readonly PatientRecord Brian = new()
    {
        Id = "B1", NhsNumber = "999 000 0026", GivenNames = "Brian", FamilyName = "Okafor", DateOfBirth = "1950-07-02",
        Sex = "M", Postcode = "B1 1AA",
    };

    [Fact]
    public void An_unrivalled_pair_in_the_review_band_is_lifted_to_a_match()
    {
        var model = MatchModel.Default.WithCompetition(Example);
        var (left, right) = (new RecordSet([Alice, Brian]), new RecordSet([AliceYearOut]));
        var pairwise = model.WithCompetition(null).Score(left, 0, right, 0);
        Assert.Equal(MatchDecision.Review, pairwise.Decision);

        var pair = Assert.Single(new Linker(model).Link(left, right).Pairs);

        Assert.Equal((0, 0, CandidateCompetition.Unrivalled), (pair.LeftIndex, pair.RightIndex, pair.Competition));
        Assert.Equal(pairwise.Weight + 3, pair.Weight, 12);
        Assert.Equal(MatchDecision.Match, pair.Decision);
    }

    [Fact]
    public void The_same_record_keyed_twice_by_one_supplier_does_not_outrank_its_own_link()
    {
        // One person twice in the right extract: the two records are each other's duplicate, not rivals, so each link
        // is unrivalled (without the duplicate rule they would tie, and a tie counts against both).
        var model = MatchModel.Default.WithCompetition(Example);
        var (left, right) = (new RecordSet([Alice]), new RecordSet([AliceTypo, AliceTypo with { Id = "R3" }]));
        var pairwise = model.WithCompetition(null).Score(left, 0, right, 0);
        Assert.Equal(MatchDecision.Match, pairwise.Decision);

        var pairs = new Linker(model).Link(left, right).Pairs;

        Assert.Equal(2, pairs.Count);
        Assert.All(pairs, pair =>
        {
            Assert.Equal(CandidateCompetition.Unrivalled, pair.Competition);
            Assert.Equal(pairwise.Weight + 3, pair.Weight, 12);
            Assert.Equal(MatchDecision.Match, pair.Decision);
        });
    }

    [Fact]
    public void Two_records_with_different_valid_NHS_numbers_are_rivals_however_alike()
    {
        // The right extract holds Alice and a record like her in every field but a different valid NHS number: the
        // model scores the two alike far past the duplicate bar, but the policy's cap says two people, so they compete.
        var model = MatchModel.Default.WithCompetition(Example);
        var other = Alice.With(id: "R9", nhs: "999 000 0042");
        var (left, right) = (new RecordSet([Alice]), new RecordSet([Alice.With(id: "R1"), other]));
        var alike = model.Score(right, 0, right, 1);
        Assert.True(alike.Probability >= CompetitionModel.DuplicateProbability, $"alike: p = {alike.Probability}");
        Assert.Equal(MatchDecision.Review, alike.Decision);

        var pairs = new Linker(model, LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch }).Link(left, right).Pairs;

        Assert.Equal([CandidateCompetition.BestOfRivals, CandidateCompetition.Outranked], pairs.Select(p => p.Competition));
    }

    [Fact]
    public void Twins_in_one_extract_stay_rivals()
    {
        // Twins at one address, one born a minute after the other: alike enough to be candidates of one record,
        // but below the duplicate bar, so neither link is unrivalled.
        var model = MatchModel.Default.WithCompetition(Example);
        var twin = Alice.With(id: "R2", nhs: "", local: "", given: "Amelia");
        var (left, right) = (new RecordSet([Alice.With(id: "L1", nhs: "", local: "")]), new RecordSet([Alice.With(id: "R1", nhs: "", local: ""), twin]));
        var twins = model.Score(right, 0, right, 1);
        Assert.True(twins.Probability < CompetitionModel.DuplicateProbability, $"twins: p = {twins.Probability}");
        Assert.True(model.Score(left, 0, right, 1).Weight >= Example.CompetitorWeight, "the twin is a candidate of Alice's record");

        var pairs = new Linker(model, LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch }).Link(left, right).Pairs;

        Assert.Equal([CandidateCompetition.BestOfRivals, CandidateCompetition.Outranked], pairs.Select(p => p.Competition));
    }

    [Fact]
    public void The_best_of_two_rivals_gains_and_the_other_loses()
    {
        // Two candidates of Alice that are not one person twice (a year out at another postcode; a family-name typo
        // at Alice's own postcode): rivals. Ties between rivals are in CompetitionLevelsProperties.
        var model = MatchModel.Default.WithCompetition(Example);
        var atHome = AliceTypo.With(id: "R4", postcode: Alice.Postcode);
        var (left, right) = (new RecordSet([Alice]), new RecordSet([AliceYearOut, atHome]));
        Assert.True(model.Score(right, 0, right, 1).Probability < CompetitionModel.DuplicateProbability, "not one person twice");

        var pairs = new Linker(model, LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch }).Link(left, right).Pairs;

        Assert.Equal([CandidateCompetition.Outranked, CandidateCompetition.BestOfRivals], pairs.Select(p => p.Competition));
        Assert.Equal(MatchDecision.Match, pairs[1].Decision);
        Assert.True(pairs[0].Weight < model.WithCompetition(null).Score(left, 0, right, 0).Weight);
    }

    public static TheoryData<string, PatientRecord> OtherNhsNumbers() => new()
    {
        // Capped in its pairwise decision already: 55 bits, but two different valid NHS numbers.
        { "everything else equal", Alice.With(id: "R9", nhs: "999 000 0042") },

        // Pairwise review without the cap too: competition alone would lift it, so the cap is found again.
        { "weak evidence besides", AliceYearOut.With(id: "R8", nhs: "999 000 0042") },
    };

    [Theory]
    [MemberData(nameof(OtherNhsNumbers))]
    public void Two_different_valid_NHS_numbers_never_match_however_heavy_the_unrivalled_level(string why, PatientRecord other)
    {
        // Unrivalled is worth 20 bits here.
        var heavy = new CompetitionModel(0.5, new(1, 1e-6), new(0.5, 0.5), new(0.5, 0.5));
        var model = MatchModel.Default.WithCompetition(heavy);
        var (left, right) = (new RecordSet([Alice]), new RecordSet([other]));
        Assert.True(MatchModel.ToProbability(model.WithCompetition(null).Score(left, 0, right, 0).Weight + heavy.Unrivalled.Weight) >= model.Policy.MatchProbability, why);

        var pair = Assert.Single(new Linker(model).Link(left, right).Pairs);

        Assert.Equal(CandidateCompetition.Unrivalled, pair.Competition);
        Assert.Equal(MatchDecision.Review, pair.Decision);

        // Control: without the policy's rule the same pair is a match.
        var uncapped = model.WithPolicy(model.Policy with { DifferentNhsNumbersNeverMatch = false });
        Assert.Equal(MatchDecision.Match, Assert.Single(new Linker(uncapped).Link(left, right).Pairs).Decision);
    }

    [Fact]
    public void A_deduplication_weighs_no_competition()
    {
        var set = new RecordSet(LinkingPeople.Population(5, 200, 0.5, tight: true));
        var options = LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch };
        var expected = new Linker(MatchModel.Default, options).Deduplicate(set).Pairs;

        var actual = new Linker(MatchModel.Default.WithCompetition(Example), options).Deduplicate(set).Pairs;

        Assert.NotEmpty(actual);
        Assert.All(actual, pair => Assert.Equal(CandidateCompetition.NotWeighed, pair.Competition));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_example_link_has_pairs_at_every_level_and_decisions_moved_both_ways()
    {
        // So that the property below, on sets like this one, is not vacuous.
        var (left, right) = Extracts(3, 60);
        var model = MatchModel.Default.WithCompetition(Example);
        var pairs = new Linker(model, LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch }).Link(left, right).Pairs;
        var pairwise = new Linker(MatchModel.Default, LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch }).Link(left, right).Pairs;
        Assert.Equal(pairwise.Count, pairs.Count);
        foreach (var level in new[] { CandidateCompetition.Unrivalled, CandidateCompetition.BestOfRivals, CandidateCompetition.Outranked })
        {
            Assert.Contains(pairs, pair => pair.Competition == level);
        }

        var moved = pairs.Zip(pairwise).ToList();
        Assert.Contains(moved, p => p.First.Decision > p.Second.Decision);
        Assert.Contains(moved, p => p.First.Decision < p.Second.Decision);
    }

    [Theory]
    [InlineData(0.9999)]
    [InlineData(0.999999999)]
    [InlineData(0.9999999999999999)]
    public void A_strict_match_threshold_keeps_a_finite_weight_floor(double match)
    {
        // A link that weighs competition holds every candidate pair at or above its floor, whatever the pair's
        // decision; a floor given up near 1 (negative infinity) would hold every candidate pair of the link.
        var model = MatchModel.Default.WithCompetition(Example).WithPolicy(new DecisionPolicy(match, 0.5, true));

        var floor = model.WeightFloor(MatchDecision.Match);

        Assert.True(double.IsFinite(floor), "the floor is finite");
        Assert.True(MatchModel.ToProbability(Math.BitDecrement(floor)) < match, "no weight below the floor reaches the threshold");
    }

    private static Arbitrary<(int Seed, int People)> Sets =>
        Arb.From(from seed in Gen.Choose(0, int.MaxValue) from people in Gen.Choose(2, 40) select (seed, people));

    [Property(MaxTest = 60)]
    public Property Every_pair_is_its_pairwise_weight_plus_its_levels_weight_decided_again_and_none_is_lost() =>
        Prop.ForAll(Sets, input =>
        {
            var random = new Random(input.Seed);
            var (left, right) = Extracts(input.Seed, input.People);
            var model = RandomModel(random);
            var pairwiseModel = model.WithCompetition(null);
            var competition = model.Competition!;

            // Every candidate pair, weighed alone; the oracle's levels over all of them.
            var all = new Linker(pairwiseModel, LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch }).Link(left, right).Pairs;
            var levels = CompetitionOracle.Levels(all, competition.CompetitorWeight,
                (a, b) => IsDuplicate(pairwiseModel, left, a, b), (a, b) => IsDuplicate(pairwiseModel, right, a, b));
            var weighed = all.Select((pair, k) =>
            {
                var weight = pair.Weight + competition.WeightOf(levels[k]);
                var probability = MatchModel.ToProbability(weight);
                pairwiseModel.ScoreUnchecked(left, pair.LeftIndex, right, pair.RightIndex, out var cap);
                return new MatchPair(pair.LeftIndex, pair.RightIndex, weight, probability,
                    CompetitionOracle.Decide(model.Policy, probability, cap), levels[k]);
            }).ToList();

            var result = Prop.Label(true, "start");
            foreach (var minimum in new[] { MatchDecision.NonMatch, MatchDecision.Review, MatchDecision.Match })
            {
                var expected = weighed.Where(pair => pair.Decision >= minimum).ToList();
                var actual = new Linker(model, LinkOptions.Default with { MinimumDecision = minimum }).Link(left, right).Pairs;
                result = result.And(actual.SequenceEqual(expected).Label(
                    $"minimum {minimum}, {model.Competition}: {actual.Count} pairs, {expected.Count} expected; first difference " +
                    $"{actual.Zip(expected).FirstOrDefault(p => p.First != p.Second)}"));
            }

            return result;
        });

    /// <summary>Two records of one extract are one person at a pairwise probability of
    /// <see cref="CompetitionModel.DuplicateProbability"/> or more, unless the policy caps the pair (two NHS numbers).</summary>
    private static bool IsDuplicate(MatchModel pairwise, RecordSet set, int a, int b) =>
        a == b || (pairwise.ScoreUnchecked(set, a, set, b, out var cap) >= Math.Log2(CompetitionModel.DuplicateProbability / (1 - CompetitionModel.DuplicateProbability))
            && cap == MatchDecision.Match);

    /// <summary>Left: invented people; right: noisy copies of most of them and a few strangers; dates drawn from a
    /// few days, so most records have several candidates.</summary>
    private static (RecordSet Left, RecordSet Right) Extracts(int seed, int people)
    {
        var records = LinkingPeople.Population(seed, people, 0.7, tight: true);
        var strangers = LinkingPeople.Population(seed + 1, 1 + (people / 3), 0, tight: true)
            .Select((r, i) => r with { Id = "S" + i.ToString(CultureInfo.InvariantCulture) });
        return (new RecordSet(records.Where(r => r.Id!.StartsWith('P'))),
            new RecordSet(records.Where(r => r.Id!.StartsWith('D')).Concat(strangers)));
    }

    /// <summary>The default model (sometimes with another policy) with random competition: any competitor probability,
    /// levels heavy or light, in or out of order.</summary>
    private static MatchModel RandomModel(Random random)
    {
        ComparisonLevelModel Level() => new(0.001 + (random.NextDouble() * 0.999), Math.Pow(10, -random.Next(6)) * (0.1 + (random.NextDouble() * 0.9)));
        var competitor = random.Next(3) switch { 0 => 0.5, 1 => 0.01 + (random.NextDouble() * 0.98), _ => 0.999 };
        var model = MatchModel.Default.WithCompetition(new CompetitionModel(competitor, Level(), Level(), Level()));
        if (random.Next(3) == 0)
        {
            var review = 0.05 + (random.NextDouble() * 0.9);
            model = model.WithPolicy(new DecisionPolicy(review + ((0.9999 - review) * random.NextDouble()), review, random.Next(4) != 0));
        }

        return model;
    }
}
