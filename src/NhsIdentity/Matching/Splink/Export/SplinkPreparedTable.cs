using System.Globalization;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching.Splink;

/// <summary>
/// A <see cref="RecordSet"/>'s prepared features as a table of plain columns: what <c>nhsid prepare</c> writes to
/// Parquet and what the SQL of <see cref="MatchModel.ToSplink"/> reads (normalised names and their tokens, Double
/// Metaphone codes, nickname ids, date-of-birth parts, postcode parts, hashed identifiers, the term frequencies the set
/// measured and each blocking rule's key). A field a record lacks (missing, invalid or a placeholder, as the set
/// prepared it) is null in every column of its comparison, so the exported null levels hold exactly where
/// NhsIdentity's comparisons are not made.
/// </summary>
/// <remarks>
/// <para>Column names are lower-case snake case (each column's <see cref="SplinkPreparedColumn.Description"/> says what it
/// holds; <see cref="SplinkPreparedColumns"/> names those callers refer to). Identifiers that the
/// set keeps only hashed (email, GP practice, a non-UK postal code) are written as those hashes (XxHash3), so equal
/// values still compare equal and the text is not written. <c>tf_given_name</c>, <c>tf_family_name</c> and
/// <c>tf_postcode</c> are the frequencies the set measured (null when it measured none: fewer records than
/// <see cref="RecordSetOptions.MinimumRecordsForTermFrequencies"/>); give them to Splink as its term-frequency lookup
/// (<c>register_term_frequency_lookup</c>) to reproduce NhsIdentity's adjustments to the last bit.</para>
/// <para>Immutable once made. Holds every value in memory (about 30 columns a record).</para>
/// </remarks>
public sealed class SplinkPreparedTable
{
    private SplinkPreparedTable(int rowCount, SplinkPreparedColumn[] columns)
    {
        RowCount = rowCount;
        Columns = Array.AsReadOnly(columns);
    }

    /// <summary>Gets the number of records (rows).</summary>
    public int RowCount { get; }

    /// <summary>Gets the columns, <c>unique_id</c> first.</summary>
    public IReadOnlyList<SplinkPreparedColumn> Columns { get; }

    /// <summary>Prepares the table of a record set.</summary>
    /// <param name="records">The prepared records.</param>
    /// <param name="blockingRules">The rules whose keys to write as <c>block_</c> columns (the rules the exported
    /// settings block on); null writes <see cref="BlockingRule.Defaults"/>.</param>
    /// <returns>The table; <c>unique_id</c> is each record's position in <paramref name="records"/>.</returns>
    public static SplinkPreparedTable Create(RecordSet records, IEnumerable<BlockingRule>? blockingRules = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var rules = blockingRules is null ? BlockingRule.Defaults : [.. blockingRules];
        var n = records.Count;
        var columns = new List<SplinkPreparedColumn>();

        void Add(string name, SplinkColumnType type, string description, Func<int, object?> value)
        {
            var values = new object?[n];
            for (var i = 0; i < n; i++)
            {
                values[i] = value(i);
            }

            columns.Add(new SplinkPreparedColumn(name, type, description, values));
        }

        bool Has(int i, ComparisonKind kind) => (records.Row(i).Present & (1 << (int)kind)) != 0;
        object? If(int i, ComparisonKind kind, Func<object?> value) => Has(i, kind) ? value() : null;

        const SplinkColumnType Int = SplinkColumnType.BigInt;
        const SplinkColumnType Text = SplinkColumnType.Varchar;
        Add(SplinkPreparedColumns.UniqueId, Int, "The record's position in the input (0-based).", i => (long)i);
        Add(SplinkPreparedColumns.RecordId, Text, "The record's id in the input, if it had one.", i => records.GetId(i));
        Add("nhs_number", Int, "A valid NHS number, as a number.", i => If(i, ComparisonKind.NhsNumber, () => records.Row(i).NhsNumber));

        AddName(records, Add, ComparisonKind.GivenName, "given");
        AddName(records, Add, ComparisonKind.FamilyName, "family");
        Add("given_nickname", SplinkColumnType.BigIntList, "The first given name's id in the nickname table, as a one-item list.",
            i => If(i, ComparisonKind.GivenName, () => records.Row(i).NicknameId >= 0 ? new[] { (long)records.Row(i).NicknameId } : null));
        Add("given_nicknames", SplinkColumnType.BigIntList, "The nickname ids equivalent to the first given name's (its own included).",
            i => If(i, ComparisonKind.GivenName, () => NicknameIds(records, records.Row(i).NicknameId)));

        const ComparisonKind Dob = ComparisonKind.DateOfBirth;
        Add("dob", Int, "The date of birth as yyyyMMdd (unknown parts 0).", i => If(i, Dob, () => (long)records.Row(i).DateOfBirth));
        Add("dob_text", Text, "The date of birth as eight digits yyyyMMdd.",
            i => If(i, Dob, () => records.Row(i).DateOfBirth.ToString("D8", CultureInfo.InvariantCulture)));
        Add("dob_year", Int, "The year of birth.", i => If(i, Dob, () => (long)(records.Row(i).DateOfBirth / 10_000)));
        Add("dob_month", Int, "The month of birth (0 when unknown).", i => If(i, Dob, () => (long)(records.Row(i).DateOfBirth / 100 % 100)));
        Add("dob_day", Int, "The day of the month of birth (0 when unknown).", i => If(i, Dob, () => (long)(records.Row(i).DateOfBirth % 100)));
        Add("dob_day_number", Int, "Days since 0001-01-01 of a full date (0 for a partial one).", i => If(i, Dob, () => (long)records.Row(i).DayNumber));
        Add("dob_partial", Int, "1 when the date is partial or a possible 1 January placeholder (only the year is compared), else 0.",
            i => If(i, Dob, () => records.Row(i).DateFlags != 0 ? 1L : 0L));

        Add("sex", Int, "Sex: 1 male, 2 female (NHS Data Dictionary codes).", i => If(i, ComparisonKind.Sex, () => (long)records.Row(i).Sex));

        const ComparisonKind Postcode = ComparisonKind.Postcode;
        Add("postcode", Text, "The full UK postcode (LS1 4AB), or # and the hash of a non-UK postal code.",
            i => If(i, Postcode, () => PostcodeText(in records.Row(i))));
        Add("postcode_sector", Text, "The postcode sector (LS1 4); null for a non-UK code.",
            i => If(i, Postcode, () => records.Row(i).OtherPostcode != 0 ? null : records.Row(i).Postcode.Sector));
        Add("postcode_district", Text, "The postcode district (LS1); null for a non-UK code.",
            i => If(i, Postcode, () => records.Row(i).OtherPostcode != 0 ? null : records.Row(i).Postcode.District));
        Add("postcode_area", Text, "The postcode area (LS); null for a non-UK code.",
            i => If(i, Postcode, () => records.Row(i).OtherPostcode != 0 ? null : records.Row(i).Postcode.Area));

        const ComparisonKind Address = ComparisonKind.Address;
        Add("address", Text, "The address's prepared tokens, space-separated.",
            i => If(i, Address, () => records.AddressTokens(in records.Row(i)).ToString()));
        Add("address_tokens", SplinkColumnType.VarcharList, "The address's distinct prepared tokens.",
            i => If(i, Address, () => Tokens(records.AddressTokens(in records.Row(i)), distinct: true)));
        Add("address_token_count", Int, "How many distinct tokens the address has.",
            i => If(i, Address, () => (long)Tokens(records.AddressTokens(in records.Row(i)), distinct: true).Length));

        Add("local_id", Text, "The local identifier's letters and digits, upper case.",
            i => If(i, ComparisonKind.LocalIdentifier, () => records.LocalIdentifier(in records.Row(i)).ToString()));
        Add("email_key", Int, "The XxHash3 of the email address, trimmed and lower case.",
            i => If(i, ComparisonKind.Email, () => unchecked((long)records.Row(i).Email)));
        Add("phone", Int, "The phone number's last ten digits, after a leading 1 (so 0123... and 123... differ).",
            i => If(i, ComparisonKind.Phone, () => records.Row(i).Phone));
        Add("gp_practice_key", Int, "The hash of the ODS practice code.",
            i => If(i, ComparisonKind.GpPractice, () => (long)records.Row(i).GpPractice));

        Add("tf_given_name", SplinkColumnType.Real, "The first given name's frequency among the records (null when not measured).",
            i => If(i, ComparisonKind.GivenName, () => Frequency(records.Row(i).Log2GivenFrequency)));
        Add("tf_family_name", SplinkColumnType.Real, "The family name's frequency among the records (null when not measured).",
            i => If(i, ComparisonKind.FamilyName, () => Frequency(records.Row(i).Log2FamilyFrequency)));
        Add("tf_postcode", SplinkColumnType.Real, "The full postcode's frequency among the records (null when not measured).",
            i => If(i, Postcode, () => Frequency(records.Row(i).Log2PostcodeFrequency)));

        foreach (var rule in rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(blockingRules));
            var key = SplinkPreparedColumns.BlockingColumn(rule);
            if (columns.Exists(c => c.Name == key))
            {
                continue;
            }

            Add(key, Int, $"The key of blocking rule {rule.Name} (null when a part is missing).",
                i => rule.GetKeyUnchecked(records, i) is var k && k != 0 ? unchecked((long)k) : null);
        }

        return new SplinkPreparedTable(n, [.. columns]);
    }

    /// <summary>The table's rows as records a <see cref="SplinkModel"/> can prepare (for scoring the exported model
    /// in .NET).</summary>
    /// <returns>One record per row, in order.</returns>
    public IReadOnlyList<SplinkRecord> ToRecords()
    {
        var records = new SplinkRecord[RowCount];
        for (var i = 0; i < RowCount; i++)
        {
            var values = new KeyValuePair<string, object?>[Columns.Count];
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = new(Columns[c].Name, Columns[c].Values[i]);
            }

            records[i] = new SplinkRecord(values);
        }

        return records;
    }

    /// <summary>The term frequencies the record set measured, as a lookup an imported model of the exported settings
    /// scores with (Splink's <c>register_term_frequency_lookup</c>): each value of <c>given_name</c>,
    /// <c>family_name</c> and <c>postcode</c> with its <c>tf_</c> column's frequency.</summary>
    /// <returns>The lookup (empty for a column whose frequencies were not measured).</returns>
    public SplinkTermFrequencies TermFrequencies()
    {
        var lookup = new SplinkTermFrequencies();
        foreach (var column in (string[])["given_name", "family_name", "postcode"])
        {
            var values = Column(column).Values;
            var frequencies = Column("tf_" + column).Values;
            for (var i = 0; i < RowCount; i++)
            {
                if (values[i] is { } value && frequencies[i] is double frequency)
                {
                    lookup.Set(column, value, frequency);
                }
            }
        }

        return lookup;
    }

    private SplinkPreparedColumn Column(string name)
    {
        foreach (var column in Columns)
        {
            if (column.Name == name)
            {
                return column;
            }
        }

        throw new InvalidOperationException($"The table has no column {name}.");
    }

    private static void AddName(RecordSet records, Action<string, SplinkColumnType, string, Func<int, object?>> add, ComparisonKind kind, string prefix)
    {
        var given = kind == ComparisonKind.GivenName;
        var what = given ? "first given name" : "family name";
        object? If(int i, Func<object?> value) => (records.Row(i).Present & (1 << (int)kind)) != 0 ? value() : null;
        ReadOnlySpan<char> Name(int i) => given ? records.Given(in records.Row(i)) : records.Family(in records.Row(i));
        ReadOnlySpan<char> All(int i) => given ? records.GivenTokens(in records.Row(i)) : records.FamilyTokens(in records.Row(i));
        bool Several(int i) => given ? NhsIdentity.Matching.Comparisons.NameMatching.HasSeveralGivenTokens(in records.Row(i))
            : NhsIdentity.Matching.Comparisons.NameMatching.HasSeveralFamilyTokens(in records.Row(i));

        add(prefix + "_name", SplinkColumnType.Varchar, $"The {what}, normalised (upper case, no hyphens or spaces).", i => If(i, () => Name(i).ToString()));
        add(prefix + "_tokens", SplinkColumnType.VarcharList, $"The {(given ? "given names'" : "family name's")} tokens.",
            i => If(i, () => Tokens(All(i), distinct: false)));
        add(prefix + "_token_count", SplinkColumnType.BigInt, $"How many tokens the {(given ? "given names have" : "family name has")} (1 when they spell the name).",
            i => If(i, () => Several(i) ? (long)Tokens(All(i), distinct: false).Length : 1L));
        add(prefix + "_metaphone", SplinkColumnType.BigInt, $"The {what}'s Double Metaphone primary code, packed (0 when none).",
            i => If(i, () => (long)(given ? records.Row(i).GivenPhonetic : records.Row(i).FamilyPhonetic)));
        add(prefix + "_metaphone_alt", SplinkColumnType.BigInt, $"The {what}'s Double Metaphone alternate code, packed.",
            i => If(i, () => (long)(given ? records.Row(i).GivenPhoneticAlternate : records.Row(i).FamilyPhoneticAlternate)));
    }

    private static string PostcodeText(in PreparedRow row) =>
        row.OtherPostcode != 0 ? "#" + row.OtherPostcode.ToString("X16", CultureInfo.InvariantCulture) : row.Postcode.ToString();

    private static long[]? NicknameIds(RecordSet records, int id)
    {
        if (id < 0)
        {
            return null;
        }

        var related = records.Nicknames.GetEquivalentIds(id);
        var ids = new long[related.Length + 1];
        ids[0] = id;
        for (var k = 0; k < related.Length; k++)
        {
            ids[k + 1] = related[k];
        }

        return ids;
    }

    private static string[] Tokens(ReadOnlySpan<char> text, bool distinct)
    {
        var tokens = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return distinct ? [.. tokens.Distinct(StringComparer.Ordinal)] : tokens;
    }

    private static double? Frequency(float log2Frequency) => float.IsNaN(log2Frequency) ? null : Math.Pow(2, log2Frequency);
}
