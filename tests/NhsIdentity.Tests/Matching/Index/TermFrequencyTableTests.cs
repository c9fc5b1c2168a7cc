using NhsIdentity.Demographics;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Synthetic;

namespace NhsIdentity.Tests.Matching.Index;

/// <summary>A term-frequency table measured once over all records and applied to an index holding part of them: the
/// part scores exactly as the whole would (what a partitioned index's buckets rely on), where its own frequencies
/// would not.</summary>
public sealed class TermFrequencyTableTests
{
    private static readonly PatientRecord[] Records = [.. SupplierExtract
        .Generate(SyntheticPopulation.Generate(2_500, 31), SupplierDialect.Pas, 32)
        .Select(row => row.ToPatientRecord())];

    private static readonly PatientRecord[] Queries = [.. SupplierExtract
        .Generate(SyntheticPopulation.Generate(2_500, 31), SupplierDialect.Gp, 33)
        .Take(300)
        .Select(row => row.ToPatientRecord())];

    [Fact]
    public void A_rule_restricted_index_with_the_whole_table_scores_every_candidate_as_the_whole_index_does()
    {
        using var whole = IndexOf(Records, PatientIndexOptions.Default with { MinimumDecision = MatchDecision.NonMatch });
        whole.RefreshTermFrequencies();
        var table = TermFrequencyTable.Measure(new RecordSet(Records));
        var rule = BlockingRule.IndexDefaults.First(r => r.Parts.Contains(BlockingKeyPart.FamilySoundex));
        var restrictedOptions = PatientIndexOptions.Default with { BlockingRules = [rule], MinimumDecision = MatchDecision.NonMatch };
        using var withTable = IndexOf(Records, restrictedOptions);
        withTable.ApplyTermFrequencies(table);
        using var ownFrequencies = IndexOf(Records.Where((_, i) => i % 2 == 0), restrictedOptions);
        ownFrequencies.RefreshTermFrequencies();

        var compared = 0;
        var differentWithOwn = 0;
        foreach (var query in Queries)
        {
            var expected = whole.FindMatches(query, 10_000).ToDictionary(m => m.Id, m => m.Score);
            foreach (var match in withTable.FindMatches(query, 10_000))
            {
                Assert.Equal(expected[match.Id], match.Score); // bit for bit: record struct equality of doubles
                compared++;
            }

            foreach (var match in ownFrequencies.FindMatches(query, 10_000))
            {
                differentWithOwn += expected[match.Id] == match.Score ? 0 : 1;
            }
        }

        Assert.True(compared > 100, "the queries should meet many candidates under the rule");
        Assert.True(differentWithOwn > 0, "a part measuring its own frequencies should score some pairs differently");
    }

    [Fact]
    public void Written_and_read_back_the_table_is_the_same_bytes_and_applies_the_same()
    {
        var table = TermFrequencyTable.Measure(new RecordSet(Records));
        var bytes = Bytes(table);
        var read = TermFrequencyTable.ReadFrom(new MemoryStream(bytes));

        Assert.Equal(bytes, Bytes(read));
        Assert.Equal(Records.Length, read.RecordCount);
        Assert.True(read.IsMeasured);
        Assert.Equal(Bytes(TermFrequencyTable.Measure(new RecordSet(Records.Reverse()))), bytes); // order-free
    }

    [Fact]
    public void Too_few_records_give_an_unmeasured_table_that_removes_adjustments()
    {
        var few = Records.Take(RecordSetOptions.Default.MinimumRecordsForTermFrequencies - 1).ToArray();
        var table = TermFrequencyTable.Measure(new RecordSet(few));
        Assert.False(table.IsMeasured);

        using var measured = IndexOf(Records, PatientIndexOptions.Default);
        measured.RefreshTermFrequencies();
        using var unmeasured = IndexOf(Records, PatientIndexOptions.Default);
        unmeasured.RefreshTermFrequencies();
        unmeasured.ApplyTermFrequencies(table);
        using var small = IndexOf(few, PatientIndexOptions.Default);
        small.RefreshTermFrequencies();

        // The unmeasured table leaves each pair scored as an index too small to measure scores it.
        var changed = 0;
        foreach (var query in Queries)
        {
            var without = unmeasured.FindMatches(query, 50).ToDictionary(m => m.Id, m => m.Score);
            foreach (var match in small.FindMatches(query, 50))
            {
                if (without.TryGetValue(match.Id, out var score))
                {
                    Assert.Equal(match.Score, score);
                }
            }

            changed += measured.FindMatches(query, 50).Count(m => without.TryGetValue(m.Id, out var s) && s != m.Score);
        }

        Assert.True(changed > 0, "measured frequencies should change some scores");
    }

    [Fact]
    public void A_table_measured_under_other_preparation_options_is_refused()
    {
        var table = TermFrequencyTable.Measure(new RecordSet(Records));
        var other = RecordSetOptions.Default with { DateOrder = DateOrder.MonthDayYear };
        using var index = new PatientIndex(MatchModel.Default, PatientIndexOptions.Default with { RecordSetOptions = other });
        Assert.Throws<ArgumentException>(() => index.ApplyTermFrequencies(table));
    }

    [Fact]
    public void Bytes_that_are_not_a_table_are_refused_with_invalid_data()
    {
        var bytes = Bytes(TermFrequencyTable.Measure(new RecordSet(Records)));
        Assert.Throws<InvalidDataException>(() => TermFrequencyTable.ReadFrom(new MemoryStream(bytes.AsSpan(0, bytes.Length / 2).ToArray())));
        bytes[0] ^= 0xFF;
        Assert.Throws<InvalidDataException>(() => TermFrequencyTable.ReadFrom(new MemoryStream(bytes)));
        Assert.DoesNotContain("Smith", TermFrequencyTable.Measure(new RecordSet(Records)).ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static PatientIndex IndexOf(IEnumerable<PatientRecord> records, PatientIndexOptions options)
    {
        var index = new PatientIndex(MatchModel.Default, options);
        foreach (var record in records)
        {
            index.AddOrUpdate(record);
        }

        return index;
    }

    private static byte[] Bytes(TermFrequencyTable table)
    {
        using var stream = new MemoryStream();
        table.WriteTo(stream);
        return stream.ToArray();
    }
}
