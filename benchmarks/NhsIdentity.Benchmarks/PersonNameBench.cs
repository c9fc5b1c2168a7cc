using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NhsIdentity.Demographics;
using NhsIdentity.Text;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// Person-name normalisation and nickname lookups against the naive .NET code people write. Every method runs over
/// all inputs and declares <c>OperationsPerInvoke</c>, so every time in the report is <b>per name</b> (Normalize
/// category) or <b>per pair of names</b> (Nickname category).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PersonNameBench
{
    private const int N = PersonNameInputs.Count;
    private const int Pairs = 10_000;

    private const string Normalization = "Normalize";
    private const string Nicknames = "Nickname";

    private static readonly System.Buffers.SearchValues<char> AsciiOrPunctuation =
        System.Buffers.SearchValues.Create(string.Concat(Enumerable.Range(0, 128).Select(i => (char)i)) + "’–");
    private static readonly Regex Apostrophes = new("['’]");
    private static readonly Regex NonLetters = new("[^A-Z]+");
    private static readonly HashSet<string> NaiveTitles = ["MR", "MRS", "MS", "MISS", "MX", "MSTR", "MASTER", "DR", "DOCTOR", "PROF", "PROFESSOR", "REV", "REVD", "REVEREND", "SIR", "DAME", "LORD", "LADY"];
    private static readonly HashSet<string> NaiveSuffixes = ["JR", "JNR", "JUNIOR", "SR", "SNR", "SENIOR", "II", "III", "IV", "ESQ"];

    private string[] _names = [];
    private char[] _buffer = [];
    private char[] _compounds = [];
    private string[] _pairFirst = [];
    private string[] _pairSecond = [];
    private int[] _pairFirstIds = [];
    private int[] _pairSecondIds = [];
    private Dictionary<string, HashSet<string>> _naiveNicknames = [];
    private NicknameTable _table = null!;

    [GlobalSetup]
    public void Setup()
    {
        _names = PersonNameInputs.Create(BenchData.EvalDataFolder);
        _buffer = new char[1024];
        _compounds = new char[1024];
        _table = NicknameTable.Default;
        SetupNicknames();

        // Rows must do the same work. This repository builds with InvariantGlobalization=true, and there
        // string.Normalize(FormD) returns non-ASCII text unchanged: the naive code does not fold at all (its time is a
        // lower bound of what it costs with ICU). So the naive and library tokens are compared only on names whose
        // letters are ASCII (apostrophes and dashes may be typographic): there they must be identical.
        var comparable = 0;
        for (var i = 0; i < _names.Length; i++)
        {
            var name = _names[i];
            if (name.AsSpan().ContainsAnyExcept(AsciiOrPunctuation))
            {
                continue;
            }

            comparable++;
            var naive = string.Join('|', NaiveTokens(name));
            var ours = string.Join('|', OursTokens(name));
            if (naive != ours)
            {
                throw new InvalidOperationException($"Input {i}: naive and library tokens differ ({naive} / {ours}).");
            }
        }

        if (comparable < N / 3)
        {
            throw new InvalidOperationException($"Only {comparable} of {N} inputs are comparable: the input mix drifted.");
        }

        if (Normalize_Tokens() < Normalize_Naive())
        {
            throw new InvalidOperationException("The library found fewer token chars than the naive code.");
        }

        var equivalent = Nickname_Naive();
        Check(nameof(Nickname_Spans), Nickname_Spans(), equivalent);
        Check(nameof(Nickname_PreparedIds), Nickname_PreparedIds(), equivalent);
        if (equivalent is < Pairs / 4 or > Pairs * 3 / 4)
        {
            throw new InvalidOperationException($"{equivalent} of {Pairs} pairs equivalent: expected about half.");
        }

        static void Check(string row, int value, int expected)
        {
            if (value != expected)
            {
                throw new InvalidOperationException($"{row} returned {value}, the baseline {expected}.");
            }
        }
    }

    // ---------------------------------------------------------------- normalisation

    /// <summary>
    /// FormD + drop non-spacing marks + ToUpperInvariant + Regex + Split + title/suffix filter. Under this
    /// repository's InvariantGlobalization=true, FormD leaves non-ASCII text unchanged, so accented letters are lost
    /// instead of folded: the time is a lower bound of the naive cost.
    /// </summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    [BenchmarkCategory(Normalization)]
    public int Normalize_Naive()
    {
        var total = 0;
        foreach (var name in _names)
        {
            foreach (var token in NaiveTokens(name))
            {
                total += token.Length;
            }
        }

        return total;
    }

    /// <summary>PersonName.TryNormalize into a buffer, then EnumerateTokens (parts only, as the naive row).</summary>
    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(Normalization)]
    public int Normalize_Tokens()
    {
        var total = 0;
        var buffer = _buffer;
        foreach (var name in _names)
        {
            PersonName.TryNormalize(name, buffer, out var written);
            foreach (var token in PersonName.EnumerateTokens(buffer.AsSpan(0, written)))
            {
                total += token.Length;
            }
        }

        return total;
    }

    /// <summary>As <see cref="Normalize_Tokens"/>, plus the compound form of hyphenated names (JONES-SMITH: JONESSMITH).</summary>
    [Benchmark(OperationsPerInvoke = N)]
    [BenchmarkCategory(Normalization)]
    public int Normalize_TokensWithCompounds()
    {
        var total = 0;
        var buffer = _buffer;
        var compounds = _compounds;
        foreach (var name in _names)
        {
            PersonName.TryNormalize(name, buffer, out var written);
            foreach (var token in PersonName.EnumerateTokens(buffer.AsSpan(0, written), compounds))
            {
                total += token.Length;
            }
        }

        return total;
    }

    // ---------------------------------------------------------------- nicknames

    /// <summary>Dictionary&lt;string, HashSet&lt;string&gt;&gt; of the same pairs, ToUpperInvariant per name.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    [BenchmarkCategory(Nicknames)]
    public int Nickname_Naive()
    {
        var equivalent = 0;
        for (var i = 0; i < _pairFirst.Length; i++)
        {
            var a = _pairFirst[i].ToUpperInvariant();
            var b = _pairSecond[i].ToUpperInvariant();
            if (a == b || (_naiveNicknames.TryGetValue(a, out var set) && set.Contains(b)))
            {
                equivalent++;
            }
        }

        return equivalent;
    }

    /// <summary>PersonName.TryNormalize each raw name on the stack, then NicknameTable.AreEquivalent on spans.</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    [BenchmarkCategory(Nicknames)]
    public int Nickname_Spans()
    {
        Span<char> a = stackalloc char[64];
        Span<char> b = stackalloc char[64];
        var equivalent = 0;
        for (var i = 0; i < _pairFirst.Length; i++)
        {
            PersonName.TryNormalize(_pairFirst[i], a, out var lengthA);
            PersonName.TryNormalize(_pairSecond[i], b, out var lengthB);
            if (_table.AreEquivalent(a[..lengthA], b[..lengthB]))
            {
                equivalent++;
            }
        }

        return equivalent;
    }

    /// <summary>The matcher's path: ids prepared once per record (TryGetId), then AreEquivalent(int, int) per pair.</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    [BenchmarkCategory(Nicknames)]
    public int Nickname_PreparedIds()
    {
        var equivalent = 0;
        var first = _pairFirstIds;
        var second = _pairSecondIds;
        for (var i = 0; i < first.Length; i++)
        {
            if (_table.AreEquivalent(first[i], second[i]))
            {
                equivalent++;
            }
        }

        return equivalent;
    }

    private static string[] NaiveTokens(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        var upper = sb.ToString().ToUpperInvariant();
        var cleaned = NonLetters.Replace(Apostrophes.Replace(upper, ""), " ");
        var tokens = cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (tokens.Count > 1 && NaiveTitles.Contains(tokens[0]))
        {
            tokens.RemoveAt(0);
        }

        while (tokens.Count > 1 && NaiveSuffixes.Contains(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return [.. tokens];
    }

    private List<string> OursTokens(string name)
    {
        var tokens = new List<string>();
        PersonName.TryNormalize(name, _buffer, out var written);
        foreach (var token in PersonName.EnumerateTokens(_buffer.AsSpan(0, written)))
        {
            tokens.Add(token.ToString());
        }

        return tokens;
    }

    private void SetupNicknames()
    {
        var table = _table;
        _naiveNicknames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var id = 0; id < table.NameCount; id++)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var other in table.GetEquivalentIds(id))
            {
                set.Add(table.GetName(other));
            }

            _naiveNicknames[table.GetName(id)] = set;
        }

        // Half the pairs are equivalent names, half random names; mixed case, as typed.
        var random = new Random(PersonNameInputs.Seed + 1);
        _pairFirst = new string[Pairs];
        _pairSecond = new string[Pairs];
        _pairFirstIds = new int[Pairs];
        _pairSecondIds = new int[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            var a = random.Next(table.NameCount);
            var related = table.GetEquivalentIds(a);
            var b = random.Next(2) == 0 && !related.IsEmpty ? related[random.Next(related.Length)] : random.Next(table.NameCount);
            _pairFirst[i] = MixCase(table.GetName(a), random);
            _pairSecond[i] = MixCase(table.GetName(b), random);
            _pairFirstIds[i] = a;
            _pairSecondIds[i] = b;
        }

        static string MixCase(string name, Random random) => random.Next(3) switch
        {
            0 => name,
            1 => name.ToLowerInvariant(),
            _ => name[..1] + name[1..].ToLowerInvariant(),
        };
    }
}
