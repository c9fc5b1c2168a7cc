using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NhsIdentity.Matching.Splink;

namespace NhsIdentity.Splink.Tests;

/// <summary>A synthetic person's row as Splink would see it (999-range NHS numbers, invented names): text columns,
/// a DATE column and a LIST column.</summary>
internal sealed record SyntheticRow(
    long UniqueId, string? NhsNumber, string? FirstName, string? Surname, string? Dob, DateOnly? DobDate, string? Postcode,
    string? Email, string? City, string?[]? Tokens, double? Height = null)
{
    public static readonly string[] TextColumns = ["nhs_number", "first_name", "surname", "dob", "postcode", "email", "city"];

    public SplinkRecord ToRecord() => new(new Dictionary<string, object?>
    {
        ["unique_id"] = UniqueId,
        ["nhs_number"] = NhsNumber,
        ["first_name"] = FirstName,
        ["surname"] = Surname,
        ["dob"] = Dob,
        ["dob_date"] = DobDate,
        ["postcode"] = Postcode,
        ["email"] = Email,
        ["city"] = City,
        ["tokens"] = Tokens,
        ["height"] = Height,
    });

    public string?[] TextValues => [NhsNumber, FirstName, Surname, Dob, Postcode, Email, City];
}

/// <summary>FsCheck generators of rows that exercise every level: values drawn from small pools (so that exact, fuzzy
/// and partial matches happen), edited pool values, arbitrary Unicode strings, empty strings and NULLs; names that are
/// both a forename and a surname are drawn often enough for swapped names to meet.</summary>
internal static class SyntheticRows
{
    private static readonly string[] Forenames = ["john", "jon", "joan", "johnny", "sarah", "sara", "zoë", "zoe", "émile", "EMILE", "straße", "strasse", "ann", "anne", "mohammed", "muhammad", "o'neil", "li", "x"];
    private static readonly string[] Surnames = ["smith", "smyth", "smithe", "jones", "johns", "o'neil", "oneil", "brown", "braun", "ñúñez", "nunez", "li", "lee", "john", "sarah", "ab"];
    private static readonly string[] Postcodes = ["SW1A 1AA", "SW1A 1AB", "SW1A 2BB", "SW1B 1AA", "SW2 3CD", "S1 1AA", "S1 2ZZ", "sw1a 1aa", "M1 1AE", "M11 1AE", "EC1A 1BB", "BAD", "1AA SW1"];
    private static readonly string[] Emails = ["john.smith@nhs.net", "john.smith@example.org", "jon.smith@nhs.net", "j.smith@nhs.net", "sarah@example.org", "sara@example.org", "@example.org", "noatsign", "zoë@example.org"];
    private static readonly string[] Cities = ["leeds", "leeds city", "london", "londonderry", "york", "new york", "hull", "Łódź", "lodz", "a"];
    private static readonly string[] NhsNumbers = ["9990000018", "9990000026", "9990000034", "9990000042", "9990000050"];
    private static readonly string?[] Tokens = ["a", "b", "c", "d", "é", null];

    /// <summary>Rows with distinct ids. With <paramref name="noEmptyCity"/>, an empty city becomes NULL (DuckDB's
    /// jaccard raises on an empty string, failing the whole query).</summary>
    public static Gen<SyntheticRow[]> Rows(int minimum, int maximum, bool noEmptyCity = false) =>
        Gen.Choose(minimum, maximum).SelectMany(count => Gen.ArrayOf(Row(noEmptyCity), count))
            .Select(rows => rows.Select((row, i) => row with { UniqueId = i + 1 }).ToArray());

    private static Gen<SyntheticRow> Row(bool noEmptyCity) =>
        from nhs in Text(NhsNumbers)
        from first in Gen.Frequency((1, Gen.Elements<string?>("li", "john")), (2, Text(Forenames)))
        from surname in Gen.Frequency((1, Gen.Elements<string?>("li", "john")), (2, Text(Surnames)))
        from dob in DateText()
        from dobDate in Date()
        from postcode in Text(Postcodes)
        from email in Text(Emails)
        from city in Text(Cities)
        from tokens in TokenList()
        from height in Height()
        select new SyntheticRow(0, nhs, first, surname, dob, dobDate, postcode, email,
            noEmptyCity && city?.Length == 0 ? null : city, tokens, height);

    private static Gen<string?> Text(string[] pool) => Gen.Frequency(
        (8, Gen.Elements(pool).Select(s => (string?)s)),
        (3, Gen.Elements(pool).SelectMany(Edit).Select(s => (string?)s)),
        (1, ArbitraryText()),
        (1, Gen.Constant((string?)null)),
        (1, Gen.Constant((string?)string.Empty)));

    /// <summary>One random edit: a deleted, inserted, substituted or transposed char, or a case change.</summary>
    private static Gen<string> Edit(string s) =>
        from kind in Gen.Choose(0, 4)
        from at in Gen.Choose(0, Math.Max(0, s.Length - 1))
        from c in Gen.Elements('a', 'e', 'z', 'é', ' ', '-', 'ß')
        select kind switch
        {
            0 when s.Length > 0 => s.Remove(at, 1),
            1 => s.Insert(Math.Min(at, s.Length), c.ToString()),
            2 when s.Length > 0 => s.Remove(at, 1).Insert(at, c.ToString()),
            3 when s.Length > at + 1 => string.Concat(s.AsSpan(0, at), s.AsSpan(at + 1, 1), s.AsSpan(at, 1), s.AsSpan(at + 2)),
            _ => s.ToUpperInvariant(),
        };

    /// <summary>FsCheck's arbitrary strings, kept to well-formed UTF-16 without NUL (DuckDB holds UTF-8 text).</summary>
    private static Gen<string?> ArbitraryText() =>
        ArbMap.Default.GeneratorFor<string>()
            .Select(s => s is null ? null : new string(s.Where(c => c != '\0').ToArray()))
            .Where(s => s is null || s == Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s)));

    private static Gen<string?> DateText() =>
        from date in Date()
        from form in Gen.Frequency(
            (10, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)), (1, Gen.Constant(5)),
            (3, Gen.Constant(6)))
        from junk in ArbitraryText()
        select date is null ? null : form switch
        {
            0 => date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            1 => $"{date.Value.Year}-{date.Value.Month}-{date.Value.Day}",
            2 => " " + date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " ",
            3 => $"{date.Value.Year:D4}-02-30",
            4 => string.Empty,
            6 => $"{date.Value.Year:D4}-01-01",
            _ => junk,
        };

    private static Gen<DateOnly?> Date() => Gen.Frequency(
        (10, Gen.Choose(0, 900).Select(d => (DateOnly?)new DateOnly(1980, 1, 1).AddDays(d * 17 % 9000))),
        (4, Gen.Choose(0, 60).Select(d => (DateOnly?)new DateOnly(1990, 6, 15).AddDays(d - 30))),
        (1, Gen.Constant((DateOnly?)null)));

    private static Gen<double?> Height() => Gen.Frequency(
        (6, Gen.Elements(150.0, 152.5, 155.0, 160.0, 160.1, 175.0, 181.25, 0.0, -3.0).Select(h => (double?)h)),
        (2, Gen.Choose(1400, 2000).Select(h => (double?)(h / 10.0))),
        (1, Gen.Constant((double?)null)));

    private static Gen<string?[]?> TokenList() => Gen.Frequency(
        (6, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Gen.Elements(Tokens), n)).Select(a => (string?[]?)a)),
        (1, Gen.Constant((string?[]?)null)));
}
