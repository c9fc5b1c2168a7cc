using System.Globalization;
using NhsIdentity.Internal;

namespace NhsIdentity.Text;

/// <summary>
/// How common each name is, for term-frequency adjustment of name agreement (agreeing on a rare name is stronger
/// evidence than agreeing on a common one). Immutable; lookups take a normalised name and allocate nothing.
/// </summary>
/// <remarks>
/// <para><b>Keys</b> are names normalised with <see cref="Demographics.PersonName"/> (<c>"JACK"</c>,
/// <c>"ELLIE-MAE"</c>, <c>"MARY JANE"</c>); look up the same form, for example the first given name from
/// <see cref="Demographics.PersonName.SplitGivenNames(ReadOnlySpan{char}, out ReadOnlySpan{char}, out ReadOnlySpan{char})"/>.
/// Lookups are ordinal.</para>
/// <para><b>Unseen names</b> get <see cref="MinimumFrequency"/>: half the frequency of the rarest name in the table.
/// An unseen name is rarer than every name listed, and half the rarest is a simple, stable choice that never
/// returns 0 (which would make a term-frequency weight infinite). An empty table returns 0 for every name.</para>
/// <para><b>Prefer the data's own frequencies</b> (<see cref="NameFrequencyTableBuilder"/>, <see cref="FromNames"/>);
/// <see cref="Default"/> is a fallback for given names when there is too little data. There is no default surname
/// table: the only UK surname list available has unverified provenance, so none is shipped.</para>
/// <para><b>Thread safety.</b> Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class NameFrequencyTable
{
    /// <summary>Names given to fewer babies than this (over 1996-2018) are not in <see cref="Default"/>.</summary>
    internal const int DefaultCutOff = 100;

    private readonly Dictionary<string, long> _counts;
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly double _inverseTotal;

    internal NameFrequencyTable(Dictionary<string, long> counts, long totalCount, string version)
    {
        _counts = counts;
        _lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        TotalCount = totalCount;
        Version = version;
        _inverseTotal = totalCount > 0 ? 1.0 / totalCount : 0;
        var rarest = long.MaxValue;
        foreach (var count in counts.Values)
        {
            rarest = Math.Min(rarest, count);
        }

        MinimumFrequency = counts.Count == 0 ? 0 : 0.5 * rarest * _inverseTotal;
    }

    /// <summary>
    /// Given names of babies registered in England and Wales 1996-2018 (ONS, Open Government Licence v3.0), boys and
    /// girls combined, names given to at least 100 babies (6,976 ONS spellings, 6,969 names once normalised and
    /// placeholders such as BABY left out; 79 KB of text); <see cref="TotalCount"/>
    /// counts all 14,208,052 registrations, so frequencies are true shares. Read once from an embedded resource on
    /// first use.
    /// </summary>
    public static NameFrequencyTable Default => DefaultHolder.Instance;

    /// <summary>The number of distinct names in the table.</summary>
    public int Count => _counts.Count;

    /// <summary>The number of name occurrences the frequencies are shares of.</summary>
    public long TotalCount { get; }

    /// <summary>The frequency an unseen name gets: half that of the rarest name in the table (0 when the table is empty).</summary>
    public double MinimumFrequency { get; }

    /// <summary>Identifies the data: <c>"ons-ew-1996-2018-min100"</c> for <see cref="Default"/>, <c>"data"</c> for tables built from names.</summary>
    public string Version { get; }

    /// <summary>How many times a name occurs in the table.</summary>
    /// <param name="normalizedName">A name normalised with <see cref="Demographics.PersonName"/>.</param>
    /// <returns>The count, or 0 when the name is not in the table.</returns>
    public long GetCount(ReadOnlySpan<char> normalizedName) => _lookup.TryGetValue(normalizedName, out var count) ? count : 0;

    /// <summary>The share of all name occurrences that are this name.</summary>
    /// <param name="normalizedName">A name normalised with <see cref="Demographics.PersonName"/>.</param>
    /// <returns>Count / <see cref="TotalCount"/>, or <see cref="MinimumFrequency"/> when the name is not in the table.</returns>
    public double GetRelativeFrequency(ReadOnlySpan<char> normalizedName) =>
        _lookup.TryGetValue(normalizedName, out var count) ? count * _inverseTotal : MinimumFrequency;

    /// <summary>Builds a table from the names in the data being linked (normalised, placeholders skipped).</summary>
    /// <param name="names">The names, one per record (for example every record's first given name).</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="names"/> is <see langword="null"/>.</exception>
    public static NameFrequencyTable FromNames(IEnumerable<string?> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var builder = new NameFrequencyTableBuilder();
        foreach (var name in names)
        {
            builder.Add(name);
        }

        return builder.Build();
    }

    private static NameFrequencyTable LoadDefault()
    {
        using var reader = EmbeddedResource.OpenText("NhsIdentity.Resources.name-frequencies-ons-ew.csv");
        var builder = new NameFrequencyTableBuilder();
        long total = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("#total=", StringComparison.Ordinal))
            {
                total = long.Parse(line.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture);
                continue;
            }

            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || comma < 0)
            {
                continue;
            }

            builder.Add(line.AsSpan(0, comma), long.Parse(line.AsSpan(comma + 1), NumberStyles.None, CultureInfo.InvariantCulture));
        }

        return builder.Build("ons-ew-1996-2018-min" + DefaultCutOff.ToString(CultureInfo.InvariantCulture), total);
    }

    private static class DefaultHolder
    {
        public static readonly NameFrequencyTable Instance = LoadDefault();
    }
}
