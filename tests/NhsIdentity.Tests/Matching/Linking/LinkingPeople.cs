using System.Globalization;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching.Linking;

/// <summary>
/// Invented people for the linker tests, from a seed: small pools of names, dates and postcodes (so blocks collide
/// often), 999-range NHS numbers from <see cref="NhsNumberGenerator"/>, and noisy copies the way a second supplier
/// would key the same person.
/// </summary>
internal static class LinkingPeople
{
    public static readonly string[] GivenNames =
    [
        "Alice", "Brian", "Chloe", "David", "Emma", "Farah", "George", "Hannah", "Imran", "Jade",
        "Kwame", "Laura", "Mohammed", "Niamh", "Oliver", "Priya", "Quentin", "Rosa", "Samir", "Tomasz",
    ];

    public static readonly string[] FamilyNames =
    [
        "Pemberton", "Okafor", "Smith", "Smyth", "Nguyen", "Kowalski", "Patel", "Jones", "Evans", "Ahmed", "Murphy", "Taylor",
    ];

    public static readonly string[] Postcodes = ["LS1 4AP", "LS1 4AQ", "M1 1AE", "B1 1AA", "SW1A 1AA", "CF10 1AA", "NE1 4ST", "BS1 5TR"];

    /// <summary>One person. <paramref name="tight"/> draws dates from a few days so that blocks are large.</summary>
    public static PatientRecord Person(Random random, NhsNumberGenerator numbers, string id, bool tight)
    {
        var year = tight ? 1980 + random.Next(2) : 1930 + random.Next(80);
        var month = tight ? 1 + random.Next(2) : 1 + random.Next(12);
        var day = tight ? 1 + random.Next(3) : 1 + random.Next(28);
        return new PatientRecord
        {
            Id = id,
            NhsNumber = random.Next(3) == 0 ? null : numbers.Next().ToString("N", CultureInfo.InvariantCulture),
            GivenNames = GivenNames[random.Next(GivenNames.Length)],
            FamilyName = FamilyNames[random.Next(FamilyNames.Length)],
            DateOfBirth = string.Create(CultureInfo.InvariantCulture, $"{day:00}/{month:00}/{year:0000}"),
            Sex = random.Next(2) == 0 ? "F" : "M",
            Postcode = random.Next(5) == 0 ? null : Postcodes[random.Next(Postcodes.Length)],
            LocalIdentifier = random.Next(4) == 0 ? "RX" + random.Next(50).ToString(CultureInfo.InvariantCulture) : null,
        };
    }

    /// <summary>The same person keyed again: maybe no NHS number, a typo in the family name, a swapped day and month.</summary>
    public static PatientRecord Noisy(Random random, PatientRecord person, string id)
    {
        var family = person.FamilyName!;
        if (random.Next(3) == 0)
        {
            var at = 1 + random.Next(family.Length - 1);
            family = family[..at] + family[(at + 1)..];
        }

        var dob = person.DateOfBirth!;
        if (random.Next(4) == 0)
        {
            dob = dob[3..5] + "/" + dob[..2] + "/" + dob[6..];
        }

        return new PatientRecord
        {
            Id = id,
            NhsNumber = random.Next(2) == 0 ? null : person.NhsNumber,
            GivenNames = person.GivenNames,
            FamilyName = family,
            DateOfBirth = dob,
            Sex = person.Sex,
            Postcode = person.Postcode,
            LocalIdentifier = person.LocalIdentifier,
        };
    }

    /// <summary><paramref name="people"/> people, each followed by a noisy copy with probability
    /// <paramref name="duplicateShare"/>.</summary>
    public static List<PatientRecord> Population(int seed, int people, double duplicateShare, bool tight)
    {
        var random = new Random(seed);
        var numbers = new NhsNumberGenerator(seed);
        var records = new List<PatientRecord>(people * 2);
        for (var p = 0; p < people; p++)
        {
            var person = Person(random, numbers, "P" + p.ToString(CultureInfo.InvariantCulture), tight);
            records.Add(person);
            if (random.NextDouble() < duplicateShare)
            {
                records.Add(Noisy(random, person, "D" + p.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return records;
    }
}
