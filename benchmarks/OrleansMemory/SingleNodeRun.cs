using System.Diagnostics;
using System.Globalization;
using NhsIdentity.Matching;

namespace NhsIdentity.OrleansMemory;

/// <summary>One node: a <see cref="PatientIndex"/> (default options) of the records, term frequencies refreshed, in this
/// process. The baseline is measured after the synthetic people are made (they stay referenced), so the difference is
/// the index alone.</summary>
internal static class SingleNodeRun
{
    public static Task<int> RunAsync(int count)
    {
        var records = Records.Generate(count);
        var before = Memory.Measure();
        var clock = Stopwatch.StartNew();
        var index = new PatientIndex(MatchModel.Default);
        foreach (var record in records.Enumerate())
        {
            index.AddOrUpdate(record);
        }

        index.RefreshTermFrequencies();
        var built = clock.Elapsed;
        var after = Memory.Measure();
        var held = after.HeapBytes - before.HeapBytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| one node (PatientIndex, this process) | {index.Count:N0} | {Memory.MiB(after.HeapBytes)} | {Memory.MiB(after.ResidentBytes)} | {Memory.MiB(held)} | {held / (double)index.Count:N0} | built in {built.TotalSeconds:N0} s; baseline heap {Memory.MiB(before.HeapBytes)} MiB, resident {Memory.MiB(before.ResidentBytes)} MiB |"));

        // Lookups: the same GP queries as the cluster run, one at a time; processor time a lookup.
        var queries = records.Queries(1_000);
        var matched = 0;
        var cpu = Environment.CpuUsage.TotalTime;
        clock.Restart();
        foreach (var query in queries)
        {
            matched += index.FindMatches(query, 10).Count > 0 ? 1 : 0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"One node: {queries.Length:N0} lookups (top 10), {matched:N0} with a match, in {clock.Elapsed.TotalSeconds:N1} s; processor time {(Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / queries.Length:N2} ms a lookup."));
        GC.KeepAlive(index);
        GC.KeepAlive(records);
        return Task.FromResult(0);
    }
}
