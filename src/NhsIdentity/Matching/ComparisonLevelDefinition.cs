namespace NhsIdentity.Matching;

/// <summary>One level of a comparison, as its definition declares it.</summary>
/// <remarks>Immutable. Levels are ordered best first and the first that holds wins; the last level (<c>Else</c> or
/// <c>Different</c>) holds whenever no other does and cannot be dropped from a model.</remarks>
public sealed class ComparisonLevelDefinition
{
    internal ComparisonLevelDefinition(string name, string description, LevelEvidence evidence = LevelEvidence.None,
        bool supportsTermFrequency = false)
    {
        Name = name;
        Description = description;
        Evidence = evidence;
        SupportsTermFrequency = supportsTermFrequency;
    }

    /// <summary>Gets the level's name, e.g. <c>JaroWinkler92</c>: the name of its level enum value and of its entry
    /// in model JSON.</summary>
    public string Name { get; }

    /// <summary>Gets what holds at this level, in words.</summary>
    public string Description { get; }

    /// <summary>Gets what the level says about identity beyond its weight (read by the decision policy).</summary>
    public LevelEvidence Evidence { get; }

    /// <summary>Gets whether the level can take a term-frequency adjustment: an agreement on a value whose frequency
    /// the record set measures (a full name, a family name, a full postcode).</summary>
    public bool SupportsTermFrequency { get; }

    /// <summary>Returns the level's name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;
}
