using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Clustering;
using NhsIdentity.Matching.Linkage;
using NhsIdentity.Matching.Training;

namespace NhsIdentity.Tests.Matching.Linking;

/// <summary>
/// <see cref="LinkageRunner"/>: one scoring shared by every sink. The decided pairs are exactly a <see cref="Linker"/>
/// run's with the same options, whether or not a sink made the run keep the non-matches (one to one, competition and
/// dedupe included); sinks are called once each, in order, with one outcome; training, the threshold and the clusters
/// are those of the parts it composes.
/// </summary>
public sealed class LinkageRunnerTests
{
    // Unrivalled +3 bits, best of rivals +0.58, outranked -4: a link model that weighs competition.
    private static readonly CompetitionModel Competition = new(0.5, new(0.8, 0.1), new(0.15, 0.1), new(0.05, 0.8));

    private static Arbitrary<(int Seed, int People, bool OneToOne, bool Competition, bool Dedupe, bool ReviewToo)> Runs { get; } =
        Arb.From(
            from seed in Gen.Choose(0, int.MaxValue)
            from people in Gen.Choose(1, 120)
            from oneToOne in ArbMap.Default.GeneratorFor<bool>()
            from competition in ArbMap.Default.GeneratorFor<bool>()
            from dedupe in ArbMap.Default.GeneratorFor<bool>()
            from reviewToo in ArbMap.Default.GeneratorFor<bool>()
            select (seed, people, oneToOne, competition, dedupe, reviewToo));

    [Property(MaxTest = 40)]
    public Property Scoring_once_for_every_sink_decides_exactly_what_the_linker_decides() =>
        Prop.ForAll(Runs, run =>
        {
            var left = new RecordSet(LinkingPeople.Population(run.Seed, run.People, 0.5, tight: true));
            var right = new RecordSet(LinkingPeople.Population(run.Seed ^ 0x5A5A, run.People, 0.5, tight: true));
            var model = run.Competition ? MatchModel.Default.WithCompetition(Competition) : MatchModel.Default;
            var options = LinkOptions.Default with
            {
                OneToOne = run.OneToOne && !run.Dedupe,
                MinimumDecision = run.ReviewToo ? MatchDecision.Review : MatchDecision.Match,
            };
            var linker = new Linker(model, options);
            var expected = run.Dedupe ? linker.Deduplicate(left) : linker.Link(left, right);

            var runner = new LinkageRunner(new LinkageRunOptions { Model = model, Link = options });
            var keepingAll = new RecordingSink(needsNonMatches: true);
            var outcome = run.Dedupe ? runner.Deduplicate(left, [keepingAll]) : runner.Link(left, right, [keepingAll]);
            var plain = run.Dedupe ? runner.Deduplicate(left) : runner.Link(left, right);

            Assert.Equal(expected.Pairs, outcome.Result.Pairs);
            Assert.Equal(expected.Pairs, plain.Result.Pairs);
            Assert.Equal(expected.PairsCompared, outcome.Result.PairsCompared);
            Assert.Null(plain.Scored);
            Assert.NotNull(outcome.Scored);

            // Every decided pair is among the scored ones with the same weight (one to one only removes pairs).
            var scored = outcome.Scored!.Pairs.ToDictionary(p => (p.LeftIndex, p.RightIndex));
            Assert.All(outcome.Result.Pairs, p => Assert.Equal(p, scored[(p.LeftIndex, p.RightIndex)]));
        });

    [Fact]
    public void Sinks_are_called_once_each_in_order_with_one_outcome_and_the_non_matches_only_when_one_asks()
    {
        var left = new RecordSet(LinkingPeople.Population(3, 200, 0.5, tight: true));
        var right = new RecordSet(LinkingPeople.Population(4, 200, 0.5, tight: true));
        var calls = new List<string>();
        var first = new RecordingSink(needsNonMatches: false, calls, "first");
        var second = new RecordingSink(needsNonMatches: false, calls, "second");
        var runner = new LinkageRunner(new LinkageRunOptions { Model = MatchModel.Default });

        var outcome = runner.Link(left, right, [first, second]);

        Assert.Equal(["first", "second"], calls);
        Assert.Same(outcome, first.Received);
        Assert.Same(outcome, second.Received);
        Assert.Null(outcome.Scored);

        var histogram = new RecordingSink(needsNonMatches: true);
        var withNonMatches = runner.Link(left, right, [new RecordingSink(needsNonMatches: false), histogram]);
        Assert.Contains(withNonMatches.Scored!.Pairs, p => p.Decision == MatchDecision.NonMatch);
        Assert.DoesNotContain(withNonMatches.Result.Pairs, p => p.Decision == MatchDecision.NonMatch);
        Assert.Equal(withNonMatches.Result.PairsCompared, withNonMatches.Scored.PairsCompared);
    }

    [Fact]
    public void Without_a_model_it_trains_one_as_the_trainer_does_and_applies_the_threshold()
    {
        var left = new RecordSet(LinkingPeople.Population(11, 300, 0.6, tight: false));
        var right = new RecordSet(LinkingPeople.Population(12, 300, 0.6, tight: false));
        var training = TrainingOptions.Default with { Seed = 7 };
        var runner = new LinkageRunner(new LinkageRunOptions { Training = training, MatchThreshold = 0.3 });

        var outcome = runner.Link(left, right);

        var trained = ModelTrainer.TrainLinkage(left, right, training);
        Assert.NotNull(outcome.Training);
        Assert.Equal(trained.Model.WithPolicy(trained.Model.Policy.WithMatchThreshold(0.3)).ToJson(), outcome.Model.ToJson());
        Assert.Equal(0.3, outcome.Model.Policy.MatchProbability);
        Assert.Equal(0.3, outcome.Model.Policy.ReviewProbability);
        Assert.Equal(new Linker(outcome.Model).Link(left, right).Pairs, outcome.Result.Pairs);

        var given = new LinkageRunner(new LinkageRunOptions { Model = MatchModel.Default }).Deduplicate(left);
        Assert.Null(given.Training);
        Assert.Same(MatchModel.Default, given.Model);
    }

    [Fact]
    public void The_clusters_are_the_best_link_clusters_of_the_decided_matches()
    {
        var left = new RecordSet(LinkingPeople.Population(21, 250, 0.5, tight: true));
        var right = new RecordSet(LinkingPeople.Population(22, 250, 0.5, tight: true));
        var runner = new LinkageRunner(new LinkageRunOptions { Model = MatchModel.Default, Link = LinkOptions.Default with { OneToOne = true } });

        var link = runner.Link(left, right);
        var dedupe = runner.Deduplicate(left);

        var across = Clusterer.BestLinkAcross(left, right, link.Result);
        Assert.Equal(Enumerable.Range(0, across.RecordCount).Select(across.GetClusterId), Enumerable.Range(0, link.Clusters.RecordCount).Select(link.Clusters.GetClusterId));
        var within = Clusterer.BestLink(left, dedupe.Result.Pairs);
        Assert.Equal(Enumerable.Range(0, within.RecordCount).Select(within.GetClusterId), Enumerable.Range(0, dedupe.Clusters.RecordCount).Select(dedupe.Clusters.GetClusterId));
    }

    [Fact]
    public void A_cancelled_run_calls_no_sink_and_a_failing_sink_stops_the_ones_after_it()
    {
        var records = new RecordSet(LinkingPeople.Population(31, 100, 0.5, tight: true));
        var runner = new LinkageRunner(new LinkageRunOptions { Model = MatchModel.Default });
        var calls = new List<string>();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => runner.Deduplicate(records, [new RecordingSink(false, calls, "never")], cancellationToken: cancelled.Token));
        Assert.Empty(calls);

        var failing = new ThrowingSink();
        Assert.Throws<InvalidOperationException>(() => runner.Deduplicate(records, [new RecordingSink(false, calls, "before"), failing, new RecordingSink(false, calls, "after")]));
        Assert.Equal(["before"], calls);
        Assert.Throws<ArgumentNullException>(() => runner.Deduplicate(records, [null!]));
    }

    [Fact]
    public void Progress_names_the_stages_in_order()
    {
        var left = new RecordSet(LinkingPeople.Population(41, 200, 0.5, tight: false));
        var right = new RecordSet(LinkingPeople.Population(42, 200, 0.5, tight: false));
        var stages = new List<LinkageStage>();
        var progress = new SynchronousProgress(p =>
        {
            lock (stages)
            {
                stages.Add(p.Stage);
            }
        });

        new LinkageRunner().Link(left, right, [new RecordingSink(false)], progress);

        Assert.Equal([LinkageStage.Training, LinkageStage.Scoring, LinkageStage.Sinks], stages.Distinct());
        Assert.Equal(stages.OrderBy(s => s), stages);
        Assert.Equal(LinkageStage.Sinks, Assert.Single(stages, s => s == LinkageStage.Sinks));
    }

    private static Arbitrary<(double Threshold, double Review)> Thresholds { get; } =
        Arb.From(
            from threshold in Gen.OneOf(
                Gen.Choose(-500, 1500).Select(k => k / 1000.0),
                Gen.Elements(0.0, 1.0, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1.0000000000000002))
            from review in Gen.Choose(0, 1000).Select(k => k / 1000.0)
            select (threshold, review));

    [Property(MaxTest = 200)]
    public Property A_match_threshold_makes_a_valid_policy_or_is_refused() =>
        Prop.ForAll(Thresholds, input =>
        {
            var (threshold, review) = input;
            var policy = new DecisionPolicy(1, review, true);
            if (threshold > 0 && threshold <= 1)
            {
                var changed = policy.WithMatchThreshold(threshold);
                Assert.True(changed.IsValid);
                Assert.Equal(threshold, changed.MatchProbability);
                Assert.Equal(Math.Min(review, threshold), changed.ReviewProbability);
                Assert.True(changed.DifferentNhsNumbersNeverMatch);
            }
            else
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => policy.WithMatchThreshold(threshold));
            }
        });

    private sealed class RecordingSink(bool needsNonMatches, List<string>? calls = null, string name = "") : ILinkageSink
    {
        public LinkageOutcome? Received { get; private set; }

        public bool NeedsNonMatches => needsNonMatches;

        public void Consume(LinkageOutcome outcome, CancellationToken cancellationToken)
        {
            Assert.Null(Received);
            Received = outcome;
            calls?.Add(name);
        }
    }

    private sealed class ThrowingSink : ILinkageSink
    {
        public bool NeedsNonMatches => false;

        public void Consume(LinkageOutcome outcome, CancellationToken cancellationToken) => throw new InvalidOperationException("sink failed");
    }

    private sealed class SynchronousProgress(Action<LinkageProgress> report) : IProgress<LinkageProgress>
    {
        public void Report(LinkageProgress value) => report(value);
    }
}
