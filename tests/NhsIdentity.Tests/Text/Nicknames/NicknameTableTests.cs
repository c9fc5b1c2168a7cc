using NhsIdentity.Tests.TestHelpers;
using NhsIdentity.Text;

namespace NhsIdentity.Tests.Text.Nicknames;

/// <summary>
/// <see cref="NicknameTable"/>: the default table (carltonnorthern/nicknames, Apache-2.0, plus the cited UK additions in
/// src/NhsIdentity/Resources/nicknames-uk.csv), custom tables and the documented non-transitive relation.
/// </summary>
public sealed class NicknameTableTests
{
    [Theory]
    // carltonnorthern/nicknames names.csv rows (e.g. "robert,has_nickname,bob")
    [InlineData("BOB", "ROBERT")]
    [InlineData("PEGGY", "MARGARET")]
    [InlineData("BILL", "WILLIAM")]
    [InlineData("LIZ", "ELIZABETH")]
    [InlineData("JACK", "JOHN")]
    [InlineData("AL", "ALBERT")]
    [InlineData("AL", "ALFRED")]
    [InlineData("DICK", "RICHARD")]
    // Curated UK additions (sources in nicknames-uk.csv)
    [InlineData("MOHAMMED", "MUHAMMAD")]
    [InlineData("MOHAMED", "MOHAMMAD")] // spelling variants are all paired with each other
    [InlineData("MOHAMAD", "MUHAMMED")]
    [InlineData("SEAN", "JOHN")]
    [InlineData("SHAUN", "SEAN")]
    [InlineData("EOIN", "JOHN")]
    [InlineData("IAN", "JOHN")]
    [InlineData("SIAN", "JANE")]
    [InlineData("SIOBHAN", "JOAN")]
    [InlineData("DAFYDD", "DAVID")]
    [InlineData("DAI", "DAVID")]
    [InlineData("PADRAIG", "PATRICK")]
    [InlineData("MAIRE", "MARY")]
    [InlineData("SEAMUS", "JAMES")]
    [InlineData("MAIREAD", "MARGARET")]
    public void Default_pairs_are_equivalent_in_both_directions(string a, string b)
    {
        var table = NicknameTable.Default;
        Assert.True(table.AreEquivalent(a, b));
        Assert.True(table.AreEquivalent(b, a));
        Assert.True(table.TryGetId(a, out var ia));
        Assert.True(table.TryGetId(b, out var ib));
        Assert.True(table.AreEquivalent(ia, ib));
        Assert.True(table.AreEquivalent(ib, ia));
    }

    [Theory]
    [InlineData("ALBERT", "ALFRED")] // both have the nickname AL: the relation is not transitive
    [InlineData("BERT", "AL")] // two nicknames of ALBERT are not paired with each other
    [InlineData("ROBERT", "RICHARD")]
    [InlineData("JOHN", "JAMES")]
    [InlineData("MARY", "MARGARET")]
    [InlineData("SEAN", "JAMES")]
    [InlineData("CHARLES", "GEORGE")]
    [InlineData("OLIVER", "OLIVIA")]
    [InlineData("ZZZZQ", "ROBERT")] // unknown name
    [InlineData("", "")] // empty tokens are never equivalent
    [InlineData("bob", "ROBERT")] // lookups are ordinal on normalised (upper-case) tokens
    public void Unrelated_names_are_not_equivalent(string a, string b)
    {
        Assert.False(NicknameTable.Default.AreEquivalent(a, b));
        Assert.False(NicknameTable.Default.AreEquivalent(b, a));
    }

    [Fact]
    public void Equal_tokens_are_equivalent_even_when_unknown()
    {
        Assert.True(NicknameTable.Default.AreEquivalent("ZZZZQ", "ZZZZQ"));
        Assert.True(NicknameTable.Default.TryGetId("ROBERT", out var id));
        Assert.True(NicknameTable.Default.AreEquivalent(id, id));
        Assert.False(NicknameTable.Default.AreEquivalent(-1, -1));
        Assert.False(NicknameTable.Default.AreEquivalent(id, int.MaxValue));
    }

    [Fact]
    public void Default_has_the_expected_size_and_version()
    {
        var table = NicknameTable.Default;
        Assert.Same(table, NicknameTable.Default);
        Assert.Equal("carltonnorthern-21d7505+uk-1", table.Version);
        Assert.InRange(table.NameCount, 2100, 2300); // 1,151 names and 1,384 nicknames (overlapping), plus the UK additions
        Assert.InRange(table.PairCount, 2600, 2800); // 2,691 source rows (a few pairs appear in both directions) + UK
        Assert.True(table.Contains("ROBERT"));
        Assert.False(table.Contains("ROB ERT"));
    }

    [Fact]
    public void Ids_names_and_equivalents_round_trip()
    {
        var table = NicknameTable.Default;
        Assert.True(table.TryGetId("PEGGY", out var peggy));
        Assert.Equal("PEGGY", table.GetName(peggy));
        var equivalents = table.GetEquivalentIds(peggy).ToArray().Select(table.GetName).ToArray();
        Assert.Contains("MARGARET", equivalents);
        Assert.DoesNotContain("PEGGY", equivalents);
        Assert.Equal(equivalents.Order(StringComparer.Ordinal), equivalents); // ids follow ordinal name order
        Assert.False(table.TryGetId("NOT-A-NAME", out var missing));
        Assert.Equal(-1, missing);
        Assert.True(table.GetEquivalentIds(-1).IsEmpty);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.GetName(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.GetName(table.NameCount));
    }

    [Fact]
    public void Create_normalises_names_and_ignores_empty_self_and_duplicate_pairs()
    {
        var table = NicknameTable.Create(
            [("Zoë", "Zo"), ("zo", "ZOE"), ("Mary-Jane", "MJ"), ("Ann", "ann"), ("", "X"), ("O'Neil", "Neil")],
            "test-1");
        Assert.Equal("test-1", table.Version);
        Assert.Equal(3, table.PairCount);
        Assert.True(table.AreEquivalent("ZOE", "ZO"));
        Assert.True(table.AreEquivalent("MARYJANE", "MJ")); // spaces and hyphens are removed from keys
        Assert.True(table.AreEquivalent("ONEIL", "NEIL"));
        Assert.False(table.Contains("ANN"));
        Assert.False(table.AreEquivalent("ROBERT", "BOB"));
    }

    [Fact]
    public void Load_reads_star_lines_clique_lines_comments_and_carltonnorthern_rows()
    {
        const string text = """
            # a comment
            ROBERTO, BETO ,TITO
            =MO,MOE,MOH

            name1,relationship,name2
            aaron,has_nickname,ron
            """;
        var table = NicknameTable.Load(new StringReader(text), "custom");
        Assert.True(table.AreEquivalent("ROBERTO", "BETO"));
        Assert.True(table.AreEquivalent("ROBERTO", "TITO"));
        Assert.False(table.AreEquivalent("BETO", "TITO")); // star line: only the first name is paired with the others
        Assert.True(table.AreEquivalent("MOE", "MOH")); // clique line: every pair
        Assert.True(table.AreEquivalent("MO", "MOH"));
        Assert.True(table.AreEquivalent("AARON", "RON"));
        Assert.False(table.Contains("NAME1"));
        Assert.False(table.Contains("HASNICKNAME"));
        Assert.Equal(6, table.PairCount);
    }

    [Fact]
    public void Combine_keeps_the_pairs_of_both()
    {
        var custom = NicknameTable.Create([("ROBERT", "BOBBO"), ("NEWNAME", "NEWNICK")], "trust-1");
        var combined = NicknameTable.Default.Combine(custom, "default+trust-1");
        Assert.Equal("default+trust-1", combined.Version);
        Assert.True(combined.AreEquivalent("ROBERT", "BOBBO"));
        Assert.True(combined.AreEquivalent("ROBERT", "BOB"));
        Assert.True(combined.AreEquivalent("NEWNICK", "NEWNAME"));
        Assert.Equal(NicknameTable.Default.PairCount + 2, combined.PairCount);
        Assert.False(NicknameTable.Default.Contains("BOBBO")); // the default is unchanged
    }

    [Fact]
    public void Null_arguments_throw()
    {
        Assert.Throws<ArgumentNullException>(() => NicknameTable.Create(null!, "v"));
        Assert.Throws<ArgumentNullException>(() => NicknameTable.Create([], null!));
        Assert.Throws<ArgumentNullException>(() => NicknameTable.Load(null!, "v"));
        Assert.Throws<ArgumentNullException>(() => NicknameTable.Default.Combine(null!, "v"));
    }

    [EvalDataFact]
    public void Every_row_of_the_carltonnorthern_csv_is_equivalent_in_Default()
    {
        var rows = File.ReadAllLines(EvalData.File("lookups", "nicknames_carltonnorthern.csv")).Skip(1).ToArray();
        Assert.Equal(2691, rows.Length);
        foreach (var row in rows)
        {
            var fields = row.Split(',');
            Assert.Equal("has_nickname", fields[1]);
            var name = global::NhsIdentity.Demographics.PersonName.Normalize(fields[0]).Replace(" ", "", StringComparison.Ordinal);
            var nickname = global::NhsIdentity.Demographics.PersonName.Normalize(fields[2]).Replace(" ", "", StringComparison.Ordinal);
            Assert.True(NicknameTable.Default.AreEquivalent(name, nickname), $"row {row}");
            Assert.True(NicknameTable.Default.AreEquivalent(nickname, name), $"row {row}");
        }

        var fromCsv = NicknameTable.Load(new StringReader(string.Join('\n', rows)), "csv");
        Assert.True(fromCsv.PairCount <= NicknameTable.Default.PairCount);
    }
}
