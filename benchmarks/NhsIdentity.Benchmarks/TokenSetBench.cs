using BenchmarkDotNet.Attributes;
using FuzzySharp;
using FuzzySharp.PreProcess;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// Token-set similarity of 256 invented address pairs (<see cref="TokenSetInputs"/>): FuzzySharp's
/// <c>Fuzz.TokenSetRatio</c> (the baseline), ours on raw text, and ours on forms prepared once per record (the
/// matcher's hot path). Every method runs over all pairs and declares <c>OperationsPerInvoke = 256</c>, so every
/// time is <b>per pair</b>.
/// </summary>
/// <remarks>
/// FuzzySharp is called with <c>PreprocessMode.Full</c> (lower-case, non-alphanumerics to spaces), the overload that
/// reads raw addresses as <see cref="TokenSet"/> does; <c>FuzzySharp_OnPrepared</c> gives it our prepared forms
/// instead, with its default (unprocessed) overload, to show its cost without preprocessing. <c>GlobalSetup</c>
/// checks that every pair's rounded percentage is the same in all rows.
/// </remarks>
[MemoryDiagnoser]
public class TokenSetBench
{
    private const int N = TokenSetInputs.PairCount;

    private string[] _a = [];
    private string[] _b = [];
    private string[] _preparedA = [];
    private string[] _preparedB = [];

    [GlobalSetup]
    public void Setup()
    {
        (_a, _b) = TokenSetInputs.Create();
        Console.WriteLine("// TokenSetBench corpus: " + TokenSetInputs.Describe(_a, _b));
        _preparedA = Array.ConvertAll(_a, TokenSet.Prepare);
        _preparedB = Array.ConvertAll(_b, TokenSet.Prepare);

        for (var i = 0; i < N; i++)
        {
            var expected = Fuzz.TokenSetRatio(_a[i], _b[i], PreprocessMode.Full);
            var raw = TokenSet.Similarity(_a[i], _b[i]);
            var prepared = TokenSet.SimilarityOfPrepared(_preparedA[i], _preparedB[i]);
            if ((int)Math.Round(100 * raw) != expected || prepared != raw
                || Fuzz.TokenSetRatio(_preparedA[i], _preparedB[i]) != expected)
            {
                throw new InvalidOperationException($"TokenSetBench rows disagree at pair {i}.");
            }
        }
    }

    /// <summary>FuzzySharp <c>Fuzz.TokenSetRatio</c> with full preprocessing, on the raw texts.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public long FuzzySharp_TokenSetRatio()
    {
        long sum = 0;
        for (var i = 0; i < N; i++)
        {
            sum += Fuzz.TokenSetRatio(_a[i], _b[i], PreprocessMode.Full);
        }

        return sum;
    }

    /// <summary>FuzzySharp's default overload on our prepared forms (no preprocessing left for it to do).</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public long FuzzySharp_OnPrepared()
    {
        long sum = 0;
        for (var i = 0; i < N; i++)
        {
            sum += Fuzz.TokenSetRatio(_preparedA[i], _preparedB[i]);
        }

        return sum;
    }

    /// <summary><see cref="TokenSet.Similarity"/> on the raw texts: prepares both into stack scratch, then compares.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public double TokenSet_Similarity()
    {
        var sum = 0.0;
        for (var i = 0; i < N; i++)
        {
            sum += TokenSet.Similarity(_a[i], _b[i]);
        }

        return sum;
    }

    /// <summary><see cref="TokenSet.SimilarityOfPrepared"/> on forms prepared in setup, as the matcher compares records.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public double TokenSet_SimilarityOfPrepared()
    {
        var sum = 0.0;
        for (var i = 0; i < N; i++)
        {
            sum += TokenSet.SimilarityOfPrepared(_preparedA[i], _preparedB[i]);
        }

        return sum;
    }
}
