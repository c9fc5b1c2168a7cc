using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NhsIdentity.Text.Similarity;
using F23JaroWinkler = F23.StringSimilarity.JaroWinkler;
using F23Osa = F23.StringSimilarity.OptimalStringAlignment;
using QuickLevenshtein = Quickenshtein.Levenshtein;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// String similarity on 100,000 name pairs (<see cref="SimilarityInputs"/>): each category has a peer library as
/// the baseline, our static (one-off) method, and our prepared form. Every method runs over all pairs and declares
/// <c>OperationsPerInvoke = 100_000</c>, so every time is <b>per pair</b>.
/// </summary>
/// <remarks>
/// The corpus is 1,000 query names with 100 candidates each. Static and peer rows call <c>f(query, candidate)</c>
/// for every pair. <c>*_Prepared</c> rows use one prepared instance per query, built in <c>GlobalSetup</c> (as the
/// matcher and index build them when a record enters), and call it for the query's 100 candidates.
/// <c>*_PrepareEach</c> rows build the prepared instance inside the timed loop, once per 100 candidates, so they
/// include (and allocate) the preparation.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SimilarityBench
{
    private const int N = SimilarityInputs.PairCount;
    private const int PerQuery = SimilarityInputs.CandidatesPerQuery;

    private const string JaroWinklerCategory = "JaroWinkler";
    private const string LevenshteinCategory = "Levenshtein";
    private const string IndelCategory = "Indel";
    private const string OsaCategory = "OSA";

    private readonly F23JaroWinkler _f23JaroWinkler = new();
    private readonly F23Osa _f23Osa = new();

    private string[] _queries = [];
    private string[] _candidates = [];
    private PreparedJaroWinkler[] _preparedJaroWinkler = [];
    private PreparedLevenshtein[] _preparedLevenshtein = [];
    private PreparedIndel[] _preparedIndel = [];

    [GlobalSetup]
    public void Setup()
    {
        (_queries, _candidates) = SimilarityInputs.Create();
        Console.WriteLine("// SimilarityBench corpus: " + SimilarityInputs.Describe(_queries, _candidates));
        _preparedJaroWinkler = Array.ConvertAll(_queries, q => new PreparedJaroWinkler(q));
        _preparedLevenshtein = Array.ConvertAll(_queries, q => new PreparedLevenshtein(q));
        _preparedIndel = Array.ConvertAll(_queries, q => new PreparedIndel(q));

        // Rows of one category must do the same work: check they agree before timing anything.
        Agree(nameof(JaroWinkler_Prepared), JaroWinkler_Static(), JaroWinkler_Prepared());
        Agree(nameof(JaroWinkler_PrepareEach), JaroWinkler_Static(), JaroWinkler_PrepareEach());
        Agree(nameof(Levenshtein_Static), Levenshtein_Quickenshtein(), Levenshtein_Static());
        Agree(nameof(Levenshtein_Prepared), Levenshtein_Quickenshtein(), Levenshtein_Prepared());
        Agree(nameof(Levenshtein_PrepareEach), Levenshtein_Quickenshtein(), Levenshtein_PrepareEach());
        Agree(nameof(Indel_Static), Indel_Static(), Indel_Prepared());
        Agree(nameof(Indel_PrepareEach), Indel_Static(), Indel_PrepareEach());
        Agree(nameof(Osa_Static), Osa_F23(), Osa_Static());

        // FuzzySharp's Ratio is the indel similarity as a rounded percentage: compare pair by pair.
        for (var i = 0; i < N; i++)
        {
            var query = _queries[i / PerQuery];
            var ours = (int)Math.Round(100 * Indel.NormalizedSimilarity(query, _candidates[i]));
            if (ours != FuzzySharp.Fuzz.Ratio(query, _candidates[i]))
            {
                throw new InvalidOperationException($"Indel ratio differs from FuzzySharp Fuzz.Ratio at pair {i}.");
            }
        }

        static void Agree(string row, double expected, double actual)
        {
            if (expected != actual)
            {
                throw new InvalidOperationException($"{row} returned {actual}, expected {expected}.");
            }
        }
    }

    // ---------------------------------------------------------------- Jaro-Winkler

    /// <summary>F23.StringSimilarity's JaroWinkler (its own Jaro variant; the speed peer, not an oracle).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(JaroWinklerCategory)]
    public double JaroWinkler_F23()
    {
        var sum = 0.0;
        for (var i = 0; i < _candidates.Length; i++)
        {
            sum += _f23JaroWinkler.Similarity(_queries[i / PerQuery], _candidates[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(JaroWinklerCategory)]
    public double JaroWinkler_Static()
    {
        var sum = 0.0;
        for (var i = 0; i < _candidates.Length; i++)
        {
            sum += JaroWinkler.Similarity(_queries[i / PerQuery], _candidates[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(JaroWinklerCategory)]
    public double JaroWinkler_Prepared()
    {
        var sum = 0.0;
        for (var i = 0; i < _candidates.Length; i++)
        {
            sum += _preparedJaroWinkler[i / PerQuery].Similarity(_candidates[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(JaroWinklerCategory)]
    public double JaroWinkler_PrepareEach()
    {
        var sum = 0.0;
        for (var q = 0; q < _queries.Length; q++)
        {
            var prepared = new PreparedJaroWinkler(_queries[q]);
            for (var i = q * PerQuery; i < (q + 1) * PerQuery; i++)
            {
                sum += prepared.Similarity(_candidates[i]);
            }
        }

        return sum;
    }

    // ---------------------------------------------------------------- Levenshtein

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(LevenshteinCategory)]
    public double Levenshtein_Quickenshtein()
    {
        long sum = 0;
        for (var i = 0; i < _candidates.Length; i++)
        {
            sum += QuickLevenshtein.GetDistance(_queries[i / PerQuery], _candidates[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(LevenshteinCategory)]
    public double Levenshtein_Static()
    {
        long sum = 0;
        for (var i = 0; i < _candidates.Length; i++)
        {
            sum += Levenshtein.Distance(_queries[i / PerQuery], _candidates[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(LevenshteinCategory)]
    public double Levenshtein_Prepared()
    {
        long sum = 0;
        for (var i = 0; i < _candidates.Length; i++)
        {
            sum += _preparedLevenshtein[i / PerQuery].Distance(_candidates[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(LevenshteinCategory)]
    public double Levenshtein_PrepareEach()
    {
        long sum = 0;
        for (var q = 0; q < _queries.Length; q++)
        {
            var prepared = new PreparedLevenshtein(_queries[q]);
            for (var i = q * PerQuery; i < (q + 1) * PerQuery; i++)
            {
                sum += prepared.Distance(_candidates[i]);
            }
        }

        return sum;
    }

    // ---------------------------------------------------------------- Indel (FuzzySharp Ratio)

    /// <summary>FuzzySharp <c>Fuzz.Ratio</c>: the indel similarity as a rounded percentage.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(IndelCategory)]
    public double Indel_FuzzySharpRatio()
    {
        long sum = 0;
        for (var i = 0; i < _candidates.Length; i++)
        {
            sum += FuzzySharp.Fuzz.Ratio(_queries[i / PerQuery], _candidates[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(IndelCategory)]
    public double Indel_Static()
    {
        var sum = 0.0;
        for (var i = 0; i < _candidates.Length; i++)
        {
            sum += Indel.NormalizedSimilarity(_queries[i / PerQuery], _candidates[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(IndelCategory)]
    public double Indel_Prepared()
    {
        var sum = 0.0;
        for (var i = 0; i < _candidates.Length; i++)
        {
            sum += _preparedIndel[i / PerQuery].NormalizedSimilarity(_candidates[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(IndelCategory)]
    public double Indel_PrepareEach()
    {
        var sum = 0.0;
        for (var q = 0; q < _queries.Length; q++)
        {
            var prepared = new PreparedIndel(_queries[q]);
            for (var i = q * PerQuery; i < (q + 1) * PerQuery; i++)
            {
                sum += prepared.NormalizedSimilarity(_candidates[i]);
            }
        }

        return sum;
    }

    // ---------------------------------------------------------------- optimal string alignment

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(OsaCategory)]
    public double Osa_F23()
    {
        var sum = 0.0;
        for (var i = 0; i < _candidates.Length; i++)
        {
            sum += _f23Osa.Distance(_queries[i / PerQuery], _candidates[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(OsaCategory)]
    public double Osa_Static()
    {
        long sum = 0;
        for (var i = 0; i < _candidates.Length; i++)
        {
            sum += OptimalStringAlignment.Distance(_queries[i / PerQuery], _candidates[i]);
        }

        return sum;
    }
}
