using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NhsIdentity.Matching.Splink;
using Xunit;

namespace NhsIdentity.Splink.Tests;

/// <summary>
/// Each supported function, on pairs of Unicode-heavy strings (accents, Greek, Cyrillic, CJK, emoji outside the BMP,
/// combining marks, <c>ß İ ﬁ</c>), gives exactly DuckDB's answer: the distances to the last bit, the text functions
/// char for char. Each function is a one-level condition <c>f(a_l, a_r) = v</c> whose v DuckDB computed.
/// </summary>
public sealed class FunctionParityTests
{
    private static readonly string[] Functions =
    [
        "levenshtein(a_l, a_r)", "damerau_levenshtein(a_l, a_r)", "jaro_similarity(a_l, a_r)", "jaro_winkler_similarity(a_l, a_r)",
        "lower(a_l) || '|' || upper(a_r)", "length(a_l)", "substr(a_l, 2, 3) || '|' || substring(a_r, -2, 5)", "left(a_l, 2) || '|' || right(a_r, -1)",
        "regexp_extract(a_l, '^[A-Za-z]{1,2}[0-9]?', 0)", "regexp_extract(a_l, '^[^@]+', 0)",
    ];

    private static readonly char[] Alphabet = "aAbBeEéÉßẞİıiIfﬁσΣςжЖ中文 -'@0123456789".ToCharArray();

    [DuckDbProperty(MaxTest = 20)]
    public Property Functions_agree_with_DuckDB_exactly() =>
        Prop.ForAll(Pairs().ToArbitrary(), pairs =>
        {
            using var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
            connection.Open();
            foreach (var function in Functions.Append("jaccard(a_l, a_r)"))
            {
                var usable = function.StartsWith("jaccard", StringComparison.Ordinal)
                    ? pairs.Where(p => p.Item1.Length > 0 && p.Item2.Length > 0).ToArray()
                    : pairs;
                if (usable.Length == 0)
                {
                    continue;
                }

                using var command = connection.CreateCommand();
                command.CommandText = "SELECT " + function.Replace("a_l", "x", StringComparison.Ordinal).Replace("a_r", "y", StringComparison.Ordinal)
                    + " FROM (VALUES " + string.Join(", ", usable.Select((p, i) => $"({i}, {Literal(p.Item1)}, {Literal(p.Item2)})")) + ") t(i, x, y) ORDER BY i";
                using var reader = command.ExecuteReader();
                var i = 0;
                while (reader.Read())
                {
                    var expected = reader.GetValue(0);
                    var condition = $"{function} = {Literal(expected)}";
                    var model = SplinkModel.Parse(Settings(condition));
                    var set = model.Prepare([Record(1, usable[i].Item1), Record(2, usable[i].Item2)]);
                    Assert.True(model.Score(set, 0, set, 1).Comparisons[0].LevelIndex == 0,
                        $"{function} differs from DuckDB's {Literal(expected)} for {Literal(usable[i].Item1)}, {Literal(usable[i].Item2)}");
                    i++;
                }
            }
        });

    private static Gen<(string, string)[]> Pairs()
    {
        var text = Gen.Frequency(
            (6, Gen.ArrayOf(Gen.Elements(Alphabet)).Select(chars => new string(chars))),
            (1, Gen.Elements("😀", "a😀b", "e\u0301", "é", "ǅ", "ﬃ", "ΐ", "Ω", "ꭰ", "Ꭰ", "ǰ")),
            (2, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)
                .Where(s => !s.Contains('\0') && s == Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s)))));
        var similar = text.SelectMany(a => Gen.Elements(0, 1, 2).SelectMany(k =>
            k == 0 ? text.Select(b => (a, b)) : Gen.Choose(0, a.Length).Select(at => (a, a.Remove(Math.Min(at, Math.Max(0, a.Length - 1)), a.Length > 0 && k == 1 ? 1 : 0)))));
        return Gen.ArrayOf(similar).Where(a => a.Length > 0);
    }

    private static string Literal(object value) => value switch
    {
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        double d => "CAST(" + d.ToString("R", CultureInfo.InvariantCulture) + " AS DOUBLE)",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static SplinkRecord Record(long id, string value) =>
        new(new Dictionary<string, object?> { ["unique_id"] = id, ["a"] = value });

    private static string Settings(string condition) => $$"""
        {"probability_two_random_records_match": 0.01, "comparisons": [{"comparison_levels": [
          {"sql_condition": {{System.Text.Json.JsonSerializer.Serialize(condition)}}, "m_probability": 0.9, "u_probability": 0.1},
          {"sql_condition": "ELSE", "m_probability": 0.1, "u_probability": 0.9}]}]}
        """;
}

/// <summary>DuckDB's case mapping, on every code point.</summary>
public sealed class CaseMappingParityTests
{
    [DuckDbFact]
    public void Upper_and_lower_agree_with_DuckDB_on_every_code_point()
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT i, upper(chr(i::INTEGER)), lower(chr(i::INTEGER)) FROM range(1, 1114112) t(i) WHERE i NOT BETWEEN 55296 AND 57343";
        using var reader = command.ExecuteReader();
        var checkedCount = 0;
        var differences = new List<string>();
        while (reader.Read())
        {
            var codePoint = (int)reader.GetInt64(0);
            var text = char.ConvertFromUtf32(codePoint);
            if (NhsIdentity.Matching.Splink.Sql.DuckDbCaseMapping.ToUpper(text) != reader.GetString(1))
            {
                differences.Add($"upper U+{codePoint:X4}");
            }

            if (NhsIdentity.Matching.Splink.Sql.DuckDbCaseMapping.ToLower(text) != reader.GetString(2))
            {
                differences.Add($"lower U+{codePoint:X4}");
            }

            checkedCount++;
        }

        Assert.Equal(0x110000 - 1 - 2048, checkedCount);
        Assert.Empty(differences);
    }
}
