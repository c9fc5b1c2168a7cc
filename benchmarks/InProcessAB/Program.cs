// In-process A/B: loads two trees' benchmark assemblies in separate AssemblyLoadContexts and times PairScoringBench
// rows alternately, batch by batch (one batch = one call = 4,096 pairs), after a long warm-up to reach Tier1. Two
// builds measured in one process, turn about, see the same machine load, which separate BenchmarkDotNet runs on a
// shared VM do not. Usage (build each tree's benchmarks first, -c Release):
//   dotnet run -c Release --project benchmarks/InProcessAB -- OLD_TREE NEW_TREE [ROUNDS [BENCH ROW...]]
// Set a benchmark's string [Params] property with AB_PARAMS="Name=value;..." (trees without it are left as they are).
// BENCH defaults to PairScoringBench with its three score rows; times are per operation (the row's
// OperationsPerInvoke, read from its [Benchmark] attribute).
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

var trees = new[] { args.Length > 1 ? args[0] : "/work/old", args.Length > 1 ? args[1] : "/work/new" };
var names = new[] { "old", "new" };
var benchName = args.Length > 3 ? args[3] : "PairScoringBench";
var rows = args.Length > 4 ? args[4..] : ["WeightOnly", "PreparedHotPath", "LinkerPath"];
var operations = new int[rows.Length];
var benches = new object[2];
var methods = new Func<double>[2, rows.Length];
for (var v = 0; v < 2; v++)
{
    var dll = Path.GetFullPath($"{trees[v]}/benchmarks/NhsIdentity.Benchmarks/bin/Release/net10.0/NhsIdentity.Benchmarks.dll");
    var alc = new TreeContext(dll);
    var asm = alc.LoadFromAssemblyPath(dll);
    var type = asm.GetType("NhsIdentity.Benchmarks." + benchName)!;
    benches[v] = Activator.CreateInstance(type)!;

    // AB_PARAMS="Name=value;...": set a benchmark's [Params] property before Setup, in each tree that has it (a tree
    // from before the property ran its one configuration).
    foreach (var assignment in (Environment.GetEnvironmentVariable("AB_PARAMS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
    {
        var equals = assignment.IndexOf('=');
        if (equals <= 0)
        {
            throw new ArgumentException("AB_PARAMS entries are Name=value: " + assignment);
        }

        if (type.GetProperty(assignment[..equals]) is { } property)
        {
            property.SetValue(benches[v], Convert.ChangeType(assignment[(equals + 1)..], property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    type.GetMethod("Setup")!.Invoke(benches[v], null);
    for (var r = 0; r < rows.Length; r++)
    {
        var method = type.GetMethod(rows[r])!;
        var invoke = method.ReturnType == typeof(double) ? method.CreateDelegate<Func<double>>(benches[v])
            : method.ReturnType == typeof(int) ? WrapInt(method.CreateDelegate<Func<int>>(benches[v]))
            : throw new InvalidOperationException(rows[r] + " returns neither double nor int.");
        methods[v, r] = invoke;
        operations[r] = method.GetCustomAttributesData()
            .Where(a => a.AttributeType.Name == "BenchmarkAttribute")
            .SelectMany(a => a.NamedArguments)
            .Where(n => n.MemberName == "OperationsPerInvoke")
            .Select(n => (int)n.TypedValue.Value!)
            .DefaultIfEmpty(1)
            .First();
    }
}

var sink = 0.0;
for (var w = 0; w < 600; w++)
{
    for (var v = 0; v < 2; v++) for (var r = 0; r < rows.Length; r++) sink += methods[v, r]();
}

Thread.Sleep(500);
var rounds = int.Parse(args.Length > 2 ? args[2] : "1500", System.Globalization.CultureInfo.InvariantCulture);
var times = new double[2, rows.Length, rounds];
for (var k = 0; k < rounds; k++)
{
    for (var r = 0; r < rows.Length; r++)
    {
        // alternate which version goes first
        for (var s = 0; s < 2; s++)
        {
            var v = (k + s) % 2;
            var t = Stopwatch.GetTimestamp();
            sink += methods[v, r]();
            times[v, r, k] = Stopwatch.GetElapsedTime(t).TotalNanoseconds / operations[r];
        }
    }
}

for (var r = 0; r < rows.Length; r++)
{
    var stats = new (double P10, double Median, double Min)[2];
    for (var v = 0; v < 2; v++)
    {
        var a = new double[rounds];
        for (var k = 0; k < rounds; k++) a[k] = times[v, r, k];
        Array.Sort(a);
        stats[v] = (a[rounds / 10], a[rounds / 2], a[0]);
        Console.WriteLine($"{rows[r],-16} {names[v]}: min {a[0]:F1} ns, p10 {a[rounds / 10]:F1} ns, median {a[rounds / 2]:F1} ns, p90 {a[rounds * 9 / 10]:F1} ns per operation ({rounds} calls of {operations[r]:N0} operations)");
    }

    Console.WriteLine($"{rows[r],-16} new/old: min {stats[1].Min / stats[0].Min:F3}, p10 {stats[1].P10 / stats[0].P10:F3}, median {stats[1].Median / stats[0].Median:F3}");
}

Console.WriteLine($"(sink {sink:R})");

static Func<double> WrapInt(Func<int> f) => () => f();

sealed class TreeContext(string dll) : AssemblyLoadContext(isCollectible: false)
{
    private readonly AssemblyDependencyResolver _resolver = new(dll);

    protected override Assembly? Load(AssemblyName name)
    {
        var path = _resolver.ResolveAssemblyToPath(name);
        return path is null ? null : LoadFromAssemblyPath(path);
    }
}
