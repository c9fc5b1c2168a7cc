using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NhsIdentity.Privacy;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// Opt-out lists and pseudonyms: <see cref="NhsNumberSet"/> against a <see cref="HashSet{T}"/> of <see cref="long"/>
/// (the obvious container) for membership and loading, and <see cref="NhsNumberPseudonymiser"/> against the naive
/// per-call <see cref="HMACSHA256"/> instance over <c>ToString("N")</c>. Times are <b>per number</b>
/// (<c>OperationsPerInvoke</c>): per lookup over <see cref="Probes"/> probes into a set of <see cref="Members"/>
/// numbers, per loaded number for the loads, per pseudonym for the HMAC rows.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class NhsNumberSetBench
{
    /// <summary>The size of the opt-out list: a million numbers, a large trust's share of the national list.</summary>
    public const int Members = 1_000_000;

    /// <summary>Lookups per invocation: half members, half numbers drawn independently.</summary>
    public const int Probes = 10_000;

    private const int Pseudonyms = 1_000;
    private const int Seed = 2026;

    private const string Lookup = "Contains";
    private const string LoadText = "LoadText";
    private const string Pseudonymise = "Pseudonymise";

    private NhsNumber[] _members = [];
    private NhsNumber[] _probes = [];
    private byte[] _listFile = [];
    private HashSet<long> _hashSet = [];
    private NhsNumberSet _set = NhsNumberSet.Empty;
    private NhsNumberPseudonymiser _pseudonymiser = null!;
    private byte[] _key = [];
    private readonly byte[] _destination = new byte[32];

    [GlobalSetup]
    public void Setup()
    {
        // England-range numbers, as a real list holds; fixed seed.
        var generator = new NhsNumberGenerator(new Random(Seed), NhsNumberRegion.EnglandWalesIsleOfMan);
        _members = new NhsNumber[Members];
        generator.Fill(_members);
        var others = new NhsNumberGenerator(new Random(Seed + 1), NhsNumberRegion.EnglandWalesIsleOfMan);
        _probes = new NhsNumber[Probes];
        for (var i = 0; i < Probes; i++)
        {
            _probes[i] = i % 2 == 0 ? _members[(int)((long)i * 7919 % Members)] : others.Next();
        }

        var text = new StringBuilder(Members * 12);
        foreach (var member in _members)
        {
            text.Append(member.ToString("N")).Append('\n');
        }

        _listFile = Encoding.UTF8.GetBytes(text.ToString());
        _hashSet = [.. Array.ConvertAll(_members, m => m.Value)];
        _set = NhsNumberSet.Create(_members);

        _key = new byte[32];
        new Random(Seed).NextBytes(_key); // a fixed benchmark key, not a secret
        _pseudonymiser = new NhsNumberPseudonymiser(new PseudonymKey(_key, "bench"));

        // Rows in a group must agree before anything is timed.
        Require(HashSet_Contains() == NhsNumberSet_Contains(), "the two sets disagree on the probes");
        Require(HashSet_LoadText() == NhsNumberSet_LoadText(), "the two loads hold different counts");
        Require(_hashSet.Count == _set.Count, "the two sets hold different counts");
        Require(Naive_Hmac() == Pseudonymiser_TryPseudonymise(), "the HMAC rows wrote different byte counts");
    }

    // ---------------------------------------------------------------- lookups

    [Benchmark(Baseline = true, OperationsPerInvoke = Probes)]
    [BenchmarkCategory(Lookup)]
    public int HashSet_Contains()
    {
        var found = 0;
        foreach (var probe in _probes)
        {
            if (_hashSet.Contains(probe.Value))
            {
                found++;
            }
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Probes)]
    [BenchmarkCategory(Lookup)]
    public int NhsNumberSet_Contains()
    {
        var found = 0;
        foreach (var probe in _probes)
        {
            if (_set.Contains(probe))
            {
                found++;
            }
        }

        return found;
    }

    // ---------------------------------------------------------------- loading a list file

    /// <summary>The obvious loader: <see cref="StreamReader.ReadLine"/>, <see cref="NhsNumber.TryParse(string?, out NhsNumber)"/>, <see cref="HashSet{T}.Add"/>.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Members)]
    [BenchmarkCategory(LoadText)]
    public int HashSet_LoadText()
    {
        var set = new HashSet<long>();
        using var reader = new StreamReader(new MemoryStream(_listFile), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (NhsNumber.TryParse(line, out var number))
            {
                set.Add(number.Value);
            }
        }

        return set.Count;
    }

    [Benchmark(OperationsPerInvoke = Members)]
    [BenchmarkCategory(LoadText)]
    public int NhsNumberSet_LoadText() => NhsNumberSet.Load(new MemoryStream(_listFile), out _).Count;

    // ---------------------------------------------------------------- pseudonyms

    /// <summary>The naive HMAC: a new <see cref="HMACSHA256"/> and a digit string per number.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Pseudonyms)]
    [BenchmarkCategory(Pseudonymise)]
    public int Naive_Hmac()
    {
        var sum = 0;
        for (var i = 0; i < Pseudonyms; i++)
        {
            using var hmac = new HMACSHA256(_key);
            sum += hmac.ComputeHash(Encoding.ASCII.GetBytes(_members[i].ToString("N"))).Length;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pseudonyms)]
    [BenchmarkCategory(Pseudonymise)]
    public int Pseudonymiser_TryPseudonymise()
    {
        var sum = 0;
        for (var i = 0; i < Pseudonyms; i++)
        {
            _pseudonymiser.TryPseudonymise(_members[i], _destination, out var written);
            sum += written;
        }

        return sum;
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("NhsNumberSetBench setup: " + what + ".");
        }
    }
}
