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
            var actual = Linker.CompetitionLevels([.. pairs], leftCount, rightCount, competitorWeight);
            var expected = CompetitionOracle.Levels(pairs, competitorWeight);
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

        var levels = Linker.CompetitionLevels(pairs, 4, 6, competitorWeight: 1);

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
}
