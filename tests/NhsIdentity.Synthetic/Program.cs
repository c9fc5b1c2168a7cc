using System.Diagnostics;
using System.Globalization;
using System.Text;
using NhsIdentity.Synthetic;

// Regenerates synthetic supplier extracts:
//   dotnet run --project tests/NhsIdentity.Synthetic -c Release -- --persons 2000 --seed 42 --out samples/data
// writes <out>/pas.csv, <out>/gp.csv and <out>/truth.csv (source,id,person_id). Options: --no-errors (every
// person once, no errors); --profile default|supplier-hard|census-noisy (ErrorProfile.Default, .SupplierHard,
// .CensusNoisy: the errors and the household mix). Extract seeds are derived from --seed (pas: seed + 1, gp: seed + 2).
//
// Counts a matcher's false links by how the two persons are related (twins, juniors, namesakes, strangers):
//   ... -- --household-report --links links.csv --truth truth.csv --persons 2000 --seed 42 [--profile P]
// regenerates the population and extracts from the same options, checks that truth.csv is theirs, and prints one
// line of key=value counts (no ids). links.csv needs left_id,right_id and optionally decision (only "match" counts).
var persons = 2000;
var seed = 42;
var output = "samples/data";
var profile = ErrorProfile.Default;
string? linksPath = null;
string? truthPath = null;
var householdReport = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--persons" when i + 1 < args.Length:
            persons = int.Parse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture);
            break;
        case "--seed" when i + 1 < args.Length:
            seed = int.Parse(args[++i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            break;
        case "--out" when i + 1 < args.Length:
            output = args[++i];
            break;
        case "--no-errors":
            profile = ErrorProfile.None;
            break;
        case "--profile" when i + 1 < args.Length && ErrorProfile.TryFromName(args[i + 1], out var named):
            profile = named;
            i++;
            break;
        case "--household-report":
            householdReport = true;
            break;
        case "--links" when i + 1 < args.Length:
            linksPath = args[++i];
            break;
        case "--truth" when i + 1 < args.Length:
            truthPath = args[++i];
            break;
        default:
            await Console.Error.WriteLineAsync(
                "usage: --persons N --seed S --out DIR [--no-errors | --profile " + string.Join('|', ErrorProfile.Names) + "]\n"
                + "       --household-report --links LINKS --truth TRUTH --persons N --seed S [--profile P]").ConfigureAwait(false);
            return 2;
    }
}

var extracts = new[] { (SupplierDialect.Pas, seed + 1), (SupplierDialect.Gp, seed + 2) };
var clock = Stopwatch.StartNew();
var population = SyntheticPopulation.Generate(persons, seed, profile.Households);

if (householdReport)
{
    if (linksPath is null || truthPath is null)
    {
        await Console.Error.WriteLineAsync("--household-report needs --links and --truth").ConfigureAwait(false);
        return 2;
    }

    List<TruthRow> truthRows;
    using (var reader = new StreamReader(truthPath))
    {
        truthRows = [.. SupplierExtract.ReadTruthCsv(reader)];
    }

    // The same options must give the same truth, or the population the links are judged against is another.
    var expected = extracts.SelectMany(e => SupplierExtract.Generate(population, e.Item1, profile, e.Item2))
        .Select(r => new TruthRow(r.Source, r.Id, r.PersonId));
    if (!truthRows.SequenceEqual(expected))
    {
        await Console.Error.WriteLineAsync("The truth file was not made with these --persons, --seed and --profile.").ConfigureAwait(false);
        return 1;
    }

    using var links = new StreamReader(linksPath);
    Console.WriteLine(FalseLinkReport.Count(population, truthRows, LinkFile.ReadMatches(links)).ToString());
    return 0;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{PopulationSummary.Describe(population)} in {clock.Elapsed.TotalSeconds:F1} s"));
Directory.CreateDirectory(output);
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
using (var truth = new StreamWriter(Path.Combine(output, "truth.csv"), append: false, utf8, bufferSize: 1 << 16))
{
    for (var e = 0; e < extracts.Length; e++)
    {
        var (dialect, extractSeed) = extracts[e];
        var path = Path.Combine(output, SupplierExtract.SourceName(dialect) + ".csv");
        using var data = new StreamWriter(path, append: false, utf8, bufferSize: 1 << 16);
        var rows = SupplierExtract.WriteCsv(data, dialect, SupplierExtract.Generate(population, dialect, profile, extractSeed), truth, writeTruthHeader: e == 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {rows:N0} rows, {clock.Elapsed.TotalSeconds:F1} s"));
    }
}

return 0;
