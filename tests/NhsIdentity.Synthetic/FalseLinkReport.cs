using System.Globalization;

namespace NhsIdentity.Synthetic;

/// <summary>How two different persons a matcher linked are related in the truth (the kinds of false link).</summary>
public enum FalseLinkKind
{
    /// <summary>Twins (<see cref="Relationship.Twin"/>).</summary>
    Twin = 0,

    /// <summary>Senior and junior with one full name (<see cref="Relationship.Namesake"/>).</summary>
    Junior = 1,

    /// <summary>Head and spouse.</summary>
    Spouse = 2,

    /// <summary>Head and adult sibling.</summary>
    Sibling = 3,

    /// <summary>Head and child.</summary>
    ParentAndChild = 4,

    /// <summary>Other members of one household (two children, a spouse and a child).</summary>
    OtherHouseholdMember = 5,

    /// <summary>Namesakes at different addresses (<see cref="Relationship.NamesakeElsewhere"/>).</summary>
    NamesakeElsewhere = 6,

    /// <summary>Different households, the same family name or the same address.</summary>
    SameFamilyNameOrAddress = 7,

    /// <summary>No relation the truth knows of.</summary>
    Unrelated = 8,
}

/// <summary>
/// Counts a matcher's false links by how the two persons are related, so an evaluation can say how many of its false
/// matches are members of one household (the hard negatives) and how many are strangers.
/// </summary>
public static class FalseLinkReport
{
    /// <summary>The kind of relation between two different persons of a population.</summary>
    /// <param name="a">One person.</param>
    /// <param name="b">Another person.</param>
    /// <returns>The closest relation the truth records.</returns>
    public static FalseLinkKind Classify(SyntheticPerson a, SyntheticPerson b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.HouseholdId == b.HouseholdId)
        {
            var relationship = PointsAt(a, b) ? a.Relationship : PointsAt(b, a) ? b.Relationship : (Relationship?)null;
            return relationship switch
            {
                Relationship.Twin => FalseLinkKind.Twin,
                Relationship.Namesake => FalseLinkKind.Junior,
                Relationship.Spouse => FalseLinkKind.Spouse,
                Relationship.Sibling => FalseLinkKind.Sibling,
                Relationship.Child => FalseLinkKind.ParentAndChild,
                _ => FalseLinkKind.OtherHouseholdMember,
            };
        }

        if ((PointsAt(a, b) && a.Relationship == Relationship.NamesakeElsewhere) || (PointsAt(b, a) && b.Relationship == Relationship.NamesakeElsewhere))
        {
            return FalseLinkKind.NamesakeElsewhere;
        }

        return string.Equals(a.FamilyName, b.FamilyName, StringComparison.OrdinalIgnoreCase) || a.Address == b.Address
            ? FalseLinkKind.SameFamilyNameOrAddress
            : FalseLinkKind.Unrelated;
    }

    /// <summary>Whether a kind shares an address or a family name in the truth (every kind but <see cref="FalseLinkKind.Unrelated"/>).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Whether the two persons are household members or look-alikes by name.</returns>
    public static bool IsHouseholdOrFamily(FalseLinkKind kind) => kind != FalseLinkKind.Unrelated;

    /// <summary>Counts the false links among <paramref name="links"/> by kind.</summary>
    /// <param name="population">The persons the extracts were made from.</param>
    /// <param name="truth">Which person each row id is (row ids must be unique across the sources, as PAS and GP ids are).</param>
    /// <param name="links">The linked pairs of row ids (matches only).</param>
    /// <returns>The number of links, and of false links by kind; links naming an id the truth lacks are counted apart.</returns>
    /// <exception cref="ArgumentException">An id has two persons in the truth.</exception>
    public static FalseLinkCounts Count(IReadOnlyList<SyntheticPerson> population, IEnumerable<TruthRow> truth, IEnumerable<(string Left, string Right)> links)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(links);
        var personOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in truth)
        {
            if (personOf.TryGetValue(row.Id, out var existing) && existing != row.PersonId)
            {
                throw new ArgumentException("A row id has two persons in the truth; ids must be unique across sources.", nameof(truth));
            }

            personOf[row.Id] = row.PersonId;
        }

        var byKind = new int[Enum.GetValues<FalseLinkKind>().Length];
        int total = 0, unknown = 0;
        foreach (var (left, right) in links)
        {
            total++;
            if (!personOf.TryGetValue(left, out var a) || !personOf.TryGetValue(right, out var b))
            {
                unknown++;
                continue;
            }

            if (a != b)
            {
                byKind[(int)Classify(population[a], population[b])]++;
            }
        }

        return new FalseLinkCounts(total, unknown, byKind);
    }

    private static bool PointsAt(SyntheticPerson from, SyntheticPerson to) => from.RelatedPersonId == to.PersonId;
}

/// <summary>The result of <see cref="FalseLinkReport.Count"/>.</summary>
public sealed class FalseLinkCounts
{
    private readonly int[] _byKind;

    internal FalseLinkCounts(int links, int unknownIds, int[] byKind)
    {
        Links = links;
        UnknownIds = unknownIds;
        _byKind = byKind;
    }

    /// <summary>Gets the number of links counted.</summary>
    public int Links { get; }

    /// <summary>Gets the number of links naming an id the truth does not hold (neither true nor false).</summary>
    public int UnknownIds { get; }

    /// <summary>Gets the number of links between different persons.</summary>
    public int FalseLinks => _byKind.Sum();

    /// <summary>Gets the false links between persons sharing a household, an address or a family name, or namesakes elsewhere.</summary>
    public int HouseholdOrFamily => FalseLinks - this[FalseLinkKind.Unrelated];

    /// <summary>Gets the false links of one kind.</summary>
    /// <param name="kind">The kind.</param>
    public int this[FalseLinkKind kind] => _byKind[(int)kind];

    /// <summary>One line of <c>key=value</c> pairs (counts only; no ids), for scripts.</summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"links={Links} false_links={FalseLinks} household_or_family={HouseholdOrFamily} unknown_ids={UnknownIds}");
        foreach (var kind in Enum.GetValues<FalseLinkKind>())
        {
            text += string.Create(CultureInfo.InvariantCulture, $" {Key(kind)}={this[kind]}");
        }

        return text;
    }

    private static string Key(FalseLinkKind kind) => kind switch
    {
        FalseLinkKind.Twin => "twin",
        FalseLinkKind.Junior => "junior",
        FalseLinkKind.Spouse => "spouse",
        FalseLinkKind.Sibling => "sibling",
        FalseLinkKind.ParentAndChild => "parent_child",
        FalseLinkKind.OtherHouseholdMember => "household_other",
        FalseLinkKind.NamesakeElsewhere => "namesake_elsewhere",
        FalseLinkKind.SameFamilyNameOrAddress => "same_family_name_or_address",
        _ => "unrelated",
    };
}
