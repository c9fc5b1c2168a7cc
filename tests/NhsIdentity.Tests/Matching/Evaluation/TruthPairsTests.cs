using NhsIdentity.Matching.Evaluation;

namespace NhsIdentity.Tests.Matching.Evaluation;

public sealed class TruthPairsTests
{
    [Fact]
    public void Gives_every_pair_within_each_cluster_once()
    {
        var pairs = TruthPairs.FromClusters([("a", "1"), ("b", "1"), ("c", "2"), ("d", "1"), ("e", "3"), ("f", "2"), ("a", "1")]);

        Assert.Equal([("a", "b"), ("a", "d"), ("b", "d"), ("c", "f")], pairs);
    }

    [Fact]
    public void An_id_in_two_clusters_is_an_error()
    {
        var exception = Assert.Throws<ArgumentException>(() => TruthPairs.FromClusters([("a", "1"), ("a", "2")]));

        Assert.Contains("'a'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_source_variant_gives_only_pairs_across_the_sources()
    {
        var left = new Dictionary<string, string> { ["l2"] = "c2", ["l1"] = "c1", ["l3"] = "c3" };
        var right = new Dictionary<string, string> { ["r2"] = "c1", ["r1"] = "c1", ["r3"] = "c2", ["r4"] = "c9" };

        var pairs = TruthPairs.FromClusters(left, right);

        Assert.Equal([("l1", "r1"), ("l1", "r2"), ("l2", "r3")], pairs);
    }

    [Fact]
    public void Cluster_ids_are_compared_exactly()
    {
        Assert.Empty(TruthPairs.FromClusters([("a", "X"), ("b", "x"), ("c", "x ")]));
    }
}
