using NhsIdentity.Matching.Splink.Sql;

namespace NhsIdentity.Matching.Splink;

public sealed partial class SplinkModel
{
    private const double ProductFloor = 1e-300;
    private const double ProductCeiling = 1e300;

    /// <summary>
    /// The match weight of a pair: <c>log2</c> of the prior odds times each comparison's Bayes factor and term-frequency
    /// adjustment, the product clamped to 1e-300..1e300 (Splink's <c>predict()</c>). Allocates nothing on the paths the
    /// comparison libraries generate.
    /// </summary>
    /// <param name="left">The set holding the left record (Splink's <c>_l</c>).</param>
    /// <param name="leftIndex">The left record's position.</param>
    /// <param name="right">The set holding the right record (<c>_r</c>).</param>
    /// <param name="rightIndex">The right record's position.</param>
    /// <returns>The weight; NaN when a comparison without ELSE had no true level (Splink's NULL).</returns>
    /// <exception cref="SplinkSqlException">A condition failed on these values where DuckDB fails too
    /// (<see cref="SplinkSqlError.InvalidValue"/>).</exception>
    public double MatchWeight(SplinkRecordSet left, int leftIndex, SplinkRecordSet right, int rightIndex)
    {
        var product = Product(left, leftIndex, right, rightIndex, scores: null, interpret: false);
        return Math.Log2(Math.Clamp(product, ProductFloor, ProductCeiling));
    }

    /// <summary><see cref="MatchWeight"/> by the tree interpreter (<see cref="SqlExpression"/>) instead of the typed
    /// conditions: the reference the typed path is tested and benchmarked against.</summary>
    internal double InterpretedMatchWeight(SplinkRecordSet left, int leftIndex, SplinkRecordSet right, int rightIndex)
    {
        var product = Product(left, leftIndex, right, rightIndex, scores: null, interpret: true);
        return Math.Log2(Math.Clamp(product, ProductFloor, ProductCeiling));
    }

    /// <summary>Scores a pair with every comparison's level and partial weights (allocates the result).</summary>
    /// <param name="left">The set holding the left record.</param>
    /// <param name="leftIndex">The left record's position.</param>
    /// <param name="right">The set holding the right record.</param>
    /// <param name="rightIndex">The right record's position.</param>
    /// <returns>The score.</returns>
    /// <exception cref="SplinkSqlException">A condition failed on these values where DuckDB fails too.</exception>
    public SplinkScore Score(SplinkRecordSet left, int leftIndex, SplinkRecordSet right, int rightIndex) =>
        Score(left, leftIndex, right, rightIndex, interpret: false);

    /// <summary><see cref="Score(SplinkRecordSet, int, SplinkRecordSet, int)"/>, by the tree interpreter when
    /// <paramref name="interpret"/> is true.</summary>
    internal SplinkScore Score(SplinkRecordSet left, int leftIndex, SplinkRecordSet right, int rightIndex, bool interpret)
    {
        var scores = new SplinkComparisonScore[Comparisons.Count];
        var product = Product(left, leftIndex, right, rightIndex, scores, interpret);
        var clamped = Math.Clamp(product, ProductFloor, ProductCeiling);
        var probability = double.IsPositiveInfinity(product) ? 1 : clamped / (1 + clamped);
        return new SplinkScore(Math.Log2(clamped), probability, scores);
    }

    /// <summary>Scores two records prepared together, with term frequencies from <paramref name="termFrequencies"/>
    /// (null computes them from the two records alone, which is rarely what a model was trained with).</summary>
    /// <param name="left">The left record.</param>
    /// <param name="right">The right record.</param>
    /// <param name="termFrequencies">The tf tables, or null.</param>
    /// <returns>The score.</returns>
    public SplinkScore ScoreRecords(SplinkRecord left, SplinkRecord right, SplinkTermFrequencies? termFrequencies)
    {
        var set = Prepare([left, right], termFrequencies);
        return Score(set, 0, set, 1);
    }

    /// <summary>Above this many slots a pair's scratch is taken from the heap rather than the stack.</summary>
    private const int StackScratchLimit = 1024;

    private double Product(
        SplinkRecordSet left, int leftIndex, SplinkRecordSet right, int rightIndex, SplinkComparisonScore[]? scores, bool interpret)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Model != this || right.Model != this)
        {
            throw new ArgumentException("The records were prepared by another model.", left.Model != this ? nameof(left) : nameof(right));
        }

        var state = new PairState
        {
            Left = left.Features[leftIndex],
            Right = right.Features[rightIndex],
            LeftPacked = left.Packed[leftIndex],
            RightPacked = right.Packed[rightIndex],
            Cells = PackedRow.KindLongs(_features.Length),
            LeftLists = left.Lists[leftIndex],
            RightLists = right.Lists[rightIndex],
            Truths = _truthSlots <= StackScratchLimit ? stackalloc byte[_truthSlots] : new byte[_truthSlots],
            NumberStates = _numberSlots <= StackScratchLimit ? stackalloc byte[_numberSlots] : new byte[_numberSlots],
            Numbers = _numberSlots <= StackScratchLimit ? stackalloc double[_numberSlots] : new double[_numberSlots],
        };
        var rows = state.Rows;
        var leftTf = left.TermFrequencies[leftIndex];
        var rightTf = right.TermFrequencies[rightIndex];
        var product = ProbabilityTwoRandomRecordsMatch / (1 - ProbabilityTwoRandomRecordsMatch);
        for (var c = 0; c < _levels.Length; c++)
        {
            var levels = _levels[c];
            var taken = -1;
            for (var l = 0; l < levels.Length; l++)
            {
                var level = levels[l];
                if (level.Typed is not { } typed)
                {
                    taken = l;
                    break;
                }

                if (interpret ? SqlExpression.IsTrue(level.Compiled!.Evaluate(rows)) : typed.Test(ref state) == Tri.True)
                {
                    taken = l;
                    break;
                }
            }

            if (taken < 0)
            {
                scores?[c] = new SplinkComparisonScore(Comparisons[c], -1, double.NaN, 0);
                product = double.NaN;
                continue;
            }

            var reached = levels[taken];
            var tfFactor = TermFrequencyFactor(reached, leftTf, rightTf);
            product *= reached.BayesFactor;
            product *= tfFactor;
            scores?[c] = new SplinkComparisonScore(Comparisons[c], taken, reached.IsNullLevel ? 0 : reached.Weight, Math.Log2(tfFactor));
        }

        return product;
    }

    /// <summary>Splink's <c>bf_tf_adj</c>: <c>(u_exact / max(tf_l, tf_r, tf_minimum_u_value)) ^ weight</c>, the other
    /// side's frequency standing in for a missing one, 1 when neither is known.</summary>
    private static double TermFrequencyFactor(SplinkComparisonLevel level, double[] leftTf, double[] rightTf)
    {
        if (level.TfSlot < 0)
        {
            return 1;
        }

        var l = leftTf[level.TfSlot];
        var r = rightTf[level.TfSlot];
        if (double.IsNaN(l) && double.IsNaN(r))
        {
            return 1;
        }

        var a = double.IsNaN(l) ? r : l;
        var b = double.IsNaN(r) ? l : r;
        var minimum = level.TfMinimumUValue;
        double divisor;
        if (minimum == 0)
        {
            divisor = a >= b ? a : b;
        }
        else
        {
            divisor = a >= b && a > minimum ? a : b > minimum ? b : minimum;
        }

        return Math.Pow(level.TfExactMatchU / divisor, level.TfAdjustmentWeight);
    }
}
