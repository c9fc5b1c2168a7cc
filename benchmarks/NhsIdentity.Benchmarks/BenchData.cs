namespace NhsIdentity.Benchmarks;

/// <summary>
/// Where benchmark inputs come from: the repository (found by walking up to <c>NhsIdentity.sln</c>) and the public
/// evaluation data (<c>../shared/eval-data</c> beside it, or the folder named by <c>NHSID_EVAL_DATA</c>), which is not
/// in the repository. BenchmarkDotNet runs each benchmark in a child process from its own build folder under the
/// repository, so both the executable's folder and the working directory are searched.
/// </summary>
public static class BenchData
{
    private static readonly Lazy<string?> Root = new(FindRepositoryRoot);

    /// <summary>The repository root, or <see langword="null"/> when the program does not run from inside it.</summary>
    public static string? RepositoryRoot => Root.Value;

    /// <summary>The eval-data folder, or <see langword="null"/> when it cannot be found.</summary>
    public static string? EvalDataFolder
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("NHSID_EVAL_DATA");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
            }

            if (RepositoryRoot is not { } root)
            {
                return null;
            }

            var beside = Path.GetFullPath(Path.Combine(root, "..", "shared", "eval-data"));
            return Directory.Exists(beside) ? beside : null;
        }
    }

    /// <summary>A file under <c>eval-data/lookups</c>, or <see langword="null"/> when it is absent.</summary>
    public static string? FindLookup(string fileName) =>
        EvalDataFolder is { } folder && File.Exists(Path.Combine(folder, "lookups", fileName))
            ? Path.Combine(folder, "lookups", fileName)
            : null;

    /// <summary>A file under <c>eval-data/lookups</c>; stops the benchmark with a message saying what is missing.</summary>
    public static string RequireLookup(string benchmark, string fileName) =>
        FindLookup(fileName) ?? throw new FileNotFoundException(
            $"{benchmark} needs lookups/{fileName} from the shared evaluation data: put it at ../shared/eval-data beside " +
            "the repository or set NHSID_EVAL_DATA to its folder.");

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "NhsIdentity.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
