using System.Globalization;
using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching.Training;

/// <summary>
/// A small deterministic population of invented people, each held as an original record and two or three noisy
/// copies (typos, missing fields, day-month swaps, moves), with the person behind every record. NHS numbers come
/// from the 999 test range only.
/// </summary>
internal static class SyntheticPeople
{
    private static readonly string[] GivenNames =
    [
        "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Noah", "Mia", "Jack", "Ivy", "Leo", "Lily", "Arthur", "Freya",
        "Muhammad", "Florence", "Oscar", "Willow", "Charlie", "Rosie", "Henry", "Sophia", "Thomas", "Evie", "Alfie", "Grace",
        "Theo", "Poppy", "Archie", "Ella", "Joshua", "Daisy", "Freddie", "Phoebe", "Isaac", "Matilda", "Edward", "Ruby",
        "Samuel", "Alice", "Joseph", "Emily", "Lucas", "Elsie", "Reuben", "Harriet", "Finley", "Imogen", "Rory", "Martha",
        "Dylan", "Beatrice", "Stanley", "Maryam", "Tobias", "Nancy", "Ezra", "Hannah", "Ronan", "Zara", "Callum", "Niamh",
        "Declan", "Eilidh", "Gareth", "Siobhan", "Owain", "Carys", "Rhys", "Bethan",
    ];

    private static readonly string[] FamilyNames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Thomas", "Clarke", "Jackson", "Wood", "Harris",
        "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes", "Moore", "Clark", "King", "Harrison", "Lewis",
        "Baker", "Lee", "Allen", "Morris", "Khan", "Scott", "Watson", "Davis", "Parker", "James", "Bennett", "Young",
        "Phillips", "Richardson", "Mitchell", "Bailey", "Carter", "Cook", "Singh", "Shaw", "Bell", "Collins", "Morgan",
        "Kelly", "Begum", "Miller", "Cox", "Hussain", "Marshall", "Simpson", "Price", "Anderson", "Adams", "Wilkinson",
        "Ali", "Ahmed", "Foster", "Ellis", "Murphy", "Chapman", "Mason", "Gray", "Richards", "Webb", "Griffiths",
    ];

    private static readonly string[] Streets =
    [
        "Acacia Avenue", "Mill Lane", "Church Street", "Station Road", "Victoria Road", "Park Avenue", "High Street",
        "Green Lane", "Manor Road", "Kings Road", "Queens Road", "New Street", "School Lane", "The Crescent", "Grange Road",
    ];

    private static readonly string[] Areas = ["LS", "M", "B", "NE", "BS", "CF", "L", "S", "NG", "LE"];

    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    /// <summary>The records and, for each, the person it belongs to.</summary>
    public static (List<PatientRecord> Records, int[] Person) Create(int persons, int seed)
    {
        var random = new Random(seed);
        var numbers = new NhsNumberGenerator(random);
        var records = new List<PatientRecord>();
        var person = new List<int>();
        for (var p = 0; p < persons; p++)
        {
            var truth = new PatientRecord
            {
                NhsNumber = numbers.Next().ToString(),
                GivenNames = GivenNames[random.Next(GivenNames.Length)],
                FamilyName = FamilyNames[random.Next(FamilyNames.Length)],
                DateOfBirth = new DateOnly(1930, 1, 2).AddDays(random.Next(32_000)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                Sex = random.Next(2) == 0 ? "F" : "M",
                Postcode = NewPostcode(random),
                Address = NewAddress(random),
            };

            var copies = 3 + random.Next(2);
            for (var c = 0; c < copies; c++)
            {
                records.Add(c == 0 ? Copy(truth, $"P{p}-0", random, noisy: false) : Copy(truth, $"P{p}-{c}", random, noisy: true));
                person.Add(p);
            }
        }

        return (records, person.ToArray());
    }

    /// <summary>The number of pairs of records of the same person.</summary>
    public static long TruePairs(int[] person)
    {
        var counts = new Dictionary<int, long>();
        foreach (var p in person)
        {
            counts[p] = counts.GetValueOrDefault(p) + 1;
        }

        return counts.Values.Sum(c => c * (c - 1) / 2);
    }

    private static PatientRecord Copy(PatientRecord truth, string id, Random random, bool noisy)
    {
        var moved = noisy && random.NextDouble() < 0.12;
        return new PatientRecord
        {
            Id = id,
            NhsNumber = random.NextDouble() < 0.75 ? truth.NhsNumber : null,
            GivenNames = !noisy ? truth.GivenNames : Noisy(truth.GivenNames!, random, typo: 0.12, missing: 0.02),
            FamilyName = !noisy ? truth.FamilyName : Noisy(truth.FamilyName!, random, typo: 0.08, missing: 0.02),
            DateOfBirth = !noisy ? truth.DateOfBirth : NoisyDate(truth.DateOfBirth!, random),
            Sex = noisy && random.NextDouble() < 0.03 ? null : truth.Sex,
            Postcode = moved ? NewPostcode(random) : noisy && random.NextDouble() < 0.05 ? null : truth.Postcode,
            Address = moved ? NewAddress(random) : noisy && random.NextDouble() < 0.1 ? null : truth.Address,
        };
    }

    private static string? Noisy(string value, Random random, double typo, double missing)
    {
        var r = random.NextDouble();
        if (r < missing)
        {
            return null;
        }

        if (r < missing + typo && value.Length > 3)
        {
            var chars = value.ToCharArray();
            chars[1 + random.Next(chars.Length - 2)] = (char)('a' + random.Next(26));
            return new string(chars);
        }

        return value;
    }

    private static string? NoisyDate(string value, Random random)
    {
        var date = DateOnly.ParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture);
        var r = random.NextDouble();
        if (r < 0.04 && date.Day <= 12 && date.Day != date.Month)
        {
            return new DateOnly(date.Year, date.Day, date.Month).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }

        if (r < 0.08 && date.Day is > 1 and < 28)
        {
            return date.AddDays(1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }

        return r < 0.10 ? null : value;
    }

    private static string NewPostcode(Random random) => string.Create(CultureInfo.InvariantCulture,
        $"{Areas[random.Next(Areas.Length)]}{1 + random.Next(15)} {random.Next(10)}{InwardLetters[random.Next(InwardLetters.Length)]}{InwardLetters[random.Next(InwardLetters.Length)]}");

    private static string NewAddress(Random random) => string.Create(CultureInfo.InvariantCulture,
        $"{1 + random.Next(200)} {Streets[random.Next(Streets.Length)]}");
}
