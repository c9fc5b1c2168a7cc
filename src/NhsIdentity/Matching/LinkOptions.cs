using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching;

/// <summary>How a <see cref="Linker"/> finds and keeps pairs. Every option documents its default.</summary>
/// <remarks>Immutable; change options with a <see langword="with"/> expression on <see cref="Default"/>. The
/// <see cref="Linker"/> checks them when it is created.</remarks>
public sealed record LinkOptions
{
    /// <summary>The default <see cref="MaxBlockSize"/>: 5,000 records.</summary>
    public const int DefaultMaxBlockSize = 5_000;

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
}
