using System.Diagnostics;
using System.Globalization;

namespace NhsIdentity.OrleansLookup;

/// <summary>One target's lookup latencies, one lookup at a time (latency, not throughput: on 2 shared cores parallel
/// lookups measure the machine's queue).</summary>
internal sealed record Latency(string Target, double[] SortedMilliseconds, int Mismatches)
{
    public static string Header =>
        "| target | lookups | p50 ms | p90 ms | p99 ms | max ms | answers different from the single node |\n|---|---:|---:|---:|---:|---:|---:|";

    /// <summary>Times <paramref name="lookup"/> over every query after <paramref name="warmup"/> untimed ones.</summary>
    public static async Task<Latency> MeasureAsync(string target, int count, int warmup, Func<int, Task<bool>> lookup)
    {
        for (var i = 0; i < warmup; i++)
        {
            await lookup(i);
        }

        var times = new double[count];
        var mismatches = 0;
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var same = await lookup(i);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            mismatches += same ? 0 : 1;
        }

        Array.Sort(times);
        return new Latency(target, times, mismatches);
    }

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Target} | {SortedMilliseconds.Length:N0} | {Quantile(0.5):F3} | {Quantile(0.9):F3} | {Quantile(0.99):F3} | {SortedMilliseconds[^1]:F3} | {Mismatches} |");

    /// <summary>The value at quantile <paramref name="q"/> (nearest rank).</summary>
    private double Quantile(double q) =>
        SortedMilliseconds[Math.Clamp((int)Math.Ceiling(q * SortedMilliseconds.Length) - 1, 0, SortedMilliseconds.Length - 1)];
}
