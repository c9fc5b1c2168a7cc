using NhsIdentity.Matching.Snapshots;

namespace NhsIdentity.Matching;

// Snapshots: the prepared records as bytes, so a service restarts in seconds instead of preparing every record again.
// A snapshot is a cache of a source of truth (a store, an extract), never the truth itself: it is bound to the library
// build and preparation options that wrote it, and anything else is refused with a typed reason so the caller can
// rebuild. Posting lists are not stored: the loading index rebuilds them with its own rules (one pass of key hashing),
// so a snapshot outlives a change of blocking rules or model.
public sealed partial class PatientIndex
{
    /// <summary>"NHSIDXSN": the first eight bytes of every snapshot.</summary>
    private const ulong SnapshotMagic = 0x4E5358444953484E; // little-endian "NHSIDXSN"

    private const int SnapshotFormatVersion = 1;

    /// <summary>Written as an int: read back as another value on a machine of the other byte order.</summary>
    private const int ByteOrderMark = 0x01020304;

    /// <summary>Writes the indexed records, as prepared (with their term frequencies), to a stream.</summary>
    /// <param name="destination">The stream to write to; it is not closed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    /// <remarks>
    /// <para>Lookups may run while a snapshot is written; writes wait until it is done, and since a waiting write goes
    /// before new lookups, a write arriving during a long save (a slow disk or network stream) holds lookups back until
    /// the save ends: save to a fast local file, or between writes. The snapshot holds ids and prepared values
    /// (normalised names, dates, postcodes, addresses): it is patient-identifiable data, to be stored and protected
    /// like the records themselves.</para>
    /// <para>A snapshot loads with <see cref="Load"/> into the same build of this library with the same
    /// <see cref="RecordSetOptions"/>; the model and the blocking rules may differ. A loaded index answers every lookup
    /// as the saved one did, except one whose candidates exceed <see cref="PatientIndexOptions.MaxCandidates"/>: which
    /// candidates such a lookup scores depends on the order records were added and removed, and loading rebuilds that
    /// order by position.</para>
    /// </remarks>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        _lock.EnterReadLock();
        try
        {
            var writer = new SnapshotWriter(destination);
            writer.WriteUInt64(SnapshotMagic);
            writer.WriteInt32(SnapshotFormatVersion);
            writer.WriteInt32(ByteOrderMark);
            writer.WriteBytes(LibraryBuild.ToByteArray());
            writer.WriteUInt64(RecordSet.PreparationFingerprint(_recordSetOptions));
            _records.WriteSnapshot(writer);
            writer.WriteChecksum();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Creates an index from a snapshot written by <see cref="Save"/>.</summary>
    /// <param name="source">The stream to read; it is read to the snapshot's end and not closed.</param>
    /// <param name="model">The model that scores candidates (need not be the one in use when the snapshot was written).</param>
    /// <param name="options">Blocking rules, preparation options and lookup limits, as for the constructor; the
    /// preparation options must be those the snapshot's records were prepared with.</param>
    /// <returns>The index, with the snapshot's records and term frequencies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="model"/> is null, or an
    /// option is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (as for the constructor).</exception>
    /// <exception cref="PatientIndexSnapshotException">The snapshot cannot be used; its
    /// <see cref="PatientIndexSnapshotException.Error"/> says why. Rebuild the index from the records' source.</exception>
    /// <remarks>The stream's own failures (an <see cref="IOException"/>, <see cref="ObjectDisposedException"/> or
    /// <see cref="NotSupportedException"/> from reading it) pass through. A stream that can seek has its sizes checked
    /// against its length before anything is allocated; one that cannot is read into arrays that grow as its bytes
    /// arrive.</remarks>
    public static PatientIndex Load(Stream source, MatchModel model, PatientIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options = Checked(model, options);
        var reader = new SnapshotReader(source);
        ReadHeader(reader, options.RecordSetOptions);
        var records = RecordSet.ReadSnapshot(reader, options.RecordSetOptions);
        reader.VerifyChecksum();

        var index = new PatientIndex(model, options, records);
        index._positionById.EnsureCapacity(records.Count);
        for (var position = 0; position < records.Count; position++)
        {
            if (!index._positionById.TryAdd(records.GetId(position)!, position))
            {
                throw SnapshotReader.Corrupt(); // two records with one id: no index writes that
            }
        }

        index.PostAll();
        index._count = records.Count;
        return index;
    }

    /// <summary>Fills every rule's postings from the records, one rule at a time: the rule's keys first, then the
    /// table sized for them and filled with each slot asked for a few keys ahead (a million inserts into a table
    /// larger than the cache are otherwise a million misses one after another), then trimmed to what it holds.</summary>
    private void PostAll()
    {
        var count = _records.Count;
        var keys = new ulong[count];
        const int Ahead = 8;
        for (var r = 0; r < _rules.Length; r++)
        {
            var present = 0;
            for (var position = 0; position < count; position++)
            {
                keys[position] = _rules[r].GetKeyUnchecked(_records, position);
                present += keys[position] != 0 ? 1 : 0;
            }

            var postings = _postings[r];
            postings.Reserve(present);
            for (var position = 0; position < count; position++)
            {
                if (position + Ahead < count)
                {
                    postings.Prefetch(keys[position + Ahead]);
                }

                postings.Add(keys[position], position);
            }

            postings.TrimExcess();
        }
    }

    /// <summary>The build of this library: prepared rows are valid only for the preparation code that made them.</summary>
    private static Guid LibraryBuild => typeof(PatientIndex).Assembly.ManifestModule.ModuleVersionId;

    private static void ReadHeader(SnapshotReader reader, RecordSetOptions options)
    {
        ulong magic;
        try
        {
            magic = reader.ReadUInt64();
        }
        catch (PatientIndexSnapshotException)
        {
            throw new PatientIndexSnapshotException(PatientIndexSnapshotError.NotASnapshot);
        }

        if (magic != SnapshotMagic)
        {
            throw new PatientIndexSnapshotException(PatientIndexSnapshotError.NotASnapshot);
        }

        if (reader.ReadInt32() != SnapshotFormatVersion)
        {
            throw new PatientIndexSnapshotException(PatientIndexSnapshotError.UnsupportedFormat);
        }

        var byteOrder = reader.ReadInt32();
        Span<byte> build = stackalloc byte[16];
        reader.ReadBytes(build);
        if (byteOrder != ByteOrderMark || new Guid(build) != LibraryBuild)
        {
            throw new PatientIndexSnapshotException(PatientIndexSnapshotError.DifferentLibraryBuild);
        }

        if (reader.ReadUInt64() != RecordSet.PreparationFingerprint(options))
        {
            throw new PatientIndexSnapshotException(PatientIndexSnapshotError.DifferentPreparationOptions);
        }
    }
}
