using System.Globalization;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// The fixed-seed name-pair corpus of <see cref="SimilarityBench"/>: <see cref="QueryCount"/> query names, each paired
/// with <see cref="CandidatesPerQuery"/> candidates, so 100,000 pairs in all. 30 % of the candidates are the query with
/// one or two typing errors (insert, delete, substitute, swap neighbours); the rest are other names of the same kind.
/// Half the queries are forenames, drawn from the 5,000 commonest in the ONS baby names for England and Wales
/// 1996-2018 (<c>lookups/ons_babynames_ew_1996_2018_totals.csv</c>), half surnames from
/// <c>lookups/surnames_uk_sdglinkage.csv</c>; all upper case, as after the matcher's normalisation.
/// </summary>
public static class SimilarityInputs
{
    /// <summary>Distinct queries (one prepared instance each in the cached rows).</summary>
    public const int QueryCount = 1_000;

    /// <summary>Candidates compared with each query.</summary>
    public const int CandidatesPerQuery = 100;

    /// <summary>All pairs.</summary>
    public const int PairCount = QueryCount * CandidatesPerQuery;

    // Named in the missing-data message; not nameof: ReleaseBench's package build compiles this file without SimilarityBench.
    private const string Users = "SimilarityBench and ReleaseBench";

    private const int Seed = 20261124;
    private const int TypoPercent = 30;
    private const int CommonForenames = 5_000;

    /// <summary>Builds the corpus: <c>queries[q]</c> is paired with <c>candidates[q * 100 .. q * 100 + 99]</c>.</summary>
    /// <exception cref="FileNotFoundException">The shared evaluation data is not where developers keep it on this machine.</exception>
    public static (string[] Queries, string[] Candidates) Create()
    {
        var forenames = ReadColumn(BenchData.RequireLookup(Users, "ons_babynames_ew_1996_2018_totals.csv"), CommonForenames);
        var surnames = ReadColumn(BenchData.RequireLookup(Users, "surnames_uk_sdglinkage.csv"), int.MaxValue);

        var random = new Random(Seed);
        var queries = new string[QueryCount];
        var candidates = new string[PairCount];
        for (var q = 0; q < QueryCount; q++)
        {
            var names = q % 2 == 0 ? forenames : surnames;
            var query = names[random.Next(names.Length)];
            queries[q] = query;
            for (var c = 0; c < CandidatesPerQuery; c++)
            {
                candidates[(q * CandidatesPerQuery) + c] = random.Next(100) < TypoPercent
                    ? Typo(query, random)
                    : names[random.Next(names.Length)];
            }
        }

        return (queries, candidates);
    }

    /// <summary>The first column of a CSV with a header, upper-cased, up to <paramref name="limit"/> rows.</summary>
    private static string[] ReadColumn(string path, int limit)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"SimilarityBench needs {path} (shared evaluation data).", path);
        }

        var names = new List<string>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var name = line.Split(',')[0].Trim().ToUpperInvariant();
            if (name.Length > 0)
            {
                names.Add(name);
            }

            if (names.Count == limit)
            {
                break;
            }
        }

        return [.. names];
    }

    private static string Typo(string name, Random random)
    {
        var chars = new List<char>(name);
        var edits = random.Next(100) < 70 ? 1 : 2;
        for (var e = 0; e < edits; e++)
        {
            var letter = (char)('A' + random.Next(26));
            var at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0:
                    chars.Insert(random.Next(chars.Count + 1), letter);
                    break;
                case 1 when chars.Count > 1:
                    chars.RemoveAt(at);
                    break;
                case 2:
                    chars[at] = letter;
                    break;
                default:
                    if (chars.Count > 1)
                    {
                        var next = Math.Min(at + 1, chars.Count - 1);
                        at = next - 1;
                        (chars[at], chars[next]) = (chars[next], chars[at]);
                    }

                    break;
            }
        }

        return string.Create(chars.Count, chars, static (span, list) => list.CopyTo(span));
    }

    /// <summary>A one-line description of the corpus for the log.</summary>
    public static string Describe(string[] queries, string[] candidates)
    {
        var total = 0L;
        foreach (var c in candidates)
        {
            total += c.Length;
        }

        foreach (var q in queries)
        {
            total += (long)q.Length * CandidatesPerQuery;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{queries.Length} queries x {CandidatesPerQuery} candidates, mean length {total / (2.0 * candidates.Length):F2} chars");
    }
}
