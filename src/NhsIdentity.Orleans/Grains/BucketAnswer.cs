using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Grains;

/// <summary>One bucket's answer to a lookup: its best matches and the snapshot it scored them with.</summary>
[GenerateSerializer]
[Immutable]
[Alias("NhsIdentity.BucketAnswer")]
internal sealed record BucketAnswer(
    [property: Id(0)] string? SnapshotVersion,
    [property: Id(1)] BucketMatch[] Matches);

/// <summary>One match as it travels: an <see cref="IndexMatch"/>'s id and score, field for field (weights travel as
/// their exact bits).</summary>
[GenerateSerializer]
[Immutable]
[Alias("NhsIdentity.BucketMatch")]
internal readonly record struct BucketMatch(
    [property: Id(0)] string Id,
    [property: Id(1)] double Weight,
    [property: Id(2)] double Probability,
    [property: Id(3)] MatchDecision Decision)
{
    public static BucketMatch From(IndexMatch match) =>
        new(match.Id, match.Score.Weight, match.Score.Probability, match.Score.Decision);

    public IndexMatch ToIndexMatch() => new(Id, new MatchScore(Weight, Probability, Decision));
}
