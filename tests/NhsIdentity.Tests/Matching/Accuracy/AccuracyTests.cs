using NhsIdentity.Matching;
using NhsIdentity.Matching.Clustering;
using NhsIdentity.Synthetic;
using NhsIdentity.Tests.TestHelpers;
using Xunit.Abstractions;

namespace NhsIdentity.Tests.Matching.Accuracy;

/// <summary>
/// The accuracy goals, measured the way the README reports them: unsupervised training with default options, default
/// blocking and decision policy, no tuning per dataset; only pairs whose decision is Match count as links.
/// </summary>
public sealed class AccuracyTests(ITestOutputHelper output)
{
    [EvalDataFact]
    public void Febrl4_links_with_f1_at_least_0_99_and_precision_at_least_0_995()
    {
        var a = FebrlData.Read("febrl4a.csv");
        var b = FebrlData.Read("febrl4b.csv");
        var (outcome, _, _) = LinkageAccuracy.Link(new RecordSet(a), new RecordSet(b),
            (i, j) => FebrlData.Person(a[i].Id!) == FebrlData.Person(b[j].Id!), truePairs: 5000);
        output.WriteLine("FEBRL4: " + outcome);
        Assert.True(outcome.Precision >= 0.995, outcome.ToString());
        Assert.True(outcome.F1 >= 0.99, outcome.ToString());
    }

    [EvalDataFact]
    public void Febrl3_deduplicates_with_f1_at_least_0_97()
    {
        var records = FebrlData.Read("febrl3.csv");
        var persons = records.GroupBy(r => FebrlData.Person(r.Id!)).Select(g => (long)g.Count());
        var (outcome, _, _) = LinkageAccuracy.Deduplicate(new RecordSet(records),
            (i, j) => FebrlData.Person(records[i].Id!) == FebrlData.Person(records[j].Id!), persons.Sum(n => n * (n - 1) / 2));
        output.WriteLine("FEBRL3: " + outcome);
        Assert.Equal(6538, outcome.TruePairs);
        Assert.True(outcome.F1 >= 0.97, outcome.ToString());
    }

    [EvalDataFact]
    public void Splink_fake_1000_precision_and_recall_on_the_labelled_pairs()
    {
        // unique_id,first_name,surname,dob,city,email,cluster (Splink's synthetic data, MIT); the labels file holds
        // clerical_match_score 1 or 0 for 3,176 pairs.
        var rows = File.ReadAllLines(EvalData.File("splink", "fake_1000.csv")).Skip(1).Select(line => line.Split(',')).ToList();
        var records = rows.Select(f => new PatientRecord { Id = f[0], GivenNames = f[1], FamilyName = f[2], DateOfBirth = f[3], Address = f[4], Email = f[5] }).ToList();
        var set = new RecordSet(records, RecordSetOptions.Default with { DateOrder = global::NhsIdentity.Demographics.DateOrder.YearMonthDay });
        var (_, result, _) = LinkageAccuracy.Deduplicate(set, (_, _) => false, 0);
        var matched = new HashSet<(string, string)>();
        foreach (var pair in result.Pairs)
        {
            if (pair.Decision == MatchDecision.Match)
            {
                var (x, y) = (set.GetId(pair.LeftIndex)!, set.GetId(pair.RightIndex)!);
                matched.Add((x, y));
                matched.Add((y, x));
            }
        }

        // A deduplication's answer is its persons: the best-link clusters of the match decisions (what
        // `nhsid dedupe --clusters` writes), so two records are linked when they fall in one cluster. Both are reported.
        var clusters = Clusterer.BestLink(set, result.Pairs);
        var position = Enumerable.Range(0, set.Count).ToDictionary(i => set.GetId(i)!, i => i);
        var labels = File.ReadAllLines(EvalData.File("splink", "fake_1000_labels.csv")).Skip(1).Select(line => line.Split(','))
            .Select(label => (Left: label[0], Right: label[2], Truth: label[4] == "1.0")).ToList();
        var pairs = Score(labels, l => matched.Contains((l.Left, l.Right)));
        var persons = Score(labels, l => clusters.GetClusterId(position[l.Left]) == clusters.GetClusterId(position[l.Right]));
        output.WriteLine(FormattableString.Invariant($"fake_1000 labelled pairs: {pairs.True} true, {pairs.False} false; match decisions: {pairs.Tp} true, {pairs.Fp} false; precision {pairs.Precision:F4}, recall {pairs.Recall:F4}, F1 {pairs.F1:F4}"));
        output.WriteLine(FormattableString.Invariant($"fake_1000 clusters of the match decisions: {persons.Tp} true, {persons.Fp} false pairs in one cluster; precision {persons.Precision:F4}, recall {persons.Recall:F4}, F1 {persons.F1:F4}"));
        Assert.Equal(2031, pairs.True);

        // fake_1000 is a quarter duplicates with heavy noise (names missing or swapped, dates a year or a month out):
        // the goal (F1 0.80 at precision 0.98) is met by the clusters, not by the pair decisions alone.
        Assert.True(pairs.Precision >= 0.99, $"precision {pairs.Precision}");
        Assert.True(persons.Precision >= 0.98, $"cluster precision {persons.Precision}");
        Assert.True(persons.Recall > pairs.Recall, "clusters join records linked through a third");
        Assert.True(persons.F1 >= 0.80, $"cluster F1 {persons.F1}");
    }

    private static (long True, long False, long Tp, long Fp, double Precision, double Recall, double F1) Score(
        List<(string Left, string Right, bool Truth)> labels, Func<(string Left, string Right, bool Truth), bool> linked)
    {
        long tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var label in labels)
        {
            var predicted = linked(label);
            (tp, fp, fn, tn) = (tp + (label.Truth && predicted ? 1 : 0), fp + (!label.Truth && predicted ? 1 : 0),
                fn + (label.Truth && !predicted ? 1 : 0), tn + (!label.Truth && !predicted ? 1 : 0));
        }

        var precision = tp + fp == 0 ? 1 : tp / (double)(tp + fp);
        var recall = tp / (double)(tp + fn);
        return (tp + fn, fp + tn, tp, fp, precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    [Fact]
    public void Synthetic_supplier_extracts_link_accurately_and_never_link_twins_or_namesakes()
    {
        // The bundled samples' generator settings (samples/data/README.md): 2,000 persons, PAS and GP extracts.
        var population = SyntheticPopulation.Generate(2000, 42);
        var pas = SupplierExtract.Generate(population, SupplierDialect.Pas, 43).ToList();
        var gp = SupplierExtract.Generate(population, SupplierDialect.Gp, 44).ToList();
        var left = new RecordSet(pas.Select(r => r.ToPatientRecord()));
        var right = new RecordSet(gp.Select(r => r.ToPatientRecord()));
        var truePairs = ExtractTruth.CrossLinks(pas, gp).Count;
        var (outcome, result, _) = LinkageAccuracy.Link(left, right, (i, j) => pas[i].PersonId == gp[j].PersonId, truePairs);
        output.WriteLine("synthetic PAS x GP: " + outcome);

        var hardNegatives = ExtractTruth.HardNegatives(population, pas, gp).Select(h => (h.Left.Id, h.Right.Id, h.Relationship)).ToList();
        var linked = result.Pairs.Where(p => p.Decision == MatchDecision.Match).Select(p => (pas[p.LeftIndex].Id, gp[p.RightIndex].Id)).ToHashSet();
        var twinsOrNamesakes = hardNegatives.Where(h => h.Relationship is Relationship.Twin or Relationship.Namesake).ToList();
        var wronglyLinked = twinsOrNamesakes.Count(h => linked.Contains((h.Item1, h.Item2)));
        output.WriteLine($"hard negatives across the extracts: {hardNegatives.Count} ({twinsOrNamesakes.Count} twins or same-name parent/child); linked: {wronglyLinked}");
        Assert.True(twinsOrNamesakes.Count > 20, "the generator provides twins and namesakes");
        Assert.Equal(0, wronglyLinked);
        Assert.True(outcome.Precision >= 0.995, outcome.ToString());
        Assert.True(outcome.Recall >= 0.98, outcome.ToString());
    }

    [Fact]
    public void Deduplicating_one_extract_never_links_a_parent_and_child_and_rarely_twins()
    {
        var population = SyntheticPopulation.Generate(20_000, 7);
        var pas = SupplierExtract.Generate(population, SupplierDialect.Pas, 8).ToList();
        var set = new RecordSet(pas.Select(r => r.ToPatientRecord()));
        var truePairs = ExtractTruth.Duplicates(pas).Count;
        var (outcome, result, model) = LinkageAccuracy.Deduplicate(set, (i, j) => pas[i].PersonId == pas[j].PersonId, truePairs);
        output.WriteLine("synthetic PAS dedupe: " + outcome);

        var linked = result.Pairs.Where(p => p.Decision == MatchDecision.Match).Select(p => (pas[p.LeftIndex].Id, pas[p.RightIndex].Id)).ToHashSet();
        var hard = ExtractTruth.HardNegatives(population, pas, pas);
        int Linked(Relationship relationship) => hard.Count(h => h.Relationship == relationship && linked.Contains((h.Left.Id, h.Right.Id)));
        var twins = hard.Count(h => h.Relationship == Relationship.Twin) / 2;
        output.WriteLine($"twin pairs {twins}, linked {Linked(Relationship.Twin)}; parent/child namesakes {hard.Count(h => h.Relationship == Relationship.Namesake) / 2}, linked {Linked(Relationship.Namesake)}");
        foreach (var pair in result.Pairs.Where(p => p.Decision == MatchDecision.Match
            && hard.Any(h => h.Relationship == Relationship.Namesake && h.Left.Id == pas[p.LeftIndex].Id && h.Right.Id == pas[p.RightIndex].Id)))
        {
            output.WriteLine(model.Explain(set, pair.LeftIndex, set, pair.RightIndex).ToString()); // levels and weights only
        }

        Assert.Equal(0, Linked(Relationship.Namesake));
        Assert.True(Linked(Relationship.Twin) <= twins / 20, "at most 5% of twin pairs (those with nickname-equivalent or one-letter-apart names) may link");
        Assert.True(outcome.Precision >= 0.99, outcome.ToString());
    }
}
