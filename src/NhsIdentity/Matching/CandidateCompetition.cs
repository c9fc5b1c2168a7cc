namespace NhsIdentity.Matching;

/// <summary>
/// How a linked pair stands among the other candidates of its two records: the evidence that each record of one
/// extract is one person, so a record that has one good candidate in the other extract is more likely to have found
/// its partner than one whose candidates compete (see <see cref="CompetitionModel"/>). A candidate whose record is a
/// duplicate of the pair's own record in one extract (<see cref="CompetitionModel.DuplicateProbability"/>) is the same
/// person, not a rival.
/// </summary>
public enum CandidateCompetition
{
    /// <summary>Competition was not weighed: a deduplication, a single-record lookup, or a model without a
    /// <see cref="MatchModel.Competition"/>.</summary>
    NotWeighed = 0,

    /// <summary>Neither record has another candidate at or above <see cref="CompetitionModel.CompetitorProbability"/>.</summary>
    Unrivalled = 1,

    /// <summary>Another candidate of one record (or both) reaches the competitor probability, and this pair weighs more
    /// than each of them.</summary>
    BestOfRivals = 2,

    /// <summary>Another candidate of one record reaches the competitor probability and weighs at least as much as this
    /// pair (a tie counts against both pairs).</summary>
    Outranked = 3,
}
