using NhsIdentity.Matching;
using NhsIdentity.Matching.Clustering;
using NhsIdentity.Tests.Cli;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.Matching.Linking;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Reliability;

/// <summary>
/// Same input and seed, same output: whatever the number of threads, whichever thread scores a pair, and from one
/// run of the CLI to the next (issue 6 §5). Bounded: fixed sizes and thread counts, no time limits.
/// </summary>
public sealed class DeterminismTests
{
    private static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");

    [Fact]
    public void One_model_shared_by_many_threads_scores_every_pair_as_one_thread_does()
    {
        var set = new RecordSet(LinkingPeople.Population(51, 1_200, 0.5, tight: true));
        var random = new Random(51);
        var pairs = Enumerable.Range(0, 4_000).Select(_ => (random.Next(set.Count), random.Next(set.Count))).ToArray();
        var model = MatchModel.Default;
        var serial = pairs.Select(p => model.Score(set, p.Item1, set, p.Item2)).ToArray();

        const int Threads = 8;
        var results = new MatchScore[Threads][];
        var explanationsAgree = new bool[Threads];
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var mine = new MatchScore[pairs.Length];
            var outcomes = new ComparisonOutcome[model.Comparisons.Count];
            var agree = true;
            start.SignalAndWait();

            // Each thread walks the pairs from a different starting point, so the same pair is scored at the same
            // moment on different threads.
            for (var n = 0; n < pairs.Length; n++)
            {
                var k = (n + (t * pairs.Length / Threads)) % pairs.Length;
                mine[k] = model.Score(set, pairs[k].Item1, set, pairs[k].Item2);
                model.Explain(set, pairs[k].Item1, set, pairs[k].Item2, outcomes);
                agree &= model.PriorWeight + outcomes.Sum(o => o.Weight) is var total && Math.Abs(total - mine[k].Weight) < 1e-9;
            }

            results[t] = mine;
            explanationsAgree[t] = agree;
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.All(results, r => Assert.Equal(serial, r));
        Assert.All(explanationsAgree, Assert.True);
    }

    [Fact]
    public void Clusters_are_identical_on_one_thread_and_on_four()
    {
        var set = new RecordSet(LinkingPeople.Population(52, 2_000, 0.6, tight: false));
        var one = new Linker(MatchModel.Default, LinkOptions.Default with { MaxDegreeOfParallelism = 1 }).Deduplicate(set);
        var four = new Linker(MatchModel.Default, LinkOptions.Default with { MaxDegreeOfParallelism = 4 }).Deduplicate(set);

        Assert.Equal(one.Pairs, four.Pairs);
        var clustersOne = Clusterer.BestLink(set, one.Pairs);
        var clustersFour = Clusterer.BestLink(set, four.Pairs);
        Assert.Equal(clustersOne.ClusterIds, clustersFour.ClusterIds);
        Assert.Equal(clustersOne.Conflicts, clustersFour.Conflicts);
        Assert.True(clustersOne.Count < set.Count, "the population has duplicates, so some records must share a cluster");
    }

    [Fact]
    public void Cli_dedupe_and_train_write_byte_identical_files_from_run_to_run()
    {
        using var temp = new TempCsv();
        for (var run = 0; run < 2; run++)
        {
            var dedupe = CliRunner.Run("dedupe", Pas, "--out", temp.PathOf($"pairs{run}.csv"), "--clusters", temp.PathOf($"clusters{run}.csv"), "--seed", "7");
            Assert.Equal(0, dedupe.ExitCode);
            var train = CliRunner.Run("train", Pas, "--model-out", temp.PathOf($"model{run}.json"), "--seed", "7");
            Assert.Equal(0, train.ExitCode);
        }

        foreach (var name in new[] { "pairs", "clusters", "model" })
        {
            var extension = name == "model" ? ".json" : ".csv";
            var first = File.ReadAllBytes(temp.PathOf(name + "0" + extension));
            Assert.NotEmpty(first);
            Assert.Equal(first, File.ReadAllBytes(temp.PathOf(name + "1" + extension)));
        }
    }
}
