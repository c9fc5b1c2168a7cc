using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// The NHS number core: validation, formatting and generation, each against the naive code people write.
/// Every method runs over <see cref="NhsNumberInputs.Count"/> items and declares
/// <c>OperationsPerInvoke = N</c>, so every time in the report is <b>per number</b>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class NhsNumberBench
{
    private const int N = NhsNumberInputs.Count;
    private const int Seed = 2026;

    private const string Validation = "Validate";
    private const string Formatting = "Format";
    private const string Generation = "Generate";

    // The naive validator's pattern: one static instance, as careful-but-naive code has it.
    private static readonly Regex TenDigits = new(@"^\d{10}$");

    private static readonly int[] Weights = [10, 9, 8, 7, 6, 5, 4, 3, 2];

    private string[] _inputs = [];
    private byte[][] _utf8Inputs = [];
    private NhsNumber[] _numbers = [];
    private long[] _values = [];
    private NhsNumber[] _fillDestination = [];
    private long[] _naiveFillDestination = [];
    private NhsNumberGenerator _generator = null!;
    private Random _naiveRandom = null!;

    /// <summary>The number of valid inputs; every validation row must return it.</summary>
    public int ExpectedValid { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _inputs = NhsNumberInputs.Create();
        _utf8Inputs = Array.ConvertAll(_inputs, Encoding.UTF8.GetBytes);

        // Formatting works on 10,000 valid numbers, parsed once here from generated text.
        var source = new NhsNumberGenerator(new Random(Seed), NhsNumberRegion.EnglandWalesIsleOfMan);
        _numbers = new NhsNumber[N];
        for (var i = 0; i < N; i++)
        {
            _numbers[i] = NhsNumber.Parse(source.Next().ToString());
        }

        _values = Array.ConvertAll(_numbers, n => n.Value);

        _fillDestination = new NhsNumber[N];
        _naiveFillDestination = new long[N];
        _generator = new NhsNumberGenerator(new Random(Seed), NhsNumberRegion.Test);
        _naiveRandom = new Random(Seed);

        // All validation rows must do the same work: check that they agree before timing anything.
        ExpectedValid = IsValid();
        Check(nameof(Naive), Naive());
        Check(nameof(Validate), Validate());
        Check(nameof(TryParse), TryParse());
        Check(nameof(IsValid_Utf8), IsValid_Utf8());
        if (ExpectedValid is < N / 15 or > N / 8)
        {
            throw new InvalidOperationException($"Input mix drifted: {ExpectedValid} of {N} valid, expected about 1 in 11.");
        }

        void Check(string row, int valid)
        {
            if (valid != ExpectedValid)
            {
                throw new InvalidOperationException($"{row} counted {valid} valid inputs, IsValid counted {ExpectedValid}.");
            }
        }
    }

    // ---------------------------------------------------------------- validation

    /// <summary>The typical hand-written validator: strip spaces, regex, int.Parse per digit, weights 10..2.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(Validation)]
    public int Naive()
    {
        var valid = 0;
        foreach (var input in _inputs)
        {
            if (NaiveIsValid(input))
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(Validation)]
    public int IsValid()
    {
        var valid = 0;
        foreach (var input in _inputs)
        {
            if (NhsNumber.IsValid(input))
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(Validation)]
    public int Validate()
    {
        var valid = 0;
        foreach (var input in _inputs)
        {
            if (NhsNumber.Validate(input) == NhsNumberStatus.Valid)
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(Validation)]
    public int TryParse()
    {
        var valid = 0;
        foreach (var input in _inputs)
        {
            if (NhsNumber.TryParse(input, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(Validation)]
    public int IsValid_Utf8()
    {
        var valid = 0;
        foreach (var input in _utf8Inputs)
        {
            if (NhsNumber.IsValid(input))
            {
                valid++;
            }
        }

        return valid;
    }

    // ---------------------------------------------------------------- formatting

    /// <summary>The typical hand-written formatter: ToString("D10") then Substring and concatenation.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(Formatting)]
    public int Format_Naive()
    {
        var written = 0;
        foreach (var value in _values)
        {
            var digits = value.ToString("D10");
            var spaced = digits.Substring(0, 3) + " " + digits.Substring(3, 3) + " " + digits.Substring(6);
            written += spaced.Length;
        }

        return written;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(Formatting)]
    public int TryFormat_S()
    {
        Span<char> buffer = stackalloc char[12];
        var written = 0;
        foreach (var number in _numbers)
        {
            number.TryFormat(buffer, out var charsWritten, "S");
            written += charsWritten;
        }

        return written;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(Formatting)]
    public int TryFormat_N()
    {
        Span<char> buffer = stackalloc char[12];
        var written = 0;
        foreach (var number in _numbers)
        {
            number.TryFormat(buffer, out var charsWritten, "N");
            written += charsWritten;
        }

        return written;
    }

    // ---------------------------------------------------------------- generation

    /// <summary>The typical hand-written generator: Random.Next for a 999-range base, check digit via its string.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(Generation)]
    public long Fill_Naive()
    {
        var destination = _naiveFillDestination;
        for (var i = 0; i < destination.Length; i++)
        {
            while (true)
            {
                var nineDigitBase = _naiveRandom.Next(999_000_000, 1_000_000_000);
                var text = nineDigitBase.ToString();
                var sum = 0;
                for (var d = 0; d < 9; d++)
                {
                    sum += int.Parse(text[d].ToString()) * Weights[d];
                }

                var check = 11 - (sum % 11);
                if (check == 11)
                {
                    check = 0;
                }

                if (check != 10)
                {
                    destination[i] = long.Parse(text + check.ToString());
                    break;
                }
            }
        }

        return destination[^1];
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(Generation)]
    public long Fill()
    {
        _generator.Fill(_fillDestination);
        return _fillDestination[^1].Value;
    }

    private static bool NaiveIsValid(string input)
    {
        var digits = input.Replace(" ", "");
        if (!TenDigits.IsMatch(digits))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += int.Parse(digits[i].ToString()) * Weights[i];
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == int.Parse(digits[9].ToString());
    }
}
