using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;

namespace NhsIdentity.Tests.Matching.Training;

/// <summary>Whatever the records (few, empty, all fields missing, levels never seen), training yields a valid model
/// whose every weight is finite, deterministically.</summary>
public sealed class TrainingProperties
{
    private static readonly Gen<string?> NhsNumbers = Gen.Elements<string?>(null, "", "999 000 0018", "999 000 0026", "9990000034", "1234567890", "999 999 9999");
    private static readonly Gen<string?> Given = Gen.Elements<string?>(null, "", "Ann", "Anne", "Bob", "Robert", "Zoë", "-", "Mary Ann");
    private static readonly Gen<string?> Family = Gen.Elements<string?>(null, "", "Smith", "Smyth", "Jones", "Jones-Smith", "O'Neil", "???");
    private static readonly Gen<string?> Dates = Gen.Elements<string?>(null, "", "01/01/1980", "14/03/1987", "03/14/1987", "1987", "1987-03-15", "31/02/2001", "not a date");
    private static readonly Gen<string?> Sexes = Gen.Elements<string?>(null, "F", "M", "U", "9");
    private static readonly Gen<string?> Postcodes = Gen.Elements<string?>(null, "", "LS1 4AP", "LS1 4AQ", "LS2 9JT", "ZZ99 3VZ", "2000", "nonsense");
    private static readonly Gen<string?> Addresses = Gen.Elements<string?>(null, "", "12 Acacia Avenue", "12 Acacia Ave", "3 Mill Lane");

    private static readonly Gen<PatientRecord> Records =
        from nhs in NhsNumbers
        from given in Given
        from family in Family
        from dob in Dates
        from sex in Sexes
        from postcode in Postcodes
        from address in Addresses
        select new PatientRecord
        {
            NhsNumber = nhs, GivenNames = given, FamilyName = family, DateOfBirth = dob, Sex = sex, Postcode = postcode, Address = address,
        };

    private static readonly Arbitrary<PatientRecord[]> RecordSets = Arb.From(Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(Records, n)));

    // Small budgets, so labels and EM have too little data as often as not: the floors must hold it all together.
    private static readonly TrainingOptions Options = TrainingOptions.Default with
    {
        MaxRandomPairs = 200, MinimumRandomPairs = 50, MinimumCrossCheckLabels = 2, MaxIterations = 5,
    };

    [Property(MaxTest = 60)]
    public Property Training_always_gives_finite_weights() =>
        Prop.ForAll(RecordSets, records =>
        {
            var set = new RecordSet(records);
            var deduplication = ModelTrainer.Train(set, Options);
            var half = records.Length / 2;
            var left = new RecordSet(records[..half]);
            var right = new RecordSet(records[half..]);
            var linkage = ModelTrainer.TrainLinkage(left, right, Options);
            foreach (var model in new[] { deduplication.Model, linkage.Model })
            {
                ModelTrainerTests.AssertFinite(model);
                for (var i = 0; i < set.Count; i++)
                {
                    for (var j = 0; j < set.Count; j++)
                    {
                        var score = model.Score(set, i, set, j);
                        if (!double.IsFinite(score.Weight) || double.IsNaN(score.Probability))
                        {
                            return false;
                        }
                    }
                }
            }

            return deduplication.Model.ToJson() == ModelTrainer.Train(set, Options).Model.ToJson();
        });

    [Property(MaxTest = 60)]
    public Property Trained_weights_keep_their_declared_order_and_no_agreement_weighs_against() =>
        Prop.ForAll(RecordSets, records =>
        {
            var half = records.Length / 2;
            var deduplication = ModelTrainer.Train(new RecordSet(records), Options);
            var linkage = ModelTrainer.TrainLinkage(new RecordSet(records[..half]), new RecordSet(records[half..]), Options);

            // With no pseudo-counts as well: the order must hold on the data's frequencies alone.
            var raw = ModelTrainer.Train(new RecordSet(records), Options with { PriorStrength = 0 });
            var violations = TrainedOrder.Violations(deduplication.Model).Concat(TrainedOrder.Violations(linkage.Model))
                .Concat(TrainedOrder.Violations(raw.Model)).ToList();
            return violations.Count == 0 ? true.ToProperty() : false.Label(string.Join("; ", violations));
        });
}
