using System.Globalization;
using NhsIdentity.Matching;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// Invented people for the linking benchmarks, from a fixed seed: names from small inline lists, dates of birth over
/// 80 years, generated UK-format postcodes, 999-range NHS numbers (two in three records), and for a share of people a
/// second record keyed with noise (no NHS number, a dropped letter in the family name, day and month swapped, an
/// older postcode).
/// </summary>
internal static partial class LinkBenchPeople
{
    private static readonly string[] Given =
    [
        "Oliver", "George", "Harry", "Jack", "Noah", "Charlie", "Jacob", "Thomas", "Oscar", "William", "James", "Henry",
        "Leo", "Alfie", "Joshua", "Freddie", "Archie", "Ethan", "Isaac", "Alexander", "Mohammed", "Daniel", "Samuel", "Adam",
        "Olivia", "Amelia", "Isla", "Ava", "Emily", "Isabella", "Mia", "Poppy", "Ella", "Lily", "Grace", "Sophie", "Evie",
        "Scarlett", "Chloe", "Ruby", "Freya", "Alice", "Florence", "Jessica", "Sienna", "Millie", "Daisy", "Phoebe", "Priya",
        "Aisha", "Fatima", "Zara", "Niamh", "Siobhan", "Kwame", "Chidi", "Tomasz", "Agnieszka", "Mei", "Wei",
    ];

    private static readonly string[] Family =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
        "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke",
        "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King",
        "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett",
        "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy",
        "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson",
        "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews",
        "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens",
        "Jenkins", "Murray", "Dixon", "Harvey", "Okafor", "Nguyen", "Kowalski", "Ahmed", "Pemberton", "Osei", "Nowak", "Chen",
    ];

    private static readonly string[] Areas = ["LS", "M", "B", "BS", "NE", "CF", "SW", "E", "N", "G", "L", "S", "NG", "LE"];

    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    /// <summary>About <paramref name="records"/> records: people, each followed by a noisy copy with probability
    /// <paramref name="duplicateShare"/>.</summary>
    public static PatientRecord[] Create(int records, double duplicateShare, int seed)
    {
        var random = new Random(seed);
        var numbers = new NhsNumberGenerator(seed);
        var list = new List<PatientRecord>(records + 1);
        var person = 0;
        while (list.Count < records)
        {
            var id = person.ToString(CultureInfo.InvariantCulture);
            var birth = new DateOnly(1940, 1, 1).AddDays(random.Next(80 * 365));
            var postcode = Postcode(random);
            var original = new PatientRecord
            {
                Id = "P" + id,
                NhsNumber = random.Next(3) == 0 ? null : numbers.Next().ToString("S", CultureInfo.InvariantCulture),
                GivenNames = Given[random.Next(Given.Length)] + (random.Next(3) == 0 ? " " + Given[random.Next(Given.Length)] : ""),
                FamilyName = Family[random.Next(Family.Length)],
                DateOfBirth = birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                Sex = random.Next(2) == 0 ? "F" : "M",
                Postcode = postcode,
                Address = (1 + random.Next(200)).ToString(CultureInfo.InvariantCulture) + " " + Family[random.Next(Family.Length)] + " Road",
            };
            list.Add(original);
            if (list.Count < records && random.NextDouble() < duplicateShare)
            {
                list.Add(Noisy(random, original, "D" + id, birth));
            }

            person++;
        }

        return [.. list];
    }

    private static PatientRecord Noisy(Random random, PatientRecord original, string id, DateOnly birth)
    {
        var family = original.FamilyName!;
        if (random.Next(3) == 0)
        {
            var at = 1 + random.Next(family.Length - 1);
            family = family[..at] + family[(at + 1)..];
        }

        var dob = random.Next(5) == 0 && birth.Day <= 12
            ? birth.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture)
            : birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new PatientRecord
        {
            Id = id,
            NhsNumber = random.Next(2) == 0 ? null : original.NhsNumber,
            GivenNames = original.GivenNames!.ToUpperInvariant(),
            FamilyName = family,
            DateOfBirth = dob,
            Sex = original.Sex,
            Postcode = random.Next(5) == 0 ? Postcode(random) : original.Postcode,
            Address = original.Address,
        };
    }

    private static string Postcode(Random random) =>
        Areas[random.Next(Areas.Length)] + (1 + random.Next(20)).ToString(CultureInfo.InvariantCulture) + " "
        + random.Next(10).ToString(CultureInfo.InvariantCulture) + InwardLetters[random.Next(InwardLetters.Length)]
        + InwardLetters[random.Next(InwardLetters.Length)];
}
