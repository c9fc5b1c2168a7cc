using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NhsIdentity.Demographics;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// UK postcodes: validation, normalisation and formatting against the Regex code found in trust systems.
/// Every method runs over <see cref="PostcodeInputs.Count"/> items with <c>OperationsPerInvoke = N</c>, so every
/// time in the report is <b>per postcode</b>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PostcodeBench
{
    private const int N = PostcodeInputs.Count;

    private const string Validation = "Validate";
    private const string Normalisation = "Normalise";
    private const string Formatting = "Format";

    // The naive validator: the six shapes and the BS 7666 letter rules as one static regex over upper-cased,
    // space-free text, plus GIR 0AA, the way careful trust code writes it (written here from the published rules).
    private static readonly Regex NaivePattern = new(
        "^(GIR0AA|(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])[0-9][ABD-HJLNP-UW-Z]{2})$");

    private string[] _inputs = [];
    private byte[][] _utf8Inputs = [];
    private Postcode[] _postcodes = [];
    private string[] _storedNoSpace = [];

    /// <summary>The number of valid inputs; every validation row must return it.</summary>
    public int ExpectedValid { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _inputs = PostcodeInputs.Create();
        _utf8Inputs = Array.ConvertAll(_inputs, Encoding.UTF8.GetBytes);

        ExpectedValid = TryParse();
        Console.WriteLine("// " + PostcodeInputs.Describe(_inputs, ExpectedValid));
        Check(nameof(Naive), Naive());
        Check(nameof(TryParse_Utf8), TryParse_Utf8());
        if (ExpectedValid is < N * 85 / 100 or > N * 95 / 100)
        {
            throw new InvalidOperationException($"Input mix drifted: {ExpectedValid} of {N} valid, expected about 90%.");
        }

        // Both normalisers must produce the same canonical text for every input.
        Span<char> buffer = stackalloc char[Postcode.MaxFormattedLength];
        foreach (var input in _inputs)
        {
            var naive = NaiveNormalise(input);
            var ours = Postcode.TryParse(input, out var p) && p.TryFormat(buffer, out var written) ? new string(buffer[..written]) : null;
            if (naive != ours)
            {
                throw new InvalidOperationException("The naive and library normalisers disagree on an input (not shown: it is address data).");
            }
        }

        // Formatting works on N valid postcodes: the valid inputs, cycled to fill N so the loops need no modulo.
        var valid = Array.FindAll(Array.ConvertAll(_inputs, i => Postcode.TryParse(i, out var p) ? p : Postcode.Empty), p => !p.IsEmpty);
        _postcodes = new Postcode[N];
        for (var i = 0; i < N; i++)
        {
            _postcodes[i] = valid[i % valid.Length];
        }

        _storedNoSpace = Array.ConvertAll(_postcodes, p => p.ToString("N"));

        void Check(string row, int valid)
        {
            if (valid != ExpectedValid)
            {
                throw new InvalidOperationException($"{row} counted {valid} valid inputs, TryParse counted {ExpectedValid}.");
            }
        }
    }

    // ---------------------------------------------------------------- validation

    /// <summary>Trust-style validation: <c>ToUpperInvariant().Replace(" ", "")</c>, then the static regex.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(Validation)]
    public int Naive()
    {
        var valid = 0;
        foreach (var input in _inputs)
        {
            if (NaivePattern.IsMatch(input.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal)))
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
            if (Postcode.TryParse(input, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(Validation)]
    public int TryParse_Utf8()
    {
        var valid = 0;
        foreach (var input in _utf8Inputs)
        {
            if (Postcode.TryParse(input, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    // ---------------------------------------------------------------- normalisation (validate + canonical text)

    /// <summary>Trust-style normalisation: the naive validation, then <c>Insert(length - 3, " ")</c> for a canonical string.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(Normalisation)]
    public int Normalise_Naive()
    {
        var written = 0;
        foreach (var input in _inputs)
        {
            written += NaiveNormalise(input)?.Length ?? 0;
        }

        return written;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(Normalisation)]
    public int Normalise_TryParse_TryFormat()
    {
        Span<char> buffer = stackalloc char[Postcode.MaxFormattedLength];
        var written = 0;
        foreach (var input in _inputs)
        {
            if (Postcode.TryParse(input, out var postcode) && postcode.TryFormat(buffer, out var charsWritten))
            {
                written += charsWritten;
            }
        }

        return written;
    }

    // ---------------------------------------------------------------- formatting

    /// <summary>Trust-style display of a stored space-free postcode: <c>Insert(length - 3, " ")</c>.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(Formatting)]
    public int Format_Naive()
    {
        var written = 0;
        foreach (var stored in _storedNoSpace)
        {
            written += stored.Insert(stored.Length - 3, " ").Length;
        }

        return written;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(Formatting)]
    public int TryFormat_U()
    {
        Span<char> buffer = stackalloc char[Postcode.MaxFormattedLength];
        var written = 0;
        foreach (var postcode in _postcodes)
        {
            postcode.TryFormat(buffer, out var charsWritten);
            written += charsWritten;
        }

        return written;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(Formatting)]
    public int TryFormat_Utf8_S()
    {
        Span<byte> buffer = stackalloc byte[Postcode.MaxFormattedLength];
        var written = 0;
        foreach (var postcode in _postcodes)
        {
            postcode.TryFormat(buffer, out var bytesWritten, "S");
            written += bytesWritten;
        }

        return written;
    }

    private static string? NaiveNormalise(string input)
    {
        var compact = input.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        return NaivePattern.IsMatch(compact) ? compact.Insert(compact.Length - 3, " ") : null;
    }
}
