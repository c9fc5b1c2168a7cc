using System.Text;

namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>Splits a condition into tokens: numbers, <c>'strings'</c> (<c>''</c> escapes a quote, as in DuckDB),
/// <c>"quoted identifiers"</c>, bare identifiers and operators.</summary>
internal static class SqlLexer
{
    private static readonly string[] TwoCharSymbols = ["<=", ">=", "<>", "!=", "==", "||", "::", "//", "->"];

    public static List<SqlToken> Tokenize(string condition)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < condition.Length)
        {
            var c = condition[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && i + 1 < condition.Length && condition[i + 1] == '-')
            {
                // A line comment, which sqlglot keeps in Splink's output at times.
                while (i < condition.Length && condition[i] != '\n')
                {
                    i++;
                }
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < condition.Length && char.IsAsciiDigit(condition[i + 1])))
            {
                tokens.Add(ReadNumber(condition, ref i));
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(ReadQuoted(condition, ref i, c));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < condition.Length && (char.IsLetterOrDigit(condition[i]) || condition[i] is '_' or '$'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Identifier, condition[start..i], start));
            }
            else
            {
                tokens.Add(ReadSymbol(condition, ref i));
            }
        }

        tokens.Add(new SqlToken(SqlTokenKind.End, string.Empty, condition.Length));
        return tokens;
    }

    private static SqlToken ReadNumber(string condition, ref int i)
    {
        var start = i;
        while (i < condition.Length && (char.IsAsciiDigit(condition[i]) || condition[i] == '.'))
        {
            i++;
        }

        if (i < condition.Length && condition[i] is 'e' or 'E')
        {
            var exponent = i + 1;
            if (exponent < condition.Length && condition[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < condition.Length && char.IsAsciiDigit(condition[exponent]))
            {
                i = exponent;
                while (i < condition.Length && char.IsAsciiDigit(condition[i]))
                {
                    i++;
                }
            }
        }

        return new SqlToken(SqlTokenKind.Number, condition[start..i], start);
    }

    private static SqlToken ReadQuoted(string condition, ref int i, char quote)
    {
        var start = i;
        var text = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= condition.Length)
            {
                throw new SplinkSqlException(
                    SplinkSqlError.Syntax, $"A {(quote == '\'' ? "string" : "quoted identifier")} opened at {start} is not closed.", condition);
            }

            if (condition[i] == quote)
            {
                if (i + 1 < condition.Length && condition[i + 1] == quote)
                {
                    text.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                break;
            }

            text.Append(condition[i]);
            i++;
        }

        return new SqlToken(quote == '\'' ? SqlTokenKind.String : SqlTokenKind.QuotedIdentifier, text.ToString(), start);
    }

    private static SqlToken ReadSymbol(string condition, ref int i)
    {
        if (i + 1 < condition.Length)
        {
            foreach (var symbol in TwoCharSymbols)
            {
                if (condition[i] == symbol[0] && condition[i + 1] == symbol[1])
                {
                    i += 2;
                    return new SqlToken(SqlTokenKind.Symbol, symbol, i - 2);
                }
            }
        }

        var c = condition[i];
        if ("=<>+-*/%(),.[]".Contains(c, StringComparison.Ordinal))
        {
            i++;
            return new SqlToken(SqlTokenKind.Symbol, c.ToString(), i - 1);
        }

        throw new SplinkSqlException(SplinkSqlError.Syntax, $"Unexpected character at {i}.", condition);
    }
}
