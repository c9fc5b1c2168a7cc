using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// Scoring candidate pairs with <see cref="MatchModel.Default"/>: the linker's inner loop. <see cref="Count"/> fixed
/// pairs (half true duplicates with keying noise, half non-matches that a default blocking rule put together) from
/// <see cref="LinkBenchPeople"/>; <c>OperationsPerInvoke = Count</c>, so every time is <b>per pair</b>. The baseline
/// scores the same pairs from raw <see cref="PatientRecord"/>s (<see cref="MatchModel.Score(PatientRecord, PatientRecord)"/>
/// prepares both records every time: the naive approach a <see cref="RecordSet"/> exists to avoid). The Comparison
/// category times each comparison alone over the same pairs, to show what dominates.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ParameterColumns))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PairScoringBench
{
    /// <summary>The number of pairs every row scores.</summary>
    public const int Count = 4_096;

    private const string Scoring = "Score";
    private const string Comparison = "Comparison";

    private readonly MatchModel _model = MatchModel.Default;
    private RecordSet _set = null!;
    private PatientRecord[] _records = [];
    private int[] _left = [];
    private int[] _right = [];

    /// <summary>The comparisons timed alone.</summary>
    public static IEnumerable<ComparisonKind> Kinds => Enum.GetValues<ComparisonKind>();

    [GlobalSetup]
    public void Setup()
    {
        _records = LinkBenchPeople.Create(20_000, 0.5, seed: 20261124);
        _set = new RecordSet(_records);
        (_left, _right) = LinkBenchPeople.CandidatePairs(_set, Count, seed: 20261124);

        // Every row must agree with the public scorer on every pair; the raw row is checked against a RecordSet
        // prepared from the same two records alone (a raw pair has no term-frequency adjustment).
        var decisions = new int[3];
        var ruledOut = 0;
        for (var k = 0; k < Count; k++)
        {
            var score = _model.Score(_set, _left[k], _set, _right[k]);
            var weight = _model.ScoreUnchecked(_set, _left[k], _set, _right[k], out var cap);
            if (weight != score.Weight || _model.Decide(MatchModel.ToProbability(weight), cap) != score.Decision)
            {
                throw new InvalidOperationException("The hot path and the public scorer disagree on a pair.");
            }

            var floor = _model.WeightFloor(MatchDecision.Review);
            var bounded = _model.ScoreUncheckedAtLeast(_set, _left[k], _set, _right[k], floor, out var boundedCap);
            if (double.IsNegativeInfinity(bounded) ? weight >= floor : bounded != weight || boundedCap != cap)
            {
                throw new InvalidOperationException("The bounded hot path ruled out a pair that reaches review, or changed a weight.");
            }

            ruledOut += double.IsNegativeInfinity(bounded) ? 1 : 0;
            var pair = new RecordSet([_records[_left[k]], _records[_right[k]]], RecordSetOptions.Default);
            if (_model.Score(_records[_left[k]], _records[_right[k]]) != _model.Score(pair, 0, pair, 1))
            {
                throw new InvalidOperationException("The raw-record scorer disagrees with a prepared pair.");
            }

            decisions[(int)score.Decision]++;
        }

        var pairHash = 17L;
        for (var k = 0; k < Count; k++)
        {
            pairHash = (pairHash * 1_000_003) ^ ((long)_left[k] << 32 | (uint)_right[k]);
        }

        Console.WriteLine($"// pairs checksum {pairHash:X16}");
        Console.WriteLine($"// {Count} pairs from {_set.Count} records: {decisions[2]} Match, {decisions[1]} Review, {decisions[0]} NonMatch; {ruledOut} ruled out by the bound");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    [BenchmarkCategory(Scoring)]
    public double RawRecords()
    {
        var sum = 0.0;
        for (var k = 0; k < Count; k++)
        {
            sum += _model.Score(_records[_left[k]], _records[_right[k]]).Weight;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory(Scoring)]
    public double PreparedPublic()
    {
        var sum = 0.0;
        for (var k = 0; k < Count; k++)
        {
            sum += _model.Score(_set, _left[k], _set, _right[k]).Weight;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory(Scoring)]
    public double PreparedHotPath()
    {
        var sum = 0.0;
        for (var k = 0; k < Count; k++)
        {
            var weight = _model.ScoreUnchecked(_set, _left[k], _set, _right[k], out var cap);
            sum += weight + (int)_model.Decide(MatchModel.ToProbability(weight), cap);
        }

        return sum;
    }

    /// <summary>What the linker does per pair: <see cref="MatchModel.ScoreUncheckedAtLeast"/> with the review weight as
    /// its floor (strangers the cheap comparisons rule out skip the costly ones), then the probability and decision
    /// only for a pair that can reach review.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory(Scoring)]
    public double LinkerPath()
    {
        var floor = _model.WeightFloor(MatchDecision.Review);
        var sum = 0.0;
        for (var k = 0; k < Count; k++)
        {
            var weight = _model.ScoreUncheckedAtLeast(_set, _left[k], _set, _right[k], floor, out var cap);
            if (weight < floor)
            {
                continue;
            }

            sum += weight + (int)_model.Decide(MatchModel.ToProbability(weight), cap);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory(Scoring)]
    public double WeightOnly()
    {
        var sum = 0.0;
        for (var k = 0; k < Count; k++)
        {
            sum += _model.ScoreUnchecked(_set, _left[k], _set, _right[k], out _);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory(Comparison)]
    [ArgumentsSource(nameof(Kinds))]
    public int Compare(ComparisonKind kind)
    {
        var sum = 0;
        for (var k = 0; k < Count; k++)
        {
            sum += PairComparer.Compare(kind, _set, _left[k], _set, _right[k]);
        }

        return sum;
    }
}

/// <summary>The part of <see cref="LinkBenchPeople"/> that uses the library's internal blocking (so it stays out of the
/// package build that <see cref="ReleaseBench"/> compiles in).</summary>
internal static partial class LinkBenchPeople
{
    /// <summary>
    /// <paramref name="count"/> pairs in shuffled order: half (person, noisy copy), half pairs a default blocking rule
    /// produces between two different people.
    /// </summary>
    public static (int[] Left, int[] Right) CandidatePairs(RecordSet set, int count, int seed)
    {
        var truth = new List<(int, int)>();
        for (var i = 0; i + 1 < set.Count; i++)
        {
            if (set.GetId(i + 1)![0] == 'D' && set.GetId(i + 1).AsSpan(1).SequenceEqual(set.GetId(i).AsSpan(1)))
            {
                truth.Add((i, i + 1));
            }
        }

        var collector = new NonMatchCollector(set, []);
        var source = CandidatePairSource.ForDeduplication(set, BenchRules, LinkOptions.DefaultMaxBlockSize);
        var blocks = source.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            source.VisitPairs(blocks[b], ref collector);
        }

        var random = new Random(seed);
        var nonMatches = collector.Pairs;
        var pairs = new List<(int, int)>(count);
        for (var k = 0; k < count / 2; k++)
        {
            pairs.Add(truth[random.Next(truth.Count)]);
            pairs.Add(nonMatches[random.Next(nonMatches.Count)]);
        }

        var shuffled = pairs.ToArray();
        random.Shuffle(shuffled);
        return (Array.ConvertAll(shuffled, p => p.Item1), Array.ConvertAll(shuffled, p => p.Item2));
    }

    /// <summary>The rules the non-matching pairs come from: the nine default rules of release f2e3b64, fixed so the
    /// bench's pairs stay the same when the defaults change (and old and new code can be timed on the same pairs).</summary>
    private static readonly BlockingRule[] BenchRules =
    [
        BlockingRule.NhsNumber, BlockingRule.DateOfBirthAndFamilySoundex, BlockingRule.DateOfBirthAndGivenInitial,
        BlockingRule.FullName, BlockingRule.FamilySoundexBirthYearAndDistrict, BlockingRule.PostcodeAndBirthYear,
        BlockingRule.LocalIdentifier, BlockingRule.Email, BlockingRule.Phone,
    ];

    /// <summary>Collects blocked pairs whose records are different people (ids name the person after the first letter).</summary>
    private struct NonMatchCollector(RecordSet set, List<(int, int)> pairs) : IPairVisitor
    {
        public readonly List<(int, int)> Pairs => pairs;

        public readonly void Visit(int left, int right)
        {
            if (!set.GetId(left).AsSpan(1).SequenceEqual(set.GetId(right).AsSpan(1)))
            {
                pairs.Add((left, right));
            }
        }
    }
}
