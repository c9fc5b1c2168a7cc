using System.Globalization;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// The fixed name sample of <see cref="PhoneticBench"/>: 10,000 names drawn with a seeded <see cref="Random"/>,
/// half surnames from the UK surname list (sdglinkage, weighted by its frequencies, so Smith and Jones recur as in
/// a real extract) and half given names from the ONS baby names for England and Wales 1996-2018 (weighted by
/// their counts), in title case as a PAS or GP extract holds them (<c>Smith</c>, <c>Ellie-Mae</c>).
/// </summary>
/// <remarks>
/// The lists are the shared evaluation data (<c>../shared/eval-data/lookups</c> beside the repository, or the
/// folder named by <c>NHSID_EVAL_DATA</c>); they are not in the repository, and the benchmark stops with a message
/// saying where it looked when they are absent.
/// </remarks>
public static class PhoneticInputs
{
    /// <summary>Number of names; every benchmark row loops over all of them.</summary>
    public const int Count = 10_000;

    /// <summary>The seed of the sample. Change it and the results are no longer comparable.</summary>
    public const int Seed = 20_261_124;

    // Named in the missing-data message; not nameof: ReleaseBench's package build compiles this file without PhoneticBench.
    private const string Users = "PhoneticBench and ReleaseBench";

    private const string SurnameFile = "surnames_uk_sdglinkage.csv";
    private const string GivenNameFile = "ons_babynames_ew_1996_2018_totals.csv";

    /// <summary>Builds the sample (deterministic).</summary>
    /// <returns>A new array of <see cref="Count"/> names.</returns>
    /// <exception cref="FileNotFoundException">The name lists are not where the shared evaluation data should be.</exception>
    public static string[] Create()
    {
        var surnames = ReadWeighted(BenchData.RequireLookup(Users, SurnameFile), weightColumn: 1);
        var givenNames = ReadWeighted(BenchData.RequireLookup(Users, GivenNameFile), weightColumn: 2);

        var random = new Random(Seed);
        var names = new string[Count];
        for (var i = 0; i < names.Length; i++)
        {
            var (list, weights) = i % 2 == 0 ? surnames : givenNames;
            var pick = random.NextDouble() * weights[^1];
            var index = Array.BinarySearch(weights, pick);
            index = index < 0 ? ~index : index;
            names[i] = TitleCase(list[Math.Min(index, list.Length - 1)]);
        }

        return names;
    }

    /// <summary>Names and cumulative weights from a CSV with a header, name in the first column.</summary>
    private static (string[] Names, double[] CumulativeWeights) ReadWeighted(string path, int weightColumn)
    {
        var names = new List<string>();
        var cumulative = new List<double>();
        var total = 0.0;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.TrimEnd('\r').Split(',');
            if (fields.Length <= weightColumn || fields[0].Length == 0)
            {
                continue;
            }

            total += double.Parse(fields[weightColumn], CultureInfo.InvariantCulture);
            names.Add(fields[0]);
            cumulative.Add(total);
        }

        return (names.ToArray(), cumulative.ToArray());
    }

    private static string TitleCase(string name)
    {
        var chars = name.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 0 || chars[i - 1] is '-' or ' ' or '\'')
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }
}
