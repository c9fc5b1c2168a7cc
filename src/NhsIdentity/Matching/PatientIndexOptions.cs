using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Matching;

/// <summary>How a <see cref="PatientIndex"/> finds and filters candidates. Every option documents its default.</summary>
/// <remarks>Immutable; change options with a <see langword="with"/> expression on <see cref="Default"/>. The index
/// checks them when it is created.</remarks>
public sealed record PatientIndexOptions
{
    /// <summary>The default <see cref="MaxCandidates"/>: 10,000.</summary>
    public const int DefaultMaxCandidates = 10_000;

    /// <summary>The options used when none are given.</summary>
    public static PatientIndexOptions Default { get; } = new();

    /// <summary>
    /// Gets the blocking rules: a lookup scores only indexed records that share the query's key under at least one
    /// rule. Default <see cref="BlockingRule.IndexDefaults"/>: the linker's <see cref="BlockingRule.Defaults"/> without
    /// the date of birth alone (NHS number; date of birth with family-name Soundex or given initial; full name; the two
    /// names' Soundex codes in either order with birth year; family-name Soundex, birth year and postcode district;
    /// postcode with birth year or given initial; family-name Soundex, given initial and birth year; local id; email;
    /// telephone). <see cref="BlockingRule.IndexDefaults"/> says what leaving the date of birth out costs and when
    /// to add it back.
    /// </summary>
    public IReadOnlyList<BlockingRule> BlockingRules { get; init; } = BlockingRule.IndexDefaults;

    /// <summary>Gets how records and queries are read and prepared. Default <see cref="RecordSetOptions.Default"/>.</summary>
    public RecordSetOptions RecordSetOptions { get; init; } = RecordSetOptions.Default;

    /// <summary>
    /// Gets the most candidates one lookup scores. Default <see cref="DefaultMaxCandidates"/> (10,000): a query whose
    /// blocks hold more (a value shared by a whole town) costs at most about a few milliseconds instead of scanning
    /// the index. Candidates are taken rule by rule in <see cref="BlockingRules"/> order, so the narrow rules listed
    /// first (NHS number, date of birth) are always scored before the cap can bite. At least 1.
    /// </summary>
    public int MaxCandidates { get; init; } = DefaultMaxCandidates;

    /// <summary>
    /// Gets the weakest decision a lookup returns. Default <see cref="MatchDecision.Review"/>: matches and records
    /// for a person to review; <see cref="MatchDecision.NonMatch"/> returns every candidate scored.
    /// </summary>
    public MatchDecision MinimumDecision { get; init; } = MatchDecision.Review;
}
