namespace NhsIdentity.Tests.TestHelpers;

/// <summary>
/// The public evaluation data (<c>../shared/eval-data</c> beside the repository, or the folder named by the
/// <c>NHSID_EVAL_DATA</c> environment variable). It is not part of the repository, so tests that read it use
/// <see cref="EvalDataFactAttribute"/> / <see cref="EvalDataTheoryAttribute"/> and are skipped, with a message
/// saying what is missing, where it is absent.
/// </summary>
internal static class EvalData
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The eval-data folder, or <see langword="null"/> when it cannot be found.</summary>
    public static string? Path => Root.Value;

    /// <summary>Why eval-data tests are skipped here, or <see langword="null"/> when the data is present.</summary>
    public static string? SkipReason => Path is null
        ? "eval-data not found: put the shared evaluation data at ../shared/eval-data beside the repository or set NHSID_EVAL_DATA"
        : null;

    /// <summary>A file under the eval-data folder (for example <c>lookups/uk_postcodes_sample_gb.csv</c>).</summary>
    public static string File(params string[] parts) =>
        System.IO.Path.Combine([Path ?? throw new InvalidOperationException(SkipReason), .. parts]);

    private static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("NHSID_EVAL_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        }

        var besideRepository = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot.Path, "..", "shared", "eval-data"));
        return Directory.Exists(besideRepository) ? besideRepository : null;
    }
}

/// <summary>A fact that reads <see cref="EvalData"/>; skipped with a clear message when the data is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class EvalDataFactAttribute : FactAttribute
{
    public EvalDataFactAttribute()
    {
        if (EvalData.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that reads <see cref="EvalData"/>; skipped with a clear message when the data is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class EvalDataTheoryAttribute : TheoryAttribute
{
    public EvalDataTheoryAttribute()
    {
        if (EvalData.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
