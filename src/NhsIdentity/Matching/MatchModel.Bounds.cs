using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching;

// Upper bounds on a pair's weight, so the linker and the index can stop scoring a pair that cannot reach the weight
// they keep. Most blocked pairs are strangers: at a million records almost all of them fail on the cheap comparisons
// (NHS number, date of birth, postcode) before the costly string comparisons (names, address) could matter, and
// those string comparisons are most of a pair's time.
public sealed partial class MatchModel
{
    /// <summary>By comparison and level code: the most a level can add to a pair's weight, ordinary or in a household
    /// context (the household weight plus the largest joint-table correction it can take), before any
    /// term-frequency adjustment.</summary>
    private readonly double[] _upperWeights;

    /// <summary>By comparison: the most any level without a term-frequency adjustment (or a missing code) can add;
    /// <see cref="BoundVisitor{TRank}"/> adds the term-frequency levels pair by pair.</summary>
    private readonly double[] _upperAnyLevel;

    /// <summary>By comparison, <see cref="ComparisonCatalog.CodesPerComparison"/> entries each: the codes that count in
    /// <see cref="_upperAnyLevel"/>, by descending upper bound, then <see cref="NoCode"/>; so the most a comparison's
    /// reachable codes can add (<see cref="IComparisonDefinition.UnreachableCodes"/>) is that of the first reachable
    /// code in the list, usually the first or second.</summary>
    private readonly byte[] _codesByUpper;

    /// <summary>Ends a comparison's list in <see cref="_codesByUpper"/>.</summary>
    private const byte NoCode = byte.MaxValue;

    /// <summary>Fills <see cref="_codesByUpper"/> from <see cref="_upperWeights"/>.</summary>
    private byte[] CodesByUpper()
    {
        var lists = new byte[_upperWeights.Length];
        lists.AsSpan().Fill(NoCode);
        var levelCounts = new int[ComparisonCatalog.Count];
        foreach (var comparison in _comparisons)
        {
            levelCounts[(int)comparison.Comparison] = comparison.Levels.Count;
        }

        var codes = new List<byte>(ComparisonCatalog.CodesPerComparison);
        for (var kind = 0; kind < ComparisonCatalog.Count; kind++)
        {
            codes.Clear();
            for (var code = 0; code < ComparisonCatalog.CodesPerComparison; code++)
            {
                if (CountsInAnyLevel(kind, code, levelCounts))
                {
                    codes.Add((byte)code);
                }
            }

            // Ties in code order, so the list is the same on every machine.
            var slot = kind * ComparisonCatalog.CodesPerComparison;
            codes.Sort((x, y) => _upperWeights[slot + y] != _upperWeights[slot + x]
                ? _upperWeights[slot + y].CompareTo(_upperWeights[slot + x])
                : x.CompareTo(y));
            codes.CopyTo(lists, slot);
        }

        return lists;
    }

    /// <summary>Whether a code counts in <see cref="_upperAnyLevel"/>: a level the comparison has without a
    /// term-frequency adjustment, or a missing code.</summary>
    private bool CountsInAnyLevel(int kind, int code, int[] levelCounts)
    {
        var unused = code < ComparisonCatalog.MaxLevels && code >= levelCounts[kind];
        var termFrequency = code < ComparisonCatalog.MaxLevels && (_settings[kind].TermFrequencyLevels & (1u << code)) != 0;
        return !unused && !termFrequency;
    }

    /// <summary>Fills <see cref="_upperWeights"/> and <see cref="_upperAnyLevel"/> from the weight tables.</summary>
    private (double[] ByLevel, double[] ByComparison) UpperBounds()
    {
        var byLevel = new double[_weights.Length];
        var byComparison = new double[ComparisonCatalog.Count];
        byComparison.AsSpan().Fill(double.NegativeInfinity);
        var levelCounts = new int[ComparisonCatalog.Count];
        foreach (var comparison in _comparisons)
        {
            levelCounts[(int)comparison.Comparison] = comparison.Levels.Count;
        }

        for (var slot = 0; slot < byLevel.Length; slot++)
        {
            var kind = slot / ComparisonCatalog.CodesPerComparison;
            var code = slot % ComparisonCatalog.CodesPerComparison;
            double household = _householdWeights[slot];
            if (kind == _jointSecond && code < ComparisonCatalog.MaxLevels)
            {
                var largest = 0f;
                for (var first = 0; first < ComparisonCatalog.MaxLevels; first++)
                {
                    largest = Math.Max(largest, _jointCorrections[(first * ComparisonCatalog.CodesPerComparison) + code]);
                }

                household += largest;
            }

            if (!float.IsNaN(_homeWeights[slot]))
            {
                household = Math.Max(household, _homeWeights[slot]);
            }

            byLevel[slot] = Math.Max(_weights[slot], household);
            if (CountsInAnyLevel(kind, code, levelCounts))
            {
                byComparison[kind] = Math.Max(byComparison[kind], byLevel[slot]);
            }
        }

        return (byLevel, byComparison);
    }

    /// <summary>The weight of a pair (as <see cref="ScoreUnchecked"/>, to the bit) when it can reach
    /// <paramref name="floor"/>; negative infinity, without the comparisons still to make, as soon as an upper bound
    /// on its weight says it cannot.</summary>
    /// <remarks>
    /// Comparisons are made cheapest first (<see cref="IComparisonDefinition.CostRank"/>) and their level codes kept
    /// (four bits each, in one register). The bound is the prior plus, for each comparison made, the larger of its
    /// level's ordinary and household weight (with the level's own term-frequency adjustment when positive), and for
    /// each comparison still to make the most any of its levels could add. After the cheap ones and after each costly
    /// one, a pair whose bound is below the floor is dropped. A pair never dropped is then weighed from the kept codes
    /// in <see cref="ComparisonKind"/> order, adding the same terms in the same order as <see cref="ScoreUnchecked"/>.
    /// A weight returned may still be below the floor: the bound is not the weight.
    /// </remarks>
    internal double ScoreUncheckedAtLeast(RecordSet a, int i, RecordSet b, int j, double floor, out MatchDecision cap)
    {
        if (double.IsNegativeInfinity(floor))
        {
            return ScoreUnchecked(a, i, b, j, out cap);
        }

        ref readonly var ra = ref a.Row(i);
        ref readonly var rb = ref b.Row(j);
        var state = new BoundState(floor - BoundMargin, _priorWeight);
        if (RulesOut(a, in ra, b, in rb, ref state))
        {
            cap = MatchDecision.Match;
            return double.NegativeInfinity;
        }

        return WeighKeptCodes(a, in ra, b, in rb, state.Codes, out cap);
    }

    /// <summary>The comparisons <see cref="ScoreUncheckedAtLeast"/> makes for a pair under a finite floor, as a mask
    /// (bit <c>k</c> for <see cref="ComparisonKind"/> <c>k</c>), and whether it rules the pair out: for tests that show
    /// what the bound saves.</summary>
    internal int ComparisonsMade(RecordSet a, int i, RecordSet b, int j, double floor, out bool ruledOut)
    {
        var state = new BoundState(floor - BoundMargin, _priorWeight);
        ruledOut = RulesOut(a, in a.Row(i), b, in b.Row(j), ref state);
        return state.Made;
    }

    /// <summary>The passes of <see cref="ScoreUncheckedAtLeast"/>, cheapest first; returns whether the bound ruled the
    /// pair out (and then the rest were not made).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool RulesOut(RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb, ref BoundState state) =>

        // One method per pass: the JIT's inlining budget is per method, and one method holding all four passes ran out
        // of it (property getters became calls).
        Bound<CheapComparisons>(a, in ra, b, in rb, ref state)
        || Bound<NameComparisons>(a, in ra, b, in rb, ref state)
        || Bound<CostliestComparisons>(a, in ra, b, in rb, ref state);

    /// <summary>One pass of <see cref="ScoreUncheckedAtLeast"/>; returns whether the bound now rules the pair out.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Bound<TRank>(RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb, ref BoundState state)
        where TRank : struct, ICostRank
    {
        var visitor = new BoundVisitor<TRank>(this, a, in ra, b, in rb, ref state);
        ComparisonCatalog.Visit(ref visitor);
        return state.Upper < state.Floor;
    }

    /// <summary>The last step of <see cref="ScoreUncheckedAtLeast"/>: the weight from the kept codes.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double WeighKeptCodes(RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb, ulong codes, out MatchDecision cap)
    {
        var visitor = new ScoreVisitor<ReadsCodes>(this, a, in ra, b, in rb, codes);
        ComparisonCatalog.Visit(ref visitor);
        return Finish(a, in ra, b, in rb, visitor.Weight, visitor.Evidence, codes, out cap);
    }

    /// <summary>
    /// The weight below which a pair cannot reach the minimum decision, so its probability need not be computed.
    /// Negative infinity (never skip) when every pair is kept or the threshold is too close to 0 for the weight to
    /// stand for the probability exactly. Near 1 a rounding of the probability is worth a whole bit, so a threshold
    /// above 0.999 uses the floor of 0.999: lower than need be, but finite (a link that weighs competition holds every
    /// pair above its floor, so an infinite one would hold every candidate pair).
    /// </summary>
    internal double WeightFloor(MatchDecision minimum)
    {
        var threshold = minimum switch
        {
            MatchDecision.Review => Policy.ReviewProbability,
            MatchDecision.Match => Policy.MatchProbability,
            _ => 0,
        };

        // The policy's cap (different valid NHS numbers) can only lower a decision, so a pair below the threshold is never kept.
        if (!(threshold > 1e-300))
        {
            return double.NegativeInfinity;
        }

        // Every pair that reaches a threshold above 0.999 reaches 0.999.
        threshold = Math.Min(threshold, 0.999);

        // 1e-6 bits of margin is far more than the rounding of Math.Pow and one division in this range.
        return Math.Log2(threshold / (1 - threshold)) - 1e-6;
    }

    /// <summary>How far below a floor a bound must be to rule a pair out: 1e-6 bits, far above the rounding of a
    /// few dozen additions made in another order.</summary>
    private const double BoundMargin = 1e-6;

    /// <summary>Whether a scoring visitor reads every comparison's code from <see cref="BoundState.Codes"/> instead of
    /// comparing; a type argument, so the JIT drops the test.</summary>
    private interface ICodeSource
    {
        static abstract bool ReadsKeptCodes { get; }
    }

    /// <summary>Every comparison is made by the scoring visitor itself.</summary>
    private readonly struct ComparesAll : ICodeSource
    {
        public static bool ReadsKeptCodes => false;
    }

    /// <summary>Every comparison's code comes from <see cref="BoundState.Codes"/>.</summary>
    private readonly struct ReadsCodes : ICodeSource
    {
        public static bool ReadsKeptCodes => true;
    }

    /// <summary>Which <see cref="IComparisonDefinition.CostRank"/> a <see cref="BoundVisitor{TRank}"/> pass makes;
    /// a type argument, so each pass compiles to its own comparisons only.</summary>
    private interface ICostRank
    {
        static abstract int Rank { get; }
    }

    private readonly struct CheapComparisons : ICostRank
    {
        public static int Rank => 0;
    }

    private readonly struct NameComparisons : ICostRank
    {
        public static int Rank => 1;
    }

    private readonly struct CostliestComparisons : ICostRank
    {
        public static int Rank => 2;
    }

    /// <summary>What the passes of <see cref="ScoreUncheckedAtLeast"/> share: the bound, the codes made so far, and
    /// the most each costly comparison not yet made was counted as.</summary>
    private struct BoundState(double floor, double prior)
    {
        public readonly double Floor = floor;
        public double Upper = prior;
        public ulong Codes;

        /// <summary>The comparisons made (bit <c>k</c> for kind <c>k</c>), for <see cref="ComparisonsMade"/>.</summary>
        public int Made;
        public PendingBuffer Pending;

        /// <summary>Where the most a costly comparison not yet made was counted as is kept (no bounds check: the buffer
        /// has a slot for every comparison the catalog can hold).</summary>
        [UnscopedRef]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ref double PendingOf(int kind) => ref Unsafe.Add(ref Unsafe.As<PendingBuffer, double>(ref Pending), kind);
    }

    [InlineArray(ComparisonCatalog.MaxComparisons)]
    private struct PendingBuffer
    {
        private double _element;
    }

    /// <summary>One pass of <see cref="ScoreUncheckedAtLeast"/>: makes the comparisons of rank
    /// <typeparamref name="TRank"/>, keeps their codes and tightens the bound. The first pass (rank 0) also starts the
    /// bound: the prior, and for each costly comparison the most it could add to this pair.</summary>
    private ref struct BoundVisitor<TRank>(MatchModel model, RecordSet a, in PreparedRow ra, RecordSet b, in PreparedRow rb, ref BoundState state)
        : IComparisonVisitor
        where TRank : struct, ICostRank
    {
        private readonly Tables _tables = new(model);
        private readonly ref double _upperWeights = ref MemoryMarshal.GetArrayDataReference(model._upperWeights);
        private readonly ref double _upperAnyLevel = ref MemoryMarshal.GetArrayDataReference(model._upperAnyLevel);
        private readonly ref byte _codesByUpper = ref MemoryMarshal.GetArrayDataReference(model._codesByUpper);
        private readonly ref readonly PreparedRow _ra = ref ra;
        private readonly ref readonly PreparedRow _rb = ref rb;
        private readonly ref BoundState _state = ref state;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit<T>()
            where T : struct, IComparisonDefinition
        {
            if ((_tables.ActiveMask & (1 << (int)T.Kind)) == 0)
            {
                return;
            }

            var kind = (int)T.Kind;
            var slot = kind * ComparisonCatalog.CodesPerComparison;
            if (TRank.Rank == 0 && T.CostRank > 0)
            {
                // Not made yet: count the most it could add. A missing value has one code; otherwise a term-frequency
                // level's adjustment depends only on the two records' frequencies, so its level's most is exact here.
                var missing = ComparisonCatalog.Missing(kind, _ra.Present, _rb.Present);
                var most = missing != 0 ? Unsafe.Add(ref _upperWeights, slot + missing) : MostOf<T>(slot);
                _state.PendingOf(kind) = most;
                _state.Upper += most;
                return;
            }

            // In the later passes every comparison is in the bound, so once it is below the floor the rest are not made.
            if (T.CostRank != TRank.Rank || (TRank.Rank > 0 && _state.Upper < _state.Floor))
            {
                return;
            }

            var code = ComparisonCatalog.Missing(kind, _ra.Present, _rb.Present);
            if (code == 0)
            {
                code = T.Compare(in Unsafe.Add(ref _tables.Settings, kind), a, in _ra, b, in _rb);
            }

            _state.Codes |= (ulong)code << (kind * 4);
            _state.Made |= 1 << kind;
            var upper = Unsafe.Add(ref _upperWeights, slot + code);
            if (T.TermFrequencyFeatures > 0 && (Unsafe.Add(ref _tables.Settings, kind).TermFrequencyLevels & (1u << code)) != 0)
            {
                upper += Math.Max(0, Adjustment<T>(in _tables, slot, code, in _ra, in _rb));
            }

            if (T.CostRank == 0)
            {
                _state.Upper += upper;
                return;
            }

            _state.Upper += upper - _state.PendingOf(kind);
        }

        /// <summary>The most a costly comparison's levels could add to this pair: the largest bound over the levels it
        /// can reach (<see cref="IComparisonDefinition.UnreachableCodes"/>), with each term-frequency level's adjustment
        /// for these two records.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly double MostOf<T>(int slot)
            where T : struct, IComparisonDefinition
        {
            var unreachable = T.UnreachableCodes(in _ra, in _rb);
            var most = unreachable == 0 ? Unsafe.Add(ref _upperAnyLevel, (int)T.Kind) : MostReachable(slot, unreachable);
            if (T.TermFrequencyFeatures == 0)
            {
                return most;
            }

            var levels = Unsafe.Add(ref _tables.Settings, (int)T.Kind).TermFrequencyLevels & ~unreachable;
            for (; levels != 0; levels &= levels - 1)
            {
                var code = System.Numerics.BitOperations.TrailingZeroCount(levels);
                most = Math.Max(most, Unsafe.Add(ref _upperWeights, slot + code) + Math.Max(0, Adjustment<T>(in _tables, slot, code, in _ra, in _rb)));
            }

            return most;
        }

        /// <summary>The most the reachable codes without a term-frequency adjustment could add: the first reachable in
        /// the comparison's list by descending bound; negative infinity when none is (the term-frequency levels may be).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly double MostReachable(int slot, uint unreachable)
        {
            for (var k = 0; k < ComparisonCatalog.CodesPerComparison; k++)
            {
                int code = Unsafe.Add(ref _codesByUpper, slot + k);
                if (code == NoCode)
                {
                    break;
                }

                if ((unreachable & (1u << code)) == 0)
                {
                    return Unsafe.Add(ref _upperWeights, slot + code);
                }
            }

            return double.NegativeInfinity;
        }
    }
}
