using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace NhsIdentity.Internal;

/// <summary>
/// Hints that memory will be read soon, so that several cache misses can be in flight at once instead of one after
/// another. Only a hint: it never faults, whatever the address (so a reference into an array the collector may move is
/// fine), and does nothing where the processor has no prefetch instruction.
/// </summary>
internal static class CachePrefetch
{
    /// <summary>Asks for the cache lines holding <paramref name="size"/> bytes from <paramref name="start"/> (at most
    /// three lines: enough for any one prepared row or hash-table entry).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Lines<T>(ref readonly T start, int size)
    {
        if (Sse.IsSupported)
        {
            var address = (byte*)Unsafe.AsPointer(ref Unsafe.AsRef(in start));
            Sse.Prefetch0(address);
            if (size > 1)
            {
                // The last byte's line: a row that straddles a line boundary needs both ends.
                Sse.Prefetch0(address + size - 1);
                if (size > 64)
                {
                    Sse.Prefetch0(address + 64);
                }
            }
        }
    }
}
