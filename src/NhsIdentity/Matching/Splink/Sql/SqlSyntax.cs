using System.Globalization;

namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>Which record of a pair a column belongs to.</summary>
internal enum SqlSide : byte
{
    None = 0,
    Left = 1,
    Right = 2,
    Both = Left | Right,
}

/// <summary>A parsed condition. <see cref="Render"/> writes it back as canonical text; with <c>withSides</c> false
/// it leaves out which record each column belongs to, so <c>lower("name_l")</c> and <c>lower("name_r")</c> render alike
/// and are prepared once per record as one feature.</summary>
internal abstract record SqlNode
{
    public abstract SqlSide Sides { get; }

    public abstract string Render(bool withSides);
}

internal sealed record SqlColumn(string Name, SqlSide Side) : SqlNode
{
    public override SqlSide Sides => Side;

    public override string Render(bool withSides) =>
        withSides ? $"\"{Name}_{(Side == SqlSide.Left ? 'l' : 'r')}\"" : $"\"{Name}\"";
}

internal sealed record SqlLiteral(SqlValue Value) : SqlNode
{
    public override SqlSide Sides => SqlSide.None;

    public override string Render(bool withSides) => Value.Kind switch
    {
        SqlValueKind.Null => "NULL",
        SqlValueKind.Boolean => Value.Boolean ? "TRUE" : "FALSE",
        SqlValueKind.Number => Value.Number.ToString("R", CultureInfo.InvariantCulture),
        SqlValueKind.Text => "'" + Value.Text.Value.Replace("'", "''", StringComparison.Ordinal) + "'",
        _ => "?",
    };
}

internal sealed record SqlCall(string Name, IReadOnlyList<SqlNode> Arguments) : SqlNode
{
    public override SqlSide Sides => Union(Arguments);

    public override string Render(bool withSides) =>
        $"{Name}({string.Join(", ", Arguments.Select(a => a.Render(withSides)))})";

    internal static SqlSide Union(IEnumerable<SqlNode> nodes)
    {
        var sides = SqlSide.None;
        foreach (var node in nodes)
        {
            sides |= node.Sides;
        }

        return sides;
    }
}

internal sealed record SqlBinary(string Operator, SqlNode Left, SqlNode Right) : SqlNode
{
    public override SqlSide Sides => Left.Sides | Right.Sides;

    public override string Render(bool withSides) => $"({Left.Render(withSides)} {Operator} {Right.Render(withSides)})";
}

internal sealed record SqlUnary(string Operator, SqlNode Operand) : SqlNode
{
    public override SqlSide Sides => Operand.Sides;

    public override string Render(bool withSides) => $"({Operator} {Operand.Render(withSides)})";
}

internal sealed record SqlIsNull(SqlNode Operand, bool Negated) : SqlNode
{
    public override SqlSide Sides => Operand.Sides;

    public override string Render(bool withSides) => $"({Operand.Render(withSides)} IS {(Negated ? "NOT " : string.Empty)}NULL)";
}

internal sealed record SqlIn(SqlNode Operand, IReadOnlyList<SqlNode> Items, bool Negated) : SqlNode
{
    public override SqlSide Sides => Operand.Sides | SqlCall.Union(Items);

    public override string Render(bool withSides) =>
        $"({Operand.Render(withSides)} {(Negated ? "NOT " : string.Empty)}IN ({string.Join(", ", Items.Select(a => a.Render(withSides)))}))";
}

internal sealed record SqlCase(IReadOnlyList<(SqlNode When, SqlNode Then)> Branches, SqlNode? Else) : SqlNode
{
    public override SqlSide Sides =>
        SqlCall.Union(Branches.SelectMany(b => new[] { b.When, b.Then })) | (Else?.Sides ?? SqlSide.None);

    public override string Render(bool withSides) =>
        "(CASE " + string.Concat(Branches.Select(b => $"WHEN {b.When.Render(withSides)} THEN {b.Then.Render(withSides)} "))
        + (Else is null ? string.Empty : $"ELSE {Else.Render(withSides)} ") + "END)";
}

internal sealed record SqlCast(SqlNode Operand, SqlValueKind Target, bool Try) : SqlNode
{
    public override SqlSide Sides => Operand.Sides;

    public override string Render(bool withSides) => $"{(Try ? "TRY_CAST" : "CAST")}({Operand.Render(withSides)} AS {Target})";
}
