using System.Numerics;

namespace NhsIdentity.Privacy;

/// <summary>
/// An immutable set of NHS numbers with compact storage and allocation-free membership tests, for example the national
/// data opt-out list that must be removed from an extract before it is shared.
/// </summary>
/// <remarks>
/// <para>
/// <b>Layout.</b> A valid NHS number is fixed by its nine-digit base (the check digit follows from it), and every base
/// is below 2<sup>30</sup>, so the set stores each distinct base once as a 4-byte <see cref="uint"/>, sorted. An index
/// of bucket starts (one <see cref="int"/> for about every two numbers, keyed by the high bits of the base) narrows a
/// lookup to a handful of neighbours, which are scanned with SIMD or, in a dense bucket, binary searched. Memory is
/// about 6 bytes a number (6 MB for a million), against 20 to 40 bytes a number for a
/// <see cref="HashSet{T}"/> of <see cref="long"/> (16-byte entries plus buckets, with growth slack); a bitmap over
/// all bases would need 125 MB whatever the count.
/// </para>
/// <para>
/// Build one with <see cref="Create(IEnumerable{NhsNumber})"/> or load a list file with
/// <see cref="Load(Stream, out long)"/> (one number per line). Duplicates are kept once; <see cref="NhsNumber.Empty"/>
/// is never a member.
/// </para>
/// <para>
/// Thread-safe: instances never change after construction. <see cref="Contains"/> allocates nothing. No member
/// reports a number it holds or rejected.
/// </para>
/// </remarks>
public sealed partial class NhsNumberSet
{
    /// <summary>Every base is below 2^30 (999 999 999 &lt; 1 073 741 824).</summary>
    private const int BaseBits = 30;

    /// <summary>Buckets at or below this size are scanned linearly (vectorised) rather than binary searched.</summary>
    private const int LinearScanLimit = 32;

    private readonly uint[] _bases;
    private readonly int[] _bucketStarts;
    private readonly int _shift;

    private NhsNumberSet(uint[] sortedDistinctBases)
    {
        _bases = sortedDistinctBases;

        // About two numbers a bucket if the numbers were spread over all bases. Real lists are not: England's numbers
        // use 3 of the 10 hundred-million ranges, so populated buckets hold about seven, which a vector compare or two
        // scans. (Eight a bucket over all bases measured 3x slower than a HashSet: the populated buckets held ~55 and
        // fell to binary search.) The index costs 2 bytes a number.
        var bucketBits = Math.Clamp(BitOperations.Log2((uint)Math.Max(1, _bases.Length)) - 1, 0, 24);
        _shift = BaseBits - bucketBits;
        var bucketCount = (int)(Internal.Modulus11.MaxBase >> _shift) + 1;
        _bucketStarts = new int[bucketCount + 1];
        foreach (var b in _bases)
        {
            _bucketStarts[(b >> _shift) + 1]++;
        }

        for (var i = 1; i < _bucketStarts.Length; i++)
        {
            _bucketStarts[i] += _bucketStarts[i - 1];
        }
    }

    /// <summary>Gets the empty set.</summary>
    public static NhsNumberSet Empty { get; } = new([]);

    /// <summary>Gets the number of distinct NHS numbers in the set.</summary>
    public int Count => _bases.Length;

    /// <summary>Whether <paramref name="number"/> is in the set. Allocates nothing.</summary>
    /// <param name="number">The number; <see cref="NhsNumber.Empty"/> is never in the set.</param>
    /// <returns><see langword="true"/> when the set holds the number.</returns>
    public bool Contains(NhsNumber number)
    {
        if (number.IsEmpty)
        {
            return false;
        }

        var nineDigitBase = (uint)number.Base;
        var bucket = nineDigitBase >> _shift;
        var start = _bucketStarts[bucket];
        var candidates = _bases.AsSpan(start, _bucketStarts[bucket + 1] - start);
        return candidates.Length <= LinearScanLimit
            ? candidates.Contains(nineDigitBase)
            : candidates.BinarySearch(nineDigitBase) >= 0;
    }

    /// <summary>Builds a set from numbers; duplicates are kept once and <see cref="NhsNumber.Empty"/> is skipped.</summary>
    /// <param name="numbers">The numbers.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="numbers"/> is <see langword="null"/>.</exception>
    public static NhsNumberSet Create(IEnumerable<NhsNumber> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var builder = new BaseBuffer(numbers.TryGetNonEnumeratedCount(out var count) ? count : 1024);
        foreach (var number in numbers)
        {
            if (!number.IsEmpty)
            {
                builder.Add((uint)number.Base);
            }
        }

        return builder.ToSet();
    }

    /// <summary>Builds a set from numbers; duplicates are kept once and <see cref="NhsNumber.Empty"/> is skipped.</summary>
    /// <param name="numbers">The numbers.</param>
    /// <returns>The set.</returns>
    public static NhsNumberSet Create(ReadOnlySpan<NhsNumber> numbers)
    {
        var builder = new BaseBuffer(numbers.Length);
        foreach (var number in numbers)
        {
            if (!number.IsEmpty)
            {
                builder.Add((uint)number.Base);
            }
        }

        return builder.ToSet();
    }

    /// <summary>A growable array of bases that sorts and de-duplicates itself into a set.</summary>
    private struct BaseBuffer(int capacity)
    {
        private uint[] _items = new uint[Math.Max(16, capacity)];
        private int _count;

        public void Add(uint nineDigitBase)
        {
            if (_count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[_count++] = nineDigitBase;
        }

        public readonly NhsNumberSet ToSet()
        {
            var items = _items.AsSpan(0, _count);
            items.Sort();
            var distinct = 0;
            for (var i = 0; i < items.Length; i++)
            {
                if (distinct == 0 || items[i] != items[distinct - 1])
                {
                    items[distinct++] = items[i];
                }
            }

            return new NhsNumberSet(items[..distinct].ToArray());
        }
    }
}
