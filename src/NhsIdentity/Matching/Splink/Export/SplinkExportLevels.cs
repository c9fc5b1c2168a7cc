using System.Globalization;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching.Splink;

/// <summary>One exported Splink level: the native level it stands for (-1 for an extra null level), its SQL, and why
/// the SQL is inexact (null when exact).</summary>
internal readonly record struct ExportedLevel(int Level, string Label, string Sql, string? Inexact = null);

/// <summary>
/// Each comparison's levels as SQL over the columns of <see cref="SplinkPreparedTable"/>, in the order NhsIdentity
/// tries them, with the first true winning as in Splink. A level the model does not use is left out; a later level's
/// condition then holds for the pairs the native comparison passes on to it, as Splink's CASE WHEN does.
/// </summary>
internal static class SplinkExportLevels
{
    /// <summary>The null-level condition and the levels of a comparison; null when it cannot be exported.</summary>
    public static (string NullCondition, List<ExportedLevel> Levels)? Levels(ComparisonModel model)
    {
        var used = new Func<int, bool>(model.IsLevelUsed);
        var p = model.ParameterValues.ToArray();
        return model.Comparison switch
        {
            ComparisonKind.NhsNumber => (Null("nhs_number"), Exact(used, "nhs_number", "Equal")),
            ComparisonKind.Sex => (Null("sex"), Exact(used, "sex", "Equal")),
            ComparisonKind.Email => (Null("email_key"), Exact(used, "email_key", "Equal")),
            ComparisonKind.Phone => (Null("phone"), Exact(used, "phone", "Equal")),
            ComparisonKind.GpPractice => (Null("gp_practice_key"), Exact(used, "gp_practice_key", "Equal")),
            ComparisonKind.GivenName => (Null("given_name"), GivenName(used, p)),
            ComparisonKind.FamilyName => (Null("family_name"), FamilyName(used, p)),
            ComparisonKind.DateOfBirth => (Null("dob"), DateOfBirth(used, p)),
            ComparisonKind.Postcode => (Null("postcode"), Postcode(used)),
            ComparisonKind.Address => (Null("address"), Address(used, p)),
            ComparisonKind.LocalIdentifier => (Null("local_id"), LocalIdentifier(used)),
            _ => null,
        };
    }

    /// <summary>The prepared columns a comparison's SQL reads (for <see cref="SplinkExport.Columns"/>).</summary>
    public static string[] ColumnsOf(ComparisonKind kind) => kind switch
    {
        ComparisonKind.NhsNumber => ["nhs_number"],
        ComparisonKind.Sex => ["sex"],
        ComparisonKind.Email => ["email_key"],
        ComparisonKind.Phone => ["phone"],
        ComparisonKind.GpPractice => ["gp_practice_key"],
        ComparisonKind.GivenName => ["given_name", "family_name", "given_nickname", "given_nicknames", "given_tokens", "given_token_count",
            "given_metaphone", "given_metaphone_alt", "tf_given_name"],
        ComparisonKind.FamilyName => ["family_name", "given_name", "family_tokens", "family_token_count", "family_metaphone",
            "family_metaphone_alt", "tf_family_name"],
        ComparisonKind.DateOfBirth => ["dob", "dob_text", "dob_year", "dob_month", "dob_day", "dob_day_number", "dob_partial"],
        ComparisonKind.Postcode => ["postcode", "postcode_sector", "postcode_district", "postcode_area", "tf_postcode"],
        ComparisonKind.Address => ["address", "address_tokens", "address_token_count"],
        ComparisonKind.LocalIdentifier => ["local_id"],
        _ => [],
    };

    /// <summary>The term-frequency column of a comparison's adjusted level (the prepared column it is measured on).</summary>
    public static string? TermFrequencyColumn(ComparisonKind kind) => kind switch
    {
        ComparisonKind.GivenName => "given_name",
        ComparisonKind.FamilyName => "family_name",
        ComparisonKind.Postcode => "postcode",
        _ => null,
    };

    private static string Null(string column) => $"{column}_l IS NULL OR {column}_r IS NULL";

    private static string Eq(string column) => $"{column}_l = {column}_r";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static List<ExportedLevel> Exact(Func<int, bool> used, string column, string equal)
    {
        var levels = new List<ExportedLevel>();
        if (used(0))
        {
            levels.Add(new(0, equal, Eq(column)));
        }

        levels.Add(new(1, "Different", "ELSE"));
        return levels;
    }

    /// <summary>Why a Jaro-Winkler band is inexact: DuckDB's Jaro (rapidfuzz's) halves the count of out-of-order
    /// matches with integer division, NhsIdentity's (Winkler's) does not, so DuckDB's is higher when that count is odd
    /// (CRAIG and CAIRNS: 0.765 against 0.697).</summary>
    private const string JaroWinklerReason = "DuckDB's jaro_winkler_similarity halves the count of out-of-order matching characters with integer "
        + "division and NhsIdentity's Jaro-Winkler does not, so where that count is odd DuckDB's similarity is higher and a pair near a "
        + "threshold can fall in another band (or reach a band instead of a later level).";

    private static string JaroWinkler(string column, double threshold) =>
        $"jaro_winkler_similarity({column}_l, {column}_r) >= {Number(threshold)}";

    private static string SharesToken(string prefix) =>
        $"({prefix}_token_count_l > 1 OR {prefix}_token_count_r > 1) AND array_length(list_intersect({prefix}_tokens_l, {prefix}_tokens_r)) > 0";

    private static string Phonetic(string prefix) =>
        $"{prefix}_metaphone_l <> 0 AND {prefix}_metaphone_r <> 0 AND ({prefix}_metaphone_l = {prefix}_metaphone_r"
        + $" OR {prefix}_metaphone_l = {prefix}_metaphone_alt_r OR {prefix}_metaphone_alt_l = {prefix}_metaphone_r"
        + $" OR {prefix}_metaphone_alt_l = {prefix}_metaphone_alt_r)";

    private const string Swap = "given_name_l = family_name_r AND family_name_l = given_name_r AND given_name_l <> family_name_l";

    private static List<ExportedLevel> GivenName(Func<int, bool> used, double[] p)
    {
        // Two equal initials are the Initial level, not Exact (nor a swap, nickname or Jaro-Winkler band before it).
        var guard = used((int)GivenNameLevel.Initial) ? "NOT (given_name_l = given_name_r AND length(given_name_l) = 1) AND " : string.Empty;
        var all = new ExportedLevel[]
        {
            new((int)GivenNameLevel.Exact, "Exact", guard + Eq("given_name")),
            new((int)GivenNameLevel.Swapped, "Swapped", guard + Swap),
            new((int)GivenNameLevel.Nickname, "Nickname", guard + "array_length(list_intersect(given_nicknames_l, given_nickname_r)) > 0"),
            new((int)GivenNameLevel.JaroWinkler92, "JaroWinkler92", guard + JaroWinkler("given_name", p[0]), JaroWinklerReason),
            new((int)GivenNameLevel.JaroWinkler88, "JaroWinkler88", guard + JaroWinkler("given_name", p[1]), JaroWinklerReason),
            new((int)GivenNameLevel.Initial, "Initial",
                "(length(given_name_l) = 1 OR length(given_name_r) = 1) AND left(given_name_l, 1) = left(given_name_r, 1)"),
            new((int)GivenNameLevel.MiddleName, "MiddleName", SharesToken("given")),
            new((int)GivenNameLevel.Phonetic, "Phonetic", Phonetic("given")),
            new((int)GivenNameLevel.JaroWinkler70, "JaroWinkler70", JaroWinkler("given_name", p[2]), JaroWinklerReason),
            new((int)GivenNameLevel.Else, "Else", "ELSE"),
        };
        return Used(all, used);
    }

    private static List<ExportedLevel> FamilyName(Func<int, bool> used, double[] p)
    {
        var levels = new List<ExportedLevel>();
        if (used((int)FamilyNameLevel.Exact))
        {
            levels.Add(new((int)FamilyNameLevel.Exact, "Exact", Eq("family_name")));
        }

        // Swapped names: the given-name comparison carries the swap, and this one is not made (weight 0).
        levels.Add(new(-1, "Swapped (counted by the given name)", Swap));
        levels.AddRange(Used(
        [
            new((int)FamilyNameLevel.JaroWinkler92, "JaroWinkler92", JaroWinkler("family_name", p[0]), JaroWinklerReason),
            new((int)FamilyNameLevel.DoubleBarrel, "DoubleBarrel", SharesToken("family")),
            new((int)FamilyNameLevel.JaroWinkler88, "JaroWinkler88", JaroWinkler("family_name", p[1]), JaroWinklerReason),
            new((int)FamilyNameLevel.Phonetic, "Phonetic", Phonetic("family")),
            new((int)FamilyNameLevel.JaroWinkler70, "JaroWinkler70", JaroWinkler("family_name", p[2]), JaroWinklerReason),
            new((int)FamilyNameLevel.Else, "Else", "ELSE"),
        ], used));
        return levels;
    }

    private static List<ExportedLevel> DateOfBirth(Func<int, bool> used, double[] p)
    {
        // A partial date or a possible 1 January placeholder: only the year is compared (WithinOneYear or Else).
        const string Full = "dob_partial_l = 0 AND dob_partial_r = 0 AND ";
        const string PartsEqual = "(CASE WHEN dob_year_l = dob_year_r THEN 1 ELSE 0 END) + (CASE WHEN dob_month_l = dob_month_r THEN 1 ELSE 0 END)"
            + " + (CASE WHEN dob_day_l = dob_day_r THEN 1 ELSE 0 END) >= 2";
        return Used(
        [
            new((int)DateOfBirthLevel.Exact, "Exact", Full + Eq("dob")),
            new((int)DateOfBirthLevel.DayMonthSwapped, "DayMonthSwapped",
                Full + "dob_year_l = dob_year_r AND dob_month_l = dob_day_r AND dob_day_l = dob_month_r"),

            // Equal-length digit strings one edit apart differ in exactly one digit.
            new((int)DateOfBirthLevel.OneDigitDifferent, "OneDigitDifferent", Full + "levenshtein(dob_text_l, dob_text_r) = 1"),
            new((int)DateOfBirthLevel.TwoPartsEqual, "TwoPartsEqual", Full + PartsEqual),
            new((int)DateOfBirthLevel.WithinOneYear, "WithinOneYear",
                $"((dob_partial_l = 1 OR dob_partial_r = 1) AND dob_year_l = dob_year_r) OR (dob_partial_l = 0 AND dob_partial_r = 0"
                + $" AND abs(dob_day_number_l - dob_day_number_r) <= {Number(p[0])})"),
            new((int)DateOfBirthLevel.Else, "Else", "ELSE"),
        ], used);
    }

    private static List<ExportedLevel> Postcode(Func<int, bool> used) => Used(
    [
        new((int)PostcodeLevel.Full, "Full", Eq("postcode")),
        new((int)PostcodeLevel.Sector, "Sector", Eq("postcode_sector")),
        new((int)PostcodeLevel.District, "District", Eq("postcode_district")),
        new((int)PostcodeLevel.Area, "Area", Eq("postcode_area")),
        new((int)PostcodeLevel.Else, "Else", "ELSE"),
    ], used);

    private static List<ExportedLevel> Address(Func<int, bool> used, double[] p)
    {
        const string Reason = "NhsIdentity's token-set similarity (FuzzySharp's token set ratio, Levenshtein over sorted tokens) has no "
            + "equivalent among DuckDB's functions; the SQL approximates it by shared tokens";
        const string Shared = "array_length(list_intersect(address_tokens_l, address_tokens_r))";
        const string Fewer = "least(address_token_count_l, address_token_count_r)";

        // The address column holds the prepared tokens sorted and distinct, as the token-set ratio compares them.
        const string Ratio = "1 - 2.0 * levenshtein(address_l, address_r) / (length(address_l) + length(address_r))";
        return Used(
        [
            new((int)AddressLevel.Similar90, "Similar90", $"{Shared} = {Fewer} OR {Ratio} >= {Number(p[0])}",
                $"{Reason}: one token set within the other (where the token-set ratio is 1), or 1 - 2 × levenshtein / total length "
                + $"of the sorted tokens at least {Number(p[0])} (the indel ratio when every edit is a substitution)."),
            new((int)AddressLevel.Similar70, "Similar70", $"{Ratio} >= {Number(p[1])}",
                $"{Reason}: 1 - 2 × levenshtein / total length of the sorted tokens at least {Number(p[1])}."),
            new((int)AddressLevel.Else, "Else", "ELSE", "Holds where the approximations above do not."),
        ], used);
    }

    private static List<ExportedLevel> LocalIdentifier(Func<int, bool> used) => Used(
    [
        new((int)LocalIdentifierLevel.Exact, "Exact", Eq("local_id")),

        // Within one edit, Damerau-Levenshtein and optimal string alignment agree.
        new((int)LocalIdentifierLevel.OneEdit, "OneEdit", "damerau_levenshtein(local_id_l, local_id_r) <= 1"),
        new((int)LocalIdentifierLevel.Else, "Else", "ELSE"),
    ], used);

    private static List<ExportedLevel> Used(ExportedLevel[] levels, Func<int, bool> used)
    {
        var kept = new List<ExportedLevel>(levels.Length);
        foreach (var level in levels)
        {
            if (level.Sql == "ELSE" || used(level.Level))
            {
                kept.Add(level);
            }
        }

        return kept;
    }
}
