using BenchmarkDotNet.Attributes;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Splink;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// Scoring the same prepared pairs with the native <see cref="MatchModel.Default"/> and with the same model exported to
/// Splink settings (<see cref="MatchModel.ToSplink"/>) and imported again (<see cref="SplinkModel.Parse"/>): the
/// imported model's levels are SQL conditions compiled at load over the columns of a <see cref="SplinkPreparedTable"/>.
/// <see cref="PairScoringBench.Count"/> fixed pairs from <see cref="LinkBenchPeople"/> (the same pairs as
/// <see cref="PairScoringBench"/>); <c>OperationsPerInvoke</c> is the pair count, so every time is <b>per pair</b>. The
/// baseline is the native public scorer. <c>ImportedSplink</c> runs the typed level conditions the model compiles at load;
/// <c>ImportedInterpreted</c> the same model by the expression-tree interpreter they replaced.
/// </summary>
[MemoryDiagnoser]
public class SplinkScoringBench
{
    private const int Count = PairScoringBench.Count;

    private readonly MatchModel _model = MatchModel.Default;
    private RecordSet _set = null!;
    private SplinkModel _splink = null!;
    private SplinkRecordSet _splinkSet = null!;
    private int[] _left = [];
    private int[] _right = [];

    [GlobalSetup]
    public void Setup()
    {
        var records = LinkBenchPeople.Create(20_000, 0.5, seed: 20261124);
        _set = new RecordSet(records);
        (_left, _right) = LinkBenchPeople.CandidatePairs(_set, Count, seed: 20261124);
        var export = _model.ToSplink();
        _splink = SplinkModel.Parse(export.Json);
        var table = SplinkPreparedTable.Create(_set);
        _splinkSet = _splink.Prepare(table.ToRecords(), table.TermFrequencies());

        // The two models must score the same pairs alike (with the term frequencies the native set measured; the
        // export's inexact levels may differ): report how many agree to 1e-9, so a fast but wrong path shows.
        var agree = 0;
        for (var k = 0; k < Count; k++)
        {
            var native = _model.Score(_set, _left[k], _set, _right[k]).Weight;
            var imported = _splink.MatchWeight(_splinkSet, _left[k], _splinkSet, _right[k]);
            agree += Math.Abs(native - imported) <= 1e-9 ? 1 : 0;
        }

        // The typed conditions must give the interpreter's weights bit for bit.
        var typedAsInterpreted = 0;
        for (var k = 0; k < Count; k++)
        {
            var typed = _splink.MatchWeight(_splinkSet, _left[k], _splinkSet, _right[k]);
            var interpreted = _splink.InterpretedMatchWeight(_splinkSet, _left[k], _splinkSet, _right[k]);
            typedAsInterpreted += BitConverter.DoubleToInt64Bits(typed) == BitConverter.DoubleToInt64Bits(interpreted) ? 1 : 0;
        }

        Console.WriteLine($"// {Count} pairs; {agree} weighed alike to 1e-9 by the native and the imported model; "
            + $"{export.InexactLevels.Count} inexact levels in the export; {typedAsInterpreted} weighed identically by the typed "
            + "conditions and the interpreter");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public double NativePublic()
    {
        var sum = 0.0;
        for (var k = 0; k < Count; k++)
        {
            sum += _model.Score(_set, _left[k], _set, _right[k]).Weight;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public double NativeHotPath()
    {
        var sum = 0.0;
        for (var k = 0; k < Count; k++)
        {
            sum += _model.ScoreUnchecked(_set, _left[k], _set, _right[k], out _);
        }

        return sum;
    }

    /// <summary>The imported model scored by the tree interpreter (the scorer before the typed conditions).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public double ImportedInterpreted()
    {
        var sum = 0.0;
        for (var k = 0; k < Count; k++)
        {
            sum += _splink.InterpretedMatchWeight(_splinkSet, _left[k], _splinkSet, _right[k]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public double ImportedSplink()
    {
        var sum = 0.0;
        for (var k = 0; k < Count; k++)
        {
            sum += _splink.MatchWeight(_splinkSet, _left[k], _splinkSet, _right[k]);
        }

        return sum;
    }
}
