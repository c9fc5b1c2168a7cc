namespace NhsIdentity.Splink.Tests;

/// <summary>Finds <c>shared/eval-data</c> beside the repository (tests that read it skip, saying so, where it is absent).</summary>
internal static class EvalData
{
    public static string? Find(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NhsIdentity.sln")))
            {
                var path = Path.Combine(directory.FullName, "..", "shared", "eval-data", relativePath);
                return File.Exists(path) ? Path.GetFullPath(path) : null;
            }
        }

        return null;
    }
}
