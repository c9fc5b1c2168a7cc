namespace NhsIdentity.Matching.Linkage;

/// <summary>Receives the outcome of a <see cref="LinkageRunner"/> run once the pairs are scored: writes the pairs, the
/// clusters, a report, a histogram, or anything else, from the one scoring every sink shares.</summary>
/// <remarks>Sinks are called one after another, in the order given, on the caller's thread; an exception from a sink
/// stops the run there and reaches the caller (sinks before it have consumed the outcome).</remarks>
public interface ILinkageSink
{
    /// <summary>Gets whether this sink needs the pairs the policy decided non-match as well
    /// (<see cref="LinkageOutcome.Scored"/>): a weight histogram or the closest non-matches do. When any sink
    /// does, the run keeps every scored pair in memory (32 bytes each).</summary>
    bool NeedsNonMatches { get; }

    /// <summary>Consumes the run's outcome.</summary>
    /// <param name="outcome">The scored run; shared with the other sinks, so not to be changed.</param>
    /// <param name="cancellationToken">The run's token.</param>
    void Consume(LinkageOutcome outcome, CancellationToken cancellationToken);
}
