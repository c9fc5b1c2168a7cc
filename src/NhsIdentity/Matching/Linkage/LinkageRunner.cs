using NhsIdentity.Matching.Training;

namespace NhsIdentity.Matching.Linkage;

/// <summary>
/// A whole linkage in one call: trains a model on the input (or takes the one given), blocks and scores the candidate
/// pairs <b>once</b>, decides them, and hands the outcome to any number of sinks (<see cref="ILinkageSink"/>): the
/// pairs file, the clusters, a report, a histogram. What <c>nhsid link</c> and <c>nhsid dedupe</c> do, for in-process
/// callers.
/// </summary>
/// <remarks>
/// <para>When a sink needs the non-matches as well, the pairs are scored once keeping every pair and the decided
/// pairs are taken from them (then assigned one to one when <see cref="LinkOptions.OneToOne"/>): the same pairs,
/// weights and decisions as a <see cref="Linker"/> run with the options as given, because a decision only rises with
/// the weight (the policy's cap lowers a match to a review, never further) and greedy assignment takes higher
/// weights first.</para>
/// <para>Deterministic, as <see cref="Linker"/> and <see cref="ModelTrainer"/> are. Thread safety: a runner holds only
/// its options and can run on several threads at once; the sinks are the caller's.</para>
/// </remarks>
/// <param name="options">What to do; <see langword="null"/> for <see cref="LinkageRunOptions.Default"/>.</param>
public sealed class LinkageRunner(LinkageRunOptions? options = null)
{
    /// <summary>Gets what the runner does.</summary>
    public LinkageRunOptions Options { get; } = options ?? LinkageRunOptions.Default;

    /// <summary>Links two sets of records: the pairs of records, one from each, that are the same person.</summary>
    /// <param name="left">The left records.</param>
    /// <param name="right">The right records.</param>
    /// <param name="sinks">What receives the outcome, in order; <see langword="null"/> for none.</param>
    /// <param name="progress">Told what the run is doing (scoring progress comes from the scoring threads);
    /// <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Checked by training and between scoring partitions and sinks.</param>
    /// <returns>The outcome the sinks received.</returns>
    /// <exception cref="ArgumentNullException">A set is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="PairBudgetExceededException">As for <see cref="Linker.Link"/>; no sink was called.</exception>
    /// <exception cref="KeptPairBudgetExceededException">As for <see cref="Linker.Link"/>; no sink was called.</exception>
    public LinkageOutcome Link(RecordSet left, RecordSet right, IEnumerable<ILinkageSink>? sinks = null,
        IProgress<LinkageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Run(left, right, deduplicating: false, sinks, progress, cancellationToken);
    }

    /// <summary>Deduplicates one set of records: the pairs of records within it that are the same person.</summary>
    /// <param name="records">The records.</param>
    /// <param name="sinks">What receives the outcome, in order; <see langword="null"/> for none.</param>
    /// <param name="progress">Told what the run is doing; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Checked by training and between scoring partitions and sinks.</param>
    /// <returns>The outcome the sinks received.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="PairBudgetExceededException">As for <see cref="Linker.Deduplicate"/>; no sink was called.</exception>
    /// <exception cref="KeptPairBudgetExceededException">As for <see cref="Linker.Deduplicate"/>; no sink was called.</exception>
    public LinkageOutcome Deduplicate(RecordSet records, IEnumerable<ILinkageSink>? sinks = null,
        IProgress<LinkageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Run(records, records, deduplicating: true, sinks, progress, cancellationToken);
    }

    private LinkageOutcome Run(RecordSet left, RecordSet right, bool deduplicating, IEnumerable<ILinkageSink>? sinks,
        IProgress<LinkageProgress>? progress, CancellationToken cancellationToken)
    {
        ILinkageSink[] consumers = sinks is null ? [] : [.. sinks];
        foreach (var sink in consumers)
        {
            ArgumentNullException.ThrowIfNull(sink, nameof(sinks));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (model, training) = ChooseModel(left, right, deduplicating, progress, cancellationToken);
        var wanted = Options.Link;
        var keepAll = Array.Exists(consumers, sink => sink.NeedsNonMatches);
        var scoring = keepAll ? wanted with { MinimumDecision = MatchDecision.NonMatch, OneToOne = false } : wanted;
        var linker = new Linker(model, scoring);
        var report = progress is null ? null : new ScoringProgress(progress);
        var scored = deduplicating ? linker.Deduplicate(left, report, cancellationToken) : linker.Link(left, right, report, cancellationToken);
        var result = keepAll ? Decided(scored, wanted) : scored;
        var outcome = new LinkageOutcome(model, training, left, right, deduplicating, result, keepAll ? scored : null);
        for (var s = 0; s < consumers.Length; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new LinkageProgress(LinkageStage.Sinks, default, default, s));
            consumers[s].Consume(outcome, cancellationToken);
        }

        return outcome;
    }

    /// <summary>The model given, or one trained on the input; with the run's match threshold.</summary>
    private (MatchModel Model, TrainingResult? Training) ChooseModel(RecordSet left, RecordSet right, bool deduplicating,
        IProgress<LinkageProgress>? progress, CancellationToken cancellationToken)
    {
        TrainingResult? training = null;
        var model = Options.Model;
        if (model is null)
        {
            var report = progress is null ? null : new TrainingProgressRelay(progress);
            training = deduplicating
                ? ModelTrainer.Train(left, Options.Training, report, cancellationToken)
                : ModelTrainer.TrainLinkage(left, right, Options.Training, report, cancellationToken);
            model = training.Model;
        }

        return (Options.MatchThreshold is { } threshold ? model.WithPolicy(model.Policy.WithMatchThreshold(threshold)) : model, training);
    }

    /// <summary>From every scored pair, the ones a run with <paramref name="wanted"/> keeps: at or above its minimum
    /// decision, then assigned one to one when it asks.</summary>
    private static LinkResult Decided(LinkResult scored, LinkOptions wanted)
    {
        var kept = new List<MatchPair>();
        foreach (var pair in scored.Pairs)
        {
            if (pair.Decision >= wanted.MinimumDecision)
            {
                kept.Add(pair);
            }
        }

        var pairs = kept.ToArray();
        if (wanted.OneToOne)
        {
            pairs = Linker.AssignOneToOne(pairs, scored.LeftCount, scored.RightCount, scored.IsDeduplication);
        }

        return new LinkResult(pairs, scored.PairsCompared, scored.BlockingReport, scored.LeftCount, scored.RightCount, scored.IsDeduplication);
    }

    /// <summary>Passes the linker's progress on as <see cref="LinkageStage.Scoring"/> (from the scoring threads).</summary>
    private sealed class ScoringProgress(IProgress<LinkageProgress> inner) : IProgress<LinkProgress>
    {
        public void Report(LinkProgress value) => inner.Report(new LinkageProgress(LinkageStage.Scoring, default, value, 0));
    }

    /// <summary>Passes training's progress on as <see cref="LinkageStage.Training"/>.</summary>
    private sealed class TrainingProgressRelay(IProgress<LinkageProgress> inner) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => inner.Report(new LinkageProgress(LinkageStage.Training, value, default, 0));
    }
}
