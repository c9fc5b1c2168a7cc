namespace NhsIdentity.Matching.Splink;

/// <summary>One comparison of a <see cref="SplinkModel"/>: its levels in order, best first; a pair takes the first
/// level whose condition is true (SQL's CASE WHEN).</summary>
public sealed class SplinkComparison
{
    internal SplinkComparison(string name, string? description, IReadOnlyList<SplinkComparisonLevel> levels)
    {
        Name = name;
        Description = description;
        Levels = levels;
    }

    /// <summary>Gets the comparison's <c>output_column_name</c> (or a name made from its position).</summary>
    public string Name { get; }

    /// <summary>Gets <c>comparison_description</c>, when the model has one.</summary>
    public string? Description { get; }

    /// <summary>Gets the levels in the model's order.</summary>
    public IReadOnlyList<SplinkComparisonLevel> Levels { get; }
}
