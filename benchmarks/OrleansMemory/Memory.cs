using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace NhsIdentity.OrleansMemory;

/// <summary>A process's memory after a full, compacting collection (large objects too): the managed heap the GC
/// reports, and the resident set the operating system does (runtime, JIT code, native buffers and the heap).</summary>
internal readonly record struct Memory(long HeapBytes, long ResidentBytes)
{
    public static Memory Measure()
    {
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new Memory(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64);
    }

    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{HeapBytes} {ResidentBytes}");

    public static Memory Parse(string line)
    {
        var parts = line.Split(' ');
        return new Memory(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public static string MiB(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture);
}
