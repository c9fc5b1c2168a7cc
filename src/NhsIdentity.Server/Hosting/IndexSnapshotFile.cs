using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using NhsIdentity.Matching;
using NhsIdentity.Server.Storage;

namespace NhsIdentity.Server.Hosting;

/// <summary>
/// The service's index snapshot file: the library's <see cref="PatientIndex"/> snapshot, then a trailer with a content
/// hash of each record as the store held it when the snapshot was written. A snapshot is never trusted to be current:
/// on start the store is read through once and every record whose hash differs (or is new) is applied, and every
/// indexed record the store no longer has is removed. So a stale snapshot (writes after it, a crash before the next
/// one) costs a few updates, never a wrong answer; the store stays the source of truth.
/// </summary>
internal static class IndexSnapshotFile
{
    /// <summary>"NHSIDSR2": the trailer's first eight bytes. Version 2 hashes the stored JSON text; a version 1 trailer
    /// ("NHSIDSRV", hashes of the record re-serialised without its id) is refused, so the index is rebuilt once.</summary>
    private const ulong TrailerMagic = 0x325253444953484E;

    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web);

    /// <summary>The hash of a record's content: its id and its JSON text exactly as the store holds it
    /// (<see cref="StoredPatient.RecordJson"/>: every property, so a field added to <see cref="PatientRecord"/> is
    /// covered without a change here). Taken over the stored text so that a start's catch-up can compare a row without
    /// parsing it: only rows whose hash differs are parsed and applied.</summary>
    public static ulong ContentHash(StoredPatient patient)
    {
        // A start hashes every stored row: encode into one pooled buffer instead of two new arrays a row.
        var id = patient.Id;
        var json = patient.RecordJson;
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(id.Length + 1 + json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(id, buffer);
            buffer[length++] = 0;
            length += Encoding.UTF8.GetBytes(json, buffer.AsSpan(length));
            return XxHash3.HashToUInt64(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes the index and the hashes to a temporary file beside <paramref name="path"/>, then moves it into
    /// place, so a crash while writing leaves the previous snapshot (or none), never half of one.</summary>
    public static void Write(string path, PatientIndex index, IReadOnlyDictionary<string, ulong> hashes)
    {
        var temporary = path + ".tmp";
        try
        {
            WriteTo(temporary, index, hashes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // gone already after the move; a half-written one after a failure
        }
    }

    private static void WriteTo(string temporary, PatientIndex index, IReadOnlyDictionary<string, ulong> hashes)
    {
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            index.Save(file);
            var hash = new XxHash3();
            Span<byte> scalar = stackalloc byte[8];
            void Write(ReadOnlySpan<byte> bytes)
            {
                hash.Append(bytes);
                file.Write(bytes);
            }

            BinaryPrimitives.WriteUInt64LittleEndian(scalar, TrailerMagic);
            Write(scalar);
            BinaryPrimitives.WriteInt32LittleEndian(scalar, hashes.Count);
            Write(scalar[..4]);
            foreach (var (id, content) in hashes)
            {
                var bytes = Encoding.UTF8.GetBytes(id);
                BinaryPrimitives.WriteInt32LittleEndian(scalar, bytes.Length);
                Write(scalar[..4]);
                Write(bytes);
                BinaryPrimitives.WriteUInt64LittleEndian(scalar, content);
                Write(scalar);
            }

            BinaryPrimitives.WriteUInt64LittleEndian(scalar, hash.GetCurrentHashAsUInt64());
            file.Write(scalar);
            file.Flush(flushToDisk: true);
        }
    }

    /// <summary>Reads a snapshot written by <see cref="Write"/>.</summary>
    /// <exception cref="PatientIndexSnapshotException">The index part cannot be used.</exception>
    /// <exception cref="InvalidDataException">The trailer is missing, damaged or truncated.</exception>
    public static (PatientIndex Index, Dictionary<string, ulong> Hashes) Read(string path, MatchModel model)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var index = PatientIndex.Load(file, model);
        try
        {
            return (index, ReadTrailer(file, index.Count));
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    private static Dictionary<string, ulong> ReadTrailer(Stream file, int expected)
    {
        var hash = new XxHash3();
        var scalar = new byte[8];
        void Read(Span<byte> bytes)
        {
            try
            {
                file.ReadExactly(bytes);
            }
            catch (EndOfStreamException truncated)
            {
                throw new InvalidDataException("The index snapshot's trailer is truncated.", truncated);
            }

            hash.Append(bytes);
        }

        Read(scalar);
        var count = 0;
        if (BinaryPrimitives.ReadUInt64LittleEndian(scalar) == TrailerMagic)
        {
            Read(scalar.AsSpan(0, 4));
            count = BinaryPrimitives.ReadInt32LittleEndian(scalar);
        }

        if (count != expected)
        {
            throw new InvalidDataException("The index snapshot's trailer does not match its index.");
        }

        var hashes = new Dictionary<string, ulong>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            Read(scalar.AsSpan(0, 4));
            var length = BinaryPrimitives.ReadInt32LittleEndian(scalar);
            if (length is <= 0 or > 1 << 16)
            {
                throw new InvalidDataException("The index snapshot's trailer is damaged.");
            }

            var id = new byte[length];
            Read(id);
            Read(scalar);
            hashes[Encoding.UTF8.GetString(id)] = BinaryPrimitives.ReadUInt64LittleEndian(scalar);
        }

        var expectedHash = hash.GetCurrentHashAsUInt64();
        file.ReadExactly(scalar);
        if (BinaryPrimitives.ReadUInt64LittleEndian(scalar) != expectedHash || hashes.Count != count)
        {
            throw new InvalidDataException("The index snapshot's trailer is damaged.");
        }

        return hashes;
    }
}
