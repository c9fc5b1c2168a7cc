namespace NhsIdentity.Matching.Splink.Sql;

internal sealed class AndPredicate(PairPredicate left, PairPredicate right, string condition) : PairPredicate(condition)
{
    public override Tri Test(ref PairState state)
    {
        var a = left.Test(ref state);
        if (a == Tri.False)
        {
            return Tri.False;
        }

        var b = right.Test(ref state);
        if (b == Tri.False)
        {
            return Tri.False;
        }

        return a == Tri.Null || b == Tri.Null ? Tri.Null : Tri.True;
    }
}

internal sealed class OrPredicate(PairPredicate left, PairPredicate right, string condition) : PairPredicate(condition)
{
    public override Tri Test(ref PairState state)
    {
        var a = left.Test(ref state);
        if (a == Tri.True)
        {
            return Tri.True;
        }

        var b = right.Test(ref state);
        if (b == Tri.True)
        {
            return Tri.True;
        }

        return a == Tri.Null || b == Tri.Null ? Tri.Null : Tri.False;
    }
}

internal sealed class NotPredicate(PairPredicate operand, string condition) : PairPredicate(condition)
{
    public override Tri Test(ref PairState state)
    {
        var a = operand.Test(ref state);
        return a == Tri.Null ? Tri.Null : a == Tri.True ? Tri.False : Tri.True;
    }
}

/// <summary><c>coalesce(x, TRUE|FALSE)</c> read for its truth: x's truth, or the literal's where x is NULL (the form the
/// exported household context wraps each level in).</summary>
internal sealed class CoalescePredicate(PairPredicate operand, Tri otherwise, string condition) : PairPredicate(condition)
{
    public override Tri Test(ref PairState state)
    {
        var a = operand.Test(ref state);
        return a == Tri.Null ? otherwise : a;
    }
}

internal sealed class ConstantPredicate(Tri value, string condition) : PairPredicate(condition)
{
    public override Tri Test(ref PairState state) => value;
}

/// <summary>A one-record condition (<c>name_l IS NULL</c>, <c>count_r &gt; 1</c>): computed when the record was
/// prepared, read here from its slot.</summary>
internal sealed class SlotPredicate(bool left, int slot, string condition) : PairPredicate(condition)
{
    public override Tri Test(ref PairState state) => TruthOf(ReadSlot(ref state, left, slot));
}

/// <summary>A value read for its truth (SQL: TRUE, or a non-zero number).</summary>
internal sealed class ValueTruthPredicate(PairValue value, string condition) : PairPredicate(condition)
{
    public override Tri Test(ref PairState state) => TruthOf(value.Evaluate(ref state));
}

/// <summary><c>x IS [NOT] NULL</c> of a prepared value: its kind, read from the record's kind array.</summary>
internal sealed class IsNullSlotPredicate(bool left, int slot, bool negated, string condition) : PairPredicate(condition)
{
    public override Tri Test(ref PairState state)
    {
        var kind = PackedRow.Kind(left ? state.LeftPacked : state.RightPacked, slot);
        if (kind == SqlValueKind.Error)
        {
            _ = Read(left ? state.Left : state.Right, slot);
        }

        return (kind == SqlValueKind.Null) != negated ? Tri.True : Tri.False;
    }
}

internal sealed class IsNullPredicate(PairValue operand, bool negated, string condition) : PairPredicate(condition)
{
    public override Tri Test(ref PairState state) => operand.Evaluate(ref state).IsNull != negated ? Tri.True : Tri.False;
}

internal enum CompareOperator : byte
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    IsDistinctFrom,
    IsNotDistinctFrom,
}

/// <summary>A comparison of two values with the operator decided at load (<see cref="CompareExpression"/> per pair
/// switches on the operator's text).</summary>
internal sealed class ComparePredicate(CompareOperator op, PairValue left, PairValue right, string condition) : PairPredicate(condition)
{
    public override Tri Test(ref PairState state)
    {
        var a = left.Evaluate(ref state);
        var b = right.Evaluate(ref state);
        if (op >= CompareOperator.IsDistinctFrom)
        {
            var same = (a.IsNull && b.IsNull) || (!a.IsNull && !b.IsNull && SqlComparison.Compare(a, b, At) == 0);
            return same == (op == CompareOperator.IsNotDistinctFrom) ? Tri.True : Tri.False;
        }

        if (a.IsNull || b.IsNull)
        {
            return Tri.Null;
        }

        return Holds(op, SqlComparison.Compare(a, b, At)) ? Tri.True : Tri.False;
    }

    public static bool Holds(CompareOperator op, int order) => op switch
    {
        CompareOperator.Equal => order == 0,
        CompareOperator.NotEqual => order != 0,
        CompareOperator.Less => order < 0,
        CompareOperator.LessOrEqual => order <= 0,
        CompareOperator.Greater => order > 0,
        _ => order >= 0,
    };
}

/// <summary>
/// <c>a_l = b_r</c> or <c>a_l &lt;&gt; b_r</c> of two prepared values, from the records' kind and key arrays: numbers,
/// dates, timestamps and booleans by their keys (their values), texts by their hashes (equal hashes confirmed on the
/// bytes); NULLs, lists, errors and values of two kinds take the interpreter's comparison.
/// </summary>
internal sealed class EqualSlotsPredicate(bool leftSide, int leftSlot, bool rightSide, int rightSlot, bool negated, string condition)
    : PairPredicate(condition)
{
    public override Tri Test(ref PairState state)
    {
        var x = leftSide ? state.LeftPacked : state.RightPacked;
        var y = rightSide ? state.LeftPacked : state.RightPacked;
        var kind = PackedRow.Kind(x, leftSlot);
        if (kind == PackedRow.Kind(y, rightSlot))
        {
            var a = PackedRow.Key(x, state.Cells, leftSlot);
            var b = PackedRow.Key(y, state.Cells, rightSlot);
            bool equal;
            switch (kind)
            {
                case SqlValueKind.Number:
                    equal = a == b || BitConverter.Int64BitsToDouble(a).CompareTo(BitConverter.Int64BitsToDouble(b)) == 0;
                    break;
                case SqlValueKind.Date or SqlValueKind.Timestamp or SqlValueKind.Boolean:
                    equal = a == b;
                    break;
                case SqlValueKind.Text:
                    equal = a == b && PackedRow.Text(x, state.Cells, leftSlot).SequenceEqual(PackedRow.Text(y, state.Cells, rightSlot));
                    break;
                default:
                    return Slow(ref state);
            }

            return equal != negated ? Tri.True : Tri.False;
        }

        return Slow(ref state);
    }

    private Tri Slow(ref PairState state)
    {
        var x = Read(leftSide ? state.Left : state.Right, leftSlot);
        var y = Read(rightSide ? state.Left : state.Right, rightSlot);
        if (x.IsNull || y.IsNull)
        {
            return Tri.Null;
        }

        return (SqlComparison.Compare(x, y, At) == 0) != negated ? Tri.True : Tri.False;
    }
}

/// <summary>A prepared number against a number literal (<c>dob_partial_l = 0</c>, <c>count_r &gt; 1</c> when written
/// over two records); any other kind takes the interpreter's comparison.</summary>
internal sealed class SlotConstantPredicate(bool left, int slot, CompareOperator op, SqlValue constant, bool constantFirst, string condition)
    : PairPredicate(condition)
{
    public override Tri Test(ref PairState state)
    {
        var a = ReadSlot(ref state, left, slot);
        if (a.IsNull || constant.IsNull)
        {
            return Tri.Null;
        }

        int order;
        if (a.Kind == SqlValueKind.Number && constant.Kind == SqlValueKind.Number)
        {
            order = constantFirst ? constant.Number.CompareTo(a.Number) : a.Number.CompareTo(constant.Number);
        }
        else
        {
            order = constantFirst ? SqlComparison.Compare(constant, a, At) : SqlComparison.Compare(a, constant, At);
        }

        return ComparePredicate.Holds(op, order) ? Tri.True : Tri.False;
    }
}

/// <summary>A condition part the model repeats (a level inside the household context, the context inside many levels):
/// tested once per pair, its truth kept in the pair's scratch.</summary>
internal sealed class MemoPredicate(PairPredicate inner, int slot, string condition) : PairPredicate(condition)
{
    public override Tri Test(ref PairState state)
    {
        ref var known = ref state.Truths[slot];
        if (known != 0)
        {
            return (Tri)(known - 1);
        }

        var truth = inner.Test(ref state);
        known = (byte)(truth + 1);
        return truth;
    }
}
