using System.Text;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// Fixed-seed name inputs for <see cref="PersonNameBench"/>: ~10,000 supplier-style names (titles, suffixes,
/// hyphenated and apostrophe surnames, diacritics, mixed case, stray spaces), built from the ONS given names and the
/// sdglinkage surname list in the shared eval-data when present (used here only as benchmark input, never shipped),
/// otherwise from a short built-in list.
/// </summary>
public static class PersonNameInputs
{
    /// <summary>Number of names; every name benchmark loops over all of them.</summary>
    public const int Count = 10_000;

    /// <summary>The seed. Change it and results are no longer comparable.</summary>
    public const int Seed = 20_261_125;

    private static readonly string[] BuiltInGiven = ["JACK", "OLIVIA", "MOHAMMED", "SIAN", "DAFYDD", "ZOE", "JOSE", "MARY", "ROBERT", "PEGGY", "SEAN", "AMELIA"];
    private static readonly string[] BuiltInSurnames = ["SMITH", "JONES", "WILLIAMS", "TAYLOR", "REILLY", "NEILL", "BROWN", "DAVIES", "EVANS", "KOCINSKI", "MULLER", "NGUYEN"];
    private static readonly string[] Titles = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "MRS", "Prof", "Rev", "Sir", "Lady", "Mx"];
    private static readonly string[] Suffixes = ["Jr", "Jnr", "Sr", "II", "III"];

    /// <summary>Letters with canonical decompositions (handled by both the naive FormD code and the library).</summary>
    internal static readonly Dictionary<char, string> Decomposable = new()
    {
        ['A'] = "ÁÀÂÄÅáàâäå", ['E'] = "ÉÈÊËéèêë", ['I'] = "ÍÌÎÏíìîï", ['O'] = "ÓÒÔÖóòôö", ['U'] = "ÚÙÛÜúùûü",
        ['N'] = "ÑŃñń", ['C'] = "ÇĆçć", ['S'] = "ŠŚšś", ['Z'] = "ŽŹŻžźż", ['Y'] = "ŶŸŷÿ", ['W'] = "ŴẂŵẃ",
    };

    /// <summary>Letters with no decomposition (the naive code keeps them; the library folds them).</summary>
    internal static readonly Dictionary<char, string> Special = new()
    {
        ['L'] = "Łł", ['O'] = "Øø", ['D'] = "Đđ",
    };

    /// <summary>Builds the names (deterministic for a given eval-data folder).</summary>
    /// <param name="evalDataRoot">The eval-data folder, or <see langword="null"/> for the built-in lists.</param>
    /// <returns><see cref="Count"/> names.</returns>
    public static string[] Create(string? evalDataRoot)
    {
        var (given, surnames) = LoadLists(evalDataRoot);
        var random = new Random(Seed);
        var names = new string[Count];
        var sb = new StringBuilder();
        for (var i = 0; i < names.Length; i++)
        {
            sb.Clear();
            if (random.Next(100) < 25)
            {
                sb.Append(Titles[random.Next(Titles.Length)]).Append(random.Next(8) == 0 ? "  " : " ");
            }

            sb.Append(Decorate(given[random.Next(given.Length)], random));
            if (random.Next(100) < 20)
            {
                sb.Append(' ').Append(Decorate(given[random.Next(given.Length)], random));
            }

            sb.Append(' ');
            var surnameKind = random.Next(100);
            if (surnameKind < 8)
            {
                sb.Append(random.Next(2) == 0 ? "O'" : "O’");
            }

            sb.Append(Decorate(surnames[random.Next(surnames.Length)], random));
            if (surnameKind >= 85)
            {
                sb.Append(random.Next(4) == 0 ? "–" : "-").Append(Decorate(surnames[random.Next(surnames.Length)], random));
            }

            if (random.Next(100) < 4)
            {
                sb.Append(' ').Append(Suffixes[random.Next(Suffixes.Length)]);
            }

            names[i] = sb.ToString();
        }

        return names;
    }

    private static string Decorate(string upper, Random random)
    {
        var chars = upper.ToCharArray();
        var accents = random.Next(100);
        for (var j = 0; j < chars.Length && accents < 30; j++)
        {
            if (random.Next(4) == 0 && Decomposable.TryGetValue(chars[j], out var forms))
            {
                chars[j] = forms[random.Next(forms.Length)];
            }
            else if (accents < 3 && Special.TryGetValue(chars[j], out var special))
            {
                chars[j] = special[random.Next(special.Length)];
            }
        }

        var text = new string(chars);
        return random.Next(3) switch
        {
            0 => text,
            1 => text.ToLowerInvariant(),
            _ => text[..1] + text[1..].ToLowerInvariant(),
        };
    }

    private static (string[] Given, string[] Surnames) LoadLists(string? root)
    {
        var onsPath = root is null ? null : Path.Combine(root, "lookups", "ons_babynames_ew_1996_2018_totals.csv");
        var surnamePath = root is null ? null : Path.Combine(root, "lookups", "surnames_uk_sdglinkage.csv");
        if (onsPath is null || surnamePath is null || !File.Exists(onsPath) || !File.Exists(surnamePath))
        {
            return (BuiltInGiven, BuiltInSurnames);
        }

        // The 2,000 most frequent given names and surnames, letters only (the decorations add the rest).
        var given = File.ReadLines(onsPath).Skip(1).Select(l => l.Split(',')[0]).Where(n => n.All(char.IsAsciiLetterUpper)).Distinct().Take(2000).ToArray();
        var surnames = File.ReadLines(surnamePath).Skip(1).Select(l => l.Split(',')[0].ToUpperInvariant())
            .Where(n => n.Length > 1 && n.All(char.IsAsciiLetterUpper)).Take(2000).ToArray();
        return (given, surnames);
    }
}
