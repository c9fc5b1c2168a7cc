using NhsIdentity.Matching;

namespace NhsIdentity.Fuzzing.Targets;

/// <summary>What every <see cref="MatchScore"/> promises, whatever the records held.</summary>
internal static class ScoreChecks
{
    public static void Check(MatchScore score)
    {
        Invariant.Holds(double.IsFinite(score.Weight), "a match weight is finite");
        Invariant.Holds(score.Probability is >= 0.0 and <= 1.0, "a match probability is within [0, 1]");
        Invariant.Holds(Enum.IsDefined(score.Decision), "a decision is a defined value");
    }
}
