using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// Scoring candidate pairs with <see cref="MatchModel.Default"/>: the linker's inner loop. <see cref="Count"/> fixed
/// pairs (half true duplicates with keying noise, half non-matches that a default blocking rule put together) from
/// <see cref="LinkBenchPeople"/>; <c>OperationsPerInvoke = Count</c>, so every time is <b>per pair</b>. The baseline
/// scores the same pairs from raw <see cref="PatientRecord"/>s (<see cref="MatchModel.Score(PatientRecord, PatientRecord)"/>
/// prepares both records every time: the naive approach a <see cref="RecordSet"/> exists to avoid). The Comparison
/// category times each comparison alone over the same pairs, to show what dominates.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ParameterColumns))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PairScoringBench
{
    /// <summary>The number of pairs every row scores.</summary>
    public const int Count = 4_096;

    private const string Scoring = "Score";
    private const string Comparison = "Comparison";

    private readonly MatchModel _model = MatchModel.Default;
    private RecordSet _set = null!;
    private PatientRecord[] _records = [];
    private int[] _left = [];
    private int[] _right = [];

    /// <summary>The comparisons timed alone.</summary>
    public static IEnumerable<ComparisonKind> Kinds => Enum.GetValues<ComparisonKind>();

    [GlobalSetup]
    public void Setup()
    {
        _records = LinkBenchPeople.Create(20_000, 0.5, seed: 20261124);
        _set = new RecordSet(_records);
        (_left, _right) = LinkBenchPeople.CandidatePairs(_set, Count, seed: 20261124);

        // Every row must agree with the public scorer on every pair; the raw row is checked against a RecordSet
        // prepared from the same two records alone (a raw pair has no term-frequency adjustment).
        var decisions = new int[3];
        for (var k = 0; k < Count; k++)
        {
            var score = _model.Score(_set, _left[k], _set, _right[k]);
            var weight = _model.ScoreUnchecked(_set, _left[k], _set, _right[k], out var cap);
            if (weight != score.Weight || _model.Decide(MatchModel.ToProbability(weight), cap) != score.Decision)
            {
                throw new InvalidOperationException("The hot path and the public scorer disagree on a pair.");
            }

            var pair = new RecordSet([_records[_left[k]], _records[_right[k]]], RecordSetOptions.Default);
            if (_model.Score(_records[_left[k]], _records[_right[k]]) != _model.Score(pair, 0, pair, 1))
            {
                throw new InvalidOperationException("The raw-record scorer disagrees with a prepared pair.");
            }

            decisions[(int)score.Decision]++;
        }

        Console.WriteLine($"// {Count} pairs from {_set.Count} records: {decisions[2]} Match, {decisions[1]} Review, {decisions[0]} NonMatch");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    [BenchmarkCategory(Scoring)]
    public double RawRecords()
    {
        var sum = 0.0;
        for (var k = 0; k < Count; k++)
        {
            sum += _model.Score(_records[_left[k]], _records[_right[k]]).Weight;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory(Scoring)]
    public double PreparedPublic()
    {
        var sum = 0.0;
        for (var k = 0; k < Count; k++)
        {
            sum += _model.Score(_set, _left[k], _set, _right[k]).Weight;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory(Scoring)]
    public double PreparedHotPath()
    {
        var sum = 0.0;
        for (var k = 0; k < Count; k++)
        {
            var weight = _model.ScoreUnchecked(_set, _left[k], _set, _right[k], out var cap);
            sum += weight + (int)_model.Decide(MatchModel.ToProbability(weight), cap);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory(Scoring)]
    public double WeightOnly()
    {
        var sum = 0.0;
        for (var k = 0; k < Count; k++)
        {
            sum += _model.ScoreUnchecked(_set, _left[k], _set, _right[k], out _);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory(Comparison)]
    [ArgumentsSource(nameof(Kinds))]
    public int Compare(ComparisonKind kind)
    {
        var sum = 0;
        for (var k = 0; k < Count; k++)
        {
            sum += PairComparer.Compare(kind, _set, _left[k], _set, _right[k]);
        }

        return sum;
    }
}

/// <summary>
/// Invented people for the linking benchmarks, from a fixed seed: names from small inline lists, dates of birth over
/// 80 years, generated UK-format postcodes, 999-range NHS numbers (two in three records), and for a share of people a
/// second record keyed with noise (no NHS number, a dropped letter in the family name, day and month swapped, an
/// older postcode).
/// </summary>
internal static class LinkBenchPeople
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

    /// <summary>
    /// <paramref name="count"/> pairs in shuffled order: half (person, noisy copy), half pairs a default blocking rule
    /// produces between two different people.
    /// </summary>
    public static (int[] Left, int[] Right) CandidatePairs(RecordSet set, int count, int seed)
    {
        var truth = new List<(int, int)>();
        for (var i = 0; i + 1 < set.Count; i++)
        {
            if (set.GetId(i + 1)![0] == 'D' && set.GetId(i + 1).AsSpan(1).SequenceEqual(set.GetId(i).AsSpan(1)))
            {
                truth.Add((i, i + 1));
            }
        }

        var collector = new NonMatchCollector(set, []);
        var source = CandidatePairSource.ForDeduplication(set, BlockingRule.Defaults, LinkOptions.DefaultMaxBlockSize);
        var blocks = source.Blocks;
        for (var b = 0; b < blocks.Count; b++)
        {
            source.VisitPairs(blocks[b], ref collector);
        }

        var random = new Random(seed);
        var nonMatches = collector.Pairs;
        var pairs = new List<(int, int)>(count);
        for (var k = 0; k < count / 2; k++)
        {
            pairs.Add(truth[random.Next(truth.Count)]);
            pairs.Add(nonMatches[random.Next(nonMatches.Count)]);
        }

        var shuffled = pairs.ToArray();
        random.Shuffle(shuffled);
        return (Array.ConvertAll(shuffled, p => p.Item1), Array.ConvertAll(shuffled, p => p.Item2));
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

    /// <summary>Collects blocked pairs whose records are different people (ids name the person after the first letter).</summary>
    private struct NonMatchCollector(RecordSet set, List<(int, int)> pairs) : IPairVisitor
    {
        public readonly List<(int, int)> Pairs => pairs;

        public readonly void Visit(int left, int right)
        {
            if (!set.GetId(left).AsSpan(1).SequenceEqual(set.GetId(right).AsSpan(1)))
            {
                pairs.Add((left, right));
            }
        }
    }
}
