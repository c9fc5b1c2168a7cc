using System.Diagnostics;

namespace NhsIdentity.ServiceLoad;

/// <summary>Runs N clients against one target for a fixed duration or request count, whichever ends first. Without a
/// rate each client sends its next query as soon as the last answer is in (a closed loop: as fast as it goes, N requests
/// in flight at most). With a rate, request n is due at start + n / rate and the next free client sends it then; a
/// request sent late because every client was still waiting for an answer is timed from when it was due, so a slow
/// spell shows in the latencies instead of quietly lowering the load (coordinated omission).</summary>
internal static class LoadDriver
{
    /// <summary>One lookup: the query at this index; <see langword="true"/> when it was answered as expected.</summary>
    public delegate ValueTask<bool> Lookup(int client, int query);

    public static async Task<LoadResult> RunAsync(string target, int clients, TimeSpan duration, int maxRequests, int queryCount, int queryOffset,
        Lookup lookup, bool dedicatedThreads, double rate = 0, Func<TimeSpan>? serviceCpu = null)
    {
        // CPU time spent per lookup, by the service's process and by this one: on a shared machine latency and
        // throughput move with the neighbours' load, CPU per lookup much less.
        var serviceCpuBefore = serviceCpu?.Invoke() ?? TimeSpan.Zero;
        var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var ticksPerRequest = rate > 0 ? Stopwatch.Frequency / rate : 0;
        var sample = new LatencySample(clients, maxRequests);
        long issued = 0;
        long errors = 0;
        var origin = Stopwatch.GetTimestamp();
        var deadline = origin + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();

        async Task ClientAsync(int client)
        {
            while (true)
            {
                var n = Interlocked.Increment(ref issued) - 1;
                var start = Stopwatch.GetTimestamp();
                if (rate > 0)
                {
                    var due = origin + (long)(n * ticksPerRequest);
                    if (due > start)
                    {
                        // Early: wait, and time from when it is sent (the timer's lateness is the client's, not the service's).
                        if (due < deadline)
                        {
                            await Task.Delay(TimeSpan.FromSeconds((due - start) / (double)Stopwatch.Frequency)).ConfigureAwait(false);
                        }

                        start = Stopwatch.GetTimestamp();
                    }
                    else
                    {
                        start = due;
                    }

                    if (n >= maxRequests || due >= deadline)
                    {
                        return;
                    }
                }
                else if (n >= maxRequests || start >= deadline)
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
        var serviceCpuMs = serviceCpu is null ? double.NaN : (serviceCpu() - serviceCpuBefore).TotalMilliseconds;
        var ownCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalMilliseconds;
        var sorted = sample.SortedMilliseconds();
        return new LoadResult(rate > 0 ? FormattableString.Invariant($"{target} at {rate:N0}/s") : target, clients, sorted.Length, errors, clock.Elapsed.TotalSeconds, sorted)
        {
            ServiceCpuMsPerLookup = serviceCpuMs / Math.Max(1, sorted.Length),
            ClientCpuMsPerLookup = ownCpuMs / Math.Max(1, sorted.Length),
        };
    }
}
