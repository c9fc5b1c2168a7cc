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

// --disasm: also dump the JIT's code for the benchmarks (BenchmarkDotNet.Artifacts/results/*-asm.md).
var disassembly = args.Contains("--disasm");
args = Array.FindAll(args, a => a != "--disasm");

// A job named on the command line (--job short, --job dry, ...) replaces the default NhsCore job.
var jobOnCommandLine = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create(addDefaultJob: !jobOnCommandLine, disassembly));
return 0;
