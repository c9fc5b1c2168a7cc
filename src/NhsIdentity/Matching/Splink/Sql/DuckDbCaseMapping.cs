using System.Text;

namespace NhsIdentity.Matching.Splink.Sql;

/// <summary>
/// DuckDB's <c>upper</c> and <c>lower</c>: per code point simple case mapping. .NET's invariant mapping agrees on every
/// code point but these (measured over all of Unicode against DuckDB 1.5.6 on .NET 10): DuckDB maps <c>ß</c> to
/// <c>ẞ</c>, <c>ı</c> and <c>ſ</c> to <c>I</c> and <c>S</c>, and <c>İ</c> to <c>i</c>, which .NET's invariant casing
/// leaves alone; and DuckDB's Unicode tables predate the pairs Unicode 16 added (Latin letters at U+019B, U+0264,
/// U+1C89/1C8A, U+A7CB-A7DC, Garay at U+10D50-10D85), which it leaves unchanged.
/// </summary>
internal static class DuckDbCaseMapping
{
    private static readonly Dictionary<int, int> UpperExceptions = Exceptions(
        [(0x00DF, 0x1E9E), (0x0131, 0x0049), (0x017F, 0x0053), (0x019B, 0x019B), (0x0264, 0x0264), (0x1C8A, 0x1C8A), (0xA7CD, 0xA7CD), (0xA7DB, 0xA7DB)],
        0x10D70, 0x10D85);

    private static readonly Dictionary<int, int> LowerExceptions = Exceptions(
        [(0x0130, 0x0069), (0x1C89, 0x1C89), (0xA7CB, 0xA7CB), (0xA7CC, 0xA7CC), (0xA7DA, 0xA7DA), (0xA7DC, 0xA7DC)],
        0x10D50, 0x10D65);

    public static string ToUpper(string value) => Map(value, UpperExceptions, upper: true);

    public static string ToLower(string value) => Map(value, LowerExceptions, upper: false);

    private static string Map(string value, Dictionary<int, int> exceptions, bool upper)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            var mapped = exceptions.TryGetValue(rune.Value, out var exception)
                ? new Rune(exception)
                : upper ? Rune.ToUpperInvariant(rune) : Rune.ToLowerInvariant(rune);
            builder.Append(mapped.ToString());
        }

        return builder.ToString();
    }

    private static Dictionary<int, int> Exceptions((int From, int To)[] pairs, int unchangedFrom, int unchangedTo)
    {
        var map = pairs.ToDictionary(p => p.From, p => p.To);
        for (var c = unchangedFrom; c <= unchangedTo; c++)
        {
            map[c] = c;
        }

        return map;
    }
}
