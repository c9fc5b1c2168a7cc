using NhsIdentity.Demographics;

namespace NhsIdentity.Matching;

/// <summary>
/// Patient records prepared once for matching: every value parsed, normalised and reduced to the compact features the
/// comparisons read (name slices in a shared char arena, phonetic and nickname codes, the date of birth as an int,
/// postcode parts, the NHS number as a <see cref="long"/>, hashes, term frequencies), stored as one compact row per record.
/// </summary>
/// <remarks>
/// <para>Preparation costs a few microseconds per record and happens once; scoring a pair afterwards reads only
/// these rows and allocates nothing. Values that cannot be read become missing and are counted per field
/// (<see cref="GetCounts"/>), never thrown.</para>
/// <para>A record set is immutable once created and safe to read from many threads at once.</para>
/// </remarks>
public sealed partial class RecordSet
{
    private const int InitialCapacity = 16;

    private readonly RecordSetOptions _options;
    private readonly int[] _counts = new int[Comparisons.ComparisonCatalog.Count * 4];

    private string?[] _ids;
    private PreparedRow[] _rows;
    private char[] _arena;
    private int _arenaLength;
    private int _count;

    /// <summary>Prepares records with the default options.</summary>
    /// <param name="records">The records; <see langword="null"/> entries are not allowed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or one of its entries is null.</exception>
    public RecordSet(IEnumerable<PatientRecord> records)
        : this(records, RecordSetOptions.Default)
    {
    }

    /// <summary>Prepares records.</summary>
    /// <param name="records">The records; <see langword="null"/> entries are not allowed.</param>
    /// <param name="options">How to read them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="records"/>, one of its entries, or
    /// <paramref name="options"/> is null.</exception>
    /// <remarks>A list of many records (a <see cref="IReadOnlyList{T}"/> of 16,384 or more) is prepared on all cores;
    /// the set is the same, byte for byte, as one thread makes.</remarks>
    public RecordSet(IEnumerable<PatientRecord> records, RecordSetOptions options)
        : this(records, options, maxDegreeOfParallelism: -1)
    {
    }

    /// <summary>Prepares records on up to <paramref name="maxDegreeOfParallelism"/> threads (-1: all; the set is the
    /// same whatever the value).</summary>
    internal RecordSet(IEnumerable<PatientRecord> records, RecordSetOptions options, int maxDegreeOfParallelism)
        : this(options, records is ICollection<PatientRecord> c ? c.Count : InitialCapacity)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records is IReadOnlyList<PatientRecord> list)
        {
            AppendAll(list, maxDegreeOfParallelism);
        }
        else
        {
            foreach (var record in records)
            {
                ArgumentNullException.ThrowIfNull(record, nameof(records));
                Append(record);
            }
        }

        ComputeTermFrequencies();
    }

    internal RecordSet(RecordSetOptions options, int capacity)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        capacity = Math.Max(capacity, 1);
        _ids = new string?[capacity];
        _rows = new PreparedRow[capacity];
        _arena = new char[(int)Math.Min(Array.MaxLength, capacity * 48L)];
    }

    /// <summary>Gets the number of records.</summary>
    public int Count => _count;

    /// <summary>Gets the options the records were prepared with.</summary>
    public RecordSetOptions Options => _options;

    /// <summary>Gets the supplier id of a record (<see cref="PatientRecord.Id"/>), or null when it had none.</summary>
    /// <param name="index">The record's position, 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public string? GetId(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        return _ids[index];
    }

    /// <summary>Gets what preparation made of one field across all records.</summary>
    /// <param name="field">The field, named by the comparison that reads it (<see cref="ComparisonKind.Name"/>
    /// counts records with neither a given nor a family name as missing).</param>
    /// <returns>The counts; they add up to <see cref="Count"/>.</returns>
    public FieldCounts GetCounts(ComparisonKind field)
    {
        var slot = (int)field * 4;
        if ((uint)field >= FieldSlots)
        {
            throw new ArgumentOutOfRangeException(nameof(field));
        }

        return new FieldCounts(_counts[slot + (int)FieldState.Present], _counts[slot + (int)FieldState.Missing],
            _counts[slot + (int)FieldState.Invalid], _counts[slot + (int)FieldState.Placeholder]);
    }

    /// <summary>Gets whether one record's field was read and takes part in comparisons (counted as
    /// <see cref="FieldCounts.Present"/> by <see cref="GetCounts"/>); false when it was missing, invalid or a
    /// placeholder, all of which comparisons treat as missing.</summary>
    /// <param name="index">The record's position, 0 to <see cref="Count"/> - 1.</param>
    /// <param name="field">The field, named by the comparison that reads it.</param>
    /// <returns>Whether the field is present. Over all records, the number of <see langword="true"/> answers equals
    /// <see cref="FieldCounts.Present"/>, so a caller can tell which records' values were set aside (a profile of an
    /// extract does, to give the reasons) without the set exposing its prepared values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> or <paramref name="field"/> is out of range.</exception>
    public bool IsPresent(int index, ComparisonKind field)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        if ((uint)field >= FieldSlots)
        {
            throw new ArgumentOutOfRangeException(nameof(field));
        }

        return (_rows[index].Present & (1 << (int)field)) != 0;
    }

    /// <summary>Returns a description with the number of records only, never their contents.</summary>
    /// <returns><c>RecordSet(Count = n)</c>.</returns>
    public override string ToString() => "RecordSet(Count = " + _count.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
}
