using BenchmarkDotNet.Running;
using NhsIdentity.Benchmarks;

// --emit-inputs <path>: write the exact NhsNumberBench input array, one per line, for benchmarks/cpp.
if (args.Length >= 1 && args[0] == "--emit-inputs")
{
    if (args.Length != 2)
    {
        Console.Error.WriteLine("usage: --emit-inputs <path>");
        return 2;
    }

    var valid = NhsNumberInputs.Emit(args[1]);
    Console.WriteLine($"wrote {NhsNumberInputs.Count} inputs to {args[1]}; valid (NhsNumber.IsValid): {valid}");
    return 0;
}

// --versions <v1>,<v2>,...: one job per NhsIdentity version (a package version from the local feed, or "working" for
// the working tree), the first the baseline; runs ReleaseBench unless --filter says otherwise (README, "Comparing releases").
if (!ReleaseComparison.TryTakeArguments(ref args, out var versions, out var jobName))
{
    Console.Error.WriteLine("usage: --versions <baseline>,<version>[,...] [--job default|short|medium|long|dry] [BenchmarkDotNet options]");
    Console.Error.WriteLine("       each version is a package version in the local feed (artifacts/bench-feed) or \"working\"");
    return 2;
}

if (versions.Length > 0)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, ReleaseComparison.CreateConfig(versions, jobName));
    return 0;
}

// --disasm: also dump the JIT's code for the benchmarks (BenchmarkDotNet.Artifacts/results/*-asm.md).
var disassembly = args.Contains("--disasm");
args = Array.FindAll(args, a => a != "--disasm");

// A job named on the command line (--job short, --job dry, ...) replaces the default NhsCore job.
var jobOnCommandLine = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create(addDefaultJob: !jobOnCommandLine, disassembly));
return 0;
