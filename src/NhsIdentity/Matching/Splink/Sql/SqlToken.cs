namespace NhsIdentity.Matching.Splink.Sql;

internal enum SqlTokenKind : byte
{
    End = 0,
    Number,
    String,
    Identifier,
    QuotedIdentifier,
    Symbol,
}

/// <summary>One token of a condition: its kind, its text (a string's or quoted identifier's unescaped content) and
/// where it starts, for error messages.</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, string Text, int Position)
{
    public bool IsSymbol(string symbol) => Kind == SqlTokenKind.Symbol && Text == symbol;

    public bool IsKeyword(string keyword) =>
        Kind == SqlTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
