namespace NhsIdentity.Matching;

// The model that ships: usable before any training. Each comparison's starting m- and u-probabilities, with their
// sources, live in its definition (Matching/Comparisons); training on the data being linked replaces them.
public sealed partial class MatchModel
{
    /// <summary>The default prior λ: 1 in 100,000 pairs is the same person (one duplicate per person in a population of
    /// 100,000, the size of a typical trust's active extract).</summary>
    public const double DefaultPriorMatchProbability = 1e-5;

    /// <summary>
    /// Gets the default model: every defined comparison (<see cref="ComparisonDefinition.All"/>) with its sourced
    /// starting parameters (<see cref="ComparisonDefinition.DefaultModel"/>), λ = <see cref="DefaultPriorMatchProbability"/>
    /// and <see cref="DecisionPolicy.Default"/>. Single pairs can be scored with it before any training; train on the
    /// data being linked for best accuracy.
    /// </summary>
    public static MatchModel Default { get; } = CreateDefault();

    private static MatchModel CreateDefault()
    {
        var comparisons = new List<ComparisonModel>();
        foreach (var definition in ComparisonDefinition.All)
        {
            if (definition.IsInDefaultModel)
            {
                comparisons.Add(definition.DefaultModel);
            }
        }

        return new MatchModel(DefaultPriorMatchProbability, comparisons, DecisionPolicy.Default);
    }
}
