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

        // Ids are often NHS or hospital numbers: the message gives where, never which.
        Assert.DoesNotContain("'a'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("assignment 2", exception.Message, StringComparison.Ordinal);
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

public sealed class TruthPairsSourceTests
{
    // The same id "1" is a different person in each source: ids are looked up per source.
    private static readonly (string Source, string Id, string ClusterId)[] Assignments =
    [
        ("pas", "1", "p1"), ("pas", "2", "p1"), ("pas", "3", "p2"),
        ("gp", "1", "p2"), ("gp", "2", "p1"), ("gp", "9", "p3"),
        ("imaging", "1", "p1"),
    ];

    [Fact]
    public void Across_sources_gives_only_left_source_by_right_source_pairs()
    {
        Assert.Equal([("1", "2"), ("2", "2"), ("3", "1")], TruthPairs.AcrossSources(Assignments, "pas", "gp"));
        Assert.Equal([("1", "3"), ("2", "1"), ("2", "2")], TruthPairs.AcrossSources(Assignments, "gp", "pas"));
    }

    [Fact]
    public void Within_source_gives_the_pairs_of_one_source()
    {
        Assert.Equal([("1", "2")], TruthPairs.WithinSource(Assignments, "pas"));
        Assert.Empty(TruthPairs.WithinSource(Assignments, "gp"));
    }

    [Fact]
    public void Sources_come_in_first_seen_order()
    {
        Assert.Equal(["pas", "gp", "imaging"], TruthPairs.Sources(Assignments));
    }

    [Fact]
    public void An_id_in_two_clusters_of_one_source_is_an_error_but_not_across_sources()
    {
        var exception = Assert.Throws<ArgumentException>(() => TruthPairs.AcrossSources([("pas", "1", "a"), ("pas", "1", "b")], "pas", "gp"));
        Assert.DoesNotContain("'1'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("two clusters", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TruthPairs.AcrossSources(Assignments, "pas", "pas"));
        Assert.Equal([("1", "1")], TruthPairs.AcrossSources([("pas", "1", "a"), ("gp", "1", "a"), ("gp", "2", "b")], "pas", "gp"));
    }
}
