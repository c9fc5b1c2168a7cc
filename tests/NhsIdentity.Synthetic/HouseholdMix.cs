namespace NhsIdentity.Synthetic;

/// <summary>
/// Which households a <see cref="SyntheticPopulation"/> is made of and how often its hard negatives (twins, juniors,
/// look-alike names) appear. Shares of household kinds are of households, not persons; the other rates are per
/// eligible household or pair, as each property says. Set with <c>with</c>.
/// </summary>
/// <remarks>
/// <see cref="Default"/> is the mix every population had before the mix could be chosen, and draws the same random
/// numbers in the same order, so populations made with it are unchanged. The rates added with it
/// (<see cref="SimilarOppositeSexTwinNames"/>, <see cref="SameInitialTwinNames"/>, <see cref="SameInitialChild"/>,
/// <see cref="NamesakeElsewhere"/>) are 0 there and draw nothing while they are 0.
/// </remarks>
public sealed record HouseholdMix
{
    /// <summary>Gets the mix of <see cref="SyntheticPopulation.Generate(int, int)"/> (every property at its documented default).</summary>
    public static HouseholdMix Default { get; } = new();

    /// <summary>Gets the share of one-adult households (default 0.28).</summary>
    public double LivesAlone { get; init; } = 0.28;

    /// <summary>Gets the share of couples without children (default 0.22).</summary>
    public double Couple { get; init; } = 0.22;

    /// <summary>Gets the share of couples with one to three children (default 0.32).</summary>
    public double CoupleWithChildren { get; init; } = 0.32;

    /// <summary>Gets the share of one parent with children (default 0.10); the rest of the households are two adult siblings.</summary>
    public double LoneParent { get; init; } = 0.10;

    /// <summary>
    /// Gets the chance that a family with two or more children has twins (default 0.20, against about 1.5% of real
    /// maternities: over-represented so that small test populations hold enough of them).
    /// </summary>
    public double Twins { get; init; } = 0.20;

    /// <summary>Gets the chance that same-sex twins get similar names with one initial (Jack and Jake; default 0.35).</summary>
    public double SimilarTwinNames { get; init; } = 0.35;

    /// <summary>Gets the chance that twins of opposite sexes get similar names with one initial (John and Joan; default 0).</summary>
    public double SimilarOppositeSexTwinNames { get; init; }

    /// <summary>
    /// Gets the chance that twins without similar names still share the initial of their given name (James and Jack;
    /// initials alone then cannot tell them apart; default 0).
    /// </summary>
    public double SameInitialTwinNames { get; init; }

    /// <summary>
    /// Gets the chance that, in a couple with children whose head was born in 1990 or before, the first child has the
    /// head's sex and full name, "senior" and "junior" (father and son or mother and daughter; default 0.12).
    /// </summary>
    public double Junior { get; init; } = 0.12;

    /// <summary>
    /// Gets the chance that a child (not a junior or twin) of the parent's sex gets a different given name with the
    /// parent's initial (Margaret and Mary; default 0).
    /// </summary>
    public double SameInitialChild { get; init; }

    /// <summary>
    /// Gets the chance that a one-adult household's adult has the given name, family name, sex and birth year of an
    /// adult at another address generated earlier (<see cref="Relationship.NamesakeElsewhere"/>; default 0).
    /// </summary>
    public double NamesakeElsewhere { get; init; }
}
