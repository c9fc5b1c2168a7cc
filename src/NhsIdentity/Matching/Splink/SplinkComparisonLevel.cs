using NhsIdentity.Matching.Splink.Sql;

namespace NhsIdentity.Matching.Splink;

/// <summary>One level of a <see cref="SplinkComparison"/>, as the saved model describes it, with its condition
/// compiled.</summary>
public sealed class SplinkComparisonLevel
{
    internal SplinkComparisonLevel(
        string condition, string? label, bool isNullLevel, double? m, double? u, string? tfColumn, double tfWeight,
        double tfMinimumU, bool disableTfExactMatchDetection, SqlExpression? compiled)
    {
        Condition = condition;
        Label = label ?? condition;
        IsNullLevel = isNullLevel;
        MProbability = m;
        UProbability = u;
        TfAdjustmentColumn = tfColumn?.ToLowerInvariant();
        TfAdjustmentWeight = tfWeight;
        TfMinimumUValue = tfMinimumU;
        DisableTfExactMatchDetection = disableTfExactMatchDetection;
        Compiled = compiled;
        BayesFactor = isNullLevel ? 1 : u == 0 ? double.PositiveInfinity : m!.Value / u!.Value;
    }

    /// <summary>Gets the level's <c>sql_condition</c> as written in the model.</summary>
    public string Condition { get; }

    /// <summary>Gets the level's <c>label_for_charts</c>, or its condition when it has none.</summary>
    public string Label { get; }

    /// <summary>Gets whether the level is <c>ELSE</c> (every pair that reaches it).</summary>
    public bool IsElse => Compiled is null;

    /// <summary>Gets whether the level is a null level (<c>is_null_level</c>): its Bayes factor is 1.</summary>
    public bool IsNullLevel { get; }

    /// <summary>Gets <c>m_probability</c> (null for a null level).</summary>
    public double? MProbability { get; }

    /// <summary>Gets <c>u_probability</c> (null for a null level).</summary>
    public double? UProbability { get; }

    /// <summary>Gets the Bayes factor <c>m / u</c> (1 for a null level, infinity when u is 0).</summary>
    public double BayesFactor { get; }

    /// <summary>Gets the partial match weight, <c>log2(m / u)</c>.</summary>
    public double Weight => Math.Log2(BayesFactor);

    /// <summary>Gets <c>tf_adjustment_column</c> (lower case), or null when the level has no term-frequency adjustment.</summary>
    public string? TfAdjustmentColumn { get; }

    /// <summary>Gets <c>tf_adjustment_weight</c> (1 when the model does not say).</summary>
    public double TfAdjustmentWeight { get; }

    /// <summary>Gets <c>tf_minimum_u_value</c> (0 when the model does not say).</summary>
    public double TfMinimumUValue { get; }

    /// <summary>Gets <c>disable_tf_exact_match_detection</c>: the adjustment uses this level's own u.</summary>
    public bool DisableTfExactMatchDetection { get; }

    internal SqlExpression? Compiled { get; }

    /// <summary>The parsed condition (null for ELSE), which <see cref="PairCompiler"/> compiles once every level is read.</summary>
    internal SqlNode? Parsed { get; init; }

    /// <summary>The condition as a typed tree (null for ELSE), what the scorer runs; <see cref="Compiled"/> is the
    /// interpreter's tree of the same condition, kept to check the typed one against.</summary>
    internal PairPredicate? Typed { get; set; }

    /// <summary>The u probability the term-frequency adjustment divides (set when the comparison is built).</summary>
    internal double TfExactMatchU { get; set; }

    /// <summary>The index of the tf column's frequency in a prepared row, or -1 when the level makes no adjustment.</summary>
    internal int TfSlot { get; set; } = -1;

    /// <summary>Whether the condition is exactly <c>col_l = col_r</c> on one column, returning that column.</summary>
    internal string? ExactMatchColumn { get; init; }
}
