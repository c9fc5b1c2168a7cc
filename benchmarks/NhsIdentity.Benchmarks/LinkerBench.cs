using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using NhsIdentity.Matching;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// <see cref="Linker.Deduplicate"/> end to end: preparing a <see cref="RecordSet"/> from raw records, blocking with
/// the default rules and scoring every candidate pair with <see cref="MatchModel.Default"/>, for 10,000 and 100,000
/// generated records (<see cref="LinkBenchPeople"/>, a third of people keyed twice). Times are per run (ms shown in
/// ns). The baseline runs on one thread; the other row on every core.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ParameterColumns))]
public class LinkerBench
{
    private PatientRecord[] _records = [];
    private Linker _oneThread = null!;
    private Linker _allCores = null!;

    /// <summary>The number of records deduplicated.</summary>
    [Params(10_000, 100_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _records = LinkBenchPeople.Create(Records, 1.0 / 3, seed: 20261124);
        _oneThread = new Linker(MatchModel.Default, LinkOptions.Default with { MaxDegreeOfParallelism = 1 });
        _allCores = new Linker(MatchModel.Default);
        var one = OneThread();
        var all = AllCores();
        if (one.PairsCompared != all.PairsCompared || !one.Pairs.SequenceEqual(all.Pairs))
        {
            throw new InvalidOperationException("One thread and all cores disagree.");
        }

        var matches = 0;
        foreach (var pair in all.Pairs)
        {
            matches += pair.Decision == MatchDecision.Match ? 1 : 0;
        }

        Console.WriteLine($"// {Records} records: {all.PairsCompared} pairs compared, {all.Pairs.Count} kept ({matches} Match), {all.BlockingReport.CappedBlocks} capped blocks");
    }

    [Benchmark(Baseline = true)]
    public LinkResult OneThread() => _oneThread.Deduplicate(new RecordSet(_records));

    [Benchmark]
    public LinkResult AllCores() => _allCores.Deduplicate(new RecordSet(_records));
}

/// <summary>Adds the parameter and argument columns (record count, comparison kind), which
/// <see cref="BenchConfig"/> leaves out, so rows that differ only by them can be told apart.</summary>
public sealed class ParameterColumns : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public ParameterColumns() => AddColumnProvider(DefaultColumnProviders.Params);
}
