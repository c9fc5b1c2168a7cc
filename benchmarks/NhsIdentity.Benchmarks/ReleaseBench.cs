using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NhsIdentity.Demographics;
using NhsIdentity.Text.Phonetics;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// The public-API hot paths, timed the same way in every NhsIdentity version, for comparing releases in one run
/// (<c>--versions 0.1.0,working</c>, see <see cref="ReleaseComparison"/>): NHS number validate/parse/format, postcode
/// parse, Jaro-Winkler and Levenshtein, Soundex and Double Metaphone (this file), and preparing records, scoring a pair,
/// deduplicating and an index lookup (<c>ReleaseBench.Matching.cs</c>). Every time is per item (per number, postcode,
/// pair, name, record, lookup) except <see cref="Linker_Deduplicate"/> (per run).
/// </summary>
/// <remarks>
/// <para>No row is a method baseline: the baseline is the first version's job, so each row's Ratio is "this version's
/// time over the baseline version's time for the same work". Inputs are the other benchmarks' fixed-seed inputs (the
/// text inputs need the shared evaluation data, like <see cref="SimilarityBench"/>).</para>
/// <para>This class and what it uses are all the package build compiles (see the project file), so it may call only
/// public API that every compared release has. Each setup prints the NhsIdentity build it measures and a checksum of
/// the work (counts, sums of scores) to the log, so a run shows both versions did the same work.</para>
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public partial class ReleaseBench
{
    private const string NhsNumberCategory = "NhsNumber";
    private const string PostcodeCategory = "Postcode";
    private const string SimilarityCategory = "Similarity";
    private const string PhoneticCategory = "Phonetic";

    private const int NhsCount = NhsNumberInputs.Count;
    private const int PostcodeCount = PostcodeInputs.Count;
    private const int PairCount = SimilarityInputs.PairCount;
    private const int PerQuery = SimilarityInputs.CandidatesPerQuery;
    private const int NameCount = PhoneticInputs.Count;

    private string[] _nhsInputs = [];
    private NhsNumber[] _nhsNumbers = [];
    private string[] _postcodes = [];
    private string[] _queries = [];
    private string[] _candidates = [];
    private string[] _names = [];

    /// <summary>The informational version of the NhsIdentity assembly this process loaded (package or working tree).</summary>
    public static string LibraryVersion =>
        typeof(NhsNumber).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";

    [GlobalSetup(Targets = [nameof(NhsNumber_IsValid), nameof(NhsNumber_TryParse), nameof(NhsNumber_TryFormat)])]
    public void SetupNhsNumbers()
    {
        _nhsInputs = NhsNumberInputs.Create();
        var source = new NhsNumberGenerator(new Random(NhsNumberInputs.Seed), NhsNumberRegion.EnglandWalesIsleOfMan);
        _nhsNumbers = new NhsNumber[NhsCount];
        for (var i = 0; i < NhsCount; i++)
        {
            _nhsNumbers[i] = source.Next();
        }

        var valid = NhsNumber_IsValid();
        if (valid != NhsNumber_TryParse())
        {
            throw new InvalidOperationException("IsValid and TryParse disagree on the NHS number inputs.");
        }

        Log(NhsNumberCategory, $"{valid} of {NhsCount} inputs valid, {NhsNumber_TryFormat()} characters formatted");
    }

    [GlobalSetup(Targets = [nameof(Postcode_TryParse)])]
    public void SetupPostcodes()
    {
        _postcodes = PostcodeInputs.Create();
        Log(PostcodeCategory, $"{Postcode_TryParse()} of {PostcodeCount} inputs valid ({PostcodeInputs.Source})");
    }

    [GlobalSetup(Targets = [nameof(JaroWinkler_Similarity), nameof(Levenshtein_Distance)])]
    public void SetupSimilarity()
    {
        (_queries, _candidates) = SimilarityInputs.Create();
        Log(SimilarityCategory, string.Create(CultureInfo.InvariantCulture,
            $"{PairCount} pairs, Jaro-Winkler sum {JaroWinkler_Similarity():F6}, Levenshtein sum {Levenshtein_Distance()}"));
    }

    [GlobalSetup(Targets = [nameof(Soundex_TryEncode), nameof(DoubleMetaphone_TryEncode)])]
    public void SetupPhonetics()
    {
        _names = PhoneticInputs.Create();
        Log(PhoneticCategory, $"{NameCount} names, Soundex {Soundex_TryEncode()} and Double Metaphone {DoubleMetaphone_TryEncode()} code characters");
    }

    // ---------------------------------------------------------------- NHS number

    /// <summary><see cref="NhsNumber.IsValid(string)"/> over the <see cref="NhsNumberBench"/> validation inputs.</summary>
    [Benchmark(OperationsPerInvoke = NhsCount)]
    [BenchmarkCategory(NhsNumberCategory)]
    public int NhsNumber_IsValid()
    {
        var valid = 0;
        foreach (var input in _nhsInputs)
        {
            valid += NhsNumber.IsValid(input) ? 1 : 0;
        }

        return valid;
    }

    /// <summary><see cref="NhsNumber.TryParse(string, out NhsNumber)"/> over the same inputs.</summary>
    [Benchmark(OperationsPerInvoke = NhsCount)]
    [BenchmarkCategory(NhsNumberCategory)]
    public int NhsNumber_TryParse()
    {
        var valid = 0;
        foreach (var input in _nhsInputs)
        {
            valid += NhsNumber.TryParse(input, out _) ? 1 : 0;
        }

        return valid;
    }

    /// <summary><c>TryFormat(span, out written, "S")</c> (<c>450 557 7104</c>) of 10,000 valid numbers.</summary>
    [Benchmark(OperationsPerInvoke = NhsCount)]
    [BenchmarkCategory(NhsNumberCategory)]
    public int NhsNumber_TryFormat()
    {
        Span<char> buffer = stackalloc char[12];
        var written = 0;
        foreach (var number in _nhsNumbers)
        {
            number.TryFormat(buffer, out var charsWritten, "S");
            written += charsWritten;
        }

        return written;
    }

    // ---------------------------------------------------------------- postcode

    /// <summary><see cref="Postcode.TryParse(string, out Postcode)"/> over the <see cref="PostcodeBench"/> inputs.</summary>
    [Benchmark(OperationsPerInvoke = PostcodeCount)]
    [BenchmarkCategory(PostcodeCategory)]
    public int Postcode_TryParse()
    {
        var valid = 0;
        foreach (var input in _postcodes)
        {
            valid += Postcode.TryParse(input, out _) ? 1 : 0;
        }

        return valid;
    }

    // ---------------------------------------------------------------- similarity

    /// <summary><see cref="JaroWinkler.Similarity(ReadOnlySpan{char}, ReadOnlySpan{char})"/> per name pair.</summary>
    [Benchmark(OperationsPerInvoke = PairCount)]
    [BenchmarkCategory(SimilarityCategory)]
    public double JaroWinkler_Similarity()
    {
        var sum = 0.0;
        for (var i = 0; i < _candidates.Length; i++)
        {
            sum += JaroWinkler.Similarity(_queries[i / PerQuery], _candidates[i]);
        }

        return sum;
    }

    /// <summary><see cref="Levenshtein.Distance(ReadOnlySpan{char}, ReadOnlySpan{char})"/> per name pair.</summary>
    [Benchmark(OperationsPerInvoke = PairCount)]
    [BenchmarkCategory(SimilarityCategory)]
    public long Levenshtein_Distance()
    {
        long sum = 0;
        for (var i = 0; i < _candidates.Length; i++)
        {
            sum += Levenshtein.Distance(_queries[i / PerQuery], _candidates[i]);
        }

        return sum;
    }

    // ---------------------------------------------------------------- phonetics

    /// <summary><see cref="Soundex.TryEncode(ReadOnlySpan{char}, Span{char}, out int)"/> per name.</summary>
    [Benchmark(OperationsPerInvoke = NameCount)]
    [BenchmarkCategory(PhoneticCategory)]
    public int Soundex_TryEncode()
    {
        Span<char> code = stackalloc char[Soundex.MaxCodeLength];
        var total = 0;
        foreach (var name in _names)
        {
            Soundex.TryEncode(name, code, out var written);
            total += written;
        }

        return total;
    }

    /// <summary>Double Metaphone's primary and alternate codes into two stack buffers, per name.</summary>
    [Benchmark(OperationsPerInvoke = NameCount)]
    [BenchmarkCategory(PhoneticCategory)]
    public int DoubleMetaphone_TryEncode()
    {
        Span<char> primary = stackalloc char[DoubleMetaphone.DefaultMaxLength];
        Span<char> alternate = stackalloc char[DoubleMetaphone.DefaultMaxLength];
        var total = 0;
        foreach (var name in _names)
        {
            DoubleMetaphone.TryEncode(name, primary, alternate, out var p, out var a);
            total += p + a;
        }

        return total;
    }

    // One line per setup in the run's log: which build ran and what it computed (the same in every version unless
    // behaviour changed). Counts and sums only: no input text.
    private static void Log(string category, string checksum) =>
        Console.WriteLine($"// ReleaseBench {category} [NhsIdentity {LibraryVersion}]: {checksum}");
}
