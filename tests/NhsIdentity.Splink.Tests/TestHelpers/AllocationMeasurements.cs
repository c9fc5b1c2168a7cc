using Xunit;

namespace NhsIdentity.Splink.Tests.TestHelpers;

/// <summary>The collection of test classes that count allocations: they run one at a time, after the parallel tests,
/// so no other test's gen-2 collection (which trims the shared ArrayPool) disturbs a measurement (as in
/// NhsIdentity.Tests).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurements
{
    /// <summary>The collection's name, for <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "Allocation measurements (run alone)";
}
