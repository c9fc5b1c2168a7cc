using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching;

// Scoring and explaining pairs: the hot path. Reads prepared rows only; allocates nothing.
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

        ExplainUnchecked(left, leftIndex, right, rightIndex, destination);
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
        CheckPair(left, leftIndex, right, rightIndex);
        var outcomes = new ComparisonOutcome[_active.Length];
        var household = ExplainUnchecked(left, leftIndex, right, rightIndex, outcomes);
        return new MatchExplanation(PriorWeight, outcomes, Score(left, leftIndex, right, rightIndex), household);
    }

    /// <summary>Writes a pair's outcomes with the ordinary weights, then, when its levels make it a household's, with
    /// the household weights instead (the same values and order as <see cref="ScoreMaybeHousehold"/>, so Score and
    /// Explain agree to the bit); returns whether they did.</summary>
    private bool ExplainUnchecked(RecordSet left, int leftIndex, RecordSet right, int rightIndex, Span<ComparisonOutcome> destination)
    {
        Span<double> householdWeights = stackalloc double[ComparisonCatalog.MaxComparisons];
        var visitor = new ExplainVisitor(this, left, in left.Row(leftIndex), right, in right.Row(rightIndex), destination, householdWeights);
        ComparisonCatalog.Visit(ref visitor);
        if (!_householdAware || !IsHousehold(visitor.Evidence))
        {
            return false;
        }

        var household = new HouseholdTables(this);
        for (var c = 0; c < _active.Length; c++)
        {
            var outcome = destination[c];
            var keepsAdjustment = outcome.Level < 0 || household.KeepsTermFrequency(outcome.Comparison, outcome.Level);
            destination[c] = outcome with
            {
                Weight = householdWeights[c],
                TermFrequencyAdjustment = keepsAdjustment ? outcome.TermFrequencyAdjustment : 0,
            };
        }

        return true;
    }

    /// <summary>The weight of a pair and the best decision the policy's hard rule allows.</summary>
    /// <remarks>
    /// The linker's inner loop. <see cref="ComparisonCatalog.Visit"/> calls <see cref="Term{T}"/> once per comparison
    /// struct, so the JIT writes it out comparison by comparison with each comparer inlined, and a model without a
    /// comparison skips it on a branch that is always predicted. <see cref="Explain(RecordSet, int, RecordSet, int, Span{ComparisonOutcome})"/>
    /// adds the same terms in the same order, so the two agree to the bit.
    /// </remarks>
    internal double ScoreUnchecked(RecordSet a, int i, RecordSet b, int j, out MatchDecision cap)
    {
        ref readonly var ra = ref a.Row(i);
        ref readonly var rb = ref b.Row(j);
        if (_householdAware)
        {
            return ScoreMaybeHousehold(a, in ra, b, in rb, out cap);
        }

        var visitor = new ScoreVisitor(this, a, in ra, b, in rb);
        ComparisonCatalog.Visit(ref visitor);
        cap = Cap(visitor.Evidence);
        return visitor.Weight;
    }

    /// <summary>With a household-aware model, whether a pair is weighed as a household depends on its levels (alike
    /// family names, a shared postcode), known only at the end. Most pairs are not, so the ordinary sum is made as
    /// usual while each comparison's level code and term-frequency adjustment are kept; only a household pair then
    /// adds up its household weights from them (table reads, no comparison made twice), in the order
    /// <see cref="ExplainVisitor"/> adds them, so Score and Explain agree to the bit.</summary>
    private double ScoreMaybeHousehold(RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb, out MatchDecision cap)
    {
        var visitor = new RecordingScoreVisitor(this, a, in ra, b, in rb);
        ComparisonCatalog.Visit(ref visitor);
        cap = Cap(visitor.Evidence);
        if (!IsHousehold(visitor.Evidence))
        {
            return visitor.Weight;
        }

        var household = new HouseholdTables(this);
        var weight = _priorWeight;
        var jointFirstCode = (int)ComparisonCatalog.MissingBoth;
        for (var c = 0; c < _active.Length; c++)
        {
            weight += household.Weigh(_active[c], visitor.Codes[c], visitor.Adjustments[c], ref jointFirstCode);
        }

        return weight;
    }

    /// <summary>The comparison level codes of a pair, one per comparison the model makes (for training).</summary>
    internal void Levels(RecordSet a, int i, RecordSet b, int j, Span<byte> codes)
    {
        var visitor = new LevelsVisitor(this, a, in a.Row(i), b, in b.Row(j), codes);
        ComparisonCatalog.Visit(ref visitor);
    }

    /// <summary>One comparison's level code for a pair, with this model's settings (for tests and benchmarks).</summary>
    internal int Level(ComparisonKind kind, RecordSet a, int i, RecordSet b, int j) =>
        ComparisonCatalog.Compare(kind, in _settings[(int)kind], a, in a.Row(i), b, in b.Row(j));

    internal ReadOnlySpan<ComparisonKind> ActiveComparisons => _active;

    internal MatchDecision Decide(double probability, MatchDecision cap)
    {
        var decision = probability >= Policy.MatchProbability ? MatchDecision.Match
            : probability >= Policy.ReviewProbability ? MatchDecision.Review
            : MatchDecision.NonMatch;
        return decision > cap ? cap : decision;
    }

    /// <summary>The policy's one hard rule (<see cref="DecisionPolicy.DifferentNhsNumbersNeverMatch"/>): a level
    /// that contradicts identity (two different valid NHS numbers) caps the decision at review.</summary>
    private MatchDecision Cap(LevelEvidence evidence) =>
        (evidence & LevelEvidence.Contradicts) != 0 && Policy.DifferentNhsNumbersNeverMatch ? MatchDecision.Review : MatchDecision.Match;

    /// <summary>One comparison's part in a pair's weight: its level code, the level's weight plus any
    /// term-frequency adjustment, and the level's evidence. Score, Explain and Levels all go through here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Term<T>(in Tables tables, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb, out int code,
        out double adjustment, ref LevelEvidence evidence)
        where T : struct, IComparisonDefinition
    {
        var kind = (int)T.Kind;
        var slot = kind * ComparisonCatalog.CodesPerComparison;
        adjustment = 0;
        code = ComparisonCatalog.Missing(kind, ra.Present, rb.Present);
        if (code != 0)
        {
            return Unsafe.Add(ref tables.Weights, slot + code);
        }

        ref readonly var settings = ref Unsafe.Add(ref tables.Settings, kind);
        code = T.Compare(in settings, a, in ra, b, in rb);
        evidence |= (LevelEvidence)Unsafe.Add(ref tables.Evidence, slot + code);

        // The tables have CodesPerComparison entries for every comparison and a code is always below that, so the
        // reads are in bounds without a check.
        double weight = Unsafe.Add(ref tables.Weights, slot + code);
        if (T.TermFrequencyFeatures > 0 && (settings.TermFrequencyLevels & (1u << code)) != 0)
        {
            // Splink's term-frequency adjustment, log2(u / max(tfL, tfR, floor)), worked in logarithms from values
            // stored once per record and model; none when neither frequency was measured (NaN). Added only here, so
            // the other levels put one addition, not two, on the chain that sums a pair's weight.
            var log2Frequency = T.Log2Frequency(code, in ra, in rb);
            adjustment = float.IsNaN(log2Frequency) ? 0
                : Unsafe.Add(ref tables.Log2U, slot + code) - Math.Max(log2Frequency, tables.Log2TermFrequencyFloor);
            weight += adjustment;
        }

        return weight;
    }

    /// <summary>The model's tables by reference, taken once per pair: the comparisons in between are calls the JIT
    /// cannot see through, so reading the arrays from the model each time would reload and null-check them.</summary>
    private readonly ref struct Tables(MatchModel model)
    {
        public readonly ref float Weights = ref MemoryMarshal.GetArrayDataReference(model._weights);
        public readonly ref double Log2U = ref MemoryMarshal.GetArrayDataReference(model._log2U);
        public readonly ref byte Evidence = ref MemoryMarshal.GetArrayDataReference(model._evidence);
        public readonly ref ComparisonSettings Settings = ref MemoryMarshal.GetArrayDataReference(model._settings);
        public readonly double Log2TermFrequencyFloor = model._log2TermFrequencyFloor;
        public readonly int ActiveMask = model._activeMask;
    }

    private static void CheckPair(RecordSet left, int leftIndex, RecordSet right, int rightIndex)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)leftIndex, (uint)left.Count, nameof(leftIndex));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)rightIndex, (uint)right.Count, nameof(rightIndex));
    }

    /// <summary>Alike family names and one postcode: a pair that could be two members of one household, unless
    /// something a household does not share says one person — a valid NHS number or hospital number in common, or
    /// both the given name and the date of birth equal (twins share the date, a son named after his father the
    /// name; the two together are a stranger's coincidence). A missing given name or date of birth does not say one
    /// person: a father and son of one name with no date on one record are exactly such a pair.</summary>
    private static bool IsHousehold(LevelEvidence evidence)
    {
        const LevelEvidence Context = LevelEvidence.SameFamily | LevelEvidence.SameHome;
        const LevelEvidence Alike = LevelEvidence.SameGivenName | LevelEvidence.SameBirthDate;
        return (evidence & Context) == Context && (evidence & Alike) != Alike && (evidence & LevelEvidence.SharesIdentifier) == 0;
    }

    /// <summary>The household weights by reference (see <see cref="Tables"/>). A household-aware level takes no
    /// term-frequency adjustment in a household context: a rare given name shared in one family (a son named after his
    /// father) is not the coincidence it is between strangers.</summary>
    private readonly ref struct HouseholdTables(MatchModel model)
    {
        private readonly ref float _weights = ref MemoryMarshal.GetArrayDataReference(model._householdWeights);
        private readonly ref bool _awareLevels = ref MemoryMarshal.GetArrayDataReference(model._householdAwareLevels);
        private readonly ref float _jointCorrections = ref MemoryMarshal.GetArrayDataReference(model._jointCorrections);
        private readonly int _jointFirst = model._jointFirst;
        private readonly int _jointSecond = model._jointSecond;

        /// <summary>A level's household weight plus the term-frequency adjustment the ordinary weight took, where it
        /// keeps it; on the joint table's second comparison, plus the table's correction for the first comparison's
        /// level, which <paramref name="firstCode"/> remembers (comparisons come in <see cref="ComparisonKind"/> order,
        /// so the first is always weighed before the second).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Weigh(ComparisonKind kind, int code, double adjustment, ref int firstCode)
        {
            var slot = ((int)kind * ComparisonCatalog.CodesPerComparison) + code;
            double weight = Unsafe.Add(ref _weights, slot);
            if (!Unsafe.Add(ref _awareLevels, slot))
            {
                weight += adjustment;
            }

            if ((int)kind == _jointFirst)
            {
                firstCode = code;
            }
            else if ((int)kind == _jointSecond && firstCode < ComparisonCatalog.MaxLevels && code < ComparisonCatalog.MaxLevels)
            {
                weight += Unsafe.Add(ref _jointCorrections, (firstCode * ComparisonCatalog.CodesPerComparison) + code);
            }

            return weight;
        }

        public bool KeepsTermFrequency(ComparisonKind kind, int level) =>
            !Unsafe.Add(ref _awareLevels, ((int)kind * ComparisonCatalog.CodesPerComparison) + level);
    }

    /// <summary>The ordinary sum of a pair that may be a household's, keeping each comparison's level code and
    /// term-frequency adjustment for <see cref="ScoreMaybeHousehold"/>.</summary>
    private ref struct RecordingScoreVisitor(MatchModel model, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb) : IComparisonVisitor
    {
        private readonly Tables _tables = new(model);
        private readonly ref readonly PreparedRow _ra = ref ra;
        private readonly ref readonly PreparedRow _rb = ref rb;
        private int _written;

        public double Weight = model._priorWeight;
        public LevelEvidence Evidence;
        public CodeBuffer Codes;
        public AdjustmentBuffer Adjustments;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            if ((_tables.ActiveMask & (1 << (int)T.Kind)) != 0)
            {
                Weight += Term<T>(in _tables, a, in _ra, b, in _rb, out var code, out var adjustment, ref Evidence);
                Codes[_written] = (byte)code;
                Adjustments[_written++] = adjustment;
            }
        }
    }

    [InlineArray(ComparisonCatalog.MaxComparisons)]
    private struct CodeBuffer
    {
        private byte _element;
    }

    [InlineArray(ComparisonCatalog.MaxComparisons)]
    private struct AdjustmentBuffer
    {
        private double _element;
    }

    private ref struct ScoreVisitor(MatchModel model, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb) : IComparisonVisitor
    {
        private readonly Tables _tables = new(model);
        private readonly ref readonly PreparedRow _ra = ref ra;
        private readonly ref readonly PreparedRow _rb = ref rb;

        public double Weight = model._priorWeight;
        public LevelEvidence Evidence;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            if ((_tables.ActiveMask & (1 << (int)T.Kind)) != 0)
            {
                Weight += Term<T>(in _tables, a, in _ra, b, in _rb, out _, out _, ref Evidence);
            }
        }
    }

    private ref struct ExplainVisitor(MatchModel model, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb,
        Span<ComparisonOutcome> destination, Span<double> householdWeights) : IComparisonVisitor
    {
        private readonly ref readonly PreparedRow _ra = ref ra;
        private readonly ref readonly PreparedRow _rb = ref rb;
        private readonly Span<ComparisonOutcome> _destination = destination;
        private readonly Span<double> _householdWeights = householdWeights;
        private readonly Tables _tables = new(model);
        private readonly HouseholdTables _household = new(model);
        private int _written;
        private int _jointFirstCode = ComparisonCatalog.MissingBoth;

        public LevelEvidence Evidence;

        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            if ((_tables.ActiveMask & (1 << (int)T.Kind)) == 0)
            {
                return;
            }

            var weight = Term<T>(in _tables, a, in _ra, b, in _rb, out var code, out var adjustment, ref Evidence);
            _householdWeights[_written] = _household.Weigh(T.Kind, code, adjustment, ref _jointFirstCode);
            var missing = code switch
            {
                ComparisonCatalog.MissingBoth => MissingSide.Both,
                ComparisonCatalog.MissingLeft => MissingSide.Left,
                ComparisonCatalog.MissingRight => MissingSide.Right,
                _ => MissingSide.None,
            };
            _destination[_written++] = new ComparisonOutcome(T.Kind, missing == MissingSide.None ? code : -1, missing, weight, adjustment);
        }
    }

    private ref struct LevelsVisitor(MatchModel model, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb, Span<byte> codes)
        : IComparisonVisitor
    {
        private readonly ref readonly PreparedRow _ra = ref ra;
        private readonly ref readonly PreparedRow _rb = ref rb;
        private readonly Span<byte> _codes = codes;
        private int _written;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            if ((model._activeMask & (1 << (int)T.Kind)) != 0)
            {
                var kind = (int)T.Kind;
                var code = ComparisonCatalog.Missing(kind, _ra.Present, _rb.Present);
                _codes[_written++] = (byte)(code != 0 ? code : T.Compare(in model._settings[kind], a, in _ra, b, in _rb));
            }
        }
    }
}
