using System.Diagnostics;
using System.Globalization;
using System.Text;
using NhsIdentity.Synthetic;

// Regenerates synthetic supplier extracts:
//   dotnet run --project tests/NhsIdentity.Synthetic -c Release -- --persons 2000 --seed 42 --out samples/data
// writes <out>/pas.csv, <out>/gp.csv and <out>/truth.csv (source,id,person_id). Options: --no-errors (every
// person once, no errors). Extract seeds are derived from --seed (pas: seed + 1, gp: seed + 2).
var persons = 2000;
var seed = 42;
var output = "samples/data";
var profile = ErrorProfile.Default;
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
        default:
            await Console.Error.WriteLineAsync("usage: --persons N --seed S --out DIR [--no-errors]").ConfigureAwait(false);
            return 2;
    }
}

var clock = Stopwatch.StartNew();
Directory.CreateDirectory(output);
var population = SyntheticPopulation.Generate(persons, seed);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{population.Count:N0} persons in {clock.Elapsed.TotalSeconds:F1} s"));

var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
using (var truth = new StreamWriter(Path.Combine(output, "truth.csv"), append: false, utf8, bufferSize: 1 << 16))
{
    var extracts = new[] { (SupplierDialect.Pas, seed + 1), (SupplierDialect.Gp, seed + 2) };
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
