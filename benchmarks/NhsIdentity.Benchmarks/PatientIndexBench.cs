using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// "Who is this patient?" lookups against a <see cref="PatientIndex"/> of 1,000,000 generated records, per lookup
/// (<c>OperationsPerInvoke</c>): the span overload, the list overload, and as the baseline a naive linear scan that
/// scores the query against every record of a 10,000-record subset (a full scan of 1,000,000 would take about 100
/// times as long; it is not run, to keep the report under a few minutes).
/// </summary>
/// <remarks>
/// <para>The records come from <see cref="Population"/>: invented given and family names built from syllables
/// (2,000 and 4,000 of them, drawn with a skew so the commonest family name is about 1.6% of records, as Smith is in
/// England), dates of birth uniform over 100 years, about 250,000 postcodes in real area codes (about four records each), 90% with a distinct
/// 999-range NHS number. Queries are noisy copies of indexed records (no NHS number in 30%, a transposed or dropped
/// letter in the family name, case and spacing changes, some day-month swaps), as an interface engine receives
/// them. Term frequencies are refreshed once after loading.</para>
/// <para>The index rows prepare each query inside the timed loop; the baseline scores queries prepared in
/// <c>GlobalSetup</c>, which flatters the baseline slightly.</para>
/// <para><see cref="Rules"/>: <c>default</c> is <see cref="PatientIndexOptions.Default"/> (the twelve rules of
/// <see cref="BlockingRule.IndexDefaults"/>: the linker's fourteen without <c>dob</c> and <c>address</c>; <c>dob</c> on this population
/// brought about 22 of a lookup's 27 candidates); <c>nine</c> leaves out the five rules added for recall after
/// f2e3b64 (<c>name-soundex-set+birth-year</c>, <c>dob</c>, <c>postcode+given-initial</c>, <c>address</c>,
/// <c>family-soundex+given-initial+birth-year</c>), so the same work can be timed against that release. Its addresses
/// (200 house numbers in 16 streets, no town: about 300 records each) are far denser than real ones, so a rule on
/// the address alone is far costlier here than on real data.</para>
/// </remarks>
[MemoryDiagnoser]
public class PatientIndexBench : IDisposable
{
    private const int RecordCount = 1_000_000;
    private const int QueryCount = 1_000;
    private const int SubsetCount = 10_000;
    private const int ScanQueryCount = 100;
    private const int MaxResults = 10;

    private static readonly BlockingRule[] AddedAfterF2e3b64 =
    [
        BlockingRule.NameSoundexSetAndBirthYear, BlockingRule.DateOfBirth, BlockingRule.PostcodeAndGivenInitial,
        BlockingRule.FamilySoundexGivenInitialAndBirthYear, BlockingRule.Address,
    ];

    /// <summary>The blocking rules: <c>default</c> or <c>nine</c> (see the remarks).</summary>
    [Params("default", "nine")]
    public string Rules { get; set; } = "default";

    private PatientIndex _index = null!;
    private PatientRecord[] _queries = [];
    private readonly IndexMatch[] _destination = new IndexMatch[MaxResults];
    private RecordSet _subset = null!;
    private RecordSet _scanQueries = null!;

    [GlobalSetup]
    public void Setup()
    {
        var population = new Population(seed: 20261124);
        var subset = new List<PatientRecord>(SubsetCount);
        _index = new PatientIndex(MatchModel.Default, Rules switch
        {
            "default" => PatientIndexOptions.Default,
            "nine" => PatientIndexOptions.Default with { BlockingRules = [.. BlockingRule.Defaults.Except(AddedAfterF2e3b64)] },
            _ => throw new InvalidOperationException("Unknown rule set " + Rules + "."),
        });

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var build = new Stopwatch();
        var batch = new PatientRecord[10_000];
        for (var start = 0; start < RecordCount; start += batch.Length)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = population.Next(start + i);
            }

            if (start == 0)
            {
                subset.AddRange(batch);
            }

            build.Start();
            foreach (var record in batch)
            {
                _index.AddOrUpdate(record);
            }

            build.Stop();
        }

        var loaded = build.Elapsed;
        build.Restart();
        _index.RefreshTermFrequencies();
        var refresh = build.Elapsed;
        Array.Clear(batch);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// PatientIndexBench: {_index.Count:N0} records indexed in {loaded.TotalSeconds:F1} s " +
            $"({loaded.TotalMicroseconds / RecordCount:F2} us each), term frequencies in {refresh.TotalSeconds:F2} s; " +
            $"managed heap growth {(after - before) / 1048576.0:F0} MiB; process peak working set " +
            $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB"));

        // Queries: noisy copies of indexed records. The first ScanQueryCount copy records of the subset, so the
        // baseline scan can find them.
        var random = new Random(7);
        var sources = new int[QueryCount];
        _queries = new PatientRecord[QueryCount];
        for (var q = 0; q < QueryCount; q++)
        {
            sources[q] = q < ScanQueryCount ? random.Next(SubsetCount) : random.Next(RecordCount);
            _queries[q] = Population.Noisy(random, population.Next(sources[q]), "query-" + q);
        }

        _subset = new RecordSet(subset);
        _scanQueries = new RecordSet(_queries.AsSpan(0, ScanQueryCount).ToArray());
        Console.WriteLine("// PatientIndexBench: subset postcodes " + _subset.GetCounts(ComparisonKind.Postcode) + ", NHS numbers "
            + _subset.GetCounts(ComparisonKind.NhsNumber) + ", dates of birth " + _subset.GetCounts(ComparisonKind.DateOfBirth));
        Check(sources);
        if (Environment.GetEnvironmentVariable("NHSID_BENCH_SNAPSHOT") == "1")
        {
            TimeSnapshot(); // a 225 MiB temporary file per setup: only when asked
        }
    }

    /// <summary>Releases the index.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _index?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The span overload: allocates nothing.</summary>
    [Benchmark(OperationsPerInvoke = QueryCount)]
    public int FindMatches_Span()
    {
        var found = 0;
        foreach (var query in _queries)
        {
            found += _index.FindMatches(query, _destination);
        }

        return found;
    }

    /// <summary>The list overload: allocates the result array.</summary>
    [Benchmark(OperationsPerInvoke = QueryCount)]
    public int FindMatches_List()
    {
        var found = 0;
        foreach (var query in _queries)
        {
            found += _index.FindMatches(query, MaxResults).Count;
        }

        return found;
    }

    /// <summary>The naive baseline: score the (prepared) query against every record of a 10,000-record subset
    /// and keep the best ten at Review or better. Per lookup over 10,000 records, not 1,000,000.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ScanQueryCount)]
    public int LinearScan_10k()
    {
        var found = 0;
        for (var q = 0; q < ScanQueryCount; q++)
        {
            found += Scan(q, _destination);
        }

        return found;
    }

    private int Scan(int query, Span<IndexMatch> best)
    {
        var found = 0;
        var model = _index.Model;
        for (var j = 0; j < _subset.Count; j++)
        {
            var score = model.Score(_scanQueries, query, _subset, j);
            if (score.Decision < MatchDecision.Review || (found == best.Length && score.Weight <= best[found - 1].Score.Weight))
            {
                continue;
            }

            var slot = found < best.Length ? found++ : found - 1;
            while (slot > 0 && best[slot - 1].Score.Weight < score.Weight)
            {
                best[slot] = best[slot - 1];
                slot--;
            }

            best[slot] = new IndexMatch(_subset.GetId(j)!, score);
        }

        return found;
    }

    /// <summary>With <c>NHSID_BENCH_SNAPSHOT=1</c>: times a snapshot of the loaded index to a temporary file and back (issue 16's start-up figure: the
    /// service restarts from a snapshot instead of preparing every record again), and checks the loaded index answers
    /// the queries as the original does.</summary>
    private void TimeSnapshot()
    {
        var path = Path.Combine(Path.GetTempPath(), "nhsid-bench-" + Guid.NewGuid().ToString("N") + ".snapshot");
        try
        {
            var clock = Stopwatch.StartNew();
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                _index.Save(file);
                file.Flush(flushToDisk: true);
            }

            var saved = clock.Elapsed;
            clock.Restart();
            PatientIndex loaded;
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
            {
                loaded = PatientIndex.Load(file, _index.Model, _index.Options);
            }

            var load = clock.Elapsed;
            using (loaded)
            {
                var same = _queries.Count(q => _index.FindMatches(q, MaxResults).SequenceEqual(loaded.FindMatches(q, MaxResults)));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"// PatientIndexBench: snapshot of {_index.Count:N0} records saved in {saved.TotalSeconds:F2} s " +
                    $"({new FileInfo(path).Length / 1048576.0:F0} MiB), loaded in {load.TotalSeconds:F2} s; " +
                    $"the loaded index answers {same}/{_queries.Length} queries as the original"));
                if (same != _queries.Length)
                {
                    throw new InvalidOperationException("The loaded snapshot answers differently from the index that saved it.");
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Rows must agree: every query the scan resolves to its source as a match, the index finds too.</summary>
    private void Check(int[] sources)
    {
        int indexTop = 0, scanTop = 0;
        var best = new IndexMatch[MaxResults];
        for (var q = 0; q < QueryCount; q++)
        {
            var sourceId = Population.IdOf(sources[q]);
            var matches = _index.FindMatches(_queries[q], MaxResults);
            indexTop += matches.Count > 0 && matches[0].Id == sourceId ? 1 : 0;
            if (q < ScanQueryCount && Scan(q, best) > 0 && best[0].Id == sourceId)
            {
                scanTop++;
                if (best[0].Score.Decision == MatchDecision.Match && !matches.Any(m => m.Id == sourceId))
                {
                    throw new InvalidOperationException($"Query {q}: the scan matches its source but the index does not find it.");
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// PatientIndexBench: index top result is the source record for {indexTop}/{QueryCount} queries; " +
            $"scan of the 10k subset for {scanTop}/{ScanQueryCount}"));
        if (indexTop < QueryCount * 9 / 10)
        {
            throw new InvalidOperationException("The index finds fewer than 90% of the noisy copies' sources.");
        }
    }

    /// <summary>A deterministic population of invented people: record <c>i</c> is the same on every call.</summary>
    private sealed class Population
    {
        private static readonly string[] GivenStarts =
            ["Al", "Be", "Ca", "Da", "El", "Fa", "Ge", "Ha", "Is", "Ja", "Ka", "Le", "Ma", "Na", "Ol", "Pa", "Ro", "Sa", "Ta", "Vi",
             "Wi", "Yu", "Zo", "Ar", "Mi", "Lu", "Ni", "Co", "Jo", "Ed", "Fr", "Gr", "Ho", "Ivo", "Ke", "Lo", "Mo", "No", "Ra", "Se"];

        private static readonly string[] GivenEnds =
            ["ice", "n", "ra", "vid", "la", "rid", "orge", "nna", "bel", "ck", "te", "o", "ry", "dia", "iver", "ul", "se", "m", "ra",
             "ctor", "lliam", "ki", "e", "thur", "a", "cy", "ck", "nor", "hn", "die", "ed", "ace", "pe", "r", "vin", "is", "lly",
             "ah", "chel", "th", "ian", "ina", "ley", "son", "ette", "ita"];

        private static readonly string[] FamilyStarts =
            ["Smi", "Jon", "Wil", "Tay", "Bro", "Dav", "Eva", "Wal", "Rob", "Tho", "Whi", "Hug", "Edw", "Gre", "Hal", "Woo", "Har",
             "Mar", "Cla", "Lew", "Pat", "Ngu", "Oka", "Kow", "Pem", "Abe", "Fin", "Gal", "Hol", "Ing", "Kel", "Lan", "Mor", "Nor",
             "Osb", "Par", "Qui", "Ros", "Sut", "Tur", "Upt", "Ven", "Wes", "Yat", "Ash", "Bar", "Cro", "Dun", "Elm", "Fos", "Gil",
             "Hun", "Irv", "Jam", "Kni", "Lit", "Mil", "Nel", "Ock", "Pri", "Ram", "Sha", "Tho", "Vau"];

        private static readonly string[] FamilyEnds =
            ["th", "es", "son", "lor", "wn", "ies", "ns", "ker", "erts", "mpson", "te", "hes", "ards", "en", "l", "ds", "ris",
             "tin", "rke", "is", "el", "yen", "for", "alski", "berton", "rnethy", "ley", "way", "mes", "ton", "ford", "ham",
             "wood", "field", "by", "well", "ridge", "stone", "man", "er", "ock", "ett", "ing", "ins", "ow", "ey", "all", "ade",
             "ore", "ick", "ant", "ers", "oe", "ith", "ly", "ney", "den", "car", "sby", "hurst", "ell", "ies", "ond"];

        private static readonly string[] Areas =
            ["AB", "B", "BA", "BD", "BH", "BL", "BN", "BR", "BS", "CA", "CB", "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA",
             "DE", "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX", "G", "GL", "GU", "HA", "HD", "HG", "HP", "HR", "HU",
             "HX", "IG", "IP", "KT", "L", "LA", "LE", "LN", "LS", "LU", "M", "ME", "MK", "N", "NE", "NG", "NN", "NP", "NR", "NW",
             "OL", "OX", "PE", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR",
             "SS", "ST", "SW", "SY", "TA", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WD", "WF", "WN", "WR", "WS", "WV", "YO"];

        private static readonly string[] Streets =
            ["High Street", "Station Road", "Church Lane", "Mill Lane", "Park Road", "Victoria Road", "Green Lane", "Manor Road",
             "Queens Road", "New Road", "Kings Road", "School Lane", "The Crescent", "Grove Road", "Chapel Street", "Acacia Avenue"];

        private const string UnitLetters = "ABDEFGHJLNPQRSTUWXYZ";
        private static readonly DateOnly FirstBirth = new(1925, 1, 1);

        private readonly int[] _nhsNumberBases;
        private readonly int _seed;

        public Population(int seed)
        {
            _seed = seed;

            // Distinct 999-range numbers: the valid bases in order (about 909,000; 10% of records have none).
            var bases = new List<int>(RecordCount);
            for (var b = 999_000_000; b <= 999_999_999 && bases.Count < RecordCount * 9 / 10; b++)
            {
                if (NhsNumber.TryFromBase(b, out var number) && !number.IsRepdigit)
                {
                    bases.Add(b);
                }
            }

            _nhsNumberBases = [.. bases];
        }

        public static string IdOf(int i) => "P" + i.ToString(CultureInfo.InvariantCulture);

        /// <summary>Record <paramref name="i"/>, derived from the seed and <paramref name="i"/> alone.</summary>
        public PatientRecord Next(int i)
        {
            var random = new Random(unchecked(_seed ^ (i * -1640531535))); // HashCode.Combine differs per process
            var given = Skewed(random, GivenStarts.Length * GivenEnds.Length);
            var family = Skewed(random, FamilyStarts.Length * FamilyEnds.Length);
            var area = Areas[Skewed(random, Areas.Length)];
            var postcode = string.Create(CultureInfo.InvariantCulture,
                $"{area}{1 + random.Next(10)} {random.Next(10)}{UnitLetters[random.Next(5)]}{UnitLetters[random.Next(5)]}");
            return new PatientRecord
            {
                Id = IdOf(i),
                NhsNumber = i % 10 == 9 || i / 10 * 9 + (i % 10) >= _nhsNumberBases.Length ? null
                    : NhsNumber.FromBase(_nhsNumberBases[(i / 10 * 9) + (i % 10)]).ToString(),
                GivenNames = GivenStarts[given % GivenStarts.Length] + GivenEnds[given / GivenStarts.Length],
                FamilyName = FamilyStarts[family % FamilyStarts.Length] + FamilyEnds[family / FamilyStarts.Length],
                DateOfBirth = FirstBirth.AddDays(random.Next(36_525)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                Sex = random.Next(2) == 0 ? "F" : "M",
                Postcode = postcode,
                Address = string.Create(CultureInfo.InvariantCulture, $"{1 + random.Next(200)} {Streets[random.Next(Streets.Length)]}"),
            };
        }

        /// <summary>A noisy copy, as another system would send it.</summary>
        public static PatientRecord Noisy(Random random, PatientRecord source, string id)
        {
            var family = source.FamilyName!;
            var given = source.GivenNames!;
            var dob = source.DateOfBirth!;
            switch (random.Next(5))
            {
                case 0:
                    var t = random.Next(family.Length - 1);
                    family = string.Concat(family.AsSpan(0, t), family.AsSpan(t + 1, 1), family.AsSpan(t, 1), family.AsSpan(t + 2));
                    break;
                case 1:
                    var d = 1 + random.Next(family.Length - 1);
                    family = string.Concat(family.AsSpan(0, d), family.AsSpan(d + 1));
                    break;
                case 2:
                    dob = string.Concat(dob.AsSpan(3, 3), dob.AsSpan(0, 3), dob.AsSpan(6));
                    break;
                case 3:
                    given = given.ToUpperInvariant();
                    family = family.ToUpperInvariant();
                    break;
            }

            return new PatientRecord
            {
                Id = id,
                NhsNumber = random.Next(10) < 3 ? null : source.NhsNumber,
                GivenNames = given,
                FamilyName = family,
                DateOfBirth = dob,
                Sex = source.Sex,
                Postcode = random.Next(2) == 0 ? source.Postcode : source.Postcode!.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant(),
                Address = random.Next(3) == 0 ? null : source.Address,
            };
        }

        /// <summary>0 to <paramref name="count"/> - 1, low values far more often (u squared): a few common names and
        /// a long tail of rare ones.</summary>
        private static int Skewed(Random random, int count)
        {
            var u = random.NextDouble();
            return Math.Min((int)(u * u * count), count - 1);
        }
    }
}
