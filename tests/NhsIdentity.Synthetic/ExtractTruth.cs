namespace NhsIdentity.Synthetic;

/// <summary>
/// Pairs of generated rows a matcher evaluation needs: the true links (same person) and the hard negatives
/// (different persons of one household that look alike), without writing truth files.
/// </summary>
public static class ExtractTruth
{
    /// <summary>Every pair of rows, one from each extract, that are the same person.</summary>
    /// <param name="left">Rows of one extract (with their <see cref="SupplierRow.PersonId"/>).</param>
    /// <param name="right">Rows of another extract.</param>
    /// <returns>The pairs, in <paramref name="left"/> order.</returns>
    public static IReadOnlyList<(SupplierRow Left, SupplierRow Right)> CrossLinks(IReadOnlyList<SupplierRow> left, IReadOnlyList<SupplierRow> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        var byPerson = IndexByPerson(right);
        var pairs = new List<(SupplierRow, SupplierRow)>();
        foreach (var row in left)
        {
            if (byPerson.TryGetValue(row.PersonId, out var matches))
            {
                foreach (var match in matches)
                {
                    pairs.Add((row, match));
                }
            }
        }

        return pairs;
    }

    /// <summary>Every pair of rows of one extract that are the same person (within-extract duplicates).</summary>
    /// <param name="rows">Rows of one extract.</param>
    /// <returns>The pairs; each unordered pair once.</returns>
    public static IReadOnlyList<(SupplierRow First, SupplierRow Second)> Duplicates(IReadOnlyList<SupplierRow> rows)
    {
        var pairs = new List<(SupplierRow, SupplierRow)>();
        foreach (var group in IndexByPerson(rows).Values)
        {
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    pairs.Add((group[i], group[j]));
                }
            }
        }

        return pairs;
    }

    /// <summary>
    /// Every pair of rows, one from each extract, of two different persons who are twins, namesakes (parent and
    /// child with one full name, or one name and birth year at two addresses), spouses or siblings: the non-matches
    /// that look most like matches.
    /// </summary>
    /// <param name="population">The population the extracts were generated from.</param>
    /// <param name="left">Rows of one extract.</param>
    /// <param name="right">Rows of another extract (may be <paramref name="left"/> itself for deduplication; each unordered pair is then listed twice, once per order).</param>
    /// <returns>The pairs with the relationship that makes them alike.</returns>
    public static IReadOnlyList<(SupplierRow Left, SupplierRow Right, Relationship Relationship)> HardNegatives(
        IReadOnlyList<SyntheticPerson> population, IReadOnlyList<SupplierRow> left, IReadOnlyList<SupplierRow> right)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(left);
        var byPerson = IndexByPerson(right);
        var namesakesElsewhere = NamesakesElsewhere(population);
        var pairs = new List<(SupplierRow, SupplierRow, Relationship)>();
        foreach (var row in left)
        {
            var person = population[row.PersonId];
            foreach (var (otherId, relationship) in Relatives(population, person, namesakesElsewhere))
            {
                if (byPerson.TryGetValue(otherId, out var others))
                {
                    foreach (var other in others)
                    {
                        pairs.Add((row, other, relationship));
                    }
                }
            }
        }

        return pairs;
    }

    /// <summary>The look-alike relatives of a person: the one they point at, and those pointing at them (households are contiguous).</summary>
    private static IEnumerable<(int PersonId, Relationship Relationship)> Relatives(
        IReadOnlyList<SyntheticPerson> population, SyntheticPerson person, Dictionary<int, List<int>> namesakesElsewhere)
    {
        // A namesake elsewhere lives in another household, so the household walks below cannot find it.
        if (namesakesElsewhere.TryGetValue(person.PersonId, out var namesakes))
        {
            foreach (var id in namesakes)
            {
                yield return (id, Relationship.NamesakeElsewhere);
            }
        }

        if (IsLookAlike(person.Relationship) && person.RelatedPersonId >= 0)
        {
            yield return (person.RelatedPersonId, person.Relationship);
        }

        for (var id = person.PersonId - 1; id >= 0 && population[id].HouseholdId == person.HouseholdId; id--)
        {
            if (PointsAt(population[id], person))
            {
                yield return (id, population[id].Relationship);
            }
        }

        for (var id = person.PersonId + 1; id < population.Count && population[id].HouseholdId == person.HouseholdId; id++)
        {
            if (PointsAt(population[id], person))
            {
                yield return (id, population[id].Relationship);
            }
        }
    }

    // Twins point at each other: the reverse direction would list the pair twice.
    private static bool PointsAt(SyntheticPerson other, SyntheticPerson person) =>
        other.RelatedPersonId == person.PersonId && IsLookAlike(other.Relationship) && other.Relationship != Relationship.Twin;

    private static bool IsLookAlike(Relationship relationship) =>
        relationship is Relationship.Twin or Relationship.Namesake or Relationship.Spouse or Relationship.Sibling or Relationship.NamesakeElsewhere;

    /// <summary>For each person with namesakes elsewhere, the namesakes pointing at them (empty for the default mix).</summary>
    private static Dictionary<int, List<int>> NamesakesElsewhere(IReadOnlyList<SyntheticPerson> population)
    {
        var pointing = new Dictionary<int, List<int>>();
        foreach (var person in population)
        {
            if (person.Relationship == Relationship.NamesakeElsewhere)
            {
                if (!pointing.TryGetValue(person.RelatedPersonId, out var list))
                {
                    list = [];
                    pointing.Add(person.RelatedPersonId, list);
                }

                list.Add(person.PersonId);
            }
        }

        return pointing;
    }

    private static Dictionary<int, List<SupplierRow>> IndexByPerson(IReadOnlyList<SupplierRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byPerson = new Dictionary<int, List<SupplierRow>>(rows.Count);
        foreach (var row in rows)
        {
            if (!byPerson.TryGetValue(row.PersonId, out var list))
            {
                list = new List<SupplierRow>(1);
                byPerson.Add(row.PersonId, list);
            }

            list.Add(row);
        }

        return byPerson;
    }
}
