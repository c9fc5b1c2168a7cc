using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching.Training;

namespace NhsIdentity.Tests.Matching.Training;

/// <summary>
/// The order constraint of the competition levels (unrivalled at least as heavy as best of rivals, that at least as
/// heavy as outranked): pooling adjacent violators must end in order, whatever the order it starts in, and keep the
/// total m.
/// </summary>
public sealed class CompetitionPoolingTests
{
    [Fact]
    public void Levels_in_fully_reversed_order_are_pooled_into_one_weight()
    {
        // Ratios 1/6, 1 and 6: each adjacent pool makes a new violation with the third level, so the levels are in
        // order only when all three share one ratio, (0.1 + 0.3 + 0.6) / (0.6 + 0.3 + 0.1) = 1.
        Span<double> m = [0.1, 0.3, 0.6];
        Span<double> u = [0.6, 0.3, 0.1];

        CompetitionEstimation.PoolViolators(m, u);

        for (var level = 0; level < 3; level++)
        {
            Assert.Equal(1.0, m[level] / u[level], 12);
        }
    }

    [Property(MaxTest = 500)]
    public Property Pooled_weights_never_rise_and_m_keeps_its_total() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var random = new Random(seed);
            var m = Normalised(random);
            var u = Normalised(random);
            var total = m[0] + m[1] + m[2];

            CompetitionEstimation.PoolViolators(m, u);

            var ordered = m[0] / u[0] >= (m[1] / u[1]) * (1 - 1e-9) && m[1] / u[1] >= (m[2] / u[2]) * (1 - 1e-9);
            return (ordered && Math.Abs(m[0] + m[1] + m[2] - total) < 1e-12)
                .Label($"m {m[0]:R} {m[1]:R} {m[2]:R}; u {u[0]:R} {u[1]:R} {u[2]:R}");
        });

    private static double[] Normalised(Random random)
    {
        var values = new[] { 0.01 + random.NextDouble(), 0.01 + random.NextDouble(), 0.01 + random.NextDouble() };
        var sum = values[0] + values[1] + values[2];
        return [values[0] / sum, values[1] / sum, values[2] / sum];
    }
}
