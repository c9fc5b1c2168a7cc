namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>
/// Compiles a model's level conditions, once at load, into typed trees (<see cref="PairPredicate"/>) that the scorer
/// runs instead of the <see cref="SqlExpression"/> interpreter: the shapes Splink's comparison libraries and
/// <c>MatchModel.ToSplink</c> write become nodes that know their operator and their values' slots at load —
/// <c>a_l = a_r</c> compares two prepared hashes first, <c>x_l = 0</c> two doubles, a string distance is computed once
/// per pair for every band that tests it, and any condition part the model repeats (a level inside the exported
/// household context; the context inside each household-aware level) is tested once per pair. Whatever else a
/// condition holds is compiled by the interpreter's <see cref="SqlCompiler"/> and run as it is
/// (<see cref="FallbackValue"/>), so every condition the loader accepts is scored, with the interpreter's answer.
/// One-record parts are the interpreter's features (<see cref="SqlCompiler.AddFeature"/>), prepared once per record.
/// </summary>
internal sealed class PairCompiler(SqlCompiler compiler)
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PairPredicate> _predicates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PairValue> _values = new(StringComparer.Ordinal);

    /// <summary>How many condition parts a pair's scratch keeps a truth for.</summary>
    public int TruthSlots { get; private set; }

    /// <summary>How many numbers (string distances, repeated arithmetic) a pair's scratch keeps.</summary>
    public int NumberSlots { get; private set; }

    /// <summary>Counts every two-record part of a condition, so that <see cref="CompileLevel"/> knows which the model
    /// repeats. Call for every level before compiling any.</summary>
    public void Count(SqlNode node)
    {
        if (node.Sides != SqlSide.Both)
        {
            return;
        }

        var key = node.Render(withSides: true);
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
        foreach (var child in Children(node))
        {
            Count(child);
        }
    }

    /// <summary>The typed tree of a level's condition.</summary>
    public PairPredicate CompileLevel(SqlNode node, string condition) => Predicate(node, condition);

    private PairPredicate Predicate(SqlNode node, string condition)
    {
        switch (node.Sides)
        {
            case SqlSide.None:
                return new ConstantPredicate(PairPredicate.TruthOf(Constant(node, condition)), condition);
            case SqlSide.Left or SqlSide.Right:
                return new SlotPredicate(node.Sides == SqlSide.Left, compiler.AddFeature(node, condition), condition);
        }

        var key = node.Render(withSides: true);
        if (_predicates.TryGetValue(key, out var known))
        {
            return known;
        }

        var predicate = BuildPredicate(node, condition);
        if (_counts.GetValueOrDefault(key) >= 2 && predicate is AndPredicate or OrPredicate or NotPredicate or CoalescePredicate or ValueTruthPredicate)
        {
            predicate = new MemoPredicate(predicate, TruthSlots++, condition);
        }

        _predicates.Add(key, predicate);
        return predicate;
    }

    private PairPredicate BuildPredicate(SqlNode node, string condition)
    {
        switch (node)
        {
            case SqlBinary { Operator: "AND" } and:
                return new AndPredicate(Predicate(and.Left, condition), Predicate(and.Right, condition), condition);
            case SqlBinary { Operator: "OR" } or:
                return new OrPredicate(Predicate(or.Left, condition), Predicate(or.Right, condition), condition);
            case SqlUnary { Operator: "NOT" } not:
                return new NotPredicate(Predicate(not.Operand, condition), condition);
            case SqlIsNull isNull:
                return Value(isNull.Operand, condition) is SlotValue slot
                    ? new IsNullSlotPredicate(slot.IsLeft, slot.Slot, isNull.Negated, condition)
                    : new IsNullPredicate(Value(isNull.Operand, condition), isNull.Negated, condition);
            case SqlBinary binary when CompareOperatorOf(binary.Operator) is { } op:
                var left = Value(binary.Left, condition);
                var right = Value(binary.Right, condition);
                if (op is CompareOperator.Equal or CompareOperator.NotEqual && left is SlotValue a && right is SlotValue b)
                {
                    return new EqualSlotsPredicate(a.IsLeft, a.Slot, b.IsLeft, b.Slot, op == CompareOperator.NotEqual, condition);
                }

                if (op < CompareOperator.IsDistinctFrom && left is SlotValue s1 && right is ConstantValue c1)
                {
                    return new SlotConstantPredicate(s1.IsLeft, s1.Slot, op, c1.Value, constantFirst: false, condition);
                }

                if (op < CompareOperator.IsDistinctFrom && left is ConstantValue c2 && right is SlotValue s2)
                {
                    return new SlotConstantPredicate(s2.IsLeft, s2.Slot, op, c2.Value, constantFirst: true, condition);
                }

                return new ComparePredicate(op, left, right, condition);
            case SqlCall { Name: "coalesce" or "ifnull", Arguments: [var first, SqlLiteral { Value.Kind: SqlValueKind.Boolean } otherwise] }:
                return new CoalescePredicate(Predicate(first, condition), otherwise.Value.Boolean ? Tri.True : Tri.False, condition);
            default:
                return new ValueTruthPredicate(Value(node, condition), condition);
        }
    }

    private PairValue Value(SqlNode node, string condition)
    {
        switch (node.Sides)
        {
            case SqlSide.None:
                return new ConstantValue(Constant(node, condition), condition);
            case SqlSide.Left or SqlSide.Right:
                return new SlotValue(node.Sides == SqlSide.Left, compiler.AddFeature(node, condition), condition);
        }

        var key = node.Render(withSides: true);
        if (_values.TryGetValue(key, out var known))
        {
            return known;
        }

        var value = BuildValue(node, condition);
        if (_counts.GetValueOrDefault(key) >= 2 && value is ArithmeticValue or AbsValue or CaseValue or FallbackValue)
        {
            value = new MemoValue(value, NumberSlots++, condition);
        }

        _values.Add(key, value);
        return value;
    }

    private PairValue BuildValue(SqlNode node, string condition)
    {
        switch (node)
        {
            case SqlCall { Arguments.Count: 2 } call when DistanceOf(call.Name) is { } distance:
                return new DistanceValue(distance, Value(call.Arguments[0], condition), Value(call.Arguments[1], condition), NumberSlots++, condition);
            case SqlCall { Name: "array_length" or "len" or "length" or "array_size" or "cardinality" or "list_length",
                Arguments: [SqlCall { Name: "list_intersect" or "array_intersect", Arguments: [var a, var b] }] }
                when Value(a, condition) is SlotValue x && Value(b, condition) is SlotValue y:
                return new IntersectCountValue(x, y, compiler.CompilePair(node, condition), condition);
            case SqlCall { Name: "least" or "greatest", Arguments.Count: > 0 and <= 64 } extremum:
                return new ExtremumValue([.. extremum.Arguments.Select(a => Value(a, condition))], extremum.Name == "greatest", condition);
            case SqlCall { Name: "abs", Arguments: [var operand] }:
                return new AbsValue(Value(operand, condition), condition);
            case SqlBinary binary when ArithmeticOperatorOf(binary.Operator) is { } op:
                return new ArithmeticValue(op, Value(binary.Left, condition), Value(binary.Right, condition), condition);
            case SqlCase caseNode:
                return new CaseValue(
                    [.. caseNode.Branches.Select(b => Predicate(b.When, condition))],
                    [.. caseNode.Branches.Select(b => Value(b.Then, condition))],
                    caseNode.Else is null ? null : Value(caseNode.Else, condition),
                    condition);
            case SqlBinary { Operator: "AND" or "OR" }:
            case SqlBinary binary2 when CompareOperatorOf(binary2.Operator) is not null:
            case SqlUnary { Operator: "NOT" }:
            case SqlIsNull:
                return new PredicateValue(Predicate(node, condition), condition);
            default:
                return new FallbackValue(compiler.CompilePair(node, condition), condition);
        }
    }

    private SqlValue Constant(SqlNode node, string condition) => ((ConstantExpression)compiler.CompilePair(node, condition)).Value;

    private static CompareOperator? CompareOperatorOf(string op) => op switch
    {
        "=" => CompareOperator.Equal,
        "<>" => CompareOperator.NotEqual,
        "<" => CompareOperator.Less,
        "<=" => CompareOperator.LessOrEqual,
        ">" => CompareOperator.Greater,
        ">=" => CompareOperator.GreaterOrEqual,
        "IS DISTINCT FROM" => CompareOperator.IsDistinctFrom,
        "IS NOT DISTINCT FROM" => CompareOperator.IsNotDistinctFrom,
        _ => null,
    };

    private static ArithmeticOperator? ArithmeticOperatorOf(string op) => op switch
    {
        "+" => ArithmeticOperator.Add,
        "-" => ArithmeticOperator.Subtract,
        "*" => ArithmeticOperator.Multiply,
        "/" => ArithmeticOperator.Divide,
        "//" => ArithmeticOperator.IntegerDivide,
        "%" => ArithmeticOperator.Modulo,
        _ => null,
    };

    private static StringDistance? DistanceOf(string name) => name switch
    {
        "levenshtein" or "editdist3" => StringDistance.Levenshtein,
        "damerau_levenshtein" => StringDistance.DamerauLevenshtein,
        "jaro_similarity" => StringDistance.Jaro,
        "jaro_winkler_similarity" => StringDistance.JaroWinkler,
        "jaccard" => StringDistance.Jaccard,
        _ => null,
    };

    private static IEnumerable<SqlNode> Children(SqlNode node) => node switch
    {
        SqlBinary binary => [binary.Left, binary.Right],
        SqlUnary unary => [unary.Operand],
        SqlIsNull isNull => [isNull.Operand],
        SqlIn inList => [inList.Operand, .. inList.Items],
        SqlCase caseNode => [.. caseNode.Branches.SelectMany(b => new[] { b.When, b.Then }), .. caseNode.Else is null ? [] : new[] { caseNode.Else }],
        SqlCast cast => [cast.Operand],
        SqlCall call => call.Arguments,
        _ => [],
    };
}
