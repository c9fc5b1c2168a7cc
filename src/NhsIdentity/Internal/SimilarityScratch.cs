namespace NhsIdentity.Internal;

/// <summary>
/// Per-thread pattern-mask tables for the one-off (static) similarity methods. A zeroed 1 KB <c>stackalloc</c> per
/// call cost more than the comparison itself on short names (the JIT zeroes a dynamic stack allocation in a loop),
/// so each thread keeps one set of tables, created on its first call, and every call clears exactly the entries it
/// set before returning. The cores never call out or throw between fill and clear, so the tables are always clean
/// when the next call on the thread begins.
/// </summary>
internal sealed class SimilarityScratch
{
    [ThreadStatic]
    private static SimilarityScratch? t_current;

    private readonly ulong[] _ascii = new ulong[SimilarityPatternMask.AsciiTableLength];
    private readonly char[] _otherChars = new char[SimilarityPatternMask.MaxLength];
    private readonly ulong[] _otherMasks = new ulong[SimilarityPatternMask.MaxLength];
    private int _otherCount;

    /// <summary>This thread's tables (allocated on the thread's first use, about 1.6 KB, then reused).</summary>
    public static SimilarityScratch Current => t_current ??= new SimilarityScratch();

    /// <summary>Fills the tables for <paramref name="pattern"/> (1..64 chars); pair with <see cref="Clear"/>.</summary>
    public SimilarityPatternMask Fill(ReadOnlySpan<char> pattern)
    {
        _otherCount = SimilarityPatternMask.Fill(pattern, _ascii, _otherChars, _otherMasks);
        return new SimilarityPatternMask(_ascii, _otherChars.AsSpan(0, _otherCount), _otherMasks.AsSpan(0, _otherCount));
    }

    /// <summary>Zeroes the entries <see cref="Fill"/> set for the same <paramref name="pattern"/>.</summary>
    public void Clear(ReadOnlySpan<char> pattern)
    {
        var ascii = _ascii;
        foreach (var c in pattern)
        {
            if (c < SimilarityPatternMask.AsciiTableLength)
            {
                ascii[c] = 0;
            }
        }

        if (_otherCount != 0)
        {
            _otherMasks.AsSpan(0, _otherCount).Clear();
            _otherCount = 0;
        }
    }
}
