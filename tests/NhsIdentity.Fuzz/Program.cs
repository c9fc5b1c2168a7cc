using NhsIdentity.Fuzzing;
using SharpFuzz;

// NhsIdentity.Fuzz <target>                     libFuzzer mode (started by libfuzzer-dotnet; README.md)
// NhsIdentity.Fuzz <target> replay [path...]     run files or folders (default: the bundled corpus) once, no fuzzer
// NhsIdentity.Fuzz list                          print the target names
if (args.Length == 1 && args[0] == "list")
{
    foreach (var name in FuzzTargets.Names)
    {
        Console.WriteLine(name);
    }

    return 0;
}

if (args.Length == 0 || !FuzzTargets.TryGet(args[0], out var target))
{
    Console.Error.WriteLine("usage: NhsIdentity.Fuzz <target> [replay <file-or-folder>...]");
    Console.Error.WriteLine("targets: " + string.Join(", ", FuzzTargets.Names));
    return 2;
}

if (args.Length >= 2 && args[1] == "replay")
{
    var paths = args.Length > 2 ? args[2..] : [Path.Combine(AppContext.BaseDirectory, "corpus", args[0])];
    var count = Replay.Run(target, paths);
    Console.WriteLine($"{args[0]}: {count} inputs replayed, no crash");
    return 0;
}

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: NhsIdentity.Fuzz <target> [replay <file-or-folder>...]");
    return 2;
}

// libFuzzer mode: an exception escaping the target ends the process, and libfuzzer-dotnet saves the input as a crash.
Fuzzer.LibFuzzer.Run(data => target(data));
return 0;
