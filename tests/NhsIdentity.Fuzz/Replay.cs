namespace NhsIdentity.Fuzzing;

/// <summary>
/// Runs every file of a corpus through a target once, with no fuzzer and no instrumentation: how CI and the test
/// suite exercise the targets, and how a crash file from libFuzzer is reproduced under a debugger.
/// </summary>
public static class Replay
{
    /// <summary>Runs each file (or each file under each folder, recursively) through the target.</summary>
    /// <param name="target">The target.</param>
    /// <param name="paths">Files and folders.</param>
    /// <returns>The number of inputs run.</returns>
    /// <exception cref="ReplayFailedException">The target threw on an input; the file's path and the exception are in it.</exception>
    public static int Run(FuzzTarget target, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(paths);
        var count = 0;
        foreach (var path in paths)
        {
            var files = Directory.Exists(path)
                ? Directory.GetFiles(path, "*", SearchOption.AllDirectories)
                : [path];
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                var data = File.ReadAllBytes(file);
                try
                {
                    target(data);
                }
                catch (Exception exception)
                {
                    throw new ReplayFailedException(file, exception);
                }

                count++;
            }
        }

        return count;
    }
}
