using System.Globalization;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching.Index;

/// <summary>
/// Invented people for the index tests, from small pools so that blocks hold several records (shared surnames,
/// dates of birth and postcodes), with 999-range NHS numbers from <see cref="NhsNumberGenerator"/>. Postcodes are
/// public street-level postcodes of city-centre landmarks, not anyone's home.
/// </summary>
internal static class IndexPeople
{
    private static readonly string[] Given = ["Alice", "Brian", "Chloe", "David", "Emma", "Farid", "Grace", "Harry", "Isla", "Jack"];

    private static readonly string[] Family = ["Pemberton", "Okafor", "Smith", "Nguyen", "Patel", "Walsh", "Jones", "Kowalski"];

    private static readonly string[] Postcodes = ["LS1 4AP", "M1 1AE", "B1 1BB", "SW1A 1AA", "EH1 1YZ", "CF10 1EP"];

    private static readonly string[] Sexes = ["F", "M"];

    /// <summary>A person drawn from the pools; <paramref name="id"/> is the record key.</summary>
    public static PatientRecord Person(Random random, NhsNumberGenerator numbers, string id, bool withNhsNumber = true) => new()
    {
        Id = id,
        NhsNumber = withNhsNumber ? numbers.Next().ToString() : null,
        GivenNames = Given[random.Next(Given.Length)],
        FamilyName = Family[random.Next(Family.Length)],
        DateOfBirth = new DateOnly(1950 + random.Next(4), 1 + random.Next(3), 1 + random.Next(5)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        Sex = Sexes[random.Next(Sexes.Length)],
        Postcode = Postcodes[random.Next(Postcodes.Length)],
    };

    /// <summary>A copy with typical clerical noise: one edit picked at random (or none), the NHS number sometimes
    /// dropped, the postcode's spacing and case changed.</summary>
    public static PatientRecord Noisy(Random random, PatientRecord source, string? id = null)
    {
        var family = source.FamilyName!;
        var given = source.GivenNames!;
        var dob = source.DateOfBirth!;
        switch (random.Next(4))
        {
            case 0:
                var i = random.Next(family.Length - 1);
                family = string.Concat(family.AsSpan(0, i), family.AsSpan(i + 1, 1), family.AsSpan(i, 1), family.AsSpan(i + 2));
                break;
            case 1:
                given = given.ToUpperInvariant();
                break;
            case 2:
                dob = string.Concat(dob.AsSpan(3, 3), dob.AsSpan(0, 3), dob.AsSpan(6)); // day and month swapped
                break;
        }

        return new PatientRecord
        {
            Id = id ?? source.Id,
            NhsNumber = random.Next(3) == 0 ? null : source.NhsNumber,
            GivenNames = given,
            FamilyName = family,
            DateOfBirth = dob,
            Sex = source.Sex,
            Postcode = source.Postcode!.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant(),
        };
    }

    /// <summary>Applies <paramref name="operations"/> random writes to an index and to <paramref name="live"/> (the
    /// records it should hold): adds, replacements by a noisy copy and removals, over ids R0 to R<c>distinctIds - 1</c>,
    /// so positions move and the index's text arena holds dead text.</summary>
    public static void Churn(PatientIndex index, Dictionary<string, PatientRecord> live, Random random, NhsNumberGenerator numbers, int operations, int distinctIds)
    {
        for (var op = 0; op < operations; op++)
        {
            var id = "R" + random.Next(distinctIds);
            switch (random.Next(5))
            {
                case 0 when live.ContainsKey(id):
                    index.Remove(id);
                    live.Remove(id);
                    break;
                case 1 when live.TryGetValue(id, out var old):
                    index.AddOrUpdate(live[id] = Noisy(random, old, id));
                    break;
                default:
                    index.AddOrUpdate(live[id] = Person(random, numbers, id, withNhsNumber: random.Next(4) != 0));
                    break;
            }
        }
    }
}
