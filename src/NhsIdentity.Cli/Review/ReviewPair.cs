using NhsIdentity.Matching;

namespace NhsIdentity.Cli.Review;

/// <summary>Why a pair is in the review file.</summary>
internal enum ReviewReason
{
    /// <summary>The model decided <c>review</c>: between the review and match thresholds.</summary>
    Review,

    /// <summary>A pair the model decided <c>match</c>, sampled at random to check the matches' precision.</summary>
    SampledMatch,

    /// <summary>One of the closest pairs the model decided <c>non-match</c>, to look for missed matches.</summary>
    SampledNearMiss,
}

/// <summary>One pair to decide, with both records and any decision already made for the same two ids.</summary>
/// <param name="LeftId">The left record id.</param>
/// <param name="RightId">The right record id.</param>
/// <param name="Reason">Why the pair is here.</param>
/// <param name="Weight">The match weight (bits).</param>
/// <param name="Probability">The match probability.</param>
/// <param name="Left">The left record as read.</param>
/// <param name="Right">The right record as read.</param>
/// <param name="Decision">A decision carried over from an earlier review, or <see cref="ReviewDecision.None"/>.</param>
/// <param name="Note">A note carried over from an earlier review.</param>
/// <param name="Competition">How the pair stood among its records' candidates, when the link weighed it (its weight includes it).</param>
internal sealed record ReviewPair(string LeftId, string RightId, ReviewReason Reason, double Weight, double Probability,
    PatientRecord Left, PatientRecord Right, ReviewDecision Decision, string? Note, CandidateCompetition Competition = CandidateCompetition.NotWeighed)
{
    /// <summary>The word written in the <c>model_decision</c> column.</summary>
    public string ReasonWord => Reason switch
    {
        ReviewReason.SampledMatch => "sampled-match",
        ReviewReason.SampledNearMiss => "sampled-near-miss",
        _ => "review",
    };
}
