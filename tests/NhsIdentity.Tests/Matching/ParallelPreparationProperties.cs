using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Tests.Matching.Training;

namespace NhsIdentity.Tests.Matching;

/// <summary>
/// A large list of records is prepared on all cores into the set one thread makes, byte for byte: every prepared row
/// (its arena offsets and term frequencies included), the arena's text, the ids and the field counts. Sizes straddle
/// the threshold and the share size, so the last share is short and the offsets of later shares are not zero.
/// </summary>
public sealed class ParallelPreparationProperties
{
    private static Arbitrary<(int Seed, int Extra)> Sizes { get; } =
        Arb.From(
            from seed in Gen.Choose(0, int.MaxValue)
            from extra in Gen.OneOf(Gen.Choose(-3, 3), Gen.Choose(0, 20_000))
            select (seed, extra));

    [Property(MaxTest = 12)]
    public Property All_cores_prepare_the_set_one_thread_prepares() =>
        Prop.ForAll(Sizes, size =>
        {
            var count = Math.Max(1, RecordSet.ParallelPreparationThreshold + size.Extra);
            var (records, _) = SyntheticPeople.Create((count / 2) + 1, size.Seed);
            records = records.Take(count).ToList();

            var serial = new RecordSet(records, RecordSetOptions.Default, maxDegreeOfParallelism: 1);
            var parallel = new RecordSet(records, RecordSetOptions.Default, maxDegreeOfParallelism: -1);

            RecordSetBuilderProperties.AssertSame(serial, parallel);
        });

    [Fact]
    public void A_null_record_in_a_large_list_is_refused_before_anything_is_prepared()
    {
        var (records, _) = SyntheticPeople.Create(RecordSet.ParallelPreparationThreshold, seed: 3);
        records[^1] = null!;
        Assert.Throws<ArgumentNullException>(() => new RecordSet(records));
    }
}
