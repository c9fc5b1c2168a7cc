using BenchmarkDotNet.Attributes;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;
using NhsIdentity.Synthetic;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// The linker's scoring with and without the bound (<see cref="LinkOptions.BoundedScoring"/>): one
/// <see cref="Linker.Deduplicate"/> of a prepared PAS extract from the synthetic generator (the population the
/// 1,000,000-record end-to-end runs use, here <see cref="Persons"/> people: seed 42, extract seed 43, default errors),
/// scored by a model trained on it, on one thread. The set is prepared and the model trained once in
/// <c>GlobalSetup</c>, so a run is blocking, scoring and sorting only. The baseline makes every comparison of every
/// candidate pair (the bound off); <c>Bounded</c> is the default. <c>GlobalSetup</c> checks both return the same pairs
/// to the bit and prints the pairs compared, kept and ruled out early.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ParameterColumns))]
public class BoundedScoringBench
{
    private RecordSet _set = null!;
    private Linker _unbounded = null!;
    private Linker _bounded = null!;

    /// <summary>The people generated (the PAS extract holds about 79% of them, some twice).</summary>
    [Params(100_000)]
    public int Persons { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var population = SyntheticPopulation.Generate(Persons, 42, ErrorProfile.Default.Households);
        var rows = SupplierExtract.Generate(population, SupplierDialect.Pas, ErrorProfile.Default, 43);
        _set = new RecordSet([.. rows.Select(row => row.ToPatientRecord())]);
        var model = ModelTrainer.Train(_set).Model;
        _unbounded = new Linker(model, LinkOptions.Default with { MaxDegreeOfParallelism = 1, BoundedScoring = false });
        _bounded = new Linker(model, LinkOptions.Default with { MaxDegreeOfParallelism = 1 });
        var all = Unbounded();
        var bounded = Bounded();
        if (all.PairsCompared != bounded.PairsCompared || all.Pairs.Count != bounded.Pairs.Count)
        {
            throw new InvalidOperationException("The bound changed what was compared or kept.");
        }

        for (var k = 0; k < all.Pairs.Count; k++)
        {
            var (x, y) = (all.Pairs[k], bounded.Pairs[k]);
            if (x.LeftIndex != y.LeftIndex || x.RightIndex != y.RightIndex || x.Decision != y.Decision
                || BitConverter.DoubleToInt64Bits(x.Weight) != BitConverter.DoubleToInt64Bits(y.Weight))
            {
                throw new InvalidOperationException("The bound changed a kept pair.");
            }
        }

        Console.WriteLine($"// {_set.Count} records: {all.PairsCompared} pairs compared, {all.Pairs.Count} kept, {bounded.PairsRuledOutEarly} ruled out early by the bound");
    }

    [Benchmark(Baseline = true)]
    public LinkResult Unbounded() => _unbounded.Deduplicate(_set);

    [Benchmark]
    public LinkResult Bounded() => _bounded.Deduplicate(_set);
}
