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
            _fullNameFrequency.AsSpan(0, count).Fill(float.NaN);
            _familyFrequency.AsSpan(0, count).Fill(float.NaN);
            _postcodeFrequency.AsSpan(0, count).Fill(float.NaN);
            return;
        }

        var fullNames = new Dictionary<ulong, int>(count);
        var families = new Dictionary<ulong, int>(count);
        var postcodes = new Dictionary<ulong, int>(count);
        int fullNameTotal = 0, familyTotal = 0, postcodeTotal = 0;
        for (var i = 0; i < count; i++)
        {
            fullNameTotal += Tally(fullNames, FullNameKey(i));
            familyTotal += Tally(families, _familyHash[i]);
            postcodeTotal += Tally(postcodes, PostcodeKey(i));
        }

        for (var i = 0; i < count; i++)
        {
            _fullNameFrequency[i] = Frequency(fullNames, FullNameKey(i), fullNameTotal);
            _familyFrequency[i] = Frequency(families, _familyHash[i], familyTotal);
            _postcodeFrequency[i] = Frequency(postcodes, PostcodeKey(i), postcodeTotal);
        }
    }

    /// <summary>The key of a record's full name (first given and family), or 0 when either part is missing.</summary>
    internal ulong FullNameKey(int i) =>
        _givenHash[i] == 0 || _familyHash[i] == 0 ? 0 : (_givenHash[i] * 0x9E3779B97F4A7C15UL) ^ _familyHash[i];

    /// <summary>The key of a record's full postcode (UK unit or non-UK text), or 0 when missing.</summary>
    internal ulong PostcodeKey(int i) =>
        (_present[i] & Bit(ComparisonKind.Postcode)) == 0 ? 0
        : _otherPostcode[i] != 0 ? _otherPostcode[i]
        : (ulong)_postcode[i].GetPartKey(Demographics.PostcodePart.Unit) | 1UL << 63;

    private static int Tally(Dictionary<ulong, int> counts, ulong key)
    {
        if (key == 0)
        {
            return 0;
        }

        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
        return 1;
    }

    private static float Frequency(Dictionary<ulong, int> counts, ulong key, int total) =>
        key == 0 || total == 0 ? float.NaN : (float)((double)counts[key] / total);
}
