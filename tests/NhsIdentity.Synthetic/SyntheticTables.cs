using System.Globalization;
using NhsIdentity.Demographics;

namespace NhsIdentity.Synthetic;

/// <summary>
/// The embedded name, surname and postcode tables (Data/README.md), loaded once. Names are stored in title case so
/// generated persons share the strings instead of allocating their own.
/// </summary>
internal sealed class SyntheticTables
{
    private const int FirstHistoricYear = 1904;
    private const int LastHistoricYear = 1994;
    private const int FirstModernYear = 1996;

    private static readonly Lazy<SyntheticTables> Instance = new(Load);

    private readonly WeightedChoice[] _historicMale;
    private readonly WeightedChoice[] _historicFemale;

    private SyntheticTables(
        WeightedChoice modernMale,
        WeightedChoice modernFemale,
        WeightedChoice[] historicMale,
        WeightedChoice[] historicFemale,
        WeightedChoice surnames,
        string[] postcodes,
        string[] areas)
    {
        ModernMale = modernMale;
        ModernFemale = modernFemale;
        _historicMale = historicMale;
        _historicFemale = historicFemale;
        Surnames = surnames;
        Postcodes = postcodes;
        Areas = areas;
    }

    public static SyntheticTables Default => Instance.Value;

    public WeightedChoice ModernMale { get; }

    public WeightedChoice ModernFemale { get; }

    public WeightedChoice Surnames { get; }

    /// <summary>Real GB postcodes; <see cref="Areas"/> holds each one's area at the same index.</summary>
    public string[] Postcodes { get; }

    public string[] Areas { get; }

    /// <summary>
    /// The given-name table for a birth year: the decade's ONS top 100 before 1996 (weights 1/rank), the 1996-2018
    /// counts after. One draw in seven before 1996 uses the modern table, so older patients are not limited to 100
    /// names per decade.
    /// </summary>
    public WeightedChoice GivenNames(Sex sex, int birthYear, Random random)
    {
        var male = sex == Sex.Male;
        if (birthYear >= FirstModernYear || random.Next(7) == 0)
        {
            return male ? ModernMale : ModernFemale;
        }

        var decade = Math.Clamp((birthYear - FirstHistoricYear) / 10, 0, ((LastHistoricYear - FirstHistoricYear) / 10));
        return male ? _historicMale[decade] : _historicFemale[decade];
    }

    private static SyntheticTables Load()
    {
        var modern = new Dictionary<string, (List<string> Names, List<double> Weights)>(StringComparer.Ordinal)
        {
            ["M"] = ([], []),
            ["F"] = ([], []),
        };
        foreach (var fields in ReadRows("given-names-ew-1996-2018.csv"))
        {
            var (names, weights) = modern[fields[0]];
            names.Add(TitleCase.Apply(fields[1]));
            weights.Add(double.Parse(fields[2], CultureInfo.InvariantCulture));
        }

        var decades = ((LastHistoricYear - FirstHistoricYear) / 10) + 1;
        var historic = new (List<string> Names, List<double> Weights)[decades * 2];
        for (var i = 0; i < historic.Length; i++)
        {
            historic[i] = ([], []);
        }

        foreach (var fields in ReadRows("given-names-ew-top100-1904-1994.csv"))
        {
            var decade = (int.Parse(fields[0], CultureInfo.InvariantCulture) - FirstHistoricYear) / 10;
            var slot = (decade * 2) + (fields[1] == "M" ? 0 : 1);
            historic[slot].Names.Add(TitleCase.Apply(fields[2]));
            historic[slot].Weights.Add(1.0 / int.Parse(fields[3], CultureInfo.InvariantCulture));
        }

        var historicMale = new WeightedChoice[decades];
        var historicFemale = new WeightedChoice[decades];
        for (var d = 0; d < decades; d++)
        {
            historicMale[d] = new WeightedChoice(historic[d * 2].Names, historic[d * 2].Weights);
            historicFemale[d] = new WeightedChoice(historic[(d * 2) + 1].Names, historic[(d * 2) + 1].Weights);
        }

        List<string> surnames = [];
        List<double> surnameWeights = [];
        foreach (var fields in ReadRows("surnames-uk.csv"))
        {
            surnames.Add(TitleCase.Apply(fields[0]));
            surnameWeights.Add(double.Parse(fields[1], CultureInfo.InvariantCulture));
        }

        List<string> postcodes = [];
        List<string> areas = [];
        foreach (var fields in ReadRows("postcodes-gb.csv"))
        {
            postcodes.Add(fields[0]);
            areas.Add(fields[1]);
        }

        return new SyntheticTables(
            new WeightedChoice(modern["M"].Names, modern["M"].Weights),
            new WeightedChoice(modern["F"].Names, modern["F"].Weights),
            historicMale,
            historicFemale,
            new WeightedChoice(surnames, surnameWeights),
            [.. postcodes],
            [.. areas]);
    }

    /// <summary>Reads an embedded table's data rows (the header skipped); the tables hold no quoted fields.</summary>
    private static IEnumerable<string[]> ReadRows(string fileName)
    {
        var name = "NhsIdentity.Synthetic.Data." + fileName;
        using var stream = typeof(SyntheticTables).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Embedded table missing: " + name);
        using var reader = new StreamReader(stream);
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length != 0)
            {
                yield return line.Split(',');
            }
        }
    }
}
