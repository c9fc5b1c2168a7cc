using System.Globalization;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Clustering;

namespace NhsIdentity.Tests.Matching.Clustering;

public sealed class ClustererTests
{
    [Fact]
    public void Connected_components_join_chains_and_number_clusters_by_smallest_member()
    {
        // 5-3, 3-0 is a chain {0, 3, 5}; 4-1 a pair; 2 and 6 alone.
        MatchPair[] pairs = [Pair(5, 3, 10), Pair(4, 1, 12), Pair(3, 0, 9)];
        var clusters = Clusterer.ConnectedComponents(7, pairs);

        Assert.Equal(4, clusters.Count);
        Assert.Equal(7, clusters.RecordCount);
        Assert.Equal([0, 1, 2, 0, 1, 0, 3], clusters.ClusterIds);
        Assert.Equal([0, 3, 5], clusters.GetMembers(0).ToArray());
        Assert.Equal([1, 4], clusters.GetMembers(1).ToArray());
        Assert.Equal([2], clusters.GetMembers(2).ToArray());
        Assert.Equal([6], clusters.GetMembers(3).ToArray());
        Assert.Equal([[0, 3, 5], [1, 4], [2], [6]], clusters.EnumerateMembers().Select(m => m.ToArray()));
        Assert.Empty(clusters.Conflicts);
        Assert.Equal(3, clusters.GetClusterId(6));
    }

    [Fact]
    public void Pairs_below_the_minimum_decision_do_not_join()
    {
        MatchPair[] pairs = [Pair(0, 1, 10), Pair(1, 2, 0.5, MatchDecision.Review), Pair(2, 3, -30, MatchDecision.NonMatch)];

        Assert.Equal(3, Clusterer.ConnectedComponents(4, pairs).Count);
        Assert.Equal(2, Clusterer.ConnectedComponents(4, pairs, MatchDecision.Review).Count);
        Assert.Equal(1, Clusterer.ConnectedComponents(4, pairs, MatchDecision.NonMatch).Count);
    }

    [Fact]
    public void Indices_outside_the_records_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Clusterer.ConnectedComponents(3, [Pair(0, 3, 10)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Clusterer.ConnectedComponents(3, [Pair(-1, 2, 10)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Clusterer.ConnectedComponents(-1, []));
        var clusters = Clusterer.ConnectedComponents(2, []);
        Assert.Throws<ArgumentOutOfRangeException>(() => clusters.GetClusterId(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => clusters.GetMembers(2));
    }

    [Fact]
    public void Best_link_refuses_to_chain_two_nhs_numbers_through_a_record_without_one()
    {
        var numbers = new NhsNumberGenerator(20261124);
        var x = numbers.Next().ToString("N", CultureInfo.InvariantCulture);
        var y = numbers.Next().ToString("N", CultureInfo.InvariantCulture);
        var records = new RecordSet(
        [
            new PatientRecord { Id = "A", NhsNumber = x, GivenNames = "Jade", FamilyName = "Murphy" },
            new PatientRecord { Id = "B", GivenNames = "Jade", FamilyName = "Murphy" },
            new PatientRecord { Id = "C", NhsNumber = y, GivenNames = "Jade", FamilyName = "Murphy" },
        ]);
        MatchPair[] pairs = [Pair(1, 2, 15), Pair(0, 1, 20)];

        var chained = Clusterer.ConnectedComponents(3, pairs);
        var best = Clusterer.BestLink(records, pairs);

        Assert.Equal(1, chained.Count);
        Assert.Equal(2, best.Count);
        Assert.Equal([0, 0, 1], best.ClusterIds);
        var conflict = Assert.Single(best.Conflicts);
        Assert.Equal(new ClusterConflict(1, 2, 15, ClusterConflictReason.DifferentNhsNumbers), conflict);
    }

    [Fact]
    public void Best_link_takes_the_stronger_pair_first()
    {
        var records = ThreeRecordsTwoNumbers();

        // B matches C more strongly than A, so B joins C and the A-B pair is the conflict.
        var best = Clusterer.BestLink(records, [Pair(0, 1, 15), Pair(1, 2, 20)]);

        Assert.Equal([0, 1, 1], best.ClusterIds);
        Assert.Equal((0, 1), (best.Conflicts[0].LeftIndex, best.Conflicts[0].RightIndex));
    }

    [Fact]
    public void Best_link_joins_records_that_share_an_nhs_number_or_lack_one()
    {
        var numbers = new NhsNumberGenerator(7);
        var x = numbers.Next().ToString("S", CultureInfo.InvariantCulture);
        var records = new RecordSet(
        [
            new PatientRecord { Id = "A", NhsNumber = x },
            new PatientRecord { Id = "B" },
            new PatientRecord { Id = "C", NhsNumber = x.Replace(" ", "", StringComparison.Ordinal) },
            new PatientRecord { Id = "D", NhsNumber = "not a number" },
        ]);

        var best = Clusterer.BestLink(records, [Pair(0, 1, 15), Pair(1, 2, 20), Pair(2, 3, 12)]);

        Assert.Equal(1, best.Count);
        Assert.Empty(best.Conflicts);
    }

    [Fact]
    public void Link_results_are_clustered_over_both_sets_with_right_indices_offset()
    {
        var numbers = new NhsNumberGenerator(99);
        var x = numbers.Next().ToString("N", CultureInfo.InvariantCulture);
        var y = numbers.Next().ToString("N", CultureInfo.InvariantCulture);
        var left = new RecordSet([new PatientRecord { Id = "L0", NhsNumber = x }, new PatientRecord { Id = "L1" }]);
        var right = new RecordSet([new PatientRecord { Id = "R0" }, new PatientRecord { Id = "R1", NhsNumber = y }, new PatientRecord { Id = "R2" }]);

        // L0-R0 and L1-R0 would chain; R0 joins L0 first (stronger). L1-R1 links the record without a number to y.
        var result = Result(left.Count, right.Count, [Pair(0, 0, 20), Pair(1, 0, 10), Pair(1, 1, 18)]);

        var components = Clusterer.ConnectedComponents(result, MatchDecision.Match);
        var best = Clusterer.BestLinkAcross(left, right, result);

        Assert.Equal(5, components.RecordCount);
        Assert.Equal([0, 0, 0, 0, 1], components.ClusterIds);
        Assert.Equal([0, 1, 0, 1, 2], best.ClusterIds);
        Assert.Equal(new ClusterConflict(1, 0, 10, ClusterConflictReason.DifferentNhsNumbers), Assert.Single(best.Conflicts));
        Assert.Throws<ArgumentException>(() => Clusterer.BestLinkAcross(right, left, result));
    }

    [Fact]
    public void Descriptions_hold_counts_only()
    {
        var clusters = Clusterer.ConnectedComponents(3, [Pair(0, 1, 10)]);
        Assert.Equal("Clusters(RecordCount = 3, Count = 2, Conflicts = 0)", clusters.ToString());
    }

    internal static MatchPair Pair(int left, int right, double weight, MatchDecision decision = MatchDecision.Match) =>
        new(left, right, weight, MatchModel.ToProbability(weight), decision);

    internal static LinkResult Result(int leftCount, int rightCount, MatchPair[] pairs) =>
        new(pairs, pairs.Length, new BlockingReport([], 2), leftCount, rightCount, isDeduplication: false);

    private static RecordSet ThreeRecordsTwoNumbers()
    {
        var numbers = new NhsNumberGenerator(3);
        return new RecordSet(
        [
            new PatientRecord { Id = "A", NhsNumber = numbers.Next().ToString("N", CultureInfo.InvariantCulture) },
            new PatientRecord { Id = "B" },
            new PatientRecord { Id = "C", NhsNumber = numbers.Next().ToString("N", CultureInfo.InvariantCulture) },
        ]);
    }
}
