using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Synthetic;
using NhsIdentity.Tests.TestHelpers;
using Xunit.Abstractions;

namespace NhsIdentity.Tests.Matching.Accuracy;

public sealed class SyntheticScratchTests(ITestOutputHelper output)
{
    private struct Collect(List<(int, int)> pairs) : IPairVisitor
    {
        public void Visit(int left, int right) => pairs.Add((left, right));
    }

    [Fact]
    public void Samples_default_model_scratch()
    {
        var root = RepositoryRoot.Path;
        List<SupplierRow> Read(string name, SupplierDialect d)
        {
            using var reader = new StreamReader(Path.Combine(root, "samples", "data", name));
            return SupplierExtract.ReadCsv(reader, d).ToList();
        }

        var pas = Read("pas.csv", SupplierDialect.Pas);
        var gp = Read("gp.csv", SupplierDialect.Gp);
        Dictionary<string, int> truth;
        using (var reader = new StreamReader(Path.Combine(root, "samples", "data", "truth.csv")))
        {
            truth = SupplierExtract.ReadTruthCsv(reader).ToDictionary(t => t.Source + "/" + t.Id, t => t.PersonId);
        }

        var left = new RecordSet(pas.Select(r => r.ToPatientRecord()));
        var right = new RecordSet(gp.Select(r => r.ToPatientRecord()));
        var source = CandidatePairSource.ForLinkage(left, right, BlockingRule.Defaults, 5000);
        var pairs = new List<(int, int)>();
        var collect = new Collect(pairs);
        foreach (var block in source.Blocks)
        {
            source.VisitPairs(block, ref collect);
        }

        var leftPerson = pas.Select(r => truth["pas/" + r.Id]).ToArray();
        var rightPerson = gp.Select(r => truth["gp/" + r.Id]).ToArray();
        var rightSet = rightPerson.ToHashSet();
        var truePairs = leftPerson.Sum(p => rightPerson.Count(q => q == p));
        int tp = 0, fp = 0, found = 0;
        var model = MatchModel.Default.WithPrior(truePairs / ((double)pas.Count * gp.Count));
        var histogram = new Dictionary<string, int>();
        foreach (var (i, j) in pairs)
        {
            var isTrue = leftPerson[i] == rightPerson[j];
            found += isTrue ? 1 : 0;
            var score = model.Score(left, i, right, j);
            if (score.Decision == MatchDecision.Match)
            {
                if (isTrue) tp++; else fp++;
            }

            if (isTrue != (score.Decision == MatchDecision.Match))
            {
                var e = model.Explain(left, i, right, j);
                var key = $"{(isTrue ? "FN" : "FP")} {score.Decision} {string.Join('/', e.Outcomes.Take(7).Select(o => o.LevelName))}";
                histogram[key] = histogram.GetValueOrDefault(key) + 1;
            }
        }

        var precision = tp / (double)(tp + fp);
        var recall = tp / (double)truePairs;
        output.WriteLine($"true pairs {truePairs}, candidates {pairs.Count}, true in candidates {found}, tp {tp} fp {fp}; P {precision:F4} R {recall:F4} F1 {2 * precision * recall / (precision + recall):F4}");
        foreach (var (k, v) in histogram.OrderByDescending(x => x.Value).Take(25))
        {
            output.WriteLine($"{v,5} {k}");
        }
    }
}
