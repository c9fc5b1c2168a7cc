using System.Runtime.InteropServices;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Comparisons;
using NhsIdentity.Tests.Matching.Training;

namespace NhsIdentity.Tests.Matching;

/// <summary>
/// Records added to a <see cref="RecordSetBuilder"/> one at a time, prepared in batches (on several threads, in the
/// background) as they arrive, make the set a list of the same records makes, byte for byte: every prepared row (arena
/// offsets and term frequencies included), the arena's text, the ids, the field counts, and what a deduplication of
/// the set finds. Sizes include no record, one, and counts either side of a batch boundary; batches and threads'
/// shares are made small so that one test crosses many of both.
/// </summary>
public sealed class RecordSetBuilderProperties
{
    /// <summary>Term frequencies measured from the first record, so the property covers them even in small sets.</summary>
    private static readonly RecordSetOptions Measured = RecordSetOptions.Default with { MinimumRecordsForTermFrequencies = 1 };

    private static Arbitrary<(int Seed, int BatchSize, int PerShare, int Count)> Shapes { get; } =
        Arb.From(
            from seed in Gen.Choose(0, int.MaxValue)
            from batchSize in Gen.OneOf(Gen.Choose(1, 4), Gen.Choose(5, 64))
            from perShare in Gen.Choose(1, 8)
            from count in Gen.OneOf(
                Gen.Elements(0, 1, 2),
                from batches in Gen.Choose(1, 4)
                from offset in Gen.Choose(-1, 1)
                select Math.Max(0, (batches * batchSize) + offset),
                Gen.Choose(0, 300))
            select (seed, batchSize, perShare, count));

    [Property(MaxTest = 60)]
    public Property Records_added_one_at_a_time_make_the_set_a_list_of_them_makes() =>
        Prop.ForAll(Shapes, shape =>
        {
            var records = People(shape.Count, shape.Seed);
            var listed = new RecordSet(records, Measured, maxDegreeOfParallelism: 1);

            var builder = new RecordSetBuilder(Measured, shape.BatchSize, maxDegreeOfParallelism: -1, shape.PerShare);
            foreach (var record in records)
            {
                builder.Add(record);
            }

            Assert.Equal(records.Count, builder.Count);
            var built = builder.Build();

            AssertSame(listed, built);
            AssertSameDeduplication(listed, built);
        });

    [Fact]
    public void A_large_extract_with_the_default_batches_makes_the_set_a_list_makes()
    {
        // More than one default batch, and not a multiple of it, so a batch is prepared in the background while the
        // next is gathered, and the last batch is short.
        var count = RecordSetBuilder.DefaultBatchSize + (RecordSetBuilder.DefaultBatchSize / 3) + 7;
        var records = People(count, seed: 11);
        var listed = new RecordSet(records);

        var builder = new RecordSetBuilder();
        foreach (var record in records)
        {
            builder.Add(record);
        }

        var built = builder.Build();
        Assert.Equal(count, built.Count);
        AssertSame(listed, built);
    }

    [Fact]
    public void A_builder_builds_one_set()
    {
        var builder = new RecordSetBuilder();
        builder.Add(new PatientRecord { Id = "a", FamilyName = "Smith" });
        var set = builder.Build();

        Assert.Equal(1, set.Count);
        Assert.Throws<InvalidOperationException>(() => builder.Add(new PatientRecord { Id = "b" }));
        Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void A_null_record_is_refused_and_the_builder_goes_on()
    {
        var builder = new RecordSetBuilder(RecordSetOptions.Default, batchSize: 2, maxDegreeOfParallelism: -1, recordsPerShare: 1);
        builder.Add(new PatientRecord { Id = "a" });
        Assert.Throws<ArgumentNullException>(() => builder.Add(null!));
        builder.Add(new PatientRecord { Id = "b" });

        var set = builder.Build();
        Assert.Equal("a", set.GetId(0));
        Assert.Equal("b", set.GetId(1));
    }

    [Fact]
    public void Options_are_required_and_the_description_has_only_the_count()
    {
        Assert.Throws<ArgumentNullException>(() => new RecordSetBuilder(null!));
        var builder = new RecordSetBuilder(Measured);
        Assert.Same(Measured, builder.Options);
        builder.Add(new PatientRecord { Id = "x", NhsNumber = "9990001234", FamilyName = "Smith" });
        Assert.Equal("RecordSetBuilder(Count = 1)", builder.ToString());
    }

    private static List<PatientRecord> People(int count, int seed)
    {
        var (records, _) = SyntheticPeople.Create((count / 2) + 1, seed);
        return records.Take(count).ToList();
    }

    /// <summary>The same count, arena text, ids, row bytes and field counts.</summary>
    internal static void AssertSame(RecordSet expected, RecordSet actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.True(expected.ArenaText.SequenceEqual(actual.ArenaText), "the arenas differ");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected.GetId(i), actual.GetId(i));
            var a = MemoryMarshal.AsBytes(new ReadOnlySpan<PreparedRow>(in expected.Row(i)));
            var b = MemoryMarshal.AsBytes(new ReadOnlySpan<PreparedRow>(in actual.Row(i)));
            Assert.True(a.SequenceEqual(b), $"row {i} differs");
        }

        foreach (var definition in ComparisonDefinition.All)
        {
            Assert.Equal(expected.GetCounts(definition.Kind), actual.GetCounts(definition.Kind));
        }
    }

    private static void AssertSameDeduplication(RecordSet expected, RecordSet actual)
    {
        var linker = new Linker(MatchModel.Default, LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch });
        var a = linker.Deduplicate(expected);
        var b = linker.Deduplicate(actual);
        Assert.Equal(a.PairsCompared, b.PairsCompared);
        Assert.Equal(a.Pairs, b.Pairs);
    }
}
