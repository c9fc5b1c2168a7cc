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
    /// another of its pairs at or above <paramref name="competitorWeight"/>.</summary>
    internal static CandidateCompetition[] CompetitionLevels(MatchPair[] pairs, int leftCount, int rightCount, double competitorWeight)
    {
        var leftRivals = new Rivals(leftCount);
        var rightRivals = new Rivals(rightCount);
        for (var k = 0; k < pairs.Length; k++)
        {
            if (pairs[k].Weight >= competitorWeight)
            {
                leftRivals.Add(pairs[k].LeftIndex, pairs[k].Weight, k);
                rightRivals.Add(pairs[k].RightIndex, pairs[k].Weight, k);
            }
        }

        var levels = new CandidateCompetition[pairs.Length];
        for (var k = 0; k < pairs.Length; k++)
        {
            var pair = pairs[k];
            var strongestOther = Math.Max(leftRivals.StrongestOther(pair.LeftIndex, k), rightRivals.StrongestOther(pair.RightIndex, k));
            levels[k] = double.IsNegativeInfinity(strongestOther) ? CandidateCompetition.Unrivalled
                : pair.Weight > strongestOther ? CandidateCompetition.BestOfRivals
                : CandidateCompetition.Outranked;
        }

        return levels;
    }

    /// <summary>Gives each pair (sorted by left, right; pairwise weights) its competition level and adds the level's
    /// weight, decides it again under the policy and keeps those at or above <paramref name="minimum"/>; the order is
    /// kept.</summary>
    internal static MatchPair[] WeighCompetition(MatchModel model, MatchPair[] pairs, RecordSet left, RecordSet right, MatchDecision minimum)
    {
        var competition = model.Competition ?? throw new InvalidOperationException("The model does not weigh competition.");
        var levels = CompetitionLevels(pairs, left.Count, right.Count, competition.CompetitorWeight);
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

    /// <summary>Per record, the two heaviest weights among its rival pairs and which pair holds the heaviest: enough to
    /// tell any pair the heaviest of the record's other rivals.</summary>
    private readonly struct Rivals
    {
        private readonly double[] _first;
        private readonly double[] _second;
        private readonly int[] _firstPair;

        public Rivals(int records)
        {
            _first = new double[records];
            _second = new double[records];
            _firstPair = new int[records];
            Array.Fill(_first, double.NegativeInfinity);
            Array.Fill(_second, double.NegativeInfinity);
            Array.Fill(_firstPair, -1);
        }

        public void Add(int record, double weight, int pair)
        {
            if (weight >= _first[record])
            {
                _second[record] = _first[record];
                _first[record] = weight;
                _firstPair[record] = pair;
            }
            else if (weight > _second[record])
            {
                _second[record] = weight;
            }
        }

        /// <summary>The heaviest rival of <paramref name="record"/> other than <paramref name="pair"/>; negative
        /// infinity when there is none.</summary>
        public double StrongestOther(int record, int pair) => _firstPair[record] == pair ? _second[record] : _first[record];
    }
}
