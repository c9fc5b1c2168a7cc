using NhsIdentity.Synthetic;

namespace NhsIdentity.Tests.Synthetic;

public sealed class ExtractTruthTests
{
    private static readonly IReadOnlyList<SyntheticPerson> Population = SyntheticPopulation.Generate(5_000, 61);
    private static readonly List<SupplierRow> Pas = SupplierExtract.Generate(Population, SupplierDialect.Pas, ErrorProfile.Default, 62).ToList();
    private static readonly List<SupplierRow> Gp = SupplierExtract.Generate(Population, SupplierDialect.Gp, ErrorProfile.Default, 63).ToList();

    [Fact]
    public void Cross_links_are_exactly_the_pairs_with_one_person()
    {
        var links = ExtractTruth.CrossLinks(Pas, Gp);

        var gpRowsPerPerson = Gp.GroupBy(g => g.PersonId).ToDictionary(g => g.Key, g => g.Count());
        var expected = Pas.Sum(p => gpRowsPerPerson.GetValueOrDefault(p.PersonId));
        Assert.Equal(expected, links.Count);
        Assert.All(links, l => Assert.Equal(l.Left.PersonId, l.Right.PersonId));
        Assert.Equal(links.Count, links.Select(l => (l.Left.Id, l.Right.Id)).Distinct().Count());
    }

    [Fact]
    public void Duplicates_are_the_within_extract_pairs()
    {
        var duplicates = ExtractTruth.Duplicates(Pas);

        Assert.Equal(Pas.Count(r => r.IsDuplicate), duplicates.Count);
        Assert.All(duplicates, d => Assert.Equal(d.First.PersonId, d.Second.PersonId));
        Assert.All(duplicates, d => Assert.NotEqual(d.First.Id, d.Second.Id));
    }

    [Fact]
    public void Hard_negatives_are_different_persons_of_one_household_in_both_directions()
    {
        var negatives = ExtractTruth.HardNegatives(Population, Pas, Gp);

        Assert.All(negatives, n =>
        {
            Assert.NotEqual(n.Left.PersonId, n.Right.PersonId);
            Assert.Equal(Population[n.Left.PersonId].HouseholdId, Population[n.Right.PersonId].HouseholdId);
        });
        Assert.Equal(negatives.Count, negatives.Select(n => (n.Left.Id, n.Right.Id)).Distinct().Count());
        foreach (var relationship in new[] { Relationship.Twin, Relationship.Namesake, Relationship.Spouse, Relationship.Sibling })
        {
            Assert.Contains(negatives, n => n.Relationship == relationship);
        }

        // A namesake pair appears with the junior on the left and with the senior on the left.
        var namesakes = negatives.Where(n => n.Relationship == Relationship.Namesake).ToList();
        Assert.Contains(namesakes, n => Population[n.Left.PersonId].Relationship == Relationship.Namesake);
        Assert.Contains(namesakes, n => Population[n.Right.PersonId].Relationship == Relationship.Namesake);

        // Every twin pair whose two persons are in the two extracts is listed.
        var pasPersons = Pas.Select(r => r.PersonId).ToHashSet();
        var gpPersons = Gp.Select(r => r.PersonId).ToHashSet();
        foreach (var twin in Population.Where(p => p.Relationship == Relationship.Twin && pasPersons.Contains(p.PersonId) && gpPersons.Contains(p.RelatedPersonId)))
        {
            Assert.Contains(negatives, n => n.Left.PersonId == twin.PersonId && n.Right.PersonId == twin.RelatedPersonId);
        }
    }
}
