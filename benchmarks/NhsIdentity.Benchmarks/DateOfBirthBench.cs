using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NhsIdentity.Demographics;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// Dates of birth and sex codes as an interface engine reads them from an extract, against the code trusts write.
/// Every method runs over <see cref="DateOfBirthInputs.Count"/> items and declares <c>OperationsPerInvoke = N</c>, so
/// every time in the report is <b>per item</b>. Each row returns the number of inputs it accepted.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DateOfBirthBench
{
    private const int N = DateOfBirthInputs.Count;
    private const string Dates = "DateOfBirth";
    private const string SexCodesCategory = "Sex";

    private string[] _dates = [];
    private byte[][] _utf8Dates = [];
    private string[] _sexCodes = [];
    private byte[][] _utf8SexCodes = [];

    [GlobalSetup]
    public void Setup()
    {
        _dates = DateOfBirthInputs.CreateDates();
        _utf8Dates = Array.ConvertAll(_dates, Encoding.UTF8.GetBytes);
        _sexCodes = DateOfBirthInputs.CreateSexCodes();
        _utf8SexCodes = Array.ConvertAll(_sexCodes, Encoding.UTF8.GetBytes);

        // The rows must do the same work: check every input gives the same answer before timing anything.
        for (var i = 0; i < N; i++)
        {
            var bclOk = DateTime.TryParseExact(_dates[i], DateOfBirthInputs.BclFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var bcl);
            var ours = DateOfBirth.TryParse(_dates[i], out var dob);
            var agree = bclOk == ours && (!ours || (dob.Year == bcl.Year
                && (dob.Month == 0 || dob.Month == bcl.Month)
                && (dob.Day == 0 || dob.Day == bcl.Day)));
            if (!agree || DateOfBirth.TryParse(_utf8Dates[i], out var fromUtf8) != ours || fromUtf8 != dob)
            {
                throw new InvalidOperationException($"Date input {i} ({_dates[i]}): the rows disagree.");
            }

            var naiveOk = NaiveSex(_sexCodes[i], out var naive);
            if (naiveOk != SexCodes.TryParse(_sexCodes[i], out var sex) || naive != sex
                || SexCodes.TryParse(_utf8SexCodes[i], out var sexUtf8) != naiveOk || sexUtf8 != sex)
            {
                throw new InvalidOperationException($"Sex input {i} ({_sexCodes[i]}): the rows disagree.");
            }
        }

        var valid = Bcl_TryParseExact();
        if (valid is < N * 90 / 100 or > N * 99 / 100)
        {
            throw new InvalidOperationException($"Input mix drifted: {valid} of {N} valid, expected about 95%.");
        }
    }

    // ---------------------------------------------------------------- dates of birth

    /// <summary>What trust code does: DateTime.TryParseExact with every layout in one array, invariant culture.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(Dates)]
    public int Bcl_TryParseExact()
    {
        var valid = 0;
        foreach (var input in _dates)
        {
            if (DateTime.TryParseExact(input, DateOfBirthInputs.BclFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(Dates)]
    public int TryParse()
    {
        var valid = 0;
        foreach (var input in _dates)
        {
            if (DateOfBirth.TryParse(input, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(Dates)]
    public int TryParse_Utf8()
    {
        var valid = 0;
        foreach (var input in _utf8Dates)
        {
            if (DateOfBirth.TryParse(input, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    // ---------------------------------------------------------------- sex codes

    /// <summary>The typical hand-written reader: a switch on ToUpperInvariant().Trim().</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(SexCodesCategory)]
    public int Sex_Naive()
    {
        var valid = 0;
        foreach (var input in _sexCodes)
        {
            if (NaiveSex(input, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(SexCodesCategory)]
    public int Sex_TryParse()
    {
        var valid = 0;
        foreach (var input in _sexCodes)
        {
            if (SexCodes.TryParse(input, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(SexCodesCategory)]
    public int Sex_TryParse_Utf8()
    {
        var valid = 0;
        foreach (var input in _utf8SexCodes)
        {
            if (SexCodes.TryParse(input, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    private static bool NaiveSex(string input, out Sex sex)
    {
        switch (input.ToUpperInvariant().Trim())
        {
            case "M" or "MALE" or "1":
                sex = Sex.Male;
                return true;
            case "F" or "FEMALE" or "2":
                sex = Sex.Female;
                return true;
            case "9" or "I" or "INDETERMINATE":
                sex = Sex.Indeterminate;
                return true;
            case "O" or "OTHER":
                sex = Sex.Other;
                return true;
            case "U" or "X" or "0" or "UNKNOWN" or "NOT KNOWN":
                sex = Sex.Unknown;
                return true;
            default:
                sex = Sex.Unknown;
                return false;
        }
    }
}
