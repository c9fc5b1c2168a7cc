using NhsIdentity.Tests.TestHelpers;
using NhsIdentity.Text;

namespace NhsIdentity.Tests.Text.NameFrequencies;

/// <summary>
/// <see cref="NameFrequencyTable"/> and its builder. Default values come from the ONS baby names for England and
/// Wales 1996-2018 (Source: Office for National Statistics licensed under the Open Government Licence v.3.0), boys
/// and girls combined: JACK 173,515, OLIVIA 102,781 ... of 14,208,052 registrations.
/// </summary>
[Collection(AllocationMeasurements.Name)]
public sealed class NameFrequencyTableTests
{
    private const long OnsTotal = 14_208_052;

    [Theory]
    [InlineData("JACK", 173_515)]
    [InlineData("THOMAS", 147_490)]
    [InlineData("OLIVIA", 102_781)] // 102,778 girls + 3 boys
    public void Default_holds_the_ons_counts(string name, long count)
    {
        var table = NameFrequencyTable.Default;
        Assert.Equal(count, table.GetCount(name));
        Assert.Equal((double)count / OnsTotal, table.GetRelativeFrequency(name), 12);
    }

    [Fact]
    public void Default_size_total_floor_and_version()
    {
        var table = NameFrequencyTable.Default;
        Assert.Same(table, NameFrequencyTable.Default);
        Assert.Equal(6_969, table.Count); // 6,976 ONS spellings; LILY- = LILY, D'ANDRE = DANDRE, ...; BABY is a placeholder
        Assert.Equal(OnsTotal, table.TotalCount);
        Assert.Equal("ons-ew-1996-2018-min100", table.Version);
        Assert.Equal(0, table.GetCount("ZXQWY"));
        Assert.Equal(table.MinimumFrequency, table.GetRelativeFrequency("ZXQWY"));
        Assert.True(table.MinimumFrequency > 0);
        Assert.True(table.MinimumFrequency <= 0.5 * 100 / OnsTotal + 1e-15); // half the rarest (>= 100) count
        Assert.True(table.GetRelativeFrequency("JACK") > table.GetRelativeFrequency("OLIVIA"));
        Assert.True(table.GetRelativeFrequency("OLIVIA") > 100 * table.MinimumFrequency);
        Assert.True(table.GetCount("ELLIE-MAE") > 0); // hyphenated names keep their hyphen
        Assert.Equal(0, table.GetCount("BABY")); // placeholders are not counted
        Assert.Equal(0, table.GetCount("jack")); // keys are normalised (upper case): normalise first
    }

    [Fact]
    public void Builder_normalises_counts_and_skips_placeholders()
    {
        var builder = new NameFrequencyTableBuilder();
        Assert.True(builder.Add("Jack"));
        Assert.True(builder.Add(" JACK "));
        Assert.True(builder.Add("Mr Jack"));
        Assert.True(builder.Add("Zoë"));
        Assert.True(builder.Add("ZOE".AsSpan()));
        Assert.True(builder.Add("Olivia"));
        Assert.False(builder.Add("Unknown"));
        Assert.False(builder.Add("Baby Boy"));
        Assert.False(builder.Add("-"));
        Assert.False(builder.Add((string?)null));
        Assert.False(builder.Add("Amy", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add("Amy", -1));
        Assert.Equal(6, builder.TotalCount);

        var table = builder.Build();
        Assert.Equal("data", table.Version);
        Assert.Equal(3, table.Count);
        Assert.Equal(6, table.TotalCount);
        Assert.Equal(3, table.GetCount("JACK"));
        Assert.Equal(0.5, table.GetRelativeFrequency("JACK"), 12);
        Assert.Equal(2.0 / 6, table.GetRelativeFrequency("ZOE"), 12);
        Assert.Equal(0.5 * 1 / 6, table.GetRelativeFrequency("AMY"), 12); // half the rarest (OLIVIA, 1)

        builder.Add("Amy", 10); // the built table is a snapshot
        Assert.Equal(0, table.GetCount("AMY"));
        Assert.Equal(10, builder.Build().GetCount("AMY"));
    }

    [Fact]
    public void FromNames_and_an_empty_table()
    {
        var table = NameFrequencyTable.FromNames(["Mary Jane", "mary jane", "MARY", null, "", "xxx"]);
        Assert.Equal(2, table.GetCount("MARY JANE")); // the whole normalised value is the key
        Assert.Equal(1, table.GetCount("MARY"));
        Assert.Equal(3, table.TotalCount);

        var empty = NameFrequencyTable.FromNames([]);
        Assert.Equal(0, empty.Count);
        Assert.Equal(0, empty.MinimumFrequency);
        Assert.Equal(0, empty.GetRelativeFrequency("JACK"));
        Assert.Throws<ArgumentNullException>(() => NameFrequencyTable.FromNames(null!));
    }

    [Fact]
    public void Lookups_and_adding_known_names_allocate_nothing()
    {
        var table = NameFrequencyTable.Default;
        var builder = new NameFrequencyTableBuilder();
        var names = new[] { "JACK", "OLIVIA", "ZXQWY", "", "ELLIE-MAE", "MUHAMMAD" };
        var raw = new[] { "Jack", "Zoë", "Mr Jack", "O'Neil" };
        foreach (var name in raw)
        {
            builder.Add(name.AsSpan());
        }

        double sink = 0;
        void Body()
        {
            foreach (var name in names)
            {
                sink += table.GetRelativeFrequency(name) + table.GetCount(name.AsSpan());
            }

            foreach (var name in raw)
            {
                sink += builder.Add(name.AsSpan()) ? 1 : 0;
            }
        }

        Assert.Equal(0, Allocations.Measure(Body, 1000));
        Assert.NotEqual(0, sink);
    }

    [EvalDataFact]
    public void Default_matches_the_ons_totals_file_for_every_kept_name()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(EvalData.File("lookups", "ons_babynames_ew_1996_2018_totals.csv")).Skip(1))
        {
            var fields = line.Split(',');
            counts[fields[0]] = counts.GetValueOrDefault(fields[0]) + long.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(OnsTotal, counts.Values.Sum());
        // Names given to at least 100 babies are kept; spellings that normalise alike (LILY- and LILY) are merged.
        var kept = counts.Where(kv => kv.Value >= 100)
            .GroupBy(kv => global::NhsIdentity.Demographics.PersonName.Normalize(kv.Key), StringComparer.Ordinal)
            .Where(g => !global::NhsIdentity.Demographics.PersonName.IsPlaceholder(g.Key)) // BABY (409 registrations) is a placeholder
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);
        Assert.Equal(NameFrequencyTable.Default.Count, kept.Count);
        foreach (var (name, count) in kept)
        {
            Assert.Equal(count, NameFrequencyTable.Default.GetCount(name));
        }
    }
}
