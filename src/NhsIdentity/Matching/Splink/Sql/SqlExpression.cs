namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>The two value rows an expression reads: a pair's prepared features, or (when a record is prepared) the
/// record's own columns on both sides.</summary>
internal readonly struct SqlRows(SqlValue[] left, SqlValue[] right)
{
    public SqlValue[] Left { get; } = left;

    public SqlValue[] Right { get; } = right;
}

/// <summary>
/// A compiled condition: a tree of nodes, each evaluating to a <see cref="SqlValue"/> struct, built once when the model
/// loads. Evaluating it parses nothing and, on every path the comparison libraries generate (equality, null tests, the
/// string distances, date and number arithmetic, list intersections), allocates nothing: text a function of one record
/// computes (<c>lower</c>, <c>substr</c>, <c>regexp_extract</c>, <c>try_strptime</c>) was computed when the record was
/// prepared.
/// </summary>
internal abstract class SqlExpression
{
    /// <summary>The condition this node was compiled from, quoted by errors raised while evaluating it.</summary>
    public required string Condition { get; init; }

    public abstract SqlValue Evaluate(in SqlRows rows);

    /// <summary>The SQL truth of a value in a CASE WHEN: only TRUE (or a non-zero number) is true; NULL is not.</summary>
    public static bool IsTrue(in SqlValue value) => value.Kind switch
    {
        SqlValueKind.Boolean => value.Boolean,
        SqlValueKind.Number => value.Number != 0,
        _ => false,
    };

    protected SplinkSqlException InvalidValue(string detail) => new(SplinkSqlError.InvalidValue, detail, Condition);
}

internal sealed class SlotExpression(SqlSide side, int index) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var value = side == SqlSide.Left ? rows.Left[index] : rows.Right[index];
        return value.Kind == SqlValueKind.Error ? throw value.Error : value;
    }
}

internal sealed class ConstantExpression(SqlValue value) : SqlExpression
{
    public SqlValue Value { get; } = value;

    public override SqlValue Evaluate(in SqlRows rows) => Value;
}

internal sealed class AndExpression(SqlExpression left, SqlExpression right) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = left.Evaluate(rows);
        if (!a.IsNull && !IsTrue(a))
        {
            return SqlValue.False;
        }

        var b = right.Evaluate(rows);
        if (!b.IsNull && !IsTrue(b))
        {
            return SqlValue.False;
        }

        return a.IsNull || b.IsNull ? SqlValue.Null : SqlValue.True;
    }
}

internal sealed class OrExpression(SqlExpression left, SqlExpression right) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = left.Evaluate(rows);
        if (IsTrue(a))
        {
            return SqlValue.True;
        }

        var b = right.Evaluate(rows);
        if (IsTrue(b))
        {
            return SqlValue.True;
        }

        return a.IsNull || b.IsNull ? SqlValue.Null : SqlValue.False;
    }
}

internal sealed class NotExpression(SqlExpression operand) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = operand.Evaluate(rows);
        return a.IsNull ? SqlValue.Null : SqlValue.FromBoolean(!IsTrue(a));
    }
}

internal sealed class IsNullExpression(SqlExpression operand, bool negated) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows) => SqlValue.FromBoolean(operand.Evaluate(rows).IsNull != negated);
}

internal sealed class CompareExpression(string op, SqlExpression left, SqlExpression right) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = left.Evaluate(rows);
        var b = right.Evaluate(rows);
        if (op is "IS DISTINCT FROM" or "IS NOT DISTINCT FROM")
        {
            var same = (a.IsNull && b.IsNull) || (!a.IsNull && !b.IsNull && SqlComparison.Compare(a, b, this) == 0);
            return SqlValue.FromBoolean(same == (op == "IS NOT DISTINCT FROM"));
        }

        if (a.IsNull || b.IsNull)
        {
            return SqlValue.Null;
        }

        var order = SqlComparison.Compare(a, b, this);
        return SqlValue.FromBoolean(op switch
        {
            "=" => order == 0,
            "<>" => order != 0,
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        });
    }
}

internal sealed class InExpression(SqlExpression operand, SqlExpression[] items, bool negated) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = operand.Evaluate(rows);
        if (a.IsNull)
        {
            return SqlValue.Null;
        }

        var sawNull = false;
        foreach (var item in items)
        {
            var b = item.Evaluate(rows);
            if (b.IsNull)
            {
                sawNull = true;
            }
            else if (SqlComparison.Compare(a, b, this) == 0)
            {
                return SqlValue.FromBoolean(!negated);
            }
        }

        return sawNull ? SqlValue.Null : SqlValue.FromBoolean(negated);
    }
}

internal sealed class CaseExpression(SqlExpression[] whens, SqlExpression[] thens, SqlExpression? otherwise) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        for (var i = 0; i < whens.Length; i++)
        {
            if (IsTrue(whens[i].Evaluate(rows)))
            {
                return thens[i].Evaluate(rows);
            }
        }

        return otherwise?.Evaluate(rows) ?? SqlValue.Null;
    }
}

internal sealed class ArithmeticExpression(string op, SqlExpression left, SqlExpression right) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = left.Evaluate(rows);
        var b = right.Evaluate(rows);
        if (a.IsNull || b.IsNull)
        {
            return SqlValue.Null;
        }

        if (op == "-" && a.Kind == SqlValueKind.Date && b.Kind == SqlValueKind.Date)
        {
            // DuckDB: DATE - DATE is the number of days between them.
            return SqlValue.FromNumber(a.Integer - b.Integer);
        }

        var x = SqlComparison.ToNumber(a, this);
        var y = SqlComparison.ToNumber(b, this);
        return op switch
        {
            "+" => SqlValue.FromNumber(x + y),
            "-" => SqlValue.FromNumber(x - y),
            "*" => SqlValue.FromNumber(x * y),
            "/" => y == 0 ? SqlValue.Null : SqlValue.FromNumber(x / y),
            "//" => y == 0 ? SqlValue.Null : SqlValue.FromNumber(Math.Floor(x / y)),
            _ => y == 0 ? SqlValue.Null : SqlValue.FromNumber(x % y),
        };
    }
}

internal sealed class NegateExpression(SqlExpression operand) : SqlExpression
{
    public override SqlValue Evaluate(in SqlRows rows)
    {
        var a = operand.Evaluate(rows);
        return a.IsNull ? SqlValue.Null : SqlValue.FromNumber(-SqlComparison.ToNumber(a, this));
    }
}

/// <summary>
/// A costly two-record expression that several levels of a model repeat (<c>jaro_winkler_similarity(name_l, name_r)</c>
/// in each of three bands): evaluated once per pair and reused by the later levels, as a query engine evaluates a common
/// subexpression once per row. The value is kept per thread, keyed by the pair's two feature rows (an evaluation of
/// another pair, or by another model, replaces it), so the model stays immutable and thread-safe and a pair allocates
/// nothing once the thread's table has grown to the model's size.
/// </summary>
internal sealed class MemoExpression(SqlExpression inner, object owner, int slot) : SqlExpression
{
    [ThreadStatic]
    private static MemoTable? t_table;

    public override SqlValue Evaluate(in SqlRows rows)
    {
        var table = t_table ??= new MemoTable();
        if (!ReferenceEquals(table.Owner, owner) || table.Entries.Length <= slot)
        {
            table.Reset(owner, slot + 1);
        }

        ref var entry = ref table.Entries[slot];
        if (!ReferenceEquals(entry.Left, rows.Left) || !ReferenceEquals(entry.Right, rows.Right))
        {
            entry.Value = inner.Evaluate(rows);
            entry.Left = rows.Left;
            entry.Right = rows.Right;
        }

        return entry.Value;
    }

    private sealed class MemoTable
    {
        public object? Owner;
        public Entry[] Entries = [];

        public void Reset(object owner, int size)
        {
            if (!ReferenceEquals(Owner, owner) || Entries.Length < size)
            {
                Entries = new Entry[Math.Max(size, Entries.Length)];
            }

            Owner = owner;
        }
    }

    private struct Entry
    {
        public SqlValue[]? Left;
        public SqlValue[]? Right;
        public SqlValue Value;
    }
}
