using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NhsIdentity.Text.Phonetics;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// The phonetic encoders over 10,000 UK surnames and given names (<see cref="PhoneticInputs"/>), each against a
/// straightforward string-building implementation of the same algorithm (<see cref="PhoneticNaive"/>). Double
/// Metaphone's baseline is the library's own allocating <see cref="DoubleMetaphone.Encode(string)"/> (a naive Double
/// Metaphone would be a second 600-line port). Every row declares <c>OperationsPerInvoke = N</c>, so times are
/// <b>per name</b>, and returns the total code length so the JIT cannot drop the work.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PhoneticBench
{
    private const int N = PhoneticInputs.Count;

    private const string SoundexCategory = "Soundex";
    private const string NysiisCategory = "NYSIIS";
    private const string CaverphoneCategory = "Caverphone2";
    private const string MetaphoneCategory = "DoubleMetaphone";

    private string[] _names = [];

    [GlobalSetup]
    public void Setup()
    {
        _names = PhoneticInputs.Create();

        // The rows of a category must compute the same codes: check every name before timing anything.
        Span<char> buffer = stackalloc char[DoubleMetaphone.DefaultMaxLength];
        Span<char> alternate = stackalloc char[DoubleMetaphone.DefaultMaxLength];
        foreach (var name in _names)
        {
            Agree("Soundex", PhoneticNaive.Soundex(name), Soundex.TryEncode(name, buffer, out var w) ? buffer[..w].ToString() : null);
            Agree("NYSIIS", PhoneticNaive.Nysiis(name), Nysiis.TryEncode(name, buffer, out w) ? buffer[..w].ToString() : null);
            Agree("Caverphone2", PhoneticNaive.Caverphone2(name), Caverphone2.TryEncode(name, buffer, out w) ? buffer[..w].ToString() : null);
            var pair = DoubleMetaphone.Encode(name);
            DoubleMetaphone.TryEncode(name, buffer, alternate, out var p, out var a);
            Agree("DoubleMetaphone", pair.Primary + "/" + pair.Alternate, buffer[..p].ToString() + "/" + alternate[..a].ToString());
        }

        static void Agree(string encoder, string naive, string? library)
        {
            if (naive != library)
            {
                // No name in the message: the sample is public data, but the habit is the house rule.
                throw new InvalidOperationException($"{encoder}: the baseline and the library disagree on a benchmark name.");
            }
        }
    }

    // ---------------------------------------------------------------- Soundex

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(SoundexCategory)]
    public int Soundex_Naive()
    {
        var total = 0;
        foreach (var name in _names)
        {
            total += PhoneticNaive.Soundex(name).Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(SoundexCategory)]
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

    // ---------------------------------------------------------------- NYSIIS

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(NysiisCategory)]
    public int Nysiis_Naive()
    {
        var total = 0;
        foreach (var name in _names)
        {
            total += PhoneticNaive.Nysiis(name).Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(NysiisCategory)]
    public int Nysiis_TryEncode()
    {
        Span<char> code = stackalloc char[Nysiis.DefaultMaxLength];
        var total = 0;
        foreach (var name in _names)
        {
            Nysiis.TryEncode(name, code, out var written);
            total += written;
        }

        return total;
    }

    // ---------------------------------------------------------------- Caverphone 2.0

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(CaverphoneCategory)]
    public int Caverphone2_Naive()
    {
        var total = 0;
        foreach (var name in _names)
        {
            total += PhoneticNaive.Caverphone2(name).Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(CaverphoneCategory)]
    public int Caverphone2_TryEncode()
    {
        Span<char> code = stackalloc char[Caverphone2.MaxCodeLength];
        var total = 0;
        foreach (var name in _names)
        {
            Caverphone2.TryEncode(name, code, out var written);
            total += written;
        }

        return total;
    }

    // ---------------------------------------------------------------- Double Metaphone

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(MetaphoneCategory)]
    public int DoubleMetaphone_Encode()
    {
        var total = 0;
        foreach (var name in _names)
        {
            var code = DoubleMetaphone.Encode(name);
            total += code.Primary.Length + code.Alternate.Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(MetaphoneCategory)]
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
}
