namespace NhsIdentity.Matching;

/// <summary>One scored pair of records from a <see cref="Linker"/>.</summary>
/// <param name="LeftIndex">The left record's position: in the left set for <see cref="Linker.Link"/>, in the set for
/// <see cref="Linker.Deduplicate"/> (where it is always less than <paramref name="RightIndex"/>).</param>
/// <param name="RightIndex">The right record's position: in the right set for <see cref="Linker.Link"/>, in the set for
/// <see cref="Linker.Deduplicate"/>.</param>
/// <param name="Weight">The match weight in bits (see <see cref="MatchScore.Weight"/>).</param>
/// <param name="Probability">The match probability (see <see cref="MatchScore.Probability"/>).</param>
/// <param name="Decision">The decision under the model's policy.</param>
/// <param name="Competition">How the pair stood among the other candidates of its two records, when the model weighs
/// that (<see cref="MatchModel.Competition"/>, in a link); <see cref="Weight"/> then includes the level's weight
/// (<see cref="CompetitionModel.WeightOf"/>) and <see cref="Decision"/> was made with it.</param>
/// <remarks>Holds positions, never patient data; map a position to a supplier id with <see cref="RecordSet.GetId"/>.</remarks>
public readonly record struct MatchPair(int LeftIndex, int RightIndex, double Weight, double Probability, MatchDecision Decision,
    CandidateCompetition Competition = CandidateCompetition.NotWeighed);
