namespace NhsIdentity.Tests.TestHelpers;

/// <summary>
/// The house rule "hot paths allocate nothing", measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/>:
/// the body runs twice to warm up (JIT tiers, static constructors, pooled buffers, per-thread scratch), then the
/// counter must not move across many iterations. Inputs must be created before calling.
/// </summary>
internal static class Allocations
{
    /// <summary>Bytes allocated on this thread by <paramref name="iterations"/> runs of <paramref name="body"/> after warm-up.</summary>
    public static long Measure(Action body, int iterations)
    {
        body();
        body();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++)
        {
            body();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
