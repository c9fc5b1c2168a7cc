using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
            ref readonly var ra = ref left.Row(leftIndex);
            ref readonly var rb = ref right.Row(rightIndex);
            var code = PairComparer.Compare(kind, left, in ra, right, in rb);
            var adjustment = PairComparer.IsMissing(code) ? 0 : TermFrequencyAdjustment(kind, code, in ra, in rb);
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
    /// <remarks>
    /// The linker's inner loop, written out comparison by comparison rather than as a loop over
    /// <see cref="ActiveComparisons"/> with a switch: each comparison's code, weight and evidence flags are then
    /// straight-line code on the two rows, and a model without a comparison skips it on a branch that is always
    /// predicted. <see cref="Explain(RecordSet, int, RecordSet, int, Span{ComparisonOutcome})"/> adds the same terms
    /// in the same (<see cref="ComparisonKind"/>) order, so the two agree to the bit.
    /// </remarks>
    internal double ScoreUnchecked(RecordSet a, int i, RecordSet b, int j, out MatchDecision cap)
    {
        ref readonly var ra = ref a.Row(i);
        ref readonly var rb = ref b.Row(j);
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        var active = _activeMask;
        var weight = _priorWeight;
        var contradiction = false;
        var identifierEqual = false;
        var sameBirthAndHome = 0;
        var likeNotSameGivenName = false;
        byte code;

        if ((active & (1 << (int)ComparisonKind.NhsNumber)) != 0)
        {
            code = PairComparer.Missing(ComparisonKind.NhsNumber, ra.Present, rb.Present);
            if (code == 0)
            {
                code = (byte)PairComparer.CompareNhsNumbers(in ra, in rb);
                identifierEqual = code == (byte)NhsNumberLevel.Equal;
                contradiction = code == (byte)NhsNumberLevel.Different;
            }

            weight += LevelWeight(ref weights, ComparisonKind.NhsNumber, code);
        }

        if ((active & (1 << (int)ComparisonKind.Name)) != 0)
        {
            code = PairComparer.Missing(ComparisonKind.Name, ra.Present, rb.Present);
            if (code == 0)
            {
                code = (byte)PairComparer.CompareNames(a, in ra, b, in rb);

                // Only two given names that are both there and unalike contradict; a missing one does not.
                contradiction |= code is (byte)NameLevel.FamilyOnly or (byte)NameLevel.Else
                    && ra.GivenHash != 0 && rb.GivenHash != 0;
                likeNotSameGivenName = code is (byte)NameLevel.Phonetic
                    or (byte)NameLevel.TokenOverlap or (byte)NameLevel.JaroWinkler70;
                weight += LevelWeight(ref weights, ComparisonKind.Name, code)
                    + TermFrequencyAdjustment(ComparisonKind.Name, code, in ra, in rb);
            }
            else
            {
                weight += LevelWeight(ref weights, ComparisonKind.Name, code);
            }
        }

        if ((active & (1 << (int)ComparisonKind.DateOfBirth)) != 0)
        {
            code = PairComparer.Missing(ComparisonKind.DateOfBirth, ra.Present, rb.Present);
            if (code == 0)
            {
                code = (byte)PairComparer.CompareDates(in ra, in rb);
                contradiction |= code == (byte)DateOfBirthLevel.Else;
                sameBirthAndHome |= code == (byte)DateOfBirthLevel.Exact ? 1 : 0;
            }

            weight += LevelWeight(ref weights, ComparisonKind.DateOfBirth, code);
        }

        if ((active & (1 << (int)ComparisonKind.Sex)) != 0)
        {
            code = PairComparer.Missing(ComparisonKind.Sex, ra.Present, rb.Present);
            code = code == 0 ? (byte)PairComparer.CompareSexes(in ra, in rb) : code;
            weight += LevelWeight(ref weights, ComparisonKind.Sex, code);
        }

        if ((active & (1 << (int)ComparisonKind.Postcode)) != 0)
        {
            code = PairComparer.Missing(ComparisonKind.Postcode, ra.Present, rb.Present);
            if (code == 0)
            {
                code = (byte)PairComparer.ComparePostcodes(in ra, in rb);
                sameBirthAndHome |= code == (byte)PostcodeLevel.Full ? 2 : 0;
                weight += LevelWeight(ref weights, ComparisonKind.Postcode, code)
                    + TermFrequencyAdjustment(ComparisonKind.Postcode, code, in ra, in rb);
            }
            else
            {
                weight += LevelWeight(ref weights, ComparisonKind.Postcode, code);
            }
        }

        if ((active & (1 << (int)ComparisonKind.Address)) != 0)
        {
            code = PairComparer.Missing(ComparisonKind.Address, ra.Present, rb.Present);
            if (code == 0)
            {
                code = (byte)PairComparer.CompareAddresses(a, in ra, b, in rb);
                sameBirthAndHome |= code == (byte)AddressLevel.Similar90 ? 2 : 0;
            }

            weight += LevelWeight(ref weights, ComparisonKind.Address, code);
        }

        if ((active & (1 << (int)ComparisonKind.LocalIdentifier)) != 0)
        {
            code = PairComparer.Missing(ComparisonKind.LocalIdentifier, ra.Present, rb.Present);
            if (code == 0)
            {
                code = (byte)PairComparer.CompareLocalIdentifiers(a, in ra, b, in rb);
                identifierEqual |= code == (byte)LocalIdentifierLevel.Exact;
            }

            weight += LevelWeight(ref weights, ComparisonKind.LocalIdentifier, code);
        }

        if ((active & (1 << (int)ComparisonKind.Email)) != 0)
        {
            code = PairComparer.Missing(ComparisonKind.Email, ra.Present, rb.Present);
            code = code == 0 ? (byte)PairComparer.CompareEmails(in ra, in rb) : code;
            weight += LevelWeight(ref weights, ComparisonKind.Email, code);
        }

        if ((active & (1 << (int)ComparisonKind.Phone)) != 0)
        {
            code = PairComparer.Missing(ComparisonKind.Phone, ra.Present, rb.Present);
            code = code == 0 ? (byte)PairComparer.ComparePhones(in ra, in rb) : code;
            weight += LevelWeight(ref weights, ComparisonKind.Phone, code);
        }

        // Twins: one birthday, one home, given names alike but not the same (JACK and JAKE).
        contradiction |= likeNotSameGivenName && sameBirthAndHome == 3;
        cap = contradiction && !identifierEqual && Policy.RequireIdentityEvidence ? MatchDecision.Review : MatchDecision.Match;
        return weight;
    }

    /// <summary>A level's weight. The weights table has <see cref="PairComparer.CodesPerComparison"/> entries for
    /// every <see cref="ComparisonKind"/> and a code is always below that, so the read is in bounds without a check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float LevelWeight(ref float weights, ComparisonKind kind, byte code) =>
        Unsafe.Add(ref weights, ((int)kind * PairComparer.CodesPerComparison) + code);

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

    /// <summary>Splink's term-frequency adjustment, <c>log2(u / max(tfL, tfR, floor))</c>, on the exact full-name,
    /// family-only and full-postcode levels; 0 elsewhere or when neither frequency was measured. Worked in
    /// logarithms: <c>log2 u - max(log2 tfL, log2 tfR, log2 floor)</c>, from values stored once per record and model.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double TermFrequencyAdjustment(ComparisonKind kind, int code, in PreparedRow ra, in PreparedRow rb)
    {
        float left, right;
        if (kind == ComparisonKind.Name && code == (int)NameLevel.ExactFullName)
        {
            (left, right) = (ra.Log2FullNameFrequency, rb.Log2FullNameFrequency);
        }
        else if (kind == ComparisonKind.Name && code == (int)NameLevel.FamilyOnly)
        {
            (left, right) = (ra.Log2FamilyFrequency, rb.Log2FamilyFrequency);
        }
        else if (kind == ComparisonKind.Postcode && code == (int)PostcodeLevel.Full)
        {
            (left, right) = (ra.Log2PostcodeFrequency, rb.Log2PostcodeFrequency);
        }
        else
        {
            return 0;
        }

        // NaN (a set too small to measure) loses to any number in MaxNumber; both NaN means no adjustment.
        var log2Frequency = float.MaxNumber(left, right);
        if (float.IsNaN(log2Frequency))
        {
            return 0;
        }

        return _log2U[((int)kind * PairComparer.CodesPerComparison) + code] - Math.Max(log2Frequency, _log2TermFrequencyFloor);
    }

    private static void CheckPair(RecordSet left, int leftIndex, RecordSet right, int rightIndex)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)leftIndex, (uint)left.Count, nameof(leftIndex));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)rightIndex, (uint)right.Count, nameof(rightIndex));
    }
}
