using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Tests.Matching;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Properties;

[Collection(AllocationMeasurements.Name)]
public sealed class MatchingProperties
{
    private static readonly Gen<string?> Field = Gen.OneOf(
        Gen.Constant<string?>(null),
        ArbMap.Default.GeneratorFor<string>().Select(s => (string?)s),
        Gen.Elements<string?>("Alice", "ALICE", "Pemberton", "14/03/1987", "1987-03-14", "LS1 4AP", "999 000 0018", "F", "M", "12 Acacia Avenue", "RX1", "a@b.c"));

    private static readonly Arbitrary<PatientRecord> Records = Arb.From(
        from values in Gen.ArrayOf(Field, 11)
        select new PatientRecord
        {
            Id = values[0], NhsNumber = values[1], GivenNames = values[2], FamilyName = values[3], DateOfBirth = values[4], Sex = values[5],
            Postcode = values[6], Address = values[7], LocalIdentifier = values[8], Phone = values[9], Email = values[10],
        });

    [Property(MaxTest = 500)]
    public Property Preparing_and_scoring_never_throw_and_give_finite_symmetric_scores() =>
        Prop.ForAll(Records, Records, (a, b) =>
        {
            var left = new RecordSet([a]);
            var right = new RecordSet([b]);
            var forward = MatchModel.Default.Score(left, 0, right, 0);
            var backward = MatchModel.Default.Score(right, 0, left, 0);
            return double.IsFinite(forward.Weight) && forward.Probability is >= 0 and <= 1
                && forward.Weight == backward.Weight && forward.Decision == backward.Decision;
        });

    [Property(MaxTest = 300)]
    public Property Scores_are_symmetric_to_the_bit_on_realistic_records() =>
        // Competition asks whether two records of one extract are one person by scoring them one way only (lower
        // index first), and training promises the same model for the records in any order: that needs the two
        // directions to agree exactly, not to a tolerance.
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), s =>
        {
            var (records, _) = Matching.Training.SyntheticPeople.Create(12, seed: s);
            var set = new RecordSet(records);
            for (var i = 0; i < set.Count; i++)
            {
                for (var j = i + 1; j < set.Count; j++)
                {
                    if (MatchModel.Default.Score(set, i, set, j).Weight != MatchModel.Default.Score(set, j, set, i).Weight)
                    {
                        return false.Label($"seed {s}: records {i} and {j}");
                    }
                }
            }

            return true.Label("symmetric");
        });

    [Property(MaxTest = 300)]
    public Property A_record_scores_at_least_as_high_against_itself_as_against_another() =>
        Prop.ForAll(Records, Records, (a, b) =>
        {
            var set = new RecordSet([a, b]);
            return MatchModel.Default.Score(set, 0, set, 0).Weight >= MatchModel.Default.Score(set, 0, set, 1).Weight - 1e-9;
        });

    [Property(MaxTest = 200)]
    public Property Every_field_count_adds_up_to_the_record_count() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Records.Generator)), records =>
        {
            var set = new RecordSet(records);
            return Enum.GetValues<ComparisonKind>().All(kind => set.GetCounts(kind).Total == records.Count);
        });

    [Fact]
    public void Scoring_prepared_records_allocates_nothing()
    {
        var set = new RecordSet([MatchingSamples.Alice, MatchingSamples.AliceTypo, MatchingSamples.Stranger]);
        var model = MatchModel.Default;
        var outcomes = new ComparisonOutcome[16];
        double sink = 0;
        var bytes = Allocations.Measure(() =>
        {
            sink += model.Score(set, 0, set, 1).Weight + model.Score(set, 0, set, 2).Weight + model.Score(set, 1, set, 2).Weight;
        }, 10_000);
        Assert.Equal(0, bytes);
        Assert.NotEqual(0, sink);
        Assert.Equal(0, Allocations.Measure(() => sink += model.Explain(set, 0, set, 1, outcomes) + outcomes[0].Weight, 1_000));
    }
}
