using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching.Linking;

/// <summary>
/// <see cref="Linker.CompetitionLevels"/> (two heaviest rivals kept per record) against <see cref="CompetitionOracle"/>
/// (every pair against every other): small random pair sets whose weights come from a handful of values, so ties
/// between rivals, and weights exactly at the competitor weight, are common.
/// </summary>
public sealed class CompetitionLevelsProperties
{
    private static readonly double[] Weights = [-6, -1, 0, 1, 1, 2.5, 2.5, 2.5, 7];

    [Property(MaxTest = 500)]
    public Property The_levels_are_those_of_the_naive_oracle_whatever_the_ties() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var random = new Random(seed);
            var (leftCount, rightCount) = (1 + random.Next(5), 1 + random.Next(5));
            var density = 0.2 + (random.NextDouble() * 0.8);
            var pairs = new List<MatchPair>();
            for (var l = 0; l < leftCount; l++)
            {
                for (var r = 0; r < rightCount; r++)
                {
                    if (random.NextDouble() < density)
                    {
                        var weight = Weights[random.Next(Weights.Length)];
                        pairs.Add(new MatchPair(l, r, weight, MatchModel.ToProbability(weight), MatchDecision.NonMatch));
                    }
                }
            }

            var competitorWeight = Weights[random.Next(Weights.Length)] + (random.Next(3) == 0 ? 0.25 : 0);
            // Some records of each extract are one person (a random grouping); with no grouping, every rival counts.
            var grouped = random.Next(2) == 0;
            var leftPerson = Enumerable.Range(0, leftCount).Select(_ => grouped ? random.Next(3) : random.Next()).ToArray();
            var rightPerson = Enumerable.Range(0, rightCount).Select(_ => grouped ? random.Next(3) : random.Next()).ToArray();
            bool SameLeft(int a, int b) => leftPerson[a] == leftPerson[b];
            bool SameRight(int a, int b) => rightPerson[a] == rightPerson[b];
            var actual = Linker.CompetitionLevels([.. pairs], leftCount, rightCount, competitorWeight, SameLeft, SameRight);
            var expected = CompetitionOracle.Levels(pairs, competitorWeight, SameLeft, SameRight);
            return actual.SequenceEqual(expected).Label(
                $"competitor weight {competitorWeight}; pairs {string.Join(", ", pairs.Select(p => $"({p.LeftIndex},{p.RightIndex}) {p.Weight}"))}; " +
                $"expected {string.Join(",", expected)}; actual {string.Join(",", actual)}");
        });

    [Fact]
    public void Each_level_on_a_small_example()
    {
        // Left 0 has two candidates of equal weight; left 1's candidate is alone; left 2 has a strong candidate and a
        // weak one below the competitor weight (1); left 3's candidate also shares right 3 with left 2's strong one.
        MatchPair Pair(int l, int r, double w) => new(l, r, w, MatchModel.ToProbability(w), MatchDecision.NonMatch);
        MatchPair[] pairs =
        [
            Pair(0, 0, 5), Pair(0, 1, 5),
            Pair(1, 2, 3),
            Pair(2, 3, 6), Pair(2, 4, 0.5),
            Pair(3, 3, 1), Pair(3, 5, 0.5),
        ];

        var levels = Linker.CompetitionLevels(pairs, 4, 6, competitorWeight: 1, (_, _) => false, (_, _) => false);

        Assert.Equal(
            [
                CandidateCompetition.Outranked, CandidateCompetition.Outranked, // a tie counts against both
                CandidateCompetition.Unrivalled,
                CandidateCompetition.BestOfRivals, CandidateCompetition.Outranked, // the weak pair is outranked, itself no rival
                CandidateCompetition.Outranked, // right 3's other pair (6) outranks it
                CandidateCompetition.Outranked, // left 3's other pair (1, exactly the competitor weight) is a rival
            ],
            levels);
        Assert.Equal(CompetitionOracle.Levels(pairs, 1), levels);
    }

    [Fact]
    public void A_duplicate_within_one_extract_is_no_rival()
    {
        // Left 0 and left 1 are one person twice (a duplicate in the left extract); both are candidates of right 0.
        // Left 2 is someone else, a weaker candidate of right 1, whose other candidate is left 1.
        MatchPair Pair(int l, int r, double w) => new(l, r, w, MatchModel.ToProbability(w), MatchDecision.NonMatch);
        MatchPair[] pairs = [Pair(0, 0, 9), Pair(1, 0, 7), Pair(1, 1, 4), Pair(2, 1, 3)];
        bool SameLeft(int a, int b) => a + b == 1;

        var levels = Linker.CompetitionLevels(pairs, 3, 2, competitorWeight: 1, SameLeft, (_, _) => false);

        Assert.Equal(
            [
                CandidateCompetition.Unrivalled, // right 0's other candidate, left 1, is left 0 again
                CandidateCompetition.BestOfRivals, // left 0 is no rival; left 1's other candidate, right 1 (4), is
                CandidateCompetition.Outranked, // left 1's candidate right 0 (7) outranks it
                CandidateCompetition.Outranked, // right 1's other candidate, left 1 (4), outranks it
            ],
            levels);

        // Without the duplicate known, one person's two records outrank each other's link.
        var unaware = Linker.CompetitionLevels(pairs, 3, 2, competitorWeight: 1, (_, _) => false, (_, _) => false);
        Assert.Equal(CandidateCompetition.BestOfRivals, unaware[0]);
        Assert.Equal(CandidateCompetition.Outranked, unaware[1]);
        Assert.Equal(CompetitionOracle.Levels(pairs, 1, SameLeft, (_, _) => false), levels);
    }

    [Fact]
    public void One_person_many_times_costs_a_bounded_number_of_duplicate_checks_and_keeps_rivalry_past_the_bound()
    {
        // Forty records of one person (or one placeholder) on each side, every pair alike: without a bound each
        // pair would check every rival of its records against its own, 40 x 40 x 80 times.
        const int Copies = 40;
        MatchPair Pair(int l, int r) => new(l, r, 9, MatchModel.ToProbability(9), MatchDecision.NonMatch);
        var pairs = (from l in Enumerable.Range(0, Copies) from r in Enumerable.Range(0, Copies) select Pair(l, r)).ToArray();
        var checks = 0;
        bool Same(int a, int b)
        {
            checks++;
            return true;
        }

        var levels = Linker.CompetitionLevels(pairs, Copies, Copies, competitorWeight: 1, Same, Same);

        Assert.True(checks <= pairs.Length * 2 * Linker.MaxDuplicatesSkipped, $"{checks} duplicate checks for {pairs.Length} pairs");

        // Past the bound the next candidate counts as a rival: an equal weight, so every pair is outranked.
        Assert.All(levels, level => Assert.Equal(CandidateCompetition.Outranked, level));
    }
}
