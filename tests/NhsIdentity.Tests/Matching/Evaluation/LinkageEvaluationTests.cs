using NhsIdentity.Matching.Evaluation;

namespace NhsIdentity.Tests.Matching.Evaluation;

public sealed class LinkageEvaluationTests
{
    [Fact]
    public void Counts_and_ratios_match_a_hand_computed_example()
    {
        // Predicted 4, of which (a,b) and (d,e) are true; (h,i) was missed.
        var metrics = LinkageEvaluation.Evaluate(
            [("a", "b"), ("a", "c"), ("d", "e"), ("f", "g")],
            [("a", "b"), ("d", "e"), ("h", "i")],
            unordered: false);

        Assert.Equal(new LinkageMetrics(2, 2, 1), metrics);
        Assert.Equal(4, metrics.Predicted);
        Assert.Equal(3, metrics.Actual);
        Assert.Equal(0.5, metrics.Precision);
        Assert.Equal(2.0 / 3.0, metrics.Recall, 12);
        Assert.Equal(4.0 / 7.0, metrics.F1, 12); // 2PR/(P+R) = (2/3)/(7/6)
    }

    [Fact]
    public void Unordered_treats_reversed_pairs_as_the_same_and_ordered_does_not()
    {
        (string, string)[] predicted = [("b", "a"), ("c", "a")];
        (string, string)[] truth = [("a", "b")];

        Assert.Equal(new LinkageMetrics(1, 1, 0), LinkageEvaluation.Evaluate(predicted, truth, unordered: true));
        Assert.Equal(new LinkageMetrics(0, 2, 1), LinkageEvaluation.Evaluate(predicted, truth, unordered: false));
    }

    [Fact]
    public void Duplicate_pairs_count_once_on_either_side()
    {
        var metrics = LinkageEvaluation.Evaluate(
            [("a", "b"), ("a", "b"), ("b", "a")],
            [("a", "b"), ("b", "a")],
            unordered: true);

        Assert.Equal(new LinkageMetrics(1, 0, 0), metrics);
    }

    [Theory]
    [InlineData(0, 0, 0, 1.0, 1.0, 1.0)] // nothing predicted, nothing true: exactly right
    [InlineData(0, 0, 3, 1.0, 0.0, 0.0)] // nothing predicted: no wrong prediction, everything missed
    [InlineData(0, 2, 0, 0.0, 1.0, 0.0)] // empty truth: nothing missed, every prediction wrong
    [InlineData(0, 2, 3, 0.0, 0.0, 0.0)] // no overlap: F1 defined as 0, not NaN
    [InlineData(3, 1, 0, 0.75, 1.0, 6.0 / 7.0)]
    public void Ratios_are_defined_for_zero_counts(long tp, long fp, long fn, double precision, double recall, double f1)
    {
        var metrics = new LinkageMetrics(tp, fp, fn);

        Assert.Equal(precision, metrics.Precision, 12);
        Assert.Equal(recall, metrics.Recall, 12);
        Assert.Equal(f1, metrics.F1, 12);
    }

    [Fact]
    public void Sweep_counts_predictions_at_or_above_each_threshold_in_the_order_given()
    {
        (string, string, double)[] predicted = [("a", "b", 0.9), ("c", "d", 0.8), ("e", "f", 0.6), ("a", "b", 0.3)];
        (string, string)[] truth = [("a", "b"), ("e", "f"), ("g", "h")];

        var sweep = LinkageEvaluation.Sweep(predicted, truth, [0.5, 0.95, 0.8, 0.0], unordered: false);

        Assert.Equal(
            [
                new ThresholdMetrics(0.5, new LinkageMetrics(2, 1, 1)),
                new ThresholdMetrics(0.95, new LinkageMetrics(0, 0, 3)),
                new ThresholdMetrics(0.8, new LinkageMetrics(1, 1, 2)), // 0.8 itself counts
                new ThresholdMetrics(0.0, new LinkageMetrics(2, 1, 1)), // (a,b) once, at its best probability
            ],
            sweep);
    }

    [Fact]
    public void Bad_arguments_throw()
    {
        Assert.Throws<ArgumentNullException>(() => LinkageEvaluation.Evaluate(null!, [], false));
        Assert.Throws<ArgumentException>(() => LinkageEvaluation.Evaluate([(null!, "b")], [], false));
        Assert.Throws<ArgumentException>(() => LinkageEvaluation.Sweep([("a", "b", double.NaN)], [], [0.5], false));
        Assert.Throws<ArgumentException>(() => LinkageEvaluation.Sweep([("a", "b", 0.5)], [], [double.NaN], false));
    }
}
