using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Clustering;

namespace NhsIdentity.Tests.Matching.Clustering;

/// <summary>Clustering against a breadth-first-search oracle, and the best-link invariants.</summary>
public sealed class ClustererProperties
{
    /// <summary>A record count (1..30) and up to 40 random pairs among the records, with random weights and decisions.</summary>
    private static Arbitrary<(int Count, MatchPair[] Pairs)> Graphs => Arb.From(
        from count in Gen.Choose(1, 30)
        from edges in Gen.Choose(0, 40)
        from pairs in Gen.ArrayOf(
            from a in Gen.Choose(0, count - 1)
            from b in Gen.Choose(0, count - 1)
            from w in Gen.Choose(-20, 40)
            from d in Gen.Elements(MatchDecision.NonMatch, MatchDecision.Review, MatchDecision.Match)
            select new MatchPair(a, b, w, MatchModel.ToProbability(w), d), edges)
        select (count, pairs));

    [Property(MaxTest = 200)]
    public Property Connected_components_match_a_search_oracle_with_canonical_ids() =>
        Prop.ForAll(Graphs, graph =>
        {
            var clusters = Clusterer.ConnectedComponents(graph.Count, graph.Pairs);
            return clusters.ClusterIds.SequenceEqual(OracleLabels(graph.Count, graph.Pairs.Where(p => p.Decision == MatchDecision.Match)));
        });

    [Property(MaxTest = 200)]
    public Property Best_link_never_puts_two_nhs_numbers_in_a_cluster_and_refines_connected_components() =>
        Prop.ForAll(Graphs, Arb.From(Gen.Choose(0, int.MaxValue)), (graph, seed) =>
        {
            // Each record has one of three numbers or none.
            var generator = new NhsNumberGenerator(seed);
            var numbers = new[] { generator.Next().ToString(), generator.Next().ToString(), generator.Next().ToString() };
            var random = new Random(seed);
            var records = new RecordSet(Enumerable.Range(0, graph.Count).Select(_ =>
                new PatientRecord { NhsNumber = random.Next(2) == 0 ? null : numbers[random.Next(3)] }));

            var best = Clusterer.BestLink(records, graph.Pairs);
            var components = Clusterer.ConnectedComponents(graph.Count, graph.Pairs);
            for (var c = 0; c < best.Count; c++)
            {
                var members = best.GetMembers(c).ToArray();
                var distinct = members.Select(records.NhsNumberValue).Where(v => v != 0).Distinct().Count();
                if (distinct > 1 || members.Select(components.GetClusterId).Distinct().Count() != 1)
                {
                    return false;
                }
            }

            // Every refused pair joins two clusters that hold different numbers, and is a Match pair.
            foreach (var conflict in best.Conflicts)
            {
                var a = best.GetClusterId(conflict.LeftIndex);
                var b = best.GetClusterId(conflict.RightIndex);
                if (a == b || Number(best, records, a) == 0 || Number(best, records, b) == 0 || Number(best, records, a) == Number(best, records, b))
                {
                    return false;
                }
            }

            // Without any NHS numbers best-link is connected components.
            var noNumbers = new RecordSet(Enumerable.Range(0, graph.Count).Select(_ => new PatientRecord()));
            return Clusterer.BestLink(noNumbers, graph.Pairs).ClusterIds.SequenceEqual(components.ClusterIds);
        });

    private static long Number(Clusters clusters, RecordSet records, int cluster)
    {
        foreach (var member in clusters.GetMembers(cluster))
        {
            if (records.NhsNumberValue(member) != 0)
            {
                return records.NhsNumberValue(member);
            }
        }

        return 0;
    }

    /// <summary>Breadth-first search from each unlabelled record in index order.</summary>
    private static int[] OracleLabels(int count, IEnumerable<MatchPair> pairs)
    {
        var neighbours = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        foreach (var p in pairs)
        {
            neighbours[p.LeftIndex].Add(p.RightIndex);
            neighbours[p.RightIndex].Add(p.LeftIndex);
        }

        var labels = Enumerable.Repeat(-1, count).ToArray();
        var next = 0;
        for (var start = 0; start < count; start++)
        {
            if (labels[start] >= 0)
            {
                continue;
            }

            var queue = new Queue<int>([start]);
            labels[start] = next;
            while (queue.Count > 0)
            {
                foreach (var n in neighbours[queue.Dequeue()])
                {
                    if (labels[n] < 0)
                    {
                        labels[n] = next;
                        queue.Enqueue(n);
                    }
                }
            }

            next++;
        }

        return labels;
    }
}
