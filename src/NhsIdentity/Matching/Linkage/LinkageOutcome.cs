using NhsIdentity.Matching.Clustering;
using NhsIdentity.Matching.Training;

namespace NhsIdentity.Matching.Linkage;

/// <summary>One scored linkage run of a <see cref="LinkageRunner"/>, as its sinks receive it: the model, the records,
/// the pairs decided, every scored pair when a sink asked for them, and the clusters of the matches.</summary>
/// <remarks>Holds positions and weights, never patient values of its own (the record sets hold those; map a position
/// to an id with <see cref="RecordSet.GetId"/>). Safe to read from several threads; <see cref="Clusters"/> is made
/// once, on first use.</remarks>
public sealed class LinkageOutcome
{
    private readonly Lazy<Clusters> _clusters;

    internal LinkageOutcome(MatchModel model, TrainingResult? training, RecordSet left, RecordSet right, bool isDeduplication,
        LinkResult result, LinkResult? scored)
    {
        Model = model;
        Training = training;
        Left = left;
        Right = right;
        IsDeduplication = isDeduplication;
        Result = result;
        Scored = scored;
        _clusters = new Lazy<Clusters>(() => isDeduplication ? Clusterer.BestLink(left, result.Pairs) : Clusterer.BestLinkAcross(left, right, result));
    }

    /// <summary>Gets the model the pairs were scored with (trained on the input when none was given), with the run's
    /// match threshold applied.</summary>
    public MatchModel Model { get; }

    /// <summary>Gets what training found when the model was trained on the input; <see langword="null"/> when a model
    /// was given.</summary>
    public TrainingResult? Training { get; }

    /// <summary>Gets the left records (for a deduplication, the records).</summary>
    public RecordSet Left { get; }

    /// <summary>Gets the right records (for a deduplication, the same set as <see cref="Left"/>).</summary>
    public RecordSet Right { get; }

    /// <summary>Gets whether the run deduplicated one set rather than linking two.</summary>
    public bool IsDeduplication { get; }

    /// <summary>Gets the pairs decided at or above <see cref="LinkOptions.MinimumDecision"/> (after the one-to-one
    /// assignment when <see cref="LinkOptions.OneToOne"/>), exactly as <see cref="Linker"/> with the run's options
    /// returns them, with the blocking report and the number of pairs compared.</summary>
    public LinkResult Result { get; }

    /// <summary>Gets every pair the run scored, non-matches too, sorted by (left, right), before any one-to-one
    /// assignment, with the same blocking report and count as <see cref="Result"/>; <see langword="null"/> unless a sink
    /// asked for them (<see cref="ILinkageSink.NeedsNonMatches"/>).</summary>
    /// <remarks>A link whose model weighs competition drops pairs below the weight at which they could be a rival
    /// (<see cref="CompetitionModel"/>), as <see cref="Linker"/> does; every other pair compared is here.</remarks>
    public LinkResult? Scored { get; }

    /// <summary>Gets the best-link clusters of the matches in <see cref="Result"/> (never joining two different valid
    /// NHS numbers): <see cref="Clusterer.BestLink(RecordSet, IReadOnlyList{MatchPair}, MatchDecision)"/> for a
    /// deduplication, <see cref="Clusterer.BestLinkAcross"/> for a link (left records first, then right).</summary>
    public Clusters Clusters => _clusters.Value;
}
