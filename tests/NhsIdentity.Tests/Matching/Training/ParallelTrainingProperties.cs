using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;

namespace NhsIdentity.Tests.Matching.Training;

/// <summary>
/// Training on all cores gives the model one thread gives, byte for byte (<see cref="TrainingOptions.MaxDegreeOfParallelism"/>):
/// the random pairs are drawn in one sequence and counted in order with the early stop checked chunk by chunk, and the
/// training rules' patterns are counts added up in any order. Populations, seeds and sampling budgets vary so that
/// sampling stops early, runs to its budget, or compares every pair.
/// </summary>
public sealed class ParallelTrainingProperties
{
    private static Arbitrary<(int Seed, int Persons, int Budget, int Minimum, bool Linkage)> Runs { get; } =
        Arb.From(
            from seed in Gen.Choose(0, int.MaxValue)
            from persons in Gen.Choose(20, 400)
            from budget in Gen.Elements(500, 9_000, 70_000, 200_000)
            from minimum in Gen.Elements(0, 4_096, 50_000)
            from linkage in ArbMap.Default.GeneratorFor<bool>()
            select (seed, persons, budget, minimum, linkage));

    [Property(MaxTest = 25)]
    public Property All_cores_train_the_model_one_thread_trains() =>
        Prop.ForAll(Runs, run =>
        {
            var (records, _) = SyntheticPeople.Create(run.Persons, run.Seed);
            var set = new RecordSet(records);
            var other = new RecordSet(SyntheticPeople.Create(run.Persons, run.Seed ^ 0x3C3C).Records);
            var options = TrainingOptions.Default with
            {
                Seed = run.Seed,
                MaxRandomPairs = run.Budget,
                MinimumRandomPairs = Math.Min(run.Minimum, run.Budget),
            };

            TrainingResult Train(int threads) => run.Linkage
                ? ModelTrainer.TrainLinkage(set, other, options with { MaxDegreeOfParallelism = threads })
                : ModelTrainer.Train(set, options with { MaxDegreeOfParallelism = threads });

            var serial = Train(1);
            var parallel = Train(-1);
            var two = Train(2);
            Assert.Equal(serial.Model.ToJson(), parallel.Model.ToJson());
            Assert.Equal(serial.Model.ToJson(), two.Model.ToJson());
            Assert.Equal(serial.RandomPairsSampled, parallel.RandomPairsSampled);
            Assert.Equal(serial.AllPairsCompared, parallel.AllPairsCompared);
            Assert.Equal(serial.ToString(), parallel.ToString());
        });
}
