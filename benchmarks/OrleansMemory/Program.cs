using System.Globalization;
using NhsIdentity.OrleansMemory;

// Memory of the index: one node's PatientIndex against ClusterPatientIndex silos holding the same records, each silo
// its own process (so each has its own heap and resident set to measure). Modes:
//   single <records>                                   one PatientIndex in this process
//   cluster <records> <silos> <buckets> <lookups>       this process is the client; it starts <silos> silo processes
//   parts <records>                                    what a row and a key entry cost, each alone, in this process
//   silo <siloPort> <gatewayPort> <primarySiloPort>     one silo (started by 'cluster'; answers "measure" on stdin)
// Commands and results: benchmarks/results/Orleans.md.
static int Arg(string[] args, int at, int fallback) =>
    args.Length > at ? int.Parse(args[at], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

return args.FirstOrDefault() switch
{
    "single" => await SingleNodeRun.RunAsync(Arg(args, 1, 100_000)),
    "cluster" => await ClusterRun.RunAsync(Arg(args, 1, 100_000), Arg(args, 2, 3), Arg(args, 3, 64), Arg(args, 4, 1_000)),
    "parts" => await PartsRun.RunAsync(Arg(args, 1, 100_000)),
    "silo" => await SiloProcess.RunAsync(Arg(args, 1, 11111), Arg(args, 2, 30000), Arg(args, 3, 11111)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: OrleansMemory single <records> | cluster <records> <silos> <buckets> <lookups>");
    return 2;
}
