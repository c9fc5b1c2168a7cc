namespace NhsIdentity.Matching;

/// <summary>What to do with a scored pair, by the thresholds of a <see cref="DecisionPolicy"/>.</summary>
public enum MatchDecision
{
    /// <summary>Not the same person (below the review threshold).</summary>
    NonMatch = 0,

    /// <summary>Possibly the same person: a person should look before the records are linked.</summary>
    Review = 1,

    /// <summary>The same person: safe to link without review.</summary>
    Match = 2,
}
