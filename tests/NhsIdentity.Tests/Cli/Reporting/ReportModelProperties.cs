using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Cli.Reporting;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Clustering;
using NhsIdentity.Tests.Matching;

namespace NhsIdentity.Tests.Cli.Reporting;

/// <summary>
/// Any model the library accepts, however extreme its finite probabilities, scores pairs to finite weights and renders
/// a report (issue 14: a joint u of 1e-320 made Infinity weights and the histogram threw OverflowException), with or
/// without competition among the candidates.
/// </summary>
public sealed class ReportModelProperties
{
    private static readonly PatientRecord Alice = MatchingSamples.Alice;

    // Alice's twin: same family name, postcode and date of birth, her own hospital number, so pairs of the two are
    // weighed as one household (and reach the joint table).
    private static readonly PatientRecord Twin = Alice.With(id: "A2", nhs: "999 000 0034", given: "Agnes", local: "RX2000456");

    private static readonly RecordSet Left = new([Alice, Twin, MatchingSamples.Stranger]);

    private static readonly RecordSet Right = new([
        MatchingSamples.AliceTypo,
        Alice.With(id: "B1", nhs: "", given: "Alice", local: ""),
        Twin.With(id: "B2", nhs: "", local: ""),
        Alice.With(id: "B3", nhs: "", given: "Alicia", dob: "14/03/1957", local: ""),
        MatchingSamples.Stranger.With(id: "B4", nhs: "999 000 0042"),
    ]);

    private static Arbitrary<int> Seeds => Arb.From(Gen.Choose(int.MinValue, int.MaxValue));

    [Property(MaxTest = 100)]
    public Property Every_accepted_model_scores_finite_weights_and_writes_a_report() =>
        Prop.ForAll(Seeds, seed =>
        {
            var model = RandomModel(new Random(seed));
            var scored = new Linker(model, LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch }).Link(Left, Right);
            var kept = scored.Pairs.Where(p => p.Decision >= MatchDecision.Review).ToList();
            var html = LinkReportWriter.Render(new LinkReport
            {
                IsDeduplication = false,
                Inputs = [new ReportInput("left", "left.csv", 3, 3, 0), new ReportInput("right", "right.csv", 5, 5, 0)],
                ModelSource = "random model",
                Model = model,
                Left = Left,
                Right = Right,
                Scored = scored,
                Output = kept,
                Clusters = Clusterer.BestLinkAcross(Left, Right, scored),
            });
            return (scored.Pairs.All(p => double.IsFinite(p.Weight) && double.IsFinite(p.Probability))
                && !html.Contains("Infinity", StringComparison.Ordinal)
                && !html.Contains("NaN", StringComparison.Ordinal)).Label(Describe(model, scored, html));
        });

    [Fact]
    public void The_records_include_pairs_weighed_as_one_household()
    {
        // Guards the property: without household pairs it would never reach the joint table's corrections.
        var dob = MatchModel.Default.GetComparison(ComparisonKind.DateOfBirth)!.Levels.Count;
        var given = MatchModel.Default.GetComparison(ComparisonKind.GivenName)!.Levels.Count;
        var model = MatchModel.Default.WithJointHouseholdU(new JointHouseholdU(ComparisonKind.DateOfBirth, ComparisonKind.GivenName, dob, given,
            Enumerable.Repeat(0.01, dob * given)));
        var scored = new Linker(model, LinkOptions.Default with { MinimumDecision = MatchDecision.NonMatch }).Link(Left, Right);
        Assert.True(scored.Pairs.Count(p => model.Explain(Left, p.LeftIndex, Right, p.RightIndex).InHouseholdContext) >= 2);
    }

    /// <summary>What failed, for the label: the model, any non-finite weight, and where the page says Infinity or NaN
    /// (what .NET writes for a number that is not finite; a threshold of 0 or 1 is shown as ±∞ on purpose).</summary>
    private static string Describe(MatchModel model, LinkResult scored, string html)
    {
        var bad = scored.Pairs.Where(p => !double.IsFinite(p.Weight) || !double.IsFinite(p.Probability)).Select(p => $"{p.Weight}/{p.Probability}");
        var marks = new[] { "Infinity", "NaN" }.Select(m => (m, html.IndexOf(m, StringComparison.Ordinal))).Where(x => x.Item2 >= 0)
            .Select(x => x.m + " at: " + html[Math.Max(0, x.Item2 - 120)..Math.Min(html.Length, x.Item2 + 40)]);
        return $"{model}, prior weight {model.PriorWeight}, policy {model.Policy}; non-finite pairs: {string.Join(", ", bad)}; {string.Join(" | ", marks)}";
    }

    /// <summary>A model with probabilities spread over 2^-1074 to 1, extreme priors and policies, and often a joint
    /// table; whatever the constructors refuse (a level or table whose weights are not finite) is left at the default.</summary>
    private static MatchModel RandomModel(Random random)
    {
        // One in four is 1 or subnormal (down to 2^-1074), where ratios and products leave the doubles.
        double Probability() => random.Next(8) switch
        {
            0 => 1.0,
            1 => Math.Pow(2, -1023 - random.Next(52)),
            _ => Math.Pow(2, -random.NextDouble() * 1000),
        };
        var model = MatchModel.Default;
        foreach (var comparison in MatchModel.Default.Comparisons)
        {
            var levels = comparison.Levels.Select(level =>
            {
                var u = Probability();
                var candidate = new ComparisonLevelModel(Probability(), u, random.Next(3) == 0 ? Probability() : u);
                return candidate.IsValid ? candidate : level;
            });
            model = model.WithComparison(comparison.WithLevels(levels));
        }

        var prior = random.Next(3) switch
        {
            0 => Math.Pow(2, -random.NextDouble() * 1000),
            1 => 1 - Math.Pow(2, -random.Next(1, 53)),
            _ => random.NextDouble() * 0.01,
        };
        var thresholds = new[] { random.NextDouble(), random.NextDouble() }.Order().ToArray();
        if (random.Next(4) == 0)
        {
            thresholds = [random.Next(2) == 0 ? 0 : thresholds[0], random.Next(2) == 0 ? 1 : thresholds[1]];
        }

        model = model.WithPrior(prior > 0 && prior < 1 ? prior : 0.5).WithPolicy(DecisionPolicy.Default with { ReviewProbability = thresholds[0], MatchProbability = thresholds[1] });
        if (random.Next(2) == 0)
        {
            var first = model.GetComparison(ComparisonKind.DateOfBirth)!.Levels.Count;
            var second = model.GetComparison(ComparisonKind.GivenName)!.Levels.Count;
            try
            {
                model = model.WithJointHouseholdU(new JointHouseholdU(ComparisonKind.DateOfBirth, ComparisonKind.GivenName, first, second,
                    [.. Enumerable.Range(0, first * second).Select(_ => Probability())]));
            }
            catch (ArgumentException)
            {
                // A table whose corrections are not finite numbers is refused; the model keeps none.
            }
        }

        if (random.Next(2) == 0)
        {
            // Competition among the candidates: its level is added to a linked pair's weight and drawn in the waterfall.
            ComparisonLevelModel Level()
            {
                var candidate = new ComparisonLevelModel(Probability(), Probability());
                return candidate.IsValid ? candidate : new ComparisonLevelModel(0.5, 0.5);
            }

            model = model.WithCompetition(new CompetitionModel(random.NextDouble() * 0.98 + 0.01, Level(), Level(), Level()));
        }

        return model;
    }
}
