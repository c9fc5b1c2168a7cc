using System.Text.RegularExpressions;

namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>
/// Compiles parsed conditions into <see cref="SqlExpression"/> trees for one model. Every subexpression that reads one
/// record only (a column, <c>lower("name_l")</c>, <c>try_strptime("dob_r", '%Y-%m-%d')</c>, <c>regexp_extract(...)</c>)
/// becomes a <em>feature</em>: compiled once over a record's columns, computed once when a record is prepared, and read
/// by the pair's expression from a slot. The same function of the left and the right column is one feature, so a
/// record computes it once whichever side it is on. What is left for a pair is the two-record part: comparisons,
/// distances, logic.
/// </summary>
internal sealed class SqlCompiler
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly List<string> _columnNames = [];
    private readonly Dictionary<string, int> _featureIndex = new(StringComparer.Ordinal);
    private readonly List<SqlExpression> _features = [];
    private readonly Dictionary<string, SqlExpression> _shared = new(StringComparer.Ordinal);

    /// <summary>How long a two-record subexpression's text must be for it to be evaluated once per pair and shared.</summary>
    private const int SharedLength = 200;

    /// <summary>The input columns the conditions read, lower case, in the order first seen.</summary>
    public IReadOnlyList<string> Columns => _columnNames;

    /// <summary>The per-record features, each an expression over a record's <see cref="Columns"/> (left slots).</summary>
    public IReadOnlyList<SqlExpression> Features => _features;

    /// <summary>Registers an input column (a term-frequency or blocking column) and returns its index.</summary>
    public int AddColumn(string name)
    {
        name = name.ToLowerInvariant();
        if (!_columns.TryGetValue(name, out var index))
        {
            index = _columnNames.Count;
            _columns.Add(name, index);
            _columnNames.Add(name);
        }

        return index;
    }

    /// <summary>Compiles a level condition to be evaluated over two prepared records.</summary>
    public SqlExpression CompileCondition(string condition) =>
        CompilePair(SqlParser.ParseCondition(condition), condition);

    /// <summary>Compiles one record's expression as a feature and returns its slot index.</summary>
    public int AddFeature(SqlNode node, string condition)
    {
        var key = node.Render(withSides: false);
        if (!_featureIndex.TryGetValue(key, out var index))
        {
            index = _features.Count;
            _features.Add(Compile(node, condition, pair: false));
            _featureIndex.Add(key, index);
        }

        return index;
    }

    /// <summary>Compiles a parsed two-record (or constant, or one-record) expression as a level condition's part, as
    /// <see cref="CompileCondition"/> compiles the whole; the typed scorer's fallback (<see cref="PairCompiler"/>).</summary>
    public SqlExpression CompilePair(SqlNode node, string condition)
    {
        switch (node.Sides)
        {
            case SqlSide.None:
                var constant = Compile(node, condition, pair: false);
                return new ConstantExpression(constant.Evaluate(new SqlRows([], []))) { Condition = condition };
            case SqlSide.Left or SqlSide.Right:
                return new SlotExpression(node.Sides, AddFeature(node, condition)) { Condition = condition };
            default:
                var key = node.Render(withSides: true);
                if (node is SqlCall { Name: "levenshtein" or "editdist3" or "damerau_levenshtein" or "jaro_similarity" or "jaro_winkler_similarity" or "jaccard" }
                    || key.Length >= SharedLength)
                {
                    // A string distance of both records, or a long condition: the costly parts of a pair, often repeated
                    // by the levels of a comparison (three Jaro-Winkler bands) or of several (an exported household
                    // context); evaluated once per pair (MemoExpression).
                    if (!_shared.TryGetValue(key, out var shared))
                    {
                        shared = new MemoExpression(Compile(node, condition, pair: true), this, _shared.Count) { Condition = condition };
                        _shared.Add(key, shared);
                    }

                    return shared;
                }

                return Compile(node, condition, pair: true);
        }
    }

    private SqlExpression Compile(SqlNode node, string condition, bool pair)
    {
        SqlExpression Child(SqlNode child) => pair ? CompilePair(child, condition) : Compile(child, condition, pair: false);

        switch (node)
        {
            case SqlColumn column:
                // Only reached over one record (a pair's columns are features): read the record's own column.
                return new SlotExpression(SqlSide.Left, AddColumn(column.Name)) { Condition = condition };
            case SqlLiteral literal:
                return new ConstantExpression(literal.Value) { Condition = condition };
            case SqlBinary { Operator: "AND" } and:
                return new AndExpression(Child(and.Left), Child(and.Right)) { Condition = condition };
            case SqlBinary { Operator: "OR" } or:
                return new OrExpression(Child(or.Left), Child(or.Right)) { Condition = condition };
            case SqlBinary { Operator: "||" } concat:
                return new ConcatExpression(Child(concat.Left), Child(concat.Right)) { Condition = condition };
            case SqlBinary { Operator: "+" or "-" or "*" or "/" or "%" or "//" } arithmetic:
                return new ArithmeticExpression(arithmetic.Operator, Child(arithmetic.Left), Child(arithmetic.Right)) { Condition = condition };
            case SqlBinary comparison:
                return new CompareExpression(comparison.Operator, Child(comparison.Left), Child(comparison.Right)) { Condition = condition };
            case SqlUnary { Operator: "NOT" } not:
                return new NotExpression(Child(not.Operand)) { Condition = condition };
            case SqlUnary negate:
                return new NegateExpression(Child(negate.Operand)) { Condition = condition };
            case SqlIsNull isNull:
                return new IsNullExpression(Child(isNull.Operand), isNull.Negated) { Condition = condition };
            case SqlIn inList:
                return new InExpression(Child(inList.Operand), [.. inList.Items.Select(Child)], inList.Negated) { Condition = condition };
            case SqlCase caseNode:
                return new CaseExpression(
                    [.. caseNode.Branches.Select(b => Child(b.When))],
                    [.. caseNode.Branches.Select(b => Child(b.Then))],
                    caseNode.Else is null ? null : Child(caseNode.Else)) { Condition = condition };
            case SqlCast cast:
                return new CastExpression(Child(cast.Operand), cast.Target, cast.Try) { Condition = condition };
            case SqlCall call:
                return CompileCall(call, condition, Child);
            default:
                throw new SplinkSqlException(SplinkSqlError.UnsupportedConstruct, "This expression is not supported.", condition);
        }
    }

    private static SqlExpression CompileCall(SqlCall call, string condition, Func<SqlNode, SqlExpression> child)
    {
        var args = call.Arguments;

        void Arity(int min, int max)
        {
            if (args.Count < min || args.Count > max)
            {
                throw new SplinkSqlException(SplinkSqlError.InvalidArgument,
                    $"{call.Name} takes {(min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{min} to {max}")} arguments, not {args.Count}.", condition);
            }
        }

        string LiteralText(int index, string what) =>
            args[index] is SqlLiteral { Value.Kind: SqlValueKind.Text } literal
                ? literal.Value.Text.Value
                : throw new SplinkSqlException(SplinkSqlError.InvalidArgument, $"{call.Name}'s {what} must be a string literal.", condition);

        SqlExpression Distance(StringDistance kind)
        {
            Arity(2, 2);
            return new StringDistanceExpression(kind, child(args[0]), child(args[1])) { Condition = condition };
        }

        switch (call.Name)
        {
            case "levenshtein" or "editdist3":
                return Distance(StringDistance.Levenshtein);
            case "damerau_levenshtein":
                return Distance(StringDistance.DamerauLevenshtein);
            case "jaro_similarity":
                return Distance(StringDistance.Jaro);
            case "jaro_winkler_similarity":
                return Distance(StringDistance.JaroWinkler);
            case "jaccard":
                return Distance(StringDistance.Jaccard);
            case "abs":
                Arity(1, 1);
                return new AbsExpression(child(args[0])) { Condition = condition };
            case "date_diff" or "datediff" or "date_sub" or "datesub":
                Arity(3, 3);
                var part = LiteralText(0, "date part").ToLowerInvariant() switch
                {
                    "day" or "days" or "d" or "dayofmonth" => DatePart.Day,
                    "week" or "weeks" or "w" => DatePart.Week,
                    "month" or "months" or "mon" => DatePart.Month,
                    "year" or "years" or "y" or "yr" or "yrs" => DatePart.Year,
                    _ => throw new SplinkSqlException(SplinkSqlError.InvalidArgument, $"{call.Name}'s date part must be day, week, month or year.", condition),
                };
                if (call.Name is "date_sub" or "datesub")
                {
                    // date_sub counts whole elapsed parts; only days and weeks are the same as date_diff.
                    if (part is DatePart.Month or DatePart.Year)
                    {
                        throw new SplinkSqlException(SplinkSqlError.UnsupportedFunction, "date_sub by month or year is not supported.", condition);
                    }
                }

                return new DateDiffExpression(part, child(args[1]), child(args[2])) { Condition = condition };
            case "epoch":
                Arity(1, 1);
                return new EpochExpression(child(args[0])) { Condition = condition };
            case "strptime" or "try_strptime":
                Arity(2, 2);
                var format = LiteralText(1, "format");
                if (!SqlDates.IsSupportedFormat(format))
                {
                    throw new SplinkSqlException(SplinkSqlError.UnsupportedDateFormat,
                        $"The date format '{format}' uses a specifier other than %Y %m %d %H %M %S.", condition);
                }

                return new StrptimeExpression(child(args[0]), format, call.Name == "try_strptime") { Condition = condition };
            case "substr" or "substring":
                Arity(2, 3);
                return new SubstringExpression(child(args[0]), child(args[1]), args.Count == 3 ? child(args[2]) : null) { Condition = condition };
            case "left" or "right":
                Arity(2, 2);
                return new LeftRightExpression(child(args[0]), child(args[1]), call.Name == "left") { Condition = condition };
            case "lower" or "lcase" or "upper" or "ucase":
                Arity(1, 1);
                return new CaseMapExpression(child(args[0]), call.Name is "upper" or "ucase") { Condition = condition };
            case "length" or "len" or "char_length" or "character_length" when args.Count == 1 && !IsIntersection(args[0]):
                return new TextLengthExpression(child(args[0])) { Condition = condition };
            case "regexp_extract":
                Arity(2, 3);
                var pattern = LiteralText(1, "pattern");
                var group = 0;
                if (args.Count == 3)
                {
                    group = args[2] is SqlLiteral { Value.Kind: SqlValueKind.Number } g && g.Value.Number >= 0 && g.Value.Number == Math.Floor(g.Value.Number)
                        ? (int)g.Value.Number
                        : throw new SplinkSqlException(SplinkSqlError.InvalidArgument, "regexp_extract's group must be a whole-number literal.", condition);
                }

                Regex regex;
                try
                {
                    regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException)
                {
                    throw new SplinkSqlException(SplinkSqlError.InvalidArgument, "regexp_extract's pattern is not a valid regular expression.", condition);
                }

                if (group > regex.GetGroupNumbers().Max())
                {
                    throw new SplinkSqlException(SplinkSqlError.InvalidArgument, "regexp_extract's group is not in the pattern.", condition);
                }

                return new RegexpExtractExpression(child(args[0]), regex, group) { Condition = condition };
            case "nullif":
                Arity(2, 2);
                return new NullIfExpression(child(args[0]), child(args[1])) { Condition = condition };
            case "coalesce" or "ifnull":
                Arity(1, 64);
                return new CoalesceExpression([.. args.Select(child)]) { Condition = condition };
            case "least" or "greatest":
                Arity(1, 64);
                return new ExtremumExpression([.. args.Select(child)], call.Name == "greatest") { Condition = condition };
            case "array_length" or "len" or "length" or "array_size" or "cardinality" or "list_length":
                Arity(1, 1);
                if (args[0] is SqlCall inner && IsIntersection(inner))
                {
                    if (inner.Arguments.Count != 2)
                    {
                        throw new SplinkSqlException(SplinkSqlError.InvalidArgument, $"{inner.Name} takes 2 arguments.", condition);
                    }

                    return new IntersectCountExpression(child(inner.Arguments[0]), child(inner.Arguments[1])) { Condition = condition };
                }

                return new TextLengthExpression(child(args[0])) { Condition = condition };
            case "list_intersect" or "array_intersect":
                throw new SplinkSqlException(SplinkSqlError.UnsupportedConstruct,
                    $"{call.Name} is supported only inside array_length(...), the form Splink's array-intersect level writes.", condition);
            default:
                throw new SplinkSqlException(SplinkSqlError.UnsupportedFunction, $"The function {call.Name} is not supported.", condition);
        }
    }

    private static bool IsIntersection(SqlNode node) => node is SqlCall { Name: "list_intersect" or "array_intersect" };
}
