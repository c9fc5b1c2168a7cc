using System.Collections.Concurrent;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;

namespace NhsIdentity.Tests.Matching.Linking;

public sealed class ProgressTests
{
    /// <summary>Collects reports synchronously (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class Recorder<T> : IProgress<T>
    {
        public ConcurrentQueue<T> Reports { get; } = new();

        public void Report(T value) => Reports.Enqueue(value);
    }

    [Fact]
    public void Linking_reports_scored_pairs_up_to_the_number_compared()
    {
        var set = new RecordSet(LinkingPeople.Population(61, 3_000, 0.5, tight: false));
        var recorder = new Recorder<LinkProgress>();

        var result = new Linker(MatchModel.Default).Deduplicate(set, recorder);

        Assert.NotEmpty(recorder.Reports);
        var reports = recorder.Reports.ToArray();
        Assert.All(reports, r => Assert.InRange(r.PairsScored, 1, r.CandidatePairs));
        Assert.Equal(result.PairsCompared, reports.Max(r => r.PairsScored));
        Assert.Equal(result.Pairs, new Linker(MatchModel.Default).Deduplicate(set).Pairs);
    }

    [Fact]
    public void Training_reports_each_stage_in_order_and_every_em_iteration()
    {
        var set = new RecordSet(LinkingPeople.Population(62, 1_500, 0.5, tight: false));
        var recorder = new Recorder<TrainingProgress>();

        var result = ModelTrainer.Train(set, progress: recorder);

        var reports = recorder.Reports.ToArray();
        Assert.Equal(TrainingStage.SamplingRandomPairs, reports[0].Stage);
        // Sampling, then counting, then each rule in turn (collecting before its EM iterations): never backwards.
        var phases = reports.Select(r => r.Stage <= TrainingStage.CountingDeterministicPairs ? (int)r.Stage : 2 + (2 * r.Rule) + (r.Stage == TrainingStage.ExpectationMaximisation ? 1 : 0)).ToArray();
        Assert.Equal(phases.Order(), phases);
        Assert.Contains(reports, r => r.Stage == TrainingStage.CountingDeterministicPairs);
        for (var rule = 0; rule < result.Rules.Count; rule++)
        {
            var iterations = reports.Where(r => r.Stage == TrainingStage.ExpectationMaximisation && r.Rule == rule).Select(r => r.Iteration).ToArray();
            Assert.Equal(Enumerable.Range(1, result.Rules[rule].Iterations), iterations);
        }

        Assert.All(reports, r => Assert.Equal(TrainingOptions.Default.TrainingRules.Count, r.Rules));
    }
}
