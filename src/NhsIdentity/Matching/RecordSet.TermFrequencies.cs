namespace NhsIdentity.Matching;

// Term frequencies: how often each full name, family name and postcode occurs among the set's own records. A
// match on SMITH or on a postcode shared by a block of flats is weaker evidence than a match on a rare value, and
// the scorer turns these frequencies into Splink-style term-frequency adjustments.
public sealed partial class RecordSet
{
    /// <summary>Measures the frequencies; NaN (no adjustment) when the set is smaller than the options' minimum.</summary>
    internal void ComputeTermFrequencies()
    {
        var count = _count;
        if (count < _options.MinimumRecordsForTermFrequencies)
        {
            for (var i = 0; i < count; i++)
            {
                ref var row = ref _rows[i];
                (row.Log2FullNameFrequency, row.Log2FamilyFrequency, row.Log2PostcodeFrequency) = (float.NaN, float.NaN, float.NaN);
            }

            return;
        }

        var fullNames = new Dictionary<ulong, int>(count);
        var families = new Dictionary<ulong, int>(count);
        var postcodes = new Dictionary<ulong, int>(count);
        int fullNameTotal = 0, familyTotal = 0, postcodeTotal = 0;
        for (var i = 0; i < count; i++)
        {
            fullNameTotal += Tally(fullNames, FullNameKey(i));
            familyTotal += Tally(families, _rows[i].FamilyHash);
            postcodeTotal += Tally(postcodes, PostcodeKey(i));
        }

        for (var i = 0; i < count; i++)
        {
            _rows[i].Log2FullNameFrequency = Log2Frequency(fullNames, FullNameKey(i), fullNameTotal);
            _rows[i].Log2FamilyFrequency = Log2Frequency(families, _rows[i].FamilyHash, familyTotal);
            _rows[i].Log2PostcodeFrequency = Log2Frequency(postcodes, PostcodeKey(i), postcodeTotal);
        }
    }

    /// <summary>The key of a record's full name (first given and family), or 0 when either part is missing.</summary>
    internal ulong FullNameKey(int i) =>
        _rows[i].GivenHash == 0 || _rows[i].FamilyHash == 0 ? 0 : (_rows[i].GivenHash * 0x9E3779B97F4A7C15UL) ^ _rows[i].FamilyHash;

    /// <summary>The key of a record's full postcode (UK unit or non-UK text), or 0 when missing.</summary>
    internal ulong PostcodeKey(int i) =>
        (_rows[i].Present & (1 << (int)ComparisonKind.Postcode)) == 0 ? 0 : Comparisons.PostcodeComparison.UnitKey(in _rows[i]);

    private static int Tally(Dictionary<ulong, int> counts, ulong key)
    {
        if (key == 0)
        {
            return 0;
        }

        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
        return 1;
    }

    /// <summary>log2 of the value's share of the set (stored as a logarithm so scoring needs no Math.Log2 per
    /// pair), or NaN when there is no value.</summary>
    private static float Log2Frequency(Dictionary<ulong, int> counts, ulong key, int total) =>
        key == 0 || total == 0 ? float.NaN : (float)Math.Log2((double)counts[key] / total);
}
