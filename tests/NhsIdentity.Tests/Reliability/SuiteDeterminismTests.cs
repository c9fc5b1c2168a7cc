using System.Text.RegularExpressions;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Reliability;

/// <summary>
/// Guards for a suite whose outcome does not depend on machine load: what a test measures must be disturbed by
/// nothing but the code it tests.
/// </summary>
public sealed class SuiteDeterminismTests
{
    private static readonly Regex CountsAllocations = new(
        @"Allocations\.Measure|GC\.GetAllocatedBytesForCurrentThread", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    [Fact]
    public void AllocationTestsRunAlone()
    {
        // Every test file that counts allocations puts its class in the collection that runs alone, where no other
        // test's gen-2 collection can trim a shared pool mid-measurement (see AllocationMeasurements).
        var testsFolder = RepositoryRoot.Combine("tests");
        var counting = Directory.EnumerateFiles(testsFolder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path) && !path.Contains($"{Path.DirectorySeparatorChar}TestHelpers{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => CountsAllocations.IsMatch(File.ReadAllText(path)))
            .ToList();

        Assert.True(counting.Count >= 10, $"expected the allocation tests to be found; found {counting.Count}");
        var outside = counting
            .Where(path => !File.ReadAllText(path).Contains("[Collection(AllocationMeasurements.Name)]", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(testsFolder, path))
            .ToList();
        Assert.True(outside.Count == 0, "count allocations outside AllocationMeasurements: " + string.Join(", ", outside));
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
}
