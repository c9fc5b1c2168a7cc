namespace NhsIdentity.Tests.TestHelpers;

/// <summary>
/// The xunit collection of every test class that counts allocations (<see cref="Allocations.Measure"/> or
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>). Its classes run one at a time, after the parallel tests.
/// </summary>
/// <remarks>
/// Why: a zero-allocation test measures one thread, but what it measures can still be disturbed by other tests
/// running beside it. A gen-2 collection another test causes trims the shared <c>ArrayPool</c>, so the next rent
/// allocates once; on a loaded machine that can land in every measured round. Alone, nothing else collects, and the
/// outcome depends only on the code under test. <c>AllocationTestsRunAlone</c> checks that every such class is here.
/// </remarks>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurements
{
    /// <summary>The collection's name, for <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "Allocation measurements (run alone)";
}
