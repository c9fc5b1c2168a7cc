namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>A prepared value (a column, or any one-record expression), read from its slot.</summary>
internal sealed class SlotValue(bool left, int slot, string condition) : PairValue(condition)
{
    public bool IsLeft => left;

    public int Slot => slot;

    public override SqlValue Evaluate(ref PairState state) => ReadSlot(ref state, left, slot);
}

internal sealed class ConstantValue(SqlValue value, string condition) : PairValue(condition)
{
    public SqlValue Value => value;

    public override SqlValue Evaluate(ref PairState state) => value;
}

/// <summary>A truth used as a value (<c>(a = b) = TRUE</c>): TRUE, FALSE or NULL, as the interpreter's logic gives.</summary>
internal sealed class PredicateValue(PairPredicate predicate, string condition) : PairValue(condition)
{
    public override SqlValue Evaluate(ref PairState state) => PairPredicate.ValueOf(predicate.Test(ref state));
}

/// <summary>Anything the typed compiler does not write itself: the interpreter's tree for it.</summary>
internal sealed class FallbackValue(SqlExpression expression, string condition) : PairValue(condition)
{
    public override SqlValue Evaluate(ref PairState state) => expression.Evaluate(state.Rows);
}

/// <summary>
/// A string distance of two values (<see cref="StringDistanceExpression"/>'s semantics: DuckDB's, over UTF-8 bytes),
/// computed at most once per pair however many levels test it (three Jaro-Winkler bands read one similarity).
/// </summary>
internal sealed class DistanceValue(StringDistance distance, PairValue left, PairValue right, int slot, string condition) : PairValue(condition)
{
    public override SqlValue Evaluate(ref PairState state)
    {
        ref var known = ref state.NumberStates[slot];
        if (known != 0)
        {
            return known == 1 ? SqlValue.Null : SqlValue.FromNumber(state.Numbers[slot]);
        }

        ReadOnlySpan<byte> x, y;
        if (left is SlotValue l && right is SlotValue r)
        {
            // Both prepared: read the bytes from the packed rows; any kind but text takes the general path's errors.
            var lp = l.IsLeft ? state.LeftPacked : state.RightPacked;
            var rp = r.IsLeft ? state.LeftPacked : state.RightPacked;
            if (PackedRow.Kind(lp, l.Slot) != SqlValueKind.Text || PackedRow.Kind(rp, r.Slot) != SqlValueKind.Text)
            {
                return General(ref state);
            }

            x = PackedRow.Text(lp, state.Cells, l.Slot);
            y = PackedRow.Text(rp, state.Cells, r.Slot);
        }
        else
        {
            return General(ref state);
        }

        return Compute(ref state, x, y);
    }

    private SqlValue General(ref PairState state)
    {
        var a = left.Evaluate(ref state);
        var b = right.Evaluate(ref state);
        if (a.IsNull || b.IsNull)
        {
            state.NumberStates[slot] = 1;
            return SqlValue.Null;
        }

        return Compute(ref state, TextOf(a), TextOf(b));
    }

    private SqlValue Compute(ref PairState state, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        if (!DuckDbStringDistances.TryMeasure(distance, x, y, out var value))
        {
            throw InvalidValue(StringDistanceExpression.JaccardOfEmpty);
        }

        state.Numbers[slot] = value;
        state.NumberStates[slot] = 2;
        return SqlValue.FromNumber(value);
    }

    private byte[] TextOf(in SqlValue value) =>
        value.Kind == SqlValueKind.Text ? value.Text.Utf8 : throw InvalidValue($"A {value.Kind} value was given to a string distance.");
}

/// <summary>A two-record number the model repeats (the address's Levenshtein ratio in two bands): computed once per
/// pair. Only NULL and numbers are kept; any other result is recomputed each time it is read.</summary>
internal sealed class MemoValue(PairValue inner, int slot, string condition) : PairValue(condition)
{
    public override SqlValue Evaluate(ref PairState state)
    {
        ref var known = ref state.NumberStates[slot];
        if (known != 0)
        {
            return known == 1 ? SqlValue.Null : SqlValue.FromNumber(state.Numbers[slot]);
        }

        var value = inner.Evaluate(ref state);
        if (value.IsNull)
        {
            known = 1;
        }
        else if (value.Kind == SqlValueKind.Number)
        {
            state.Numbers[slot] = value.Number;
            known = 2;
        }

        return value;
    }
}

internal enum ArithmeticOperator : byte
{
    Add,
    Subtract,
    Multiply,
    Divide,
    IntegerDivide,
    Modulo,
}

/// <summary><see cref="ArithmeticExpression"/> with the operator decided at load.</summary>
internal sealed class ArithmeticValue(ArithmeticOperator op, PairValue left, PairValue right, string condition) : PairValue(condition)
{
    public override SqlValue Evaluate(ref PairState state)
    {
        var a = left.Evaluate(ref state);
        var b = right.Evaluate(ref state);
        if (a.IsNull || b.IsNull)
        {
            return SqlValue.Null;
        }

        if (op == ArithmeticOperator.Subtract && a.Kind == SqlValueKind.Date && b.Kind == SqlValueKind.Date)
        {
            return SqlValue.FromNumber(a.Integer - b.Integer);
        }

        var x = a.Kind == SqlValueKind.Number ? a.Number : SqlComparison.ToNumber(a, At);
        var y = b.Kind == SqlValueKind.Number ? b.Number : SqlComparison.ToNumber(b, At);
        return op switch
        {
            ArithmeticOperator.Add => SqlValue.FromNumber(x + y),
            ArithmeticOperator.Subtract => SqlValue.FromNumber(x - y),
            ArithmeticOperator.Multiply => SqlValue.FromNumber(x * y),
            ArithmeticOperator.Divide => y == 0 ? SqlValue.Null : SqlValue.FromNumber(x / y),
            ArithmeticOperator.IntegerDivide => y == 0 ? SqlValue.Null : SqlValue.FromNumber(Math.Floor(x / y)),
            _ => y == 0 ? SqlValue.Null : SqlValue.FromNumber(x % y),
        };
    }
}

internal sealed class AbsValue(PairValue operand, string condition) : PairValue(condition)
{
    public override SqlValue Evaluate(ref PairState state)
    {
        var a = operand.Evaluate(ref state);
        return a.IsNull ? SqlValue.Null : SqlValue.FromNumber(Math.Abs(a.Kind == SqlValueKind.Number ? a.Number : SqlComparison.ToNumber(a, At)));
    }
}

/// <summary><c>CASE WHEN ... THEN ... [ELSE ...] END</c> (<see cref="CaseExpression"/>).</summary>
internal sealed class CaseValue(PairPredicate[] whens, PairValue[] thens, PairValue? otherwise, string condition) : PairValue(condition)
{
    public override SqlValue Evaluate(ref PairState state)
    {
        for (var i = 0; i < whens.Length; i++)
        {
            if (whens[i].Test(ref state) == Tri.True)
            {
                return thens[i].Evaluate(ref state);
            }
        }

        return otherwise is null ? SqlValue.Null : otherwise.Evaluate(ref state);
    }
}

/// <summary><c>array_length(list_intersect(a, b))</c> of two prepared lists (<see cref="IntersectCountExpression"/>):
/// by one merge of their indexed hashes (<see cref="PreparedList"/>), or, for lists of mixed kinds, as the
/// interpreter counts.</summary>
internal sealed class IntersectCountValue(SlotValue left, SlotValue right, SqlExpression interpreted, string condition) : PairValue(condition)
{
    public override SqlValue Evaluate(ref PairState state)
    {
        var a = left.Evaluate(ref state);
        var b = right.Evaluate(ref state);
        if (a.IsNull || b.IsNull || a.Kind != SqlValueKind.List || b.Kind != SqlValueKind.List)
        {
            return interpreted.Evaluate(state.Rows);
        }

        var x = (left.IsLeft ? state.LeftLists : state.RightLists)?[left.Slot];
        var y = (right.IsLeft ? state.LeftLists : state.RightLists)?[right.Slot];
        if (x is { IsIndexed: true } && y is { IsIndexed: true }
            && (x.Kind == y.Kind || x.Kind == SqlValueKind.Null || y.Kind == SqlValueKind.Null))
        {
            return SqlValue.FromNumber(PreparedList.SharedCount(x, y));
        }

        return interpreted.Evaluate(state.Rows);
    }
}

/// <summary><c>least</c> / <c>greatest</c>, skipping NULLs (<see cref="ExtremumExpression"/>).</summary>
internal sealed class ExtremumValue(PairValue[] operands, bool greatest, string condition) : PairValue(condition)
{
    public override SqlValue Evaluate(ref PairState state)
    {
        var best = SqlValue.Null;
        foreach (var operand in operands)
        {
            var a = operand.Evaluate(ref state);
            if (!a.IsNull && (best.IsNull || (SqlComparison.Compare(a, best, At) > 0) == greatest))
            {
                best = a;
            }
        }

        return best;
    }
}
