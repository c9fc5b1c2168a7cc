using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching.Training;

/// <summary>
/// The date of birth and the given name together among household members. A household explains one shared trait
/// between two people — twins share a birthday, a son named after his father shares a name — but not both at once:
/// two members of one household who agree on both have had the second agreement by the coincidence strangers
/// have. So where both levels agree (<see cref="LevelEvidence.Agrees"/>), the pair of levels has the larger of
/// "household agreement on one, stranger's coincidence on the other"; every other pair of levels stays
/// independent, scaled so the table sums to 1.
/// </summary>
/// <remarks>EM cannot learn this table freely: with a free table the household class can take over the matches
/// (they are exactly the pairs that agree on both), and it does. So the structure above is the prior, built from
/// the learned household and stranger u-probabilities, and only labels move it: the household pairs with two
/// different valid NHS numbers, counted into each pair of levels (a posterior mean, <see cref="HouseholdEstimation.PriorPairs"/>
/// pseudo-pairs of prior), once there are <see cref="HouseholdEstimation.MinimumContextPairs"/> of them.</remarks>
internal sealed class JointFit
{
    private const int Codes = ComparisonCatalog.CodesPerComparison;

    private readonly int _first = -1;
    private readonly int _second = -1;
    private readonly bool[] _bothAgree = new bool[Codes * Codes];
    private readonly double[] _labelled = new double[Codes * Codes];
    private readonly double[] _u = new double[Codes * Codes];
    private readonly double[] _correction = new double[Codes * Codes];
    private double _labelledPairs;

    public JointFit(MatchModel start, bool[] inside)
    {
        var active = start.ActiveComparisons;
        var first = active.IndexOf(ComparisonKind.DateOfBirth);
        var second = active.IndexOf(ComparisonKind.GivenName);
        if (first < 0 || second < 0 || !inside[first] || !inside[second])
        {
            return;
        }

        (_first, _second) = (first, second);
        var firstLevels = start.Comparisons[first].Definition.Levels;
        var secondLevels = start.Comparisons[second].Definition.Levels;
        for (var a = 0; a < firstLevels.Count; a++)
        {
            for (var b = 0; b < secondLevels.Count; b++)
            {
                _bothAgree[(a * Codes) + b] = (firstLevels[a].Evidence & LevelEvidence.Agrees) != 0
                    && (secondLevels[b].Evidence & LevelEvidence.Agrees) != 0;
            }
        }
    }

    /// <summary>Counts a pattern of pairs known to be two different people (both levels present only).</summary>
    public void CountLabelled(ulong key, long count)
    {
        if (TryCell(key, out var cell))
        {
            _labelled[cell] += count;
            _labelledPairs += count;
        }
    }

    /// <summary>What the joint adds to the two household weights of a pattern (0 until the first update).</summary>
    public double Correction(ulong key) => TryCell(key, out var cell) ? _correction[cell] : 0;

    /// <summary>Rebuilds the table from the current household u and the strangers' u.</summary>
    public void Update(double[] householdU, double[] u, double floor)
    {
        if (_first < 0)
        {
            return;
        }

        double reduced = 0;
        double removed = 0;
        for (var cell = 0; cell < _u.Length; cell++)
        {
            var (a, b) = Math.DivRem(cell, Codes);
            var (hu1, hu2) = (householdU[(_first * Codes) + a], householdU[(_second * Codes) + b]);
            _u[cell] = hu1 * hu2;
            if (_bothAgree[cell])
            {
                var (u1, u2) = (u[(_first * Codes) + a], u[(_second * Codes) + b]);
                var oneExplained = Math.Min(_u[cell], Math.Max(hu1 * u2, u1 * hu2));
                removed += _u[cell] - oneExplained;
                reduced += oneExplained;
                _u[cell] = oneExplained;
            }
        }

        // What the agreeing pairs of levels gave up goes to the others in proportion, so the table sums to 1.
        var scale = 1 + (removed / Math.Max(double.Epsilon, 1 - reduced - removed));
        var labelled = _labelledPairs >= HouseholdEstimation.MinimumContextPairs;
        for (var cell = 0; cell < _u.Length; cell++)
        {
            if (_u[cell] > 0)
            {
                var prior = _bothAgree[cell] ? _u[cell] : _u[cell] * scale;
                _u[cell] = labelled ? (_labelled[cell] + (HouseholdEstimation.PriorPairs * prior)) / (_labelledPairs + HouseholdEstimation.PriorPairs) : prior;
            }
        }

        for (var cell = 0; cell < _u.Length; cell++)
        {
            if (_u[cell] > 0)
            {
                var (a, b) = Math.DivRem(cell, Codes);
                _u[cell] = Math.Clamp(_u[cell], floor, 1.0);
                _correction[cell] = Math.Log2(householdU[(_first * Codes) + a] * householdU[(_second * Codes) + b] / _u[cell]);
            }
        }
    }

    public JointHouseholdU? ToTable(MatchModel start)
    {
        if (_first < 0)
        {
            return null;
        }

        var firstLevels = start.Comparisons[_first].Levels.Count;
        var secondLevels = start.Comparisons[_second].Levels.Count;
        var u = new double[firstLevels * secondLevels];
        for (var a = 0; a < firstLevels; a++)
        {
            for (var b = 0; b < secondLevels; b++)
            {
                u[(a * secondLevels) + b] = _u[(a * Codes) + b];
            }
        }

        return new JointHouseholdU(ComparisonKind.DateOfBirth, ComparisonKind.GivenName, firstLevels, secondLevels, u);
    }

    private bool TryCell(ulong key, out int cell)
    {
        cell = 0;
        if (_first < 0)
        {
            return false;
        }

        var a = ComparisonPatterns.Code(key, _first);
        var b = ComparisonPatterns.Code(key, _second);
        cell = (a * Codes) + b;
        return a < ComparisonCatalog.MaxLevels && b < ComparisonCatalog.MaxLevels;
    }
}
