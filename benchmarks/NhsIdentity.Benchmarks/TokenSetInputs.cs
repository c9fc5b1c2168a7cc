namespace NhsIdentity.Benchmarks;

/// <summary>
/// The fixed-seed address-pair corpus of <see cref="TokenSetBench"/>: <see cref="PairCount"/> pairs of invented
/// UK-style addresses (no real address is intended), as two supplier systems might hold them. 60 % of the pairs are one
/// address and a variant of it (tokens reordered, a flat number or the town missing, street types abbreviated, one
/// word mistyped, a locality added); 40 % are two different addresses, half of them on the same street or in the
/// same town. Mixed case and supplier punctuation, 15 to 60 chars, built in code (no data files).
/// </summary>
public static class TokenSetInputs
{
    /// <summary>Pairs compared by every row.</summary>
    public const int PairCount = 256;

    private const int Seed = 20261124;

    private static readonly string[] StreetNames =
    [
        "Acacia", "Mill", "High", "Rose", "Church", "Station", "Victoria", "Park", "Kings", "Queens", "Manor",
        "Orchard", "Beech", "Willow", "Meadow", "Chapel", "Windsor", "Albert", "Elm", "Springfield",
    ];

    private static readonly (string Full, string Short)[] StreetTypes =
    [
        ("Avenue", "Ave"), ("Road", "Rd"), ("Street", "St"), ("Lane", "Ln"), ("Close", "Cl"), ("Gardens", "Gdns"),
        ("Drive", "Dr"), ("Crescent", "Cres"), ("Terrace", "Terr"), ("Way", "Way"),
    ];

    private static readonly string[] Towns =
    [
        "Leeds", "York", "Bradford", "Wakefield", "Harrogate", "Hull", "Sheffield", "Doncaster", "Halifax",
        "Huddersfield", "Newton upon Ouse", "Kingston upon Hull",
    ];

    private static readonly string[] Localities = ["Headingley", "Chapel Allerton", "Roundhay", "Acomb", "Shipley"];

    /// <summary>Builds the corpus: <c>a[i]</c> is compared with <c>b[i]</c>.</summary>
    public static (string[] A, string[] B) Create()
    {
        var random = new Random(Seed);
        var a = new string[PairCount];
        var b = new string[PairCount];
        for (var i = 0; i < PairCount; i++)
        {
            var address = Address.Draw(random);
            a[i] = address.Render(random, abbreviate: false, dropFlat: false, dropTown: false, reorder: false);
            var kind = random.Next(100);
            b[i] = kind < 60
                ? Variant(address, random)
                : kind < 80
                    ? (address with { Number = address.Number + 1 + random.Next(40), Flat = 0 }).Render(random, random.Next(2) == 0, false, false, false)
                    : Address.Draw(random).Render(random, random.Next(2) == 0, false, random.Next(3) == 0, false);
        }

        return (a, b);
    }

    /// <summary>A one-line description of the corpus for the log.</summary>
    public static string Describe(string[] a, string[] b)
    {
        var chars = 0L;
        for (var i = 0; i < a.Length; i++)
        {
            chars += a[i].Length + b[i].Length;
        }

        return $"{a.Length} pairs, mean length {chars / (2.0 * a.Length):F1} chars; first pair \"{a[0]}\" / \"{b[0]}\"";
    }

    private static string Variant(Address address, Random random)
    {
        var text = address.Render(
            random,
            abbreviate: random.Next(2) == 0,
            dropFlat: random.Next(3) == 0,
            dropTown: random.Next(4) == 0,
            reorder: random.Next(3) == 0);
        if (random.Next(3) == 0)
        {
            text = Mistype(text, random);
        }

        return random.Next(5) == 0 ? text + ", " + Localities[random.Next(Localities.Length)] : text;
    }

    /// <summary>One letter of the text swapped with its neighbour, dropped or doubled.</summary>
    private static string Mistype(string text, Random random)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var at = random.Next(text.Length - 1);
            if (!char.IsLetter(text[at]) || !char.IsLetter(text[at + 1]))
            {
                continue;
            }

            return random.Next(3) switch
            {
                0 => string.Concat(text.AsSpan(0, at), text.AsSpan(at + 1, 1), text.AsSpan(at, 1), text.AsSpan(at + 2)),
                1 => text.Remove(at, 1),
                _ => text.Insert(at, text[at].ToString()),
            };
        }

        return text;
    }

    private sealed record Address(int Flat, int Number, string Street, (string Full, string Short) Type, string Town)
    {
        public static Address Draw(Random random) => new(
            random.Next(4) == 0 ? 1 + random.Next(12) : 0,
            1 + random.Next(150),
            StreetNames[random.Next(StreetNames.Length)],
            StreetTypes[random.Next(StreetTypes.Length)],
            Towns[random.Next(Towns.Length)]);

        public string Render(Random random, bool abbreviate, bool dropFlat, bool dropTown, bool reorder)
        {
            var street = $"{Street} {(abbreviate ? Type.Short : Type.Full)}";
            var flat = Flat > 0 && !dropFlat ? $"Flat {Flat}, " : "";
            var town = dropTown ? "" : ", " + Town;
            var text = reorder
                ? $"{street} {Number}{town}{(flat.Length > 0 ? " " + flat.TrimEnd(',', ' ') : "")}"
                : $"{flat}{Number} {street}{town}";
            return random.Next(4) == 0 ? text.ToUpperInvariant() : text;
        }
    }
}
