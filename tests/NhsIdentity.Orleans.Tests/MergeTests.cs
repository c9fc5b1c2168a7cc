using NhsIdentity.Matching;
using NhsIdentity.Orleans.Grains;

namespace NhsIdentity.Orleans.Tests;

/// <summary>The client's merge of bucket answers: each record once, best first in the single-node order, cut to N,
/// and never an answer scored under another snapshot.</summary>
public sealed class MergeTests
{
    [Fact]
    public void A_record_found_under_several_rules_comes_back_once_in_weight_then_id_order()
    {
        BucketAnswer[] answers =
        [
            new("v1", [Match("b", 9), Match("d", 5)]),
            new("v1", [Match("b", 9), Match("a", 5), Match("c", 1)]),
            new(null, []), // a bucket nothing was added to
        ];

        var merged = ClusterPatientIndex.Merge(answers, 10, "v1");

        Assert.Equal(["b", "a", "d", "c"], merged.Select(m => m.Id));
        Assert.Equal(["b", "a"], ClusterPatientIndex.Merge(answers, 2, "v1").Select(m => m.Id));
    }

    [Fact]
    public void A_record_held_in_two_versions_while_a_write_is_applied_comes_back_once_at_its_heavier_score()
    {
        // One bucket still holds x's old content (12 bits), another its new (5 bits): not neighbours once sorted.
        BucketAnswer[] answers = [new("v1", [Match("x", 12), Match("y", 8)]), new("v1", [Match("x", 5)])];

        var merged = ClusterPatientIndex.Merge(answers, 10, "v1");

        Assert.Equal(["x", "y"], merged.Select(m => m.Id));
        Assert.Equal(12, merged[0].Score.Weight);
    }

    [Fact]
    public void An_answer_under_another_snapshot_is_refused_not_merged()
    {
        BucketAnswer[] answers = [new("v1", [Match("a", 3)]), new("v2", [Match("b", 4)])];
        Assert.Throws<InvalidOperationException>(() => ClusterPatientIndex.Merge(answers, 10, "v1"));
    }

    private static BucketMatch Match(string id, double weight) => new(id, weight, MatchModel.ToProbability(weight), MatchDecision.Review);
}
