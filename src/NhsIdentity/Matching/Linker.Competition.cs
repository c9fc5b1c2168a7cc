using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching;

// Weighing a link's pairs by their competition with the other candidates of their records (MatchModel.Competition).
public sealed partial class Linker
{
    /// <summary>The floor of the pairwise weights a link that weighs competition keeps: every rival, and every pair the
    /// largest competition weight could lift to <paramref name="decisionFloor"/>.</summary>
    private static double CompetitionFloor(MatchModel model, double decisionFloor) => model.Competition is { } competition
        ? Math.Min(competition.CompetitorWeight - 1e-6, decisionFloor - Math.Max(0, competition.MaxWeight))
        : decisionFloor;

    /// <summary>Every candidate pair of a linkage whose pairwise weight (competition not weighed) is at least
    /// <paramref name="floor"/>, whatever its decision; for training the competition comparison.</summary>
    internal LinkResult LinkPairwise(RecordSet left, RecordSet right, double floor, CancellationToken cancellationToken)
    {
        var source = CandidatePairSource.ForLinkage(left, right, _rules, Options.MaxBlockSize, Options.MaxPairsPerBlock);
        return Run(source, null, cancellationToken, floor);
    }

    /// <summary>The competition level of each pair (sorted by left, right; pairwise weights): a rival of a record is
    /// another of its pairs at or above <paramref name="competitorWeight"/>, unless the rival's other record is the same
    /// person as this pair's record on that side (a duplicate within one extract: see <see cref="RivalTable"/>). With
    /// <paramref name="bounded"/>, two records of one extract are scored only as far as it takes to know whether they
    /// reach the duplicate weight (<see cref="LinkOptions.BoundedScoring"/>): the same answer, with fewer comparisons.</summary>
    internal static CandidateCompetition[] CompetitionLevels(MatchModel model, MatchPair[] pairs, RecordSet left, RecordSet right,
        double competitorWeight, bool bounded = true)
    {
        var coReferents = new CoReferents(model, bounded);
        return CompetitionLevels(pairs, left.Count, right.Count, competitorWeight,
            (a, b) => coReferents.Same(left, a, b), (a, b) => coReferents.Same(right, a, b));
    }

    /// <summary>The competition levels with the duplicates within each extract given: <paramref name="sameLeft"/>
    /// (<paramref name="sameRight"/>) says whether two left (right) records are one person.</summary>
    internal static CandidateCompetition[] CompetitionLevels(MatchPair[] pairs, int leftCount, int rightCount, double competitorWeight,
        Func<int, int, bool> sameLeft, Func<int, int, bool> sameRight)
    {
        var leftRivals = new RivalTable(pairs, leftCount, competitorWeight, byLeft: true);
        var rightRivals = new RivalTable(pairs, rightCount, competitorWeight, byLeft: false);
        var levels = new CandidateCompetition[pairs.Length];
        for (var k = 0; k < pairs.Length; k++)
        {
            var pair = pairs[k];

            // The left record's rivals are its pairs with other right records, and the other way about.
            var leftOther = StrongestRival(leftRivals.Of(pair.LeftIndex), k, pairs, pair.RightIndex, sameRight, byLeft: true);
            var rightOther = StrongestRival(rightRivals.Of(pair.RightIndex), k, pairs, pair.LeftIndex, sameLeft, byLeft: false);

            var strongestOther = Math.Max(leftOther, rightOther);
            levels[k] = double.IsNegativeInfinity(strongestOther) ? CandidateCompetition.Unrivalled
                : pair.Weight > strongestOther ? CandidateCompetition.BestOfRivals
                : CandidateCompetition.Outranked;
        }

        return levels;
    }

    /// <summary>How many of a record's heavier rivals may be skipped as duplicates of a pair's own record before the
    /// next one counts whatever it is: bounds the work on a block of one person (or one placeholder, TEST PATIENT)
    /// many times over, which would otherwise grow with the cube of its size; past it, rivalry is kept, the side that
    /// never lets a false match through.</summary>
    internal const int MaxDuplicatesSkipped = 16;

    /// <summary>The weight of the heaviest of <paramref name="rivals"/> (one record's rival pairs, heaviest first)
    /// other than <paramref name="pair"/> whose record on the other side is not a duplicate of
    /// <paramref name="partner"/>, the pair's record there; negative infinity when there is none.</summary>
    private static double StrongestRival(ReadOnlySpan<int> rivals, int pair, MatchPair[] pairs, int partner, Func<int, int, bool> same, bool byLeft)
    {
        var skipped = 0;
        foreach (var rival in rivals)
        {
            if (rival == pair)
            {
                continue;
            }

            var other = byLeft ? pairs[rival].RightIndex : pairs[rival].LeftIndex;
            if (skipped < MaxDuplicatesSkipped && same(partner, other))
            {
                skipped++;
                continue;
            }

            return pairs[rival].Weight;
        }

        return double.NegativeInfinity;
    }

    /// <summary>Gives each pair (sorted by left, right; pairwise weights) its competition level and adds the level's
    /// weight, decides it again under the policy and keeps those at or above <paramref name="minimum"/>; the order is
    /// kept.</summary>
    internal static MatchPair[] WeighCompetition(MatchModel model, MatchPair[] pairs, RecordSet left, RecordSet right, MatchDecision minimum,
        bool bounded = true)
    {
        var competition = model.Competition ?? throw new InvalidOperationException("The model does not weigh competition.");
        var levels = CompetitionLevels(model, pairs, left, right, competition.CompetitorWeight, bounded);
        var kept = new List<MatchPair>(pairs.Length);
        for (var k = 0; k < pairs.Length; k++)
        {
            var pair = pairs[k];
            var level = levels[k];
            var weight = pair.Weight + competition.WeightOf(level);
            var probability = MatchModel.ToProbability(weight);
            var decision = model.Decide(probability, Cap(model, pair, left, right, probability));
            if (decision >= minimum)
            {
                kept.Add(new MatchPair(pair.LeftIndex, pair.RightIndex, weight, probability, decision, level));
            }
        }

        return [.. kept];
    }

    /// <summary>The policy's cap on a pair: read from its pairwise decision when that was capped, else found again by
    /// scoring the pair (only for a pair that competition lifts to a match, which is rare).</summary>
    private static MatchDecision Cap(MatchModel model, MatchPair pair, RecordSet left, RecordSet right, double probability)
    {
        if (pair.Decision < model.Decide(pair.Probability, MatchDecision.Match))
        {
            return pair.Decision;
        }

        if (pair.Decision == MatchDecision.Match || model.Decide(probability, MatchDecision.Match) != MatchDecision.Match)
        {
            return MatchDecision.Match;
        }

        model.ScoreUnchecked(left, pair.LeftIndex, right, pair.RightIndex, out var cap);
        return cap;
    }

    /// <summary>Per record of one side, its rival pairs (at or above the competitor weight), heaviest first.</summary>
    /// <remarks>A rival is an alternative explanation of a record: another person it could be. When an extract holds
    /// one person twice, both of that person's records are candidates of the other extract's record, and the weaker
    /// would be outranked by its own duplicate; so a rival whose record is, by the same model, the same person as this
    /// pair's record on that side (<see cref="CompetitionModel.DuplicateProbability"/>) does not count. Twins and other
    /// different people of one household score below it and stay rivals.</remarks>
    private readonly struct RivalTable
    {
        private readonly int[] _start;
        private readonly int[] _pairs;

        public RivalTable(MatchPair[] pairs, int records, double competitorWeight, bool byLeft)
        {
            _start = new int[records + 1];
            var count = 0;
            for (var k = 0; k < pairs.Length; k++)
            {
                if (pairs[k].Weight >= competitorWeight)
                {
                    _start[(byLeft ? pairs[k].LeftIndex : pairs[k].RightIndex) + 1]++;
                    count++;
                }
            }

            for (var r = 0; r < records; r++)
            {
                _start[r + 1] += _start[r];
            }

            _pairs = new int[count];
            var next = (int[])_start.Clone();
            for (var k = 0; k < pairs.Length; k++)
            {
                if (pairs[k].Weight >= competitorWeight)
                {
                    _pairs[next[byLeft ? pairs[k].LeftIndex : pairs[k].RightIndex]++] = k;
                }
            }

            // Heaviest first; ties by pair order, so the same pairs always give the same levels.
            Comparison<int> heaviestFirst = (x, y) =>
            {
                var byWeight = pairs[y].Weight.CompareTo(pairs[x].Weight);
                return byWeight != 0 ? byWeight : x.CompareTo(y);
            };
            for (var r = 0; r < records; r++)
            {
                if (_start[r + 1] - _start[r] > 1)
                {
                    _pairs.AsSpan(_start[r], _start[r + 1] - _start[r]).Sort(heaviestFirst);
                }
            }
        }

        /// <summary>The rival pairs of <paramref name="record"/>, heaviest first.</summary>
        public ReadOnlySpan<int> Of(int record) => _pairs.AsSpan(_start[record], _start[record + 1] - _start[record]);
    }

    /// <summary>Whether two records of one extract are the same person by the model (a pairwise probability at or
    /// above <see cref="CompetitionModel.DuplicateProbability"/>, and no cap from the decision policy), each pair of
    /// records scored once; with <paramref name="bounded"/>, only until an upper bound on the weight says it cannot reach
    /// the duplicate weight (exact: a pair the bound does not rule out is weighed in full, with its cap).</summary>
    private sealed class CoReferents(MatchModel model, bool bounded)
    {
        private static readonly double DuplicateWeight =
            Math.Log2(CompetitionModel.DuplicateProbability / (1 - CompetitionModel.DuplicateProbability));

        private readonly Dictionary<(RecordSet Set, int First, int Second), bool> _known = [];

        public bool Same(RecordSet set, int a, int b)
        {
            if (a == b)
            {
                return true;
            }

            var key = (set, Math.Min(a, b), Math.Max(a, b));
            if (!_known.TryGetValue(key, out var same))
            {
                // Two different valid NHS numbers are two people however alike the rest is (the policy's cap).
                MatchDecision cap;
                var weight = bounded
                    ? model.ScoreUncheckedAtLeast(set, key.Item2, set, key.Item3, DuplicateWeight, out cap)
                    : model.ScoreUnchecked(set, key.Item2, set, key.Item3, out cap);
                same = weight >= DuplicateWeight && cap == MatchDecision.Match;
                _known.Add(key, same);
            }

            return same;
        }
    }
}
