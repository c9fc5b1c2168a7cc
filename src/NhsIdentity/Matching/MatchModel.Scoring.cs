using System.Runtime.CompilerServices;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching;

// Scoring and explaining pairs: the hot path. Reads prepared columns only; allocates nothing.
public sealed partial class MatchModel
{
    /// <summary>Scores a pair of prepared records.</summary>
    /// <param name="left">The left record's set.</param>
    /// <param name="leftIndex">The left record's position in <paramref name="left"/>.</param>
    /// <param name="right">The right record's set (may be <paramref name="left"/>).</param>
    /// <param name="rightIndex">The right record's position in <paramref name="right"/>.</param>
    /// <returns>The match weight, probability and decision.</returns>
    /// <exception cref="ArgumentNullException">A set is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <remarks>Allocates nothing; safe to call from many threads at once.</remarks>
    public MatchScore Score(RecordSet left, int leftIndex, RecordSet right, int rightIndex)
    {
        CheckPair(left, leftIndex, right, rightIndex);
        var weight = ScoreUnchecked(left, leftIndex, right, rightIndex, out var decisionCap);
        var probability = ToProbability(weight);
        return new MatchScore(weight, probability, Decide(probability, decisionCap));
    }

    /// <summary>Scores two raw records with the default preparation options (see
    /// <see cref="Score(PatientRecord, PatientRecord, RecordSetOptions)"/>).</summary>
    /// <param name="left">The left record.</param>
    /// <param name="right">The right record.</param>
    /// <returns>The match weight, probability and decision.</returns>
    public MatchScore Score(PatientRecord left, PatientRecord right) => Score(left, right, RecordSetOptions.Default);

    /// <summary>Scores two raw records (prepares each on its own, so no term-frequency adjustment applies).</summary>
    /// <param name="left">The left record.</param>
    /// <param name="right">The right record.</param>
    /// <param name="options">Preparation options.</param>
    /// <returns>The match weight, probability and decision.</returns>
    /// <remarks>A convenience for one-off pairs; it allocates two small record sets. Prepare a
    /// <see cref="RecordSet"/> to score many pairs.</remarks>
    public MatchScore Score(PatientRecord left, PatientRecord right, RecordSetOptions options)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(options);
        return Score(new RecordSet([left], options), 0, new RecordSet([right], options), 0);
    }

    /// <summary>Converts a match weight to a probability, <c>2^w / (1 + 2^w)</c>.</summary>
    /// <param name="weight">The match weight in bits.</param>
    /// <returns>The probability (0 to 1; saturates for very large or small weights).</returns>
    public static double ToProbability(double weight)
    {
        var odds = Math.Pow(2, weight);
        return double.IsPositiveInfinity(odds) ? 1.0 : odds / (1 + odds);
    }

    /// <summary>Writes the waterfall of a pair: one outcome per comparison the model makes.</summary>
    /// <param name="left">The left record's set.</param>
    /// <param name="leftIndex">The left record's position.</param>
    /// <param name="right">The right record's set.</param>
    /// <param name="rightIndex">The right record's position.</param>
    /// <param name="destination">Receives the outcomes, in <see cref="ComparisonKind"/> order; needs room for
    /// <see cref="Comparisons"/>.Count entries.</param>
    /// <returns>The number of outcomes written, or -1 (and nothing written) when <paramref name="destination"/> is
    /// too short.</returns>
    /// <remarks>Allocates nothing. The weights written plus <see cref="PriorWeight"/> add up to the pair's
    /// <see cref="MatchScore.Weight"/>.</remarks>
    public int Explain(RecordSet left, int leftIndex, RecordSet right, int rightIndex, Span<ComparisonOutcome> destination)
    {
        CheckPair(left, leftIndex, right, rightIndex);
        if (destination.Length < _active.Length)
        {
            return -1;
        }

        for (var c = 0; c < _active.Length; c++)
        {
            var kind = _active[c];
            var code = PairComparer.Compare(kind, left, leftIndex, right, rightIndex);
            var adjustment = PairComparer.IsMissing(code) ? 0 : TermFrequencyAdjustment(kind, code, left, leftIndex, right, rightIndex);
            var missing = code switch
            {
                PairComparer.MissingBoth => MissingSide.Both,
                PairComparer.MissingLeft => MissingSide.Left,
                PairComparer.MissingRight => MissingSide.Right,
                _ => MissingSide.None,
            };
            destination[c] = new ComparisonOutcome(kind, missing == MissingSide.None ? code : -1, missing,
                _weights[((int)kind * PairComparer.CodesPerComparison) + code] + adjustment, adjustment);
        }

        return _active.Length;
    }

    /// <summary>Explains a pair: its score and the waterfall of comparisons behind it.</summary>
    /// <param name="left">The left record's set.</param>
    /// <param name="leftIndex">The left record's position.</param>
    /// <param name="right">The right record's set.</param>
    /// <param name="rightIndex">The right record's position.</param>
    /// <returns>The explanation (it names levels and weights only, never values).</returns>
    public MatchExplanation Explain(RecordSet left, int leftIndex, RecordSet right, int rightIndex)
    {
        var outcomes = new ComparisonOutcome[_active.Length];
        Explain(left, leftIndex, right, rightIndex, outcomes);
        return new MatchExplanation(PriorWeight, outcomes, Score(left, leftIndex, right, rightIndex));
    }

    /// <summary>The weight of a pair and the best decision the identity-evidence rule allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double ScoreUnchecked(RecordSet a, int i, RecordSet b, int j, out MatchDecision cap)
    {
        var weight = _priorWeight;
        var contradiction = false;
        var identifierEqual = false;
        var sameBirthAndHome = 0;
        var likeNotSameGivenName = false;
        var weights = _weights;
        int presentLeft = a.PresentMask(i), presentRight = b.PresentMask(j);
        foreach (var kind in _active)
        {
            var code = PairComparer.Missing(kind, presentLeft, presentRight);
            code = code == 0 ? PairComparer.ComparePresent(kind, a, i, b, j) : code;
            weight += weights[((int)kind * PairComparer.CodesPerComparison) + code];
            if (PairComparer.IsMissing(code))
            {
                continue;
            }

            switch (kind)
            {
                case ComparisonKind.NhsNumber:
                    identifierEqual |= code == (byte)NhsNumberLevel.Equal;
                    contradiction |= code == (byte)NhsNumberLevel.Different;
                    break;
                case ComparisonKind.Name:
                    // Only two given names that are both there and unalike contradict; a missing one does not.
                    contradiction |= code is (byte)NameLevel.FamilyOnly or (byte)NameLevel.Else
                        && a.GivenHash(i) != 0 && b.GivenHash(j) != 0;
                    likeNotSameGivenName = code is (byte)NameLevel.Phonetic
                        or (byte)NameLevel.TokenOverlap or (byte)NameLevel.JaroWinkler70;
                    weight += TermFrequencyAdjustment(kind, code, a, i, b, j);
                    break;
                case ComparisonKind.LocalIdentifier:
                    identifierEqual |= code == (byte)LocalIdentifierLevel.Exact;
                    break;
                case ComparisonKind.DateOfBirth:
                    contradiction |= code == (byte)DateOfBirthLevel.Else;
                    sameBirthAndHome |= code == (byte)DateOfBirthLevel.Exact ? 1 : 0;
                    break;
                case ComparisonKind.Postcode:
                    weight += TermFrequencyAdjustment(kind, code, a, i, b, j);
                    sameBirthAndHome |= code == (byte)PostcodeLevel.Full ? 2 : 0;
                    break;
                case ComparisonKind.Address:
                    sameBirthAndHome |= code == (byte)AddressLevel.Similar90 ? 2 : 0;
                    break;
            }
        }

        // Twins: one birthday, one home, given names alike but not the same (JACK and JAKE).
        contradiction |= likeNotSameGivenName && sameBirthAndHome == 3;
        cap = contradiction && !identifierEqual && Policy.RequireIdentityEvidence ? MatchDecision.Review : MatchDecision.Match;
        return weight;
    }

    /// <summary>The comparison level codes of a pair, one per comparison the model makes (for training).</summary>
    internal void Levels(RecordSet a, int i, RecordSet b, int j, Span<byte> codes)
    {
        for (var c = 0; c < _active.Length; c++)
        {
            codes[c] = PairComparer.Compare(_active[c], a, i, b, j);
        }
    }

    internal ReadOnlySpan<ComparisonKind> ActiveComparisons => _active;

    internal MatchDecision Decide(double probability, MatchDecision cap)
    {
        var decision = probability >= Policy.MatchProbability ? MatchDecision.Match
            : probability >= Policy.ReviewProbability ? MatchDecision.Review
            : MatchDecision.NonMatch;
        return decision > cap ? cap : decision;
    }

    private double TermFrequencyAdjustment(ComparisonKind kind, int code, RecordSet a, int i, RecordSet b, int j)
    {
        float left, right;
        if (kind == ComparisonKind.Name && code == (int)NameLevel.ExactFullName)
        {
            (left, right) = (a.FullNameFrequency(i), b.FullNameFrequency(j));
        }
        else if (kind == ComparisonKind.Name && code == (int)NameLevel.FamilyOnly)
        {
            (left, right) = (a.FamilyFrequency(i), b.FamilyFrequency(j));
        }
        else if (kind == ComparisonKind.Postcode && code == (int)PostcodeLevel.Full)
        {
            (left, right) = (a.PostcodeFrequency(i), b.PostcodeFrequency(j));
        }
        else
        {
            return 0;
        }

        // NaN (a set too small to measure) loses to any number in MaxNumber; both NaN means no adjustment.
        var frequency = float.MaxNumber(left, right);
        if (float.IsNaN(frequency))
        {
            return 0;
        }

        var u = _u[((int)kind * PairComparer.CodesPerComparison) + code];
        return Math.Log2(u / Math.Max(frequency, TermFrequencyFloor));
    }

    private static void CheckPair(RecordSet left, int leftIndex, RecordSet right, int rightIndex)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)leftIndex, (uint)left.Count, nameof(leftIndex));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)rightIndex, (uint)right.Count, nameof(rightIndex));
    }
}
