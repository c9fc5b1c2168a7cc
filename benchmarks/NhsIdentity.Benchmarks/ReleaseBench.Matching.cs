using System.Globalization;
using BenchmarkDotNet.Attributes;
using NhsIdentity.Matching;

namespace NhsIdentity.Benchmarks;

/// <summary>The matcher's public hot paths, on <see cref="LinkBenchPeople"/> (seed 20261124).</summary>
public partial class ReleaseBench : IDisposable
{
    private const string MatchingCategory = "Matching";

    private const int PrepareCount = 10_000;
    private const int ScorePairCount = 4_096;
    private const int LinkRecordCount = 10_000;
    private const int IndexPeople = 100_000;
    private const int QueryCount = 1_000;
    private const int Seed = 20261124;

    private PatientRecord[] _prepareRecords = [];
    private RecordSet _scoreSet = null!;
    private int[] _left = [];
    private int[] _right = [];
    private PatientRecord[] _linkRecords = [];
    private Linker _linker = null!;
    private PatientIndex? _index;
    private PatientRecord[] _indexQueries = [];
    private readonly IndexMatch[] _found = new IndexMatch[10];

    [GlobalSetup(Targets = [nameof(RecordSet_Prepare)])]
    public void SetupPrepare()
    {
        _prepareRecords = LinkBenchPeople.Create(PrepareCount, 0.5, Seed);
        Log(MatchingCategory, $"{RecordSet_Prepare()} records prepared");
    }

    [GlobalSetup(Targets = [nameof(MatchModel_Score)])]
    public void SetupScore()
    {
        _scoreSet = new RecordSet(LinkBenchPeople.Create(20_000, 0.5, Seed));
        (_left, _right) = ScorePairs(_scoreSet, ScorePairCount, Seed);
        Log(MatchingCategory, string.Create(CultureInfo.InvariantCulture, $"{ScorePairCount} pairs, weight sum {MatchModel_Score():F6}"));
    }

    [GlobalSetup(Targets = [nameof(Linker_Deduplicate)])]
    public void SetupLinker()
    {
        _linkRecords = LinkBenchPeople.Create(LinkRecordCount, 1.0 / 3, Seed);
        _linker = new Linker(MatchModel.Default, LinkOptions.Default with { MaxDegreeOfParallelism = 1 });
        var result = Linker_Deduplicate();
        Log(MatchingCategory, $"{LinkRecordCount} records: {result.PairsCompared} pairs compared, {result.Pairs.Count} kept");
    }

    [GlobalSetup(Targets = [nameof(PatientIndex_FindMatches)])]
    public void SetupIndex()
    {
        // People and their noisy copies ("P<n>" then "D<n>"): the originals go into the index, copies are the queries.
        var people = LinkBenchPeople.Create(IndexPeople * 2, 1.0, Seed);
        _index = new PatientIndex(MatchModel.Default);
        var queries = new List<PatientRecord>(QueryCount);
        var copies = 0;
        foreach (var record in people)
        {
            if (record.Id![0] == 'P')
            {
                _index.AddOrUpdate(record);
            }
            else if (copies++ % (IndexPeople / QueryCount) == 0)
            {
                queries.Add(record);
            }
        }

        _index.RefreshTermFrequencies();
        _indexQueries = [.. queries];
        var top = 0;
        foreach (var query in _indexQueries)
        {
            top += _index.FindMatches(query, _found) > 0 && _found[0].Id.AsSpan(1).SequenceEqual(query.Id.AsSpan(1)) ? 1 : 0;
        }

        Log(MatchingCategory, $"index of {_index.Count} records, {_indexQueries.Length} queries, {PatientIndex_FindMatches()} results, source first for {top}");
    }

    /// <summary>Releases the index.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _index?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary><c>new RecordSet(records)</c>: every per-record feature computed once; per record.</summary>
    [Benchmark(OperationsPerInvoke = PrepareCount)]
    [BenchmarkCategory(MatchingCategory)]
    public int RecordSet_Prepare() => new RecordSet(_prepareRecords).Count;

    /// <summary><see cref="MatchModel.Score(RecordSet, int, RecordSet, int)"/> with <see cref="MatchModel.Default"/> on
    /// prepared records, half true pairs, half different people; per pair.</summary>
    [Benchmark(OperationsPerInvoke = ScorePairCount)]
    [BenchmarkCategory(MatchingCategory)]
    public double MatchModel_Score()
    {
        var model = MatchModel.Default;
        var sum = 0.0;
        for (var k = 0; k < _left.Length; k++)
        {
            sum += model.Score(_scoreSet, _left[k], _scoreSet, _right[k]).Weight;
        }

        return sum;
    }

    /// <summary><see cref="Linker.Deduplicate"/> of 10,000 raw records on one thread, end to end; per run.</summary>
    [Benchmark]
    [BenchmarkCategory(MatchingCategory)]
    public LinkResult Linker_Deduplicate() => _linker.Deduplicate(new RecordSet(_linkRecords));

    /// <summary><see cref="PatientIndex.FindMatches(PatientRecord, Span{IndexMatch})"/> of a noisy copy against a
    /// 100,000-record index, the query prepared in the call; per lookup.</summary>
    [Benchmark(OperationsPerInvoke = QueryCount)]
    [BenchmarkCategory(MatchingCategory)]
    public int PatientIndex_FindMatches()
    {
        var found = 0;
        foreach (var query in _indexQueries)
        {
            found += _index!.FindMatches(query, _found);
        }

        return found;
    }

    // Half true pairs (a person and their noisy copy, which LinkBenchPeople puts next to each other), half two different
    // people drawn at random: public API only, unlike PairScoringBench's pairs from the internal blocking.
    private static (int[] Left, int[] Right) ScorePairs(RecordSet set, int count, int seed)
    {
        var truth = new List<int>();
        for (var i = 0; i + 1 < set.Count; i++)
        {
            if (set.GetId(i + 1)![0] == 'D')
            {
                truth.Add(i);
            }
        }

        var random = new Random(seed);
        var left = new int[count];
        var right = new int[count];
        for (var k = 0; k < count; k++)
        {
            if (k % 2 == 0)
            {
                left[k] = truth[random.Next(truth.Count)];
                right[k] = left[k] + 1;
            }
            else
            {
                do
                {
                    left[k] = random.Next(set.Count);
                    right[k] = random.Next(set.Count);
                }
                while (set.GetId(left[k]).AsSpan(1).SequenceEqual(set.GetId(right[k]).AsSpan(1)));
            }
        }

        return (left, right);
    }
}
