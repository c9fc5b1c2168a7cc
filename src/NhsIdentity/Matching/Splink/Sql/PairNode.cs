namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>
/// A node of a typed level condition (<see cref="PairCompiler"/>): what the tree interpreter (<see cref="SqlExpression"/>)
/// computes, with the operator decided at load rather than per pair, values read from the prepared rows by slot, and
/// the pair's shared parts kept in its <see cref="PairState"/>. Each node gives exactly the interpreter's answer and
/// raises exactly its errors.
/// </summary>
internal abstract class PairNode(string condition)
{
    /// <summary>The condition the node was compiled from, for <see cref="SqlComparison"/>'s errors.</summary>
    public SqlExpression At { get; } = new ConstantExpression(SqlValue.Null) { Condition = condition };

    protected SplinkSqlException InvalidValue(string detail) => new(SplinkSqlError.InvalidValue, detail, At.Condition);

    /// <summary>A prepared value, raising the error a one-record expression met when the record was prepared, as the
    /// interpreter's slot does.</summary>
    protected static ref readonly SqlValue Read(SqlValue[] row, int slot)
    {
        ref readonly var value = ref row[slot];
        if (value.Kind == SqlValueKind.Error)
        {
            throw value.Error;
        }

        return ref value;
    }

    /// <summary>A prepared value of one side, from the record's kind and key arrays where the key is the value (no read
    /// of the record's <see cref="SqlValue"/> row), else from the row.</summary>
    protected static SqlValue ReadSlot(ref PairState state, bool left, int slot)
    {
        var packed = left ? state.LeftPacked : state.RightPacked;
        var kind = PackedRow.Kind(packed, slot);
        if (SqlValueHash.IsValueKey(kind))
        {
            return SqlValueHash.ValueOf(kind, PackedRow.Key(packed, state.Cells, slot));
        }

        return kind == SqlValueKind.Null ? SqlValue.Null : Read(left ? state.Left : state.Right, slot);
    }
}

/// <summary>A condition part read for its truth (AND, OR, NOT, a comparison, a CASE WHEN's test).</summary>
internal abstract class PairPredicate(string condition) : PairNode(condition)
{
    public abstract Tri Test(ref PairState state);

    public static Tri TruthOf(in SqlValue value) => value.IsNull ? Tri.Null : SqlExpression.IsTrue(value) ? Tri.True : Tri.False;

    public static SqlValue ValueOf(Tri truth) => truth switch
    {
        Tri.True => SqlValue.True,
        Tri.False => SqlValue.False,
        _ => SqlValue.Null,
    };
}

/// <summary>A condition part read for its value (a column, a distance, arithmetic).</summary>
internal abstract class PairValue(string condition) : PairNode(condition)
{
    public abstract SqlValue Evaluate(ref PairState state);
}
