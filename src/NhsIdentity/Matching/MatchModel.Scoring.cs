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
    /// the household weights instead (the same values and order as <see cref="HouseholdWeight"/>, so Score and
    /// Explain agree to the bit); returns whether they did.</summary>
    private bool ExplainUnchecked(RecordSet left, int leftIndex, RecordSet right, int rightIndex, Span<ComparisonOutcome> destination)
    {
        Span<double> householdWeights = stackalloc double[ComparisonCatalog.MaxComparisons];
        var visitor = new ExplainVisitor(this, left, in left.Row(leftIndex), right, in right.Row(rightIndex), destination, householdWeights);
        ComparisonCatalog.Visit(ref visitor);
        if (!_householdAware || !IsHousehold(visitor.Evidence, visitor.Codes))
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
        var visitor = new ScoreVisitor<ComparesAll>(this, a, in ra, b, in rb, 0);
        ComparisonCatalog.Visit(ref visitor);
        return Finish(a, in ra, b, in rb, visitor.Weight, visitor.Evidence, visitor.Codes, out cap);
    }

    /// <summary>A pair's weight once its ordinary sum is made: that sum, or, with a household-aware model and levels
    /// that make the pair a household's, the household sum. Whether a pair is a household's is known only at the
    /// end (alike family names, a shared postcode), and most pairs are not, so the ordinary sum is made as usual with
    /// each level code kept (four bits a comparison, in a register); only a household pair then adds up its household
    /// weights from the codes (table reads and term-frequency adjustments, no comparison made twice), in the order
    /// <see cref="ExplainVisitor"/> adds them, so Score and Explain agree to the bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Finish(RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb, double weight, LevelEvidence evidence, ulong codes,
        out MatchDecision cap)
    {
        cap = Cap(evidence);
        return _householdAware && IsHousehold(evidence, codes) ? HouseholdWeight(a, in ra, b, in rb, codes) : weight;
    }

    /// <summary>The household sum of a pair from its level codes (see <see cref="Finish"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double HouseholdWeight(RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb, ulong codes)
    {
        var visitor = new HouseholdVisitor(this, in ra, in rb, codes);
        ComparisonCatalog.Visit(ref visitor);
        return visitor.Weight;
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
        adjustment = 0;
        code = ComparisonCatalog.Missing(kind, ra.Present, rb.Present);
        if (code != 0)
        {
            return Unsafe.Add(ref tables.Weights, (kind * ComparisonCatalog.CodesPerComparison) + code);
        }

        code = T.Compare(in Unsafe.Add(ref tables.Settings, kind), a, in ra, b, in rb);
        return WeighLevel<T>(in tables, code, in ra, in rb, out adjustment, ref evidence);
    }

    /// <summary><see cref="Term{T}"/> for a level code already known (kept by <see cref="ScoreUncheckedAtLeast"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double TermOfCode<T>(in Tables tables, int code, in PreparedRow ra, in PreparedRow rb, out double adjustment,
        ref LevelEvidence evidence)
        where T : struct, IComparisonDefinition
    {
        adjustment = 0;
        return code >= ComparisonCatalog.MissingRight
            ? Unsafe.Add(ref tables.Weights, ((int)T.Kind * ComparisonCatalog.CodesPerComparison) + code)
            : WeighLevel<T>(in tables, code, in ra, in rb, out adjustment, ref evidence);
    }

    /// <summary>The weight of a level (not a missing code) with its term-frequency adjustment, and its evidence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double WeighLevel<T>(in Tables tables, int code, in PreparedRow ra, in PreparedRow rb, out double adjustment,
        ref LevelEvidence evidence)
        where T : struct, IComparisonDefinition
    {
        var kind = (int)T.Kind;
        var slot = kind * ComparisonCatalog.CodesPerComparison;
        adjustment = 0;
        ref readonly var settings = ref Unsafe.Add(ref tables.Settings, kind);
        evidence |= (LevelEvidence)Unsafe.Add(ref tables.Evidence, slot + code);

        // The tables have CodesPerComparison entries for every comparison and a code is always below that, so the
        // reads are in bounds without a check.
        double weight = Unsafe.Add(ref tables.Weights, slot + code);
        if (T.TermFrequencyFeatures > 0 && (settings.TermFrequencyLevels & (1u << code)) != 0)
        {
            // Splink's term-frequency adjustment, log2(u / max(tfL, tfR, floor)), worked in logarithms from values
            // stored once per record and model; none when neither frequency was measured (NaN). Added only here, so
            // the other levels put one addition, not two, on the chain that sums a pair's weight.
            adjustment = Adjustment<T>(in tables, slot, code, in ra, in rb);
            weight += adjustment;
        }

        return weight;
    }

    /// <summary>A term-frequency level's adjustment, log2(u) - max(log2 frequency, log2 floor); 0 when neither
    /// record's frequency was measured.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Adjustment<T>(in Tables tables, int slot, int code, in PreparedRow ra, in PreparedRow rb)
        where T : struct, IComparisonDefinition
    {
        var log2Frequency = T.Log2Frequency(code, in ra, in rb);
        return float.IsNaN(log2Frequency) ? 0
            : Unsafe.Add(ref tables.Log2U, slot + code) - Math.Max(log2Frequency, tables.Log2TermFrequencyFloor);
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

    /// <summary>Alike family names and one home: a pair that could be two members of one household, unless
    /// something a household does not share says one person — a valid NHS number or hospital number in common, or
    /// both the given name and the date of birth equal (twins share the date, a son named after his father the
    /// name; the two together are a stranger's coincidence). A missing given name or date of birth does not say one
    /// person: a father and son of one name with no date on one record are exactly such a pair.</summary>
    /// <remarks>The home is the full postcode (<see cref="LevelEvidence.SameHome"/>), or, when the pair has no postcode
    /// to compare, agreeing addresses (<see cref="LevelEvidence.SameAddress"/>) in a model that knows what a shared
    /// home weighs among one family's members (<see cref="_homeByAddress"/>).</remarks>
    private bool IsHousehold(LevelEvidence evidence, ulong codes)
    {
        const LevelEvidence Alike = LevelEvidence.SameGivenName | LevelEvidence.SameBirthDate;
        var home = (evidence & LevelEvidence.SameHome) != 0
            || (_homeByAddress && (evidence & LevelEvidence.SameAddress) != 0 && !ComparesPostcode(codes));
        return home && (evidence & LevelEvidence.SameFamily) != 0 && (evidence & Alike) != Alike
            && (evidence & LevelEvidence.SharesIdentifier) == 0;
    }

    /// <summary>Whether a pair's postcodes were compared: the model makes the comparison and both records have one
    /// (<paramref name="codes"/> holds four bits per comparison, as <see cref="Finish"/> keeps them).</summary>
    private bool ComparesPostcode(ulong codes) =>
        (_activeMask & (1 << (int)ComparisonKind.Postcode)) != 0
        && ((codes >> ((int)ComparisonKind.Postcode * 4)) & 0xF) < ComparisonCatalog.MissingRight;

    /// <summary>The household weights by reference (see <see cref="Tables"/>). A household-aware level takes no
    /// term-frequency adjustment in a household context: a rare given name shared in one family (a son named after his
    /// father) is not the coincidence it is between strangers.</summary>
    private readonly ref struct HouseholdTables(MatchModel model)
    {
        private readonly ref float _weights = ref MemoryMarshal.GetArrayDataReference(model._householdWeights);
        private readonly ref bool _awareLevels = ref MemoryMarshal.GetArrayDataReference(model._householdAwareLevels);
        private readonly ref float _jointCorrections = ref MemoryMarshal.GetArrayDataReference(model._jointCorrections);
        private readonly ref float _homeWeights = ref MemoryMarshal.GetArrayDataReference(model._homeWeights);
        private readonly int _jointFirst = model._jointFirst;
        private readonly int _jointSecond = model._jointSecond;

        /// <summary>A level's household weight plus the term-frequency adjustment the ordinary weight took, where it
        /// keeps it; on the joint table's second comparison, plus the table's correction for the first comparison's
        /// level, which <paramref name="firstCode"/> remembers (comparisons come in <see cref="ComparisonKind"/> order,
        /// so the first is always weighed before the second). A level that tells the home when no postcode was
        /// compared (<paramref name="homeByAddress"/>) weighs as the home does (<see cref="_homeWeights"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Weigh(ComparisonKind kind, int code, double adjustment, ref int firstCode, bool homeByAddress)
        {
            var slot = ((int)kind * ComparisonCatalog.CodesPerComparison) + code;
            double weight = Unsafe.Add(ref _weights, slot);
            if (homeByAddress && !float.IsNaN(Unsafe.Add(ref _homeWeights, slot)))
            {
                weight = Unsafe.Add(ref _homeWeights, slot);
            }

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

    /// <summary>Adds a pair's household weights from its level codes (see <see cref="Finish"/>): the term-frequency
    /// adjustment each ordinary term took is made again from the two rows, the same value to the bit.</summary>
    private ref struct HouseholdVisitor(MatchModel model, in PreparedRow ra, in PreparedRow rb, ulong codes) : IComparisonVisitor
    {
        private readonly Tables _tables = new(model);
        private readonly HouseholdTables _household = new(model);
        private readonly ref readonly PreparedRow _ra = ref ra;
        private readonly ref readonly PreparedRow _rb = ref rb;
        private readonly bool _homeByAddress = !model.ComparesPostcode(codes);
        private int _jointFirstCode = ComparisonCatalog.MissingBoth;

        public double Weight = model._priorWeight;

        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            var kind = (int)T.Kind;
            if ((_tables.ActiveMask & (1 << kind)) == 0)
            {
                return;
            }

            var code = (int)((codes >> (kind * 4)) & 0xF);
            var adjustment = T.TermFrequencyFeatures > 0 && code < ComparisonCatalog.MissingRight
                && (Unsafe.Add(ref _tables.Settings, kind).TermFrequencyLevels & (1u << code)) != 0
                ? Adjustment<T>(in _tables, kind * ComparisonCatalog.CodesPerComparison, code, in _ra, in _rb)
                : 0;
            Weight += _household.Weigh(T.Kind, code, adjustment, ref _jointFirstCode, _homeByAddress);
        }
    }

    private ref struct ScoreVisitor<TCodes>(MatchModel model, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb, ulong codes)
        : IComparisonVisitor
        where TCodes : struct, ICodeSource
    {
        private readonly Tables _tables = new(model);
        private readonly ref readonly PreparedRow _ra = ref ra;
        private readonly ref readonly PreparedRow _rb = ref rb;

        public double Weight = model._priorWeight;
        public LevelEvidence Evidence;

        /// <summary>Each comparison's level code, four bits at <c>4 × kind</c>: given when <typeparamref name="TCodes"/>
        /// reads kept codes, else kept here for <see cref="Finish"/>.</summary>
        public ulong Codes = codes;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            if ((_tables.ActiveMask & (1 << (int)T.Kind)) == 0)
            {
                return;
            }

            if (TCodes.ReadsKeptCodes)
            {
                Weight += TermOfCode<T>(in _tables, (int)((Codes >> ((int)T.Kind * 4)) & 0xF), in _ra, in _rb, out _, ref Evidence);
                return;
            }

            Weight += Term<T>(in _tables, a, in _ra, b, in _rb, out var code, out _, ref Evidence);
            Codes |= (ulong)code << ((int)T.Kind * 4);
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

        /// <summary>Each comparison's level code so far, four bits at <c>4 × kind</c> (as <see cref="Finish"/> keeps
        /// them): the postcode is compared before the address, so an address's household weight can depend on it.</summary>
        public ulong Codes;

        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            if ((_tables.ActiveMask & (1 << (int)T.Kind)) == 0)
            {
                return;
            }

            var weight = Term<T>(in _tables, a, in _ra, b, in _rb, out var code, out var adjustment, ref Evidence);
            Codes |= (ulong)code << ((int)T.Kind * 4);
            _householdWeights[_written] = _household.Weigh(T.Kind, code, adjustment, ref _jointFirstCode, !model.ComparesPostcode(Codes));
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
