using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching;

/// <summary>How a <see cref="Linker"/> finds and keeps pairs. Every option documents its default.</summary>
/// <remarks>Immutable; change options with a <see langword="with"/> expression on <see cref="Default"/>. The
/// <see cref="Linker"/> checks them when it is created.</remarks>
public sealed record LinkOptions
{
    /// <summary>The default <see cref="MaxBlockSize"/>: 5,000 records.</summary>
    public const int DefaultMaxBlockSize = 5_000;

    /// <summary>The default <see cref="MaxPairsPerRecord"/>: 200 candidate pairs per record.</summary>
    public const int DefaultMaxPairsPerRecord = 200;

    /// <summary>The default <see cref="MaxPairsPerBlock"/>: 1,000,000 pairs (a deduplication block of 1,414 records, a
    /// linkage block of 1,000 × 1,000).</summary>
    public const long DefaultMaxPairsPerBlock = 1_000_000;

    /// <summary>The default <see cref="MaxKeptPairsPerRecord"/>: 20 pairs decided review or match per record.</summary>
    public const int DefaultMaxKeptPairsPerRecord = 20;

    /// <summary>The smallest budget of candidate pairs and of kept pairs, whatever the number of records: 1,000,000
    /// pairs (about 32 MB of kept pairs), so a small file is never refused.</summary>
    public const long MinimumPairBudget = 1_000_000;

    /// <summary>The options used when none are given.</summary>
    public static LinkOptions Default { get; } = new();

    /// <summary>
    /// Gets the blocking rules, applied in order and unioned: a pair is compared once, however many rules block it.
    /// Default <see cref="BlockingRule.Defaults"/>. At least one rule.
    /// </summary>
    public IReadOnlyList<BlockingRule> BlockingRules { get; init; } = BlockingRule.Defaults;

    /// <summary>
    /// Gets the largest block compared, in records. Default <see cref="DefaultMaxBlockSize"/> (5,000, about 12.5 million
    /// pairs in one deduplication block): a value shared by more records than this is almost always a placeholder
    /// (a default date of birth, <c>UNKNOWN</c>, a care home's postcode), and comparing all its pairs would cost more
    /// than the rest of the run. Larger blocks are skipped and always listed in
    /// <see cref="LinkResult.BlockingReport"/> with a warning, never dropped silently; their pairs are still compared
    /// when another rule blocks them in a smaller block. For linkage a block is capped when its left × right pairs
    /// exceed those of a deduplication block of this size (<c>MaxBlockSize² / 2</c>). At least 2.
    /// </summary>
    public int MaxBlockSize { get; init; } = DefaultMaxBlockSize;

    /// <summary>
    /// Gets the lowest decision returned. Default <see cref="MatchDecision.Review"/>: pairs decided
    /// <see cref="MatchDecision.NonMatch"/> are scored and counted in <see cref="LinkResult.PairsCompared"/> but not
    /// returned. Use <see cref="MatchDecision.NonMatch"/> to get every compared pair (for training or analysis).
    /// </summary>
    public MatchDecision MinimumDecision { get; init; } = MatchDecision.Review;

    /// <summary>
    /// Gets whether each record may appear in at most one returned pair. Default <see langword="false"/>.
    /// </summary>
    /// <remarks>
    /// For linking two extracts that each hold a person once (a deduplicated PAS against a deduplicated GP list). The
    /// assignment is greedy: pairs are taken by descending weight, and a pair is kept only when neither of its records
    /// was taken by an earlier pair; pairs of equal weight are taken in (left index, right index) order, so the result
    /// is deterministic. Greedy is not the optimal assignment, but on real scores the two almost never differ and
    /// greedy keeps each record's best partner. In <see cref="Linker.Deduplicate"/> it means each record is in at
    /// most one pair.
    /// </remarks>
    public bool OneToOne { get; init; }

    /// <summary>
    /// Gets the largest number of threads that score pairs at once. Default -1: one per logical processor. The
    /// result is the same whatever the value.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// Gets the candidate pairs a run may compare per record: the run's budget is this times the records (left plus
    /// right for a linkage), and never below <see cref="MinimumPairBudget"/> (see <see cref="PairBudget"/>). Default
    /// <see cref="DefaultMaxPairsPerRecord"/> (200; the default rules produce about 20 per record on a synthetic
    /// population of 100,000, and the per-record count of the date-of-birth rules grows with the population). At least 1.
    /// </summary>
    /// <remarks>The budget is checked before any pair is scored: the blocks' pair counts are added up (free), and only
    /// when they exceed the budget are each rule's new pairs counted exactly, without scoring, to find the rule that
    /// crosses it. What happens then is <see cref="OnPairBudgetExceeded"/>.</remarks>
    public int MaxPairsPerRecord { get; init; } = DefaultMaxPairsPerRecord;

    /// <summary>
    /// Gets the most pairs one block may hold (left × right for a linkage, n(n − 1)/2 for a deduplication). Default
    /// <see cref="DefaultMaxPairsPerBlock"/> (1,000,000). A block over it is skipped exactly as a block over
    /// <see cref="MaxBlockSize"/> is: listed in <see cref="LinkResult.BlockingReport"/> with a warning, its pairs still
    /// compared when a later rule blocks them in a smaller block. It stops many blocks just under the size cap from
    /// multiplying quadratically (5,000 records are 12.5 million pairs). At least 1.
    /// </summary>
    public long MaxPairsPerBlock { get; init; } = DefaultMaxPairsPerBlock;

    /// <summary>
    /// Gets the pairs decided <see cref="MatchDecision.Review"/> or <see cref="MatchDecision.Match"/> a run may keep
    /// per record: the kept-pair budget is this times the records, never below <see cref="MinimumPairBudget"/> (see
    /// <see cref="KeptPairBudget"/>). Default <see cref="DefaultMaxKeptPairsPerRecord"/> (20; an extract that holds each
    /// person twice keeps about 0.5). At least 1.
    /// </summary>
    /// <remarks>The kept pairs are what a run holds in memory (about 32 bytes each), so a review threshold far too low
    /// could otherwise fill it. When scoring passes this budget the run stops with a
    /// <see cref="KeptPairBudgetExceededException"/>. In a link that weighs competition (<see cref="MatchModel.Competition"/>)
    /// it counts every pair kept to weigh it (down to the weight the largest competition weight could lift to the
    /// minimum decision), whatever its decision; otherwise pairs decided <see cref="MatchDecision.NonMatch"/>, kept
    /// when <see cref="MinimumDecision"/> asks for them, are bounded by the candidate-pair budget instead.</remarks>
    public int MaxKeptPairsPerRecord { get; init; } = DefaultMaxKeptPairsPerRecord;

    /// <summary>
    /// Gets whether a candidate pair is dropped as soon as an upper bound on its weight shows it cannot reach the
    /// lowest weight the run keeps. Default <see langword="true"/>. The result is the same either way, to the bit:
    /// <see langword="false"/> makes every comparison of every candidate pair, for measuring what the bound saves and
    /// for checking it.
    /// </summary>
    /// <remarks>
    /// Comparisons are made cheapest first (NHS number, date of birth, sex, postcode and the other codes, then the names,
    /// then the address). After the cheap ones, and before each costly one, the weight so far plus the most each
    /// comparison not yet made could add (its best level, with the largest term-frequency adjustment these two records
    /// could take, ordinary or household) is compared with the lowest weight the run keeps; below it, the pair is
    /// dropped without the rest. A pair that is kept is weighed from all its comparisons, in the usual order, so its
    /// weight is exactly what it would be without the bound. Most candidate pairs are strangers that the cheap
    /// comparisons and the given name rule out, so most never reach the address, the costliest comparison. The bound
    /// does nothing when <see cref="MinimumDecision"/> is <see cref="MatchDecision.NonMatch"/> (every pair is kept), so a
    /// run whose outputs need every pair's weight (a histogram of weights, the closest non-matches) weighs each in full.
    /// </remarks>
    public bool BoundedScoring { get; init; } = true;

    /// <summary>
    /// Gets what a run does when a blocking rule would take the candidate pairs past <see cref="PairBudget"/>.
    /// Default <see cref="PairBudgetPolicy.Stop"/>: throw <see cref="PairBudgetExceededException"/> before any pair is
    /// scored. <see cref="PairBudgetPolicy.SkipRule"/> leaves that rule out, reports it in
    /// <see cref="LinkResult.BlockingReport"/> with a warning, and carries on with the later rules.
    /// </summary>
    public PairBudgetPolicy OnPairBudgetExceeded { get; init; } = PairBudgetPolicy.Stop;

    /// <summary>Gets the most candidate pairs a run over <paramref name="records"/> records may compare:
    /// <see cref="MaxPairsPerRecord"/> × records, at least <see cref="MinimumPairBudget"/>.</summary>
    /// <param name="records">The records of the run (left plus right for a linkage).</param>
    /// <returns>The budget in pairs.</returns>
    public long PairBudget(long records) => Budget(MaxPairsPerRecord, records);

    /// <summary>Gets the most pairs decided review or match a run over <paramref name="records"/> records may keep:
    /// <see cref="MaxKeptPairsPerRecord"/> × records, at least <see cref="MinimumPairBudget"/>.</summary>
    /// <param name="records">The records of the run (left plus right for a linkage).</param>
    /// <returns>The budget in pairs.</returns>
    public long KeptPairBudget(long records) => Budget(MaxKeptPairsPerRecord, records);

    // Saturating: a per-record figure of int.MaxValue is how a caller turns a budget off.
    private static long Budget(int perRecord, long records) =>
        Math.Max(MinimumPairBudget, records > long.MaxValue / Math.Max(1, perRecord) ? long.MaxValue : perRecord * records);
}
