using System.Diagnostics;

namespace NhsIdentity.ServiceLoad;

/// <summary>Runs N clients against one target for a fixed duration or request count, whichever ends first, each
/// client sending its next query as soon as the last answer is in (a closed loop: N requests in flight at most).</summary>
internal static class LoadDriver
{
    /// <summary>One lookup: the query at this index; <see langword="true"/> when it was answered as expected.</summary>
    public delegate ValueTask<bool> Lookup(int client, int query);

    public static async Task<LoadResult> RunAsync(string target, int clients, TimeSpan duration, int maxRequests, int queryCount, int queryOffset,
        Lookup lookup, bool dedicatedThreads)
    {
        var sample = new LatencySample(clients, maxRequests);
        long issued = 0;
        long errors = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();

        async Task ClientAsync(int client)
        {
            while (true)
            {
                var n = Interlocked.Increment(ref issued) - 1;
                var start = Stopwatch.GetTimestamp();
                if (n >= maxRequests || start >= deadline)
                {
                    return;
                }

                var ok = await lookup(client, (int)((n + queryOffset) % queryCount)).ConfigureAwait(false);
                sample.Record(client, Stopwatch.GetTimestamp() - start);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }

        var tasks = new Task[clients];
        for (var c = 0; c < clients; c++)
        {
            var client = c;
            // In-process lookups complete synchronously: a thread each, so N clients are N threads, not pool work items.
            tasks[c] = dedicatedThreads
                ? Task.Factory.StartNew(() => ClientAsync(client).GetAwaiter().GetResult(), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                : Task.Run(() => ClientAsync(client));
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        clock.Stop();
        var sorted = sample.SortedMilliseconds();
        return new LoadResult(target, clients, sorted.Length, errors, clock.Elapsed.TotalSeconds, sorted);
    }
}
