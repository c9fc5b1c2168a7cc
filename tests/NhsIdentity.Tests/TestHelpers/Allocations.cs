namespace NhsIdentity.Tests.TestHelpers;

/// <summary>
/// The house rule "hot paths allocate nothing", measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/>:
/// the body runs twice to warm up (JIT tiers, static constructors, pooled buffers, per-thread scratch), then the
/// counter must not move across many iterations. Inputs must be created before calling.
/// </summary>
/// <remarks>
/// The iterations are measured in up to <see cref="Rounds"/> rounds and the smallest count is returned. An allocation
/// the code makes per call shows in every round, so it can never pass; what the runtime does once, at a moment that
/// depends on the machine's load (a method tiering up or being replaced on the stack part-way through, a pool trimmed
/// by a gen-2 collection another test caused), shows in one round at most and cannot fail the test by chance.
/// </remarks>
internal static class Allocations
{
    /// <summary>How many rounds of iterations are measured at most (measuring stops at a round that allocated nothing).</summary>
    private const int Rounds = 5;

    /// <summary>The fewest bytes allocated on this thread by <paramref name="iterations"/> runs of
    /// <paramref name="body"/>, over up to <see cref="Rounds"/> rounds after warm-up.</summary>
    public static long Measure(Action body, int iterations)
    {
        body();
        body();
        var fewest = long.MaxValue;
        for (var round = 0; round < Rounds && fewest != 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < iterations; i++)
            {
                body();
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
