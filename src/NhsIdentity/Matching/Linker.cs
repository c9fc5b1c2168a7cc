using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching;

/// <summary>
/// Finds the pairs of records that are the same person: across two record sets (<see cref="Link"/>), within one
/// (<see cref="Deduplicate"/>), or within and across several at once (<see cref="LinkAndDeduplicate"/>). Blocking rules pick the candidate pairs, the <see cref="MatchModel"/> scores them on
/// all cores, and the pairs at or above <see cref="LinkOptions.MinimumDecision"/> are returned.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe: one linker can run any number of links at once. Each call allocates its blocking
/// keys, one list of kept pairs per thread and the result; scoring a pair allocates nothing.</para>
/// <para>Deterministic: the result is the same, byte for byte, whatever the number of threads, because pairs are
/// sorted by (left index, right index) after scoring and every pair is scored the same way on any thread.</para>
/// </remarks>
public sealed partial class Linker
{
    private readonly BlockingRule[] _rules;
    private readonly double _skipBelowWeight;

    /// <summary>When a link weighs competition: the pairwise weight below which a pair is neither a rival nor able to
    /// reach the minimum decision with the most competition adds.</summary>
    private readonly double _competitionFloor;

    /// <summary>Creates a linker.</summary>
    /// <param name="model">The model that scores pairs.</param>
    /// <param name="options">The options; <see cref="LinkOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null, or the options' rules are or hold null.</exception>
    /// <exception cref="ArgumentException">The options have no rules, a block size cap below 2, a pair cap or a
    /// per-record budget below 1, an undefined minimum decision or budget policy, or a degree of parallelism that is
    /// neither -1 nor positive.</exception>
    public Linker(MatchModel model, LinkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= LinkOptions.Default;
        ArgumentNullException.ThrowIfNull(options.BlockingRules, nameof(options));
        _rules = [.. options.BlockingRules];
        if (_rules.Length == 0)
        {
            throw new ArgumentException("At least one blocking rule is needed.", nameof(options));
        }

        foreach (var rule in _rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(options));
        }

        if (options.MaxBlockSize < 2)
        {
            throw new ArgumentException("MaxBlockSize must be at least 2.", nameof(options));
        }

        if (options.MaxPairsPerBlock < 1 || options.MaxPairsPerRecord < 1 || options.MaxKeptPairsPerRecord < 1)
        {
            throw new ArgumentException("MaxPairsPerBlock, MaxPairsPerRecord and MaxKeptPairsPerRecord must be at least 1.", nameof(options));
        }

        if (!Enum.IsDefined(options.OnPairBudgetExceeded))
        {
            throw new ArgumentException("OnPairBudgetExceeded is not a defined policy.", nameof(options));
        }

        if (!Enum.IsDefined(options.MinimumDecision))
        {
            throw new ArgumentException("MinimumDecision is not a defined decision.", nameof(options));
        }

        if (options.MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentException("MaxDegreeOfParallelism must be -1 (all cores) or positive.", nameof(options));
        }

        Model = model;
        Options = options;
        _skipBelowWeight = model.WeightFloor(options.MinimumDecision);
        _competitionFloor = CompetitionFloor(model, _skipBelowWeight);
    }

    /// <summary>Gets the model that scores pairs.</summary>
    public MatchModel Model { get; }

    /// <summary>Gets the options.</summary>
    public LinkOptions Options { get; }

    /// <summary>Finds the pairs of records, one from each set, that are the same person.</summary>
    /// <param name="left">The left records.</param>
    /// <param name="right">The right records.</param>
    /// <param name="progress">Told after each partition of candidate pairs is scored, from the scoring threads
    /// (possibly from several at once); <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Checked before each partition of the candidate pairs is scored.</param>
    /// <returns>The pairs, with <see cref="MatchPair.LeftIndex"/> in <paramref name="left"/> and
    /// <see cref="MatchPair.RightIndex"/> in <paramref name="right"/>, sorted by (left, right).</returns>
    /// <exception cref="ArgumentNullException">A set is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="PairBudgetExceededException">A rule would take the candidate pairs past
    /// <see cref="LinkOptions.PairBudget"/> and the policy is <see cref="PairBudgetPolicy.Stop"/>; nothing was scored.</exception>
    /// <exception cref="KeptPairBudgetExceededException">More pairs reached the review threshold than
    /// <see cref="LinkOptions.KeptPairBudget"/>.</exception>
    public LinkResult Link(RecordSet left, RecordSet right, IProgress<LinkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        cancellationToken.ThrowIfCancellationRequested();
        var source = CandidatePairSource.ForLinkage(left, right, _rules, Options.MaxBlockSize, Options.MaxPairsPerBlock);
        return Run(source, progress, cancellationToken);
    }

    /// <summary>Finds the pairs of records within one set that are the same person.</summary>
    /// <param name="records">The records.</param>
    /// <param name="progress">Told after each partition of candidate pairs is scored, from the scoring threads
    /// (possibly from several at once); <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Checked before each partition of the candidate pairs is scored.</param>
    /// <returns>The pairs, each with <see cref="MatchPair.LeftIndex"/> &lt; <see cref="MatchPair.RightIndex"/>,
    /// sorted by (left, right).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="PairBudgetExceededException">A rule would take the candidate pairs past
    /// <see cref="LinkOptions.PairBudget"/> and the policy is <see cref="PairBudgetPolicy.Stop"/>; nothing was scored.</exception>
    /// <exception cref="KeptPairBudgetExceededException">More pairs reached the review threshold than
    /// <see cref="LinkOptions.KeptPairBudget"/>.</exception>
    public LinkResult Deduplicate(RecordSet records, IProgress<LinkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        var source = CandidatePairSource.ForDeduplication(records, _rules, Options.MaxBlockSize, Options.MaxPairsPerBlock);
        return Run(source, progress, cancellationToken);
    }

    /// <summary>Finds the pairs of records that are the same person among several sets taken together: within each
    /// set and across them (Splink's <c>link_and_dedupe</c>), for extracts that may each hold a person more than
    /// once.</summary>
    /// <param name="sets">The sets, prepared with the same nickname table.</param>
    /// <param name="combined">Receives the records of all the sets as one (<see cref="RecordSet.Combine"/>): the
    /// pairs' positions are in it, so map them to ids with <see cref="RecordSet.GetId"/> and cluster them with
    /// <see cref="Clustering.Clusterer.BestLink(RecordSet, IReadOnlyList{MatchPair}, MatchDecision)"/> on it. Record <c>p</c> of set <c>k</c> is at <c>p</c> plus the
    /// counts of the sets before <c>k</c>.</param>
    /// <param name="cancellationToken">Checked before each partition of the candidate pairs is scored.</param>
    /// <returns>The pairs in <paramref name="combined"/>, each with <see cref="MatchPair.LeftIndex"/> &lt;
    /// <see cref="MatchPair.RightIndex"/>, sorted by (left, right); <see cref="LinkResult.IsDeduplication"/> is
    /// true, as the result is the deduplication of <paramref name="combined"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sets"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="sets"/> is empty, holds null, or mixes nickname tables.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="PairBudgetExceededException">As for <see cref="Deduplicate"/>, over all the sets' records.</exception>
    /// <exception cref="KeptPairBudgetExceededException">As for <see cref="Deduplicate"/>.</exception>
    /// <remarks>Term frequencies are measured over all the records together, so the same pair can score a little
    /// differently here than in <see cref="Link"/> of the two sets prepared apart.</remarks>
    public LinkResult LinkAndDeduplicate(IReadOnlyList<RecordSet> sets, out RecordSet combined, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var array = new RecordSet[sets.Count];
        for (var k = 0; k < array.Length; k++)
        {
            array[k] = sets[k];
        }

        combined = RecordSet.Combine(array);
        return Deduplicate(combined, progress: null, cancellationToken);
    }
}
