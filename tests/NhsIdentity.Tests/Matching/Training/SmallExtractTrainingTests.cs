using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;
using NhsIdentity.Synthetic;
using Xunit.Abstractions;

namespace NhsIdentity.Tests.Matching.Training;

public sealed class SmallExtractTrainingTests(ITestOutputHelper output)
{
    internal static (RecordSet Left, RecordSet Right, long TruePairs) Extracts(int persons, int seed)
    {
        var population = SyntheticPopulation.Generate(persons, seed);
        var pas = SupplierExtract.Generate(population, SupplierDialect.Pas, seed + 1).ToList();
        var gp = SupplierExtract.Generate(population, SupplierDialect.Gp, seed + 2).ToList();
        return (new RecordSet(pas.Select(r => r.ToPatientRecord())), new RecordSet(gp.Select(r => r.ToPatientRecord())), ExtractTruth.CrossLinks(pas, gp).Count);
    }

    [Fact]
    public void Scratch()
    {
        foreach (var seed in new[] { 42, 1, 2 })
        {
            var (left, right, truth) = Extracts(150, seed);
            var result = ModelTrainer.TrainLinkage(left, right);
            output.WriteLine($"seed {seed}: {left.Count}x{right.Count}, true pairs {truth}, truth λ {truth / (double)result.TotalPairs:G4}; {result}");
            output.WriteLine(Febrl4TrainingTests.Describe(result.Model));
            output.WriteLine("fallbacks: " + string.Join("; ", result.Fallbacks));
            output.WriteLine("adjustments: " + string.Join("; ", result.Adjustments));
        }
    }
}
