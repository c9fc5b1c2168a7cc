using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Tests.TestHelpers;
using Xunit.Abstractions;

namespace NhsIdentity.Tests.Matching.Accuracy;

public sealed class FebrlScratchTests(ITestOutputHelper output)
{
    private struct Collect(List<(int, int)> pairs) : IPairVisitor
    {
        public void Visit(int left, int right) => pairs.Add((left, right));
    }

    [EvalDataFact]
    public void Febrl4_default_model_scratch()
    {
        var a = FebrlData.Read("febrl4a.csv");
        var b = FebrlData.Read("febrl4b.csv");
        var left = new RecordSet(a);
        var right = new RecordSet(b);
        var source = CandidatePairSource.ForLinkage(left, right, BlockingRule.Defaults, 5000);
        var pairs = new List<(int, int)>();
        var collect = new Collect(pairs);
        foreach (var block in source.Blocks)
        {
            source.VisitPairs(block, ref collect);
        }

        var histogram = new Dictionary<string, int>();
        var trueFound = 0;
        int tp = 0, fp = 0, review = 0;
        var model = MatchModel.Default.WithPrior(5000.0 / (5000.0 * 5000.0)).WithPolicy(DecisionPolicy.Default with { RequireIdentityEvidence = Environment.GetEnvironmentVariable("NOGUARD") is null });
        foreach (var (i, j) in pairs)
        {
            var isTrue = FebrlData.Person(a[i].Id!) == FebrlData.Person(b[j].Id!);
            trueFound += isTrue ? 1 : 0;
            var score = model.Score(left, i, right, j);
            if (score.Decision == MatchDecision.Match)
            {
                if (isTrue) tp++; else fp++;
            }
            else if (isTrue && score.Decision == MatchDecision.Review)
            {
                review++;
                var e = model.Explain(left, i, right, j);
                var key = $"{e.Outcomes[1].LevelName}/{e.Outcomes[2].LevelName}/{e.Outcomes[6].LevelName}/{e.Outcomes[4].LevelName}";
                histogram[key] = histogram.GetValueOrDefault(key) + 1;
            }
        }

        var fn = 5000 - tp;
        var precision = tp / (double)(tp + fp);
        var recall = tp / 5000.0;
        output.WriteLine($"candidates {pairs.Count}, true in candidates {trueFound}, tp {tp} fp {fp} fn {fn} (true in review {review}); P {precision:F4} R {recall:F4} F1 {2 * precision * recall / (precision + recall):F4}");
        foreach (var (k, v) in histogram.OrderByDescending(x => x.Value).Take(25))
        {
            output.WriteLine($"{v,5} {k}");
        }

        foreach (var kind in Enum.GetValues<ComparisonKind>())
        {
            output.WriteLine($"{kind}: {left.GetCounts(kind)}");
        }
    }
}

public sealed class FebrlScratchDedupeTests(ITestOutputHelper output)
{
    private struct Collect(List<(int, int)> pairs) : IPairVisitor
    {
        public void Visit(int left, int right) => pairs.Add((left, right));
    }

    [EvalDataFact]
    public void Febrl3_default_model_scratch()
    {
        var a = FebrlData.Read("febrl3.csv");
        var set = new RecordSet(a);
        var source = CandidatePairSource.ForDeduplication(set, BlockingRule.Defaults, 5000);
        var pairs = new List<(int, int)>();
        var collect = new Collect(pairs);
        foreach (var block in source.Blocks)
        {
            source.VisitPairs(block, ref collect);
        }

        var persons = a.GroupBy(r => FebrlData.Person(r.Id!)).Select(g => g.Count());
        var truePairs = persons.Sum(n => n * (n - 1) / 2);
        int tp = 0, fp = 0, found = 0;
        var model = Environment.GetEnvironmentVariable("TRAIN") is null ? MatchModel.Default.WithPrior(truePairs / (5000.0 * 4999 / 2))
            : NhsIdentity.Matching.Training.ModelTrainer.Train(set).Model;
        output.WriteLine($"prior {model.PriorMatchProbability} vs {truePairs / (5000.0 * 4999 / 2)}");
        var histogram = new Dictionary<string, int>();
        foreach (var (i, j) in pairs)
        {
            var isTrue = FebrlData.Person(a[i].Id!) == FebrlData.Person(a[j].Id!);
            found += isTrue ? 1 : 0;
            var score = model.Score(set, i, set, j);
            if (score.Decision == MatchDecision.Match)
            {
                if (isTrue) tp++; else fp++;
            }
            else if (isTrue)
            {
                var e = model.Explain(set, i, set, j);
                var key = $"{score.Decision} {e.Outcomes[1].LevelName}/{e.Outcomes[2].LevelName}/{e.Outcomes[6].LevelName}/{e.Outcomes[4].LevelName}";
                histogram[key] = histogram.GetValueOrDefault(key) + 1;
            }
        }

        var precision = tp / (double)(tp + fp);
        var recall = tp / (double)truePairs;
        output.WriteLine($"true pairs {truePairs}, candidates {pairs.Count}, true in candidates {found}, tp {tp} fp {fp}; P {precision:F4} R {recall:F4} F1 {2 * precision * recall / (precision + recall):F4}");
        foreach (var (k, v) in histogram.OrderByDescending(x => x.Value).Take(20))
        {
            output.WriteLine($"{v,5} {k}");
        }
    }
}
