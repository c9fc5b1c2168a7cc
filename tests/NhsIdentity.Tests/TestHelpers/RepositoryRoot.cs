namespace NhsIdentity.Tests.TestHelpers;

/// <summary>Finds the repository root (the folder holding NhsIdentity.sln) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "NhsIdentity.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("NhsIdentity.sln not found above the test output folder.");
    }
}
