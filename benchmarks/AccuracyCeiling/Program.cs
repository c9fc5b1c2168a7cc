// How far are the linker's decisions from the best its comparison levels allow? On a linkage whose truth is known
// (the files `benchmarks/accuracy/synthetic.sh --keep DIR` writes: pas.csv, gp.csv, truth.csv), this trains the
// default model as `nhsid link` does, links with the default options and prints:
//
//   1. blocking recall: the share of true pairs that were ever candidates (a pair never compared cannot be linked);
//   2. the decisions: precision, recall and F1 of the match decisions (what `nhsid link` writes as matches);
//   3. calibration: for bands of predicted probability, the share of the candidate pairs in them that are true;
//   4. the best F1 of any threshold on the same weights (how much the 0.99 policy gives up for its precision);
//   5. the pattern ceiling: every candidate pair keyed by its comparison levels, household context and competition
//      level; patterns taken purest first until F1 peaks. Fitted on the truth itself, so it is optimistic: no
//      classifier that sees only these levels can beat it on these files.
//
//   dotnet run -c Release --project benchmarks/AccuracyCeiling -- DIR
using System.Globalization;
using NhsIdentity.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: AccuracyCeiling DIR (a folder with pas.csv, gp.csv and truth.csv)");
    return 2;
}

var folder = args[0];
var (left, leftIds) = await ReadAsync(Path.Combine(folder, "pas.csv"));
var (right, rightIds) = await ReadAsync(Path.Combine(folder, "gp.csv"));
var person = new Dictionary<(string Source, string Id), string>();
foreach (var line in File.ReadLines(Path.Combine(folder, "truth.csv")).Skip(1))
{
    var fields = line.Split(',');
    person[(fields[0], fields[1])] = fields[2];
}

var leftByPerson = leftIds.Select((id, i) => (Person: person[("pas", id)], Index: i)).ToLookup(x => x.Person, x => x.Index);
var truePairs = new HashSet<(int, int)>();
for (var j = 0; j < rightIds.Count; j++)
{
    foreach (var i in leftByPerson[person[("gp", rightIds[j])]])
    {
        truePairs.Add((i, j));
    }
}

var model = ModelTrainer.TrainLinkage(left, right).Model;
var candidates = new Linker(model, LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch }).Link(left, right).Pairs;
bool IsTrue(MatchPair pair) => truePairs.Contains((pair.LeftIndex, pair.RightIndex));
string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
double F1(long tp, long fp) => tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + (truePairs.Count - tp));

var comparedTrue = candidates.Count(IsTrue);
Console.WriteLine($"records: {left.Count} left, {right.Count} right; true pairs {truePairs.Count}; candidate pairs {candidates.Count}");
Console.WriteLine($"trained: {model.Competition?.ToString() ?? "no competition"}");
Console.WriteLine($"1. blocking recall: {F(comparedTrue / (double)truePairs.Count)} ({comparedTrue} of {truePairs.Count} true pairs compared)");

var matches = candidates.Where(p => p.Decision == MatchDecision.Match).ToList();
var (tpMatch, fpMatch) = (matches.Count(IsTrue), matches.Count(p => !IsTrue(p)));
Console.WriteLine($"2. match decisions: {tpMatch} true, {fpMatch} false; precision {F(tpMatch / (double)Math.Max(1, matches.Count))}, " +
    $"recall {F(tpMatch / (double)truePairs.Count)}, F1 {F(F1(tpMatch, fpMatch))}");

Console.WriteLine("3. calibration (candidate pairs by predicted probability):");
double[] edges = [0, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 0.9999, 1.0000001];
for (var b = 0; b < edges.Length - 1; b++)
{
    var band = candidates.Where(p => p.Probability >= edges[b] && p.Probability < edges[b + 1]).ToList();
    if (band.Count > 0)
    {
        Console.WriteLine($"   [{edges[b]}, {Math.Min(1, edges[b + 1])}): {band.Count} pairs, {F(band.Count(IsTrue) / (double)band.Count)} true, " +
            $"mean predicted {F(band.Average(p => p.Probability))}");
    }
}

long tp = 0, fp = 0, bestTp = 0, bestFp = 0;
double best = 0, bestWeight = double.NaN;
foreach (var pair in candidates.OrderByDescending(p => p.Weight))
{
    (tp, fp) = IsTrue(pair) ? (tp + 1, fp) : (tp, fp + 1);
    if (F1(tp, fp) > best)
    {
        (best, bestWeight, bestTp, bestFp) = (F1(tp, fp), pair.Weight, tp, fp);
    }
}

Console.WriteLine($"4. best threshold on the weights: F1 {F(best)} at weight {bestWeight.ToString("F2", CultureInfo.InvariantCulture)} " +
    $"(probability {F(MatchModel.ToProbability(bestWeight))}): {bestTp} true, {bestFp} false");

var patterns = new Dictionary<string, (long True, long False)>();
foreach (var pair in candidates)
{
    var explanation = model.Explain(left, pair.LeftIndex, right, pair.RightIndex);
    var key = string.Join(",", explanation.Outcomes.Select(o => o.Missing == MissingSide.None ? o.LevelName : "-"))
        + "|" + explanation.InHouseholdContext + "|" + pair.Competition;
    var counts = patterns.GetValueOrDefault(key);
    patterns[key] = IsTrue(pair) ? (counts.True + 1, counts.False) : (counts.True, counts.False + 1);
}

(tp, fp, best, bestTp, bestFp) = (0, 0, 0, 0, 0);
foreach (var (t, f) in patterns.Values.OrderByDescending(c => c.True / (double)(c.True + c.False)))
{
    (tp, fp) = (tp + t, fp + f);
    if (F1(tp, fp) > best)
    {
        (best, bestTp, bestFp) = (F1(tp, fp), tp, fp);
    }
}

Console.WriteLine($"5. pattern ceiling ({patterns.Count} patterns, fitted on the truth): F1 {F(best)}: {bestTp} true, {bestFp} false; " +
    $"with every true pair compared at most F1 {F(F1(bestTp + (truePairs.Count - comparedTrue), bestFp))}");
return 0;

static async Task<(RecordSet Set, List<string> Ids)> ReadAsync(string path)
{
    using var reader = PatientCsvReader.OpenFile(path);
    var records = new List<PatientRecord>();
    await foreach (var record in reader.ReadRecordsAsync())
    {
        records.Add(record);
    }

    return (new RecordSet(records), records.Select(r => r.Id!).ToList());
}
