using System.Diagnostics.CodeAnalysis;

namespace NhsIdentity.Matching;

/// <summary>
/// How often each value the term-frequency adjustments read (full names, family names, postcodes) occurs among a set
/// of records, measured once and applied to any number of indexes: the shared table that lets an index split over many
/// machines score every pair exactly as one index holding all the records would.
/// </summary>
/// <remarks>
/// <para>A <see cref="PatientIndex"/> measures its own frequencies (<see cref="PatientIndex.RefreshTermFrequencies"/>);
/// an index that holds only part of the records (one bucket of a partitioned index) would measure different ones and
/// score differently. Measure the table once over all the records (<see cref="Measure"/>), send it
/// (<see cref="WriteTo"/>, <see cref="ReadFrom"/>) and apply it to every part
/// (<see cref="PatientIndex.ApplyTermFrequencies"/>).</para>
/// <para>The table holds counts of hashed values, never the values: it contains no patient data, though a value's
/// count can be checked by anyone who can hash a guess. It is bound to the library build and the
/// <see cref="RecordSetOptions"/> that prepared the records (the hashes are of prepared values), and applying it to an
/// index prepared otherwise is refused.</para>
/// <para>Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class TermFrequencyTable
{
    /// <summary>"NHSIDTFT": the first eight bytes of every written table.</summary>
    private const ulong Magic = 0x544654444953484E; // little-endian "NHSIDTFT"

    private const int FormatVersion = 1;

    private readonly ulong _preparationFingerprint;

    /// <summary>The counts per comparison feature, or null when the records were too few to measure.</summary>
    private readonly Feature[]? _features;

    internal TermFrequencyTable(ulong preparationFingerprint, int recordCount, IEnumerable<Feature>? features)
    {
        _preparationFingerprint = preparationFingerprint;
        RecordCount = recordCount;
        _features = features?.ToArray();
    }

    /// <summary>Gets the number of records measured.</summary>
    public int RecordCount { get; }

    /// <summary>Gets whether frequencies were measured: <see langword="false"/> when there were fewer records than
    /// <see cref="RecordSetOptions.MinimumRecordsForTermFrequencies"/>, and then applying the table removes every
    /// adjustment, as a <see cref="PatientIndex"/> that small does.</summary>
    public bool IsMeasured => _features is not null;

    /// <summary>Measures the frequencies among a set's records, as <see cref="PatientIndex.RefreshTermFrequencies"/>
    /// would for an index holding exactly these records.</summary>
    /// <param name="records">The records, prepared with the options of the indexes the table will be applied to.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    public static TermFrequencyTable Measure(RecordSet records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.CountTermFrequencies();
    }

    /// <summary>Writes the table to a stream, in a form <see cref="ReadFrom"/> reads back into an equal table. The same
    /// counts always give the same bytes, so a hash of them names the table's content.</summary>
    /// <param name="destination">The stream; it is not closed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public void WriteTo(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var writer = new BinaryWriter(destination, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(LibraryBuild.ToByteArray());
        writer.Write(_preparationFingerprint);
        writer.Write(RecordCount);
        writer.Write(_features?.Length ?? -1);
        foreach (var feature in _features ?? [])
        {
            writer.Write((int)feature.Kind);
            writer.Write(feature.Index);
            writer.Write(feature.Total);
            writer.Write(feature.Counts.Count);
            var keys = feature.Counts.Keys.ToArray();
            Array.Sort(keys); // a dictionary's order depends on its history; the bytes must not
            foreach (var key in keys)
            {
                writer.Write(key);
                writer.Write(feature.Counts[key]);
            }
        }
    }

    /// <summary>Reads a table written by <see cref="WriteTo"/>.</summary>
    /// <param name="source">The stream, positioned at the table; it is not closed.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="InvalidDataException">The bytes are not a table, are damaged, or were written by another
    /// build of this library.</exception>
    public static TermFrequencyTable ReadFrom(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var reader = new BinaryReader(source, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadUInt64() != Magic || reader.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException("The bytes are not a term-frequency table.");
            }

            if (new Guid(reader.ReadBytes(16)) != LibraryBuild)
            {
                throw new InvalidDataException("The term-frequency table was written by another build of the library.");
            }

            var fingerprint = reader.ReadUInt64();
            var recordCount = reader.ReadInt32();
            var featureCount = reader.ReadInt32();
            if (recordCount < 0 || featureCount < -1 || featureCount > Comparisons.ComparisonCatalog.Count * 8)
            {
                throw new InvalidDataException("The term-frequency table is damaged.");
            }

            List<Feature>? features = featureCount < 0 ? null : new List<Feature>(featureCount);
            for (var f = 0; f < featureCount; f++)
            {
                var kind = (ComparisonKind)reader.ReadInt32();
                var index = reader.ReadInt32();
                var total = reader.ReadInt32();
                var entries = reader.ReadInt32();
                if (!Enum.IsDefined(kind) || index < 0 || total < 0 || entries < 0 || entries > recordCount)
                {
                    throw new InvalidDataException("The term-frequency table is damaged.");
                }

                var counts = new Dictionary<ulong, int>(entries);
                for (var e = 0; e < entries; e++)
                {
                    if (!counts.TryAdd(reader.ReadUInt64(), reader.ReadInt32()))
                    {
                        throw new InvalidDataException("The term-frequency table is damaged.");
                    }
                }

                features!.Add(new Feature(kind, index, counts, total));
            }

            return new TermFrequencyTable(fingerprint, recordCount, features);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("The term-frequency table is cut short.");
        }
    }

    /// <summary>Whether the table was measured from records prepared with these options.</summary>
    internal bool IsFor(RecordSetOptions options) => _preparationFingerprint == RecordSet.PreparationFingerprint(options);

    /// <summary>One comparison feature's counts, or <see langword="false"/> when the table was not measured.</summary>
    internal bool TryGetFeature(ComparisonKind kind, int index, [NotNullWhen(true)] out Dictionary<ulong, int>? counts, out int total)
    {
        foreach (var feature in _features ?? [])
        {
            if (feature.Kind == kind && feature.Index == index)
            {
                counts = feature.Counts;
                total = feature.Total;
                return true;
            }
        }

        counts = null;
        total = 0;
        return false;
    }

    /// <summary>The build of this library: the counted hashes are of values prepared by its code.</summary>
    private static Guid LibraryBuild => typeof(TermFrequencyTable).Assembly.ManifestModule.ModuleVersionId;

    /// <summary>One comparison feature's counts: each hashed value's number of records, and their sum.</summary>
    internal readonly record struct Feature(ComparisonKind Kind, int Index, Dictionary<ulong, int> Counts, int Total);

    /// <summary>Returns a description with the record count only, never the counts.</summary>
    /// <returns><c>TermFrequencyTable(RecordCount = n)</c>.</returns>
    public override string ToString() =>
        "TermFrequencyTable(RecordCount = " + RecordCount.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
}
