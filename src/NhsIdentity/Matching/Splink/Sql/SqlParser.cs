using System.Globalization;

namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>
/// Parses the SQL of a Splink level condition or blocking rule into a <see cref="SqlNode"/> tree, with DuckDB's
/// operator precedence (OR, AND, NOT, IS / IN / BETWEEN, comparison, <c>||</c>, <c>+ -</c>, <c>* / %</c>, unary minus,
/// <c>::</c>). In a level condition a column is <c>name_l</c> or <c>name_r</c>, quoted or bare; in a blocking rule it is
/// <c>l.name</c> or <c>r.name</c>. Anything else is a <see cref="SplinkSqlException"/> that quotes the condition.
/// </summary>
internal sealed class SqlParser
{
    private readonly string _condition;
    private readonly List<SqlToken> _tokens;
    private readonly bool _tableQualified;
    private int _position;

    private SqlParser(string condition, bool tableQualified)
    {
        _condition = condition;
        _tokens = SqlLexer.Tokenize(condition);
        _tableQualified = tableQualified;
    }

    /// <summary>Parses a level condition, whose columns are <c>name_l</c> / <c>name_r</c>.</summary>
    public static SqlNode ParseCondition(string condition) => new SqlParser(condition, tableQualified: false).ParseAll();

    /// <summary>Parses a blocking rule, whose columns are <c>l.name</c> / <c>r.name</c>.</summary>
    public static SqlNode ParseBlockingRule(string rule) => new SqlParser(rule, tableQualified: true).ParseAll();

    private SqlToken Current => _tokens[_position];

    private SqlNode ParseAll()
    {
        var node = ParseOr();
        if (Current.Kind != SqlTokenKind.End)
        {
            throw Error(SplinkSqlError.Syntax, $"Unexpected '{Current.Text}' at {Current.Position}.");
        }

        return node;
    }

    private SqlNode ParseOr()
    {
        var left = ParseAnd();
        while (AcceptKeyword("OR"))
        {
            left = new SqlBinary("OR", left, ParseAnd());
        }

        return left;
    }

    private SqlNode ParseAnd()
    {
        var left = ParseNot();
        while (AcceptKeyword("AND"))
        {
            left = new SqlBinary("AND", left, ParseNot());
        }

        return left;
    }

    private SqlNode ParseNot() => AcceptKeyword("NOT") ? new SqlUnary("NOT", ParseNot()) : ParseIs();

    private SqlNode ParseIs()
    {
        var left = ParseComparison();
        while (true)
        {
            if (AcceptKeyword("IS"))
            {
                var negated = AcceptKeyword("NOT");
                if (AcceptKeyword("NULL"))
                {
                    left = new SqlIsNull(left, negated);
                }
                else if (AcceptKeyword("DISTINCT"))
                {
                    ExpectKeyword("FROM");
                    left = new SqlBinary(negated ? "IS NOT DISTINCT FROM" : "IS DISTINCT FROM", left, ParseComparison());
                }
                else if (AcceptKeyword("TRUE") || AcceptKeyword("FALSE"))
                {
                    throw Error(SplinkSqlError.UnsupportedConstruct, "IS TRUE / IS FALSE is not supported.");
                }
                else
                {
                    throw Error(SplinkSqlError.Syntax, $"Expected NULL after IS at {Current.Position}.");
                }

                continue;
            }

            var save = _position;
            var notBefore = AcceptKeyword("NOT");
            if (AcceptKeyword("IN"))
            {
                Expect("(");
                var items = new List<SqlNode> { ParseOr() };
                while (Accept(","))
                {
                    items.Add(ParseOr());
                }

                Expect(")");
                left = new SqlIn(left, items, notBefore);
                continue;
            }

            if (AcceptKeyword("BETWEEN"))
            {
                var low = ParseComparison();
                ExpectKeyword("AND");
                var high = ParseComparison();
                var between = new SqlBinary("AND", new SqlBinary(">=", left, low), new SqlBinary("<=", left, high));
                left = notBefore ? new SqlUnary("NOT", between) : between;
                continue;
            }

            if (Current.IsKeyword("LIKE") || Current.IsKeyword("ILIKE") || Current.IsKeyword("SIMILAR") || Current.IsKeyword("GLOB"))
            {
                throw Error(SplinkSqlError.UnsupportedConstruct, $"{Current.Text.ToUpperInvariant()} is not supported.");
            }

            _position = save;
            return left;
        }
    }

    private SqlNode ParseComparison()
    {
        var left = ParseConcat();
        foreach (var op in (string[])["=", "==", "<>", "!=", "<=", ">=", "<", ">"])
        {
            if (Accept(op))
            {
                var normalized = op switch { "==" => "=", "!=" => "<>", _ => op };
                return new SqlBinary(normalized, left, ParseConcat());
            }
        }

        return left;
    }

    private SqlNode ParseConcat()
    {
        var left = ParseAdditive();
        while (Accept("||"))
        {
            left = new SqlBinary("||", left, ParseAdditive());
        }

        return left;
    }

    private SqlNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (true)
        {
            if (Accept("+"))
            {
                left = new SqlBinary("+", left, ParseMultiplicative());
            }
            else if (Accept("-"))
            {
                left = new SqlBinary("-", left, ParseMultiplicative());
            }
            else
            {
                return left;
            }
        }
    }

    private SqlNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            string? op = Accept("*") ? "*" : Accept("/") ? "/" : Accept("%") ? "%" : Accept("//") ? "//" : null;
            if (op is null)
            {
                return left;
            }

            left = new SqlBinary(op, left, ParseUnary());
        }
    }

    private SqlNode ParseUnary()
    {
        if (Accept("-"))
        {
            var operand = ParseUnary();
            return operand is SqlLiteral { Value.Kind: SqlValueKind.Number } literal
                ? new SqlLiteral(SqlValue.FromNumber(-literal.Value.Number))
                : new SqlUnary("-", operand);
        }

        if (Accept("+"))
        {
            return ParseUnary();
        }

        return ParsePostfix();
    }

    private SqlNode ParsePostfix()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (Accept("::"))
            {
                node = new SqlCast(node, ParseTypeName(), Try: false);
            }
            else if (Current.IsSymbol("["))
            {
                throw Error(SplinkSqlError.UnsupportedConstruct, "List indexing ([...]) is not supported.");
            }
            else
            {
                return node;
            }
        }
    }

    private SqlNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case SqlTokenKind.Number:
                _position++;
                if (!double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    throw Error(SplinkSqlError.Syntax, $"'{token.Text}' is not a number.");
                }

                return new SqlLiteral(SqlValue.FromNumber(number));
            case SqlTokenKind.String:
                _position++;
                return new SqlLiteral(SqlValue.FromText(token.Text));
            case SqlTokenKind.QuotedIdentifier:
                _position++;
                return ParseIdentifierTail(token.Text, quoted: true);
            case SqlTokenKind.Identifier:
                return ParseWord();
            case SqlTokenKind.Symbol when token.Text == "[":
                throw Error(SplinkSqlError.UnsupportedConstruct, "List literals are not supported.");
            case SqlTokenKind.Symbol when token.Text == "(":
                _position++;
                if (Current.IsKeyword("SELECT"))
                {
                    throw Error(SplinkSqlError.UnsupportedConstruct, "Subqueries are not supported.");
                }

                var inner = ParseOr();
                Expect(")");
                return inner;
            default:
                throw Error(SplinkSqlError.Syntax, token.Kind == SqlTokenKind.End
                    ? "The condition ends too soon."
                    : $"Unexpected '{token.Text}' at {token.Position}.");
        }
    }

    private SqlNode ParseWord()
    {
        var token = Current;
        _position++;
        if (token.IsKeyword("NULL"))
        {
            return new SqlLiteral(SqlValue.Null);
        }

        if (token.IsKeyword("TRUE") || token.IsKeyword("FALSE"))
        {
            return new SqlLiteral(SqlValue.FromBoolean(token.IsKeyword("TRUE")));
        }

        if (Current.IsSymbol("->"))
        {
            throw Error(SplinkSqlError.UnsupportedConstruct, "Lambda functions are not supported.");
        }

        if (token.IsKeyword("CASE"))
        {
            return ParseCase();
        }

        if ((token.IsKeyword("CAST") || token.IsKeyword("TRY_CAST")) && Current.IsSymbol("("))
        {
            _position++;
            var operand = ParseOr();
            ExpectKeyword("AS");
            var target = ParseTypeName();
            Expect(")");
            return new SqlCast(operand, target, Try: token.IsKeyword("TRY_CAST"));
        }

        if ((token.IsKeyword("DATE") || token.IsKeyword("TIMESTAMP")) && Current.Kind == SqlTokenKind.String)
        {
            var text = Current.Text;
            _position++;
            return new SqlCast(new SqlLiteral(SqlValue.FromText(text)), token.IsKeyword("DATE") ? SqlValueKind.Date : SqlValueKind.Timestamp, Try: false);
        }

        if (Current.IsSymbol("("))
        {
            _position++;
            var arguments = new List<SqlNode>();
            if (!Accept(")"))
            {
                if (AcceptKeyword("DISTINCT"))
                {
                    throw Error(SplinkSqlError.UnsupportedConstruct, "Aggregates are not supported.");
                }

                arguments.Add(ParseArgument());
                while (Accept(","))
                {
                    arguments.Add(ParseArgument());
                }

                Expect(")");
            }

            if (Current.IsKeyword("OVER") || Current.IsKeyword("FILTER"))
            {
                throw Error(SplinkSqlError.UnsupportedConstruct, "Window functions are not supported.");
            }

            return new SqlCall(token.Text.ToLowerInvariant(), arguments);
        }

        return ParseIdentifierTail(token.Text, quoted: false);
    }

    private SqlNode ParseArgument()
    {
        var argument = ParseOr();
        if (Current.IsSymbol("->"))
        {
            throw Error(SplinkSqlError.UnsupportedConstruct, "Lambda functions are not supported.");
        }

        return argument;
    }

    private SqlCase ParseCase()
    {
        if (!Current.IsKeyword("WHEN"))
        {
            throw Error(SplinkSqlError.UnsupportedConstruct, "Only the searched form CASE WHEN ... is supported.");
        }

        var branches = new List<(SqlNode, SqlNode)>();
        while (AcceptKeyword("WHEN"))
        {
            var when = ParseOr();
            ExpectKeyword("THEN");
            branches.Add((when, ParseOr()));
        }

        SqlNode? otherwise = AcceptKeyword("ELSE") ? ParseOr() : null;
        ExpectKeyword("END");
        return new SqlCase(branches, otherwise);
    }

    private SqlValueKind ParseTypeName()
    {
        var token = Current;
        if (token.Kind != SqlTokenKind.Identifier)
        {
            throw Error(SplinkSqlError.Syntax, $"Expected a type name at {token.Position}.");
        }

        _position++;
        var name = token.Text.ToUpperInvariant();
        if (name == "DOUBLE" && AcceptKeyword("PRECISION"))
        {
            return SqlValueKind.Number;
        }

        if (Accept("("))
        {
            // DECIMAL(p, s), VARCHAR(n): the precision does not change a comparison's outcome here.
            while (!Accept(")"))
            {
                if (Current.Kind == SqlTokenKind.End)
                {
                    throw Error(SplinkSqlError.Syntax, "A type's parameters are not closed.");
                }

                _position++;
            }
        }

        return name switch
        {
            "VARCHAR" or "TEXT" or "STRING" or "CHAR" or "BPCHAR" => SqlValueKind.Text,
            "DATE" => SqlValueKind.Date,
            "TIMESTAMP" or "DATETIME" => SqlValueKind.Timestamp,
            "DOUBLE" or "FLOAT" or "FLOAT8" or "FLOAT4" or "REAL" or "DECIMAL" or "NUMERIC" or "INT" or "INTEGER" or "BIGINT"
                or "SMALLINT" or "TINYINT" or "HUGEINT" or "INT4" or "INT8" => SqlValueKind.Number,
            "BOOLEAN" or "BOOL" => SqlValueKind.Boolean,
            _ => throw Error(SplinkSqlError.UnsupportedConstruct, $"CAST to {name} is not supported."),
        };
    }

    private SqlColumn ParseIdentifierTail(string first, bool quoted)
    {
        if (Accept("."))
        {
            var second = Current;
            if (second.Kind is not (SqlTokenKind.Identifier or SqlTokenKind.QuotedIdentifier))
            {
                throw Error(SplinkSqlError.Syntax, $"Expected a column name after '{first}.'.");
            }

            _position++;
            if (!_tableQualified)
            {
                throw Error(SplinkSqlError.UnknownIdentifier,
                    $"'{first}.{second.Text}': a level condition names columns as name_l / name_r.");
            }

            var side = first.ToLowerInvariant() switch
            {
                "l" => SqlSide.Left,
                "r" => SqlSide.Right,
                _ => throw Error(SplinkSqlError.UnknownIdentifier, $"'{first}.{second.Text}': a blocking rule names columns as l.name / r.name."),
            };
            return new SqlColumn(second.Text.ToLowerInvariant(), side);
        }

        if (!_tableQualified && first.Length > 2 && first[^2] == '_' && (first[^1] is 'l' or 'L' or 'r' or 'R'))
        {
            return new SqlColumn(first[..^2].ToLowerInvariant(), first[^1] is 'l' or 'L' ? SqlSide.Left : SqlSide.Right);
        }

        throw Error(SplinkSqlError.UnknownIdentifier, _tableQualified
            ? $"'{first}' is not a column of l or r (write l.{first} or r.{first})."
            : $"'{first}' is not a column of one record (write {first}_l or {first}_r){(quoted ? string.Empty : " or a supported keyword")}.");
    }

    private bool Accept(string symbol)
    {
        if (Current.IsSymbol(symbol))
        {
            _position++;
            return true;
        }

        return false;
    }

    private bool AcceptKeyword(string keyword)
    {
        if (Current.IsKeyword(keyword))
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(string symbol)
    {
        if (!Accept(symbol))
        {
            throw Error(SplinkSqlError.Syntax, $"Expected '{symbol}' at {Current.Position}.");
        }
    }

    private void ExpectKeyword(string keyword)
    {
        if (!AcceptKeyword(keyword))
        {
            throw Error(SplinkSqlError.Syntax, $"Expected {keyword} at {Current.Position}.");
        }
    }

    private SplinkSqlException Error(SplinkSqlError error, string detail) => new(error, detail, _condition);
}
