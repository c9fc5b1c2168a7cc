using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching.Linking;

/// <summary>
/// The competition levels restated the slow, obvious way, for the tests to compare the linker with: for each pair,
/// every other pair that shares its left or its right record and weighs at least the competitor weight is a rival;
/// none makes it unrivalled, weighing strictly more than all of them best of rivals, anything else outranked.
/// </summary>
internal static class CompetitionOracle
{
    public static CandidateCompetition[] Levels(IReadOnlyList<MatchPair> pairs, double competitorWeight) =>
        Levels(pairs, competitorWeight, (_, _) => false, (_, _) => false);

    /// <summary>The levels when some records of one extract are one person: a rival whose other record is the same
    /// person as the pair's record on that side (<paramref name="sameLeft"/>, <paramref name="sameRight"/>) is none.</summary>
    public static CandidateCompetition[] Levels(IReadOnlyList<MatchPair> pairs, double competitorWeight,
        Func<int, int, bool> sameLeft, Func<int, int, bool> sameRight)
    {
        var levels = new CandidateCompetition[pairs.Count];
        for (var k = 0; k < pairs.Count; k++)
        {
            // Per side, the record's other candidates at or above the competitor weight, heaviest first (ties by pair
            // order); those whose record is this pair's person are no rivals, up to Linker.MaxDuplicatesSkipped of
            // them: past that the next counts whatever it is.
            var rivals = new List<double>();
            foreach (var onLeft in new[] { true, false })
            {
                var candidates = Enumerable.Range(0, pairs.Count)
                    .Where(j => j != k && pairs[j].Weight >= competitorWeight
                        && (onLeft ? pairs[j].LeftIndex == pairs[k].LeftIndex : pairs[j].RightIndex == pairs[k].RightIndex))
                    .OrderByDescending(j => pairs[j].Weight).ThenBy(j => j);
                var skipped = 0;
                foreach (var j in candidates)
                {
                    var duplicate = onLeft ? sameRight(pairs[k].RightIndex, pairs[j].RightIndex) : sameLeft(pairs[k].LeftIndex, pairs[j].LeftIndex);
                    if (duplicate && skipped < Linker.MaxDuplicatesSkipped)
                    {
                        skipped++;
                        continue;
                    }

                    rivals.Add(pairs[j].Weight);
                }
            }

            levels[k] = rivals.Count == 0 ? CandidateCompetition.Unrivalled
                : rivals.TrueForAll(rival => pairs[k].Weight > rival) ? CandidateCompetition.BestOfRivals
                : CandidateCompetition.Outranked;
        }

        return levels;
    }

    /// <summary>The policy restated: the thresholds on the probability, then the cap.</summary>
    public static MatchDecision Decide(DecisionPolicy policy, double probability, MatchDecision cap)
    {
        var decision = probability >= policy.MatchProbability ? MatchDecision.Match
            : probability >= policy.ReviewProbability ? MatchDecision.Review
            : MatchDecision.NonMatch;
        return decision > cap ? cap : decision;
    }
}
