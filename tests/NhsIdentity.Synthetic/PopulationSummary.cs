using System.Globalization;

namespace NhsIdentity.Synthetic;

/// <summary>Counts of a population's households and hard negatives, for the command line's first line (no names).</summary>
public static class PopulationSummary
{
    /// <summary>Describes a population: persons, households, and the look-alike relationships.</summary>
    /// <param name="population">The persons.</param>
    /// <returns>For example <c>2,000 persons in 820 households (3.1% twins, 40 juniors, …)</c>.</returns>
    public static string Describe(IReadOnlyList<SyntheticPerson> population)
    {
        ArgumentNullException.ThrowIfNull(population);
        var households = population.Select(p => p.HouseholdId).Distinct().Count();
        var alone = population.GroupBy(p => p.HouseholdId).Count(g => g.Count() == 1);
        int Count(Relationship relationship) => population.Count(p => p.Relationship == relationship);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{population.Count:N0} persons in {households:N0} households ({alone:N0} of one person): {Count(Relationship.Twin) / 2:N0} twin pairs, {Count(Relationship.Namesake):N0} juniors, {Count(Relationship.NamesakeElsewhere):N0} namesakes elsewhere, {Count(Relationship.Spouse):N0} spouses, {Count(Relationship.Sibling):N0} adult siblings, {Count(Relationship.Child):N0} other children");
    }
}
