using System.Globalization;

namespace NhsIdentity.ServiceLoad;

/// <summary>Every latency of one run (no bucketing: a run is bounded by its request count, so the exact values fit),
/// and the statistics the report gives.</summary>
internal sealed class LatencySample
{
    private readonly long[][] _perClient;
    private readonly int[] _counts;

    /// <param name="clients">Clients recording into it, each into its own array (no sharing on the hot path).</param>
    /// <param name="capacity">The most requests one run sends.</param>
    public LatencySample(int clients, int capacity)
    {
        _perClient = new long[clients][];
        _counts = new int[clients];
        for (var i = 0; i < clients; i++)
        {
            _perClient[i] = new long[capacity];
        }
    }

    /// <summary>Records one latency, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public void Record(int client, long ticks) => _perClient[client][_counts[client]++] = ticks;

    /// <summary>The merged, sorted latencies in milliseconds.</summary>
    public double[] SortedMilliseconds()
    {
        var all = new List<double>();
        for (var c = 0; c < _perClient.Length; c++)
        {
            for (var i = 0; i < _counts[c]; i++)
            {
                all.Add(_perClient[c][i] * 1000.0 / System.Diagnostics.Stopwatch.Frequency);
            }
        }

        all.Sort();
        return [.. all];
    }

    /// <summary>The value at quantile <paramref name="q"/> (nearest rank).</summary>
    public static double Quantile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>One row of the report.</summary>
internal sealed record LoadResult(string Target, int Clients, long Requests, long Errors, double Seconds, double[] Sorted)
{
    public double PerSecond => Requests / Seconds;

    /// <summary>The service process's CPU milliseconds per lookup (NaN in process, or for a service not started here).</summary>
    public double ServiceCpuMsPerLookup { get; init; }

    /// <summary>This process's CPU milliseconds per lookup: the HTTP client's, or the in-process index's.</summary>
    public double ClientCpuMsPerLookup { get; init; }

    public static string Header => "| target | clients | requests | errors | seconds | lookups/s | p50 ms | p90 ms | p99 ms | max ms | service CPU ms/lookup | client CPU ms/lookup |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Target} | {Clients} | {Requests:N0} | {Errors} | {Seconds:F1} | {PerSecond:N0} | {LatencySample.Quantile(Sorted, 0.50):F3} | {LatencySample.Quantile(Sorted, 0.90):F3} | {LatencySample.Quantile(Sorted, 0.99):F3} | {(Sorted.Length == 0 ? double.NaN : Sorted[^1]):F2} | {(double.IsNaN(ServiceCpuMsPerLookup) ? "-" : ServiceCpuMsPerLookup.ToString("F3", CultureInfo.InvariantCulture))} | {ClientCpuMsPerLookup:F3} |");
}
