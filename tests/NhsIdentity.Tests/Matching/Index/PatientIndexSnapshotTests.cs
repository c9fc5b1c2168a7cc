using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Demographics;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Tests.TestHelpers;
using NhsIdentity.Text;

namespace NhsIdentity.Tests.Matching.Index;

/// <summary>
/// <see cref="PatientIndex.Save"/> and <see cref="PatientIndex.Load"/>: a loaded index answers every lookup exactly as
/// the index that was saved (after adds, replacements and removals, with term frequencies), and a snapshot that cannot
/// be used is refused with its reason and a message that holds no record data.
/// </summary>
[Collection(AllocationMeasurements.Name)] // one test counts this thread's allocations
public sealed class PatientIndexSnapshotTests
{
    private static Arbitrary<int> Seeds => Arb.From(Gen.Choose(0, int.MaxValue));

    [Property(MaxTest = 40)]
    public Property A_loaded_index_answers_as_the_saved_one() =>
        Prop.ForAll(Seeds, seed =>
        {
            var random = new Random(seed);
            var numbers = new NhsNumberGenerator(seed);
            // Term frequencies measured from a single record on (the default waits for 1,000), and now and then a
            // record added after the measurement, whose frequencies stay unmeasured: both must survive the trip.
            var measured = random.Next(2) == 0;
            using var saved = Churned(random, numbers, out var live, measured ? EveryRecordMeasured : null);
            if (measured)
            {
                saved.RefreshTermFrequencies();
                if (random.Next(2) == 0)
                {
                    saved.AddOrUpdate(live["late"] = IndexPeople.Person(random, numbers, "late"));
                }
            }

            using var loaded = RoundTrip(saved);
            if (loaded.Count != saved.Count)
            {
                return false.Label("count " + loaded.Count + " != " + saved.Count);
            }

            foreach (var id in live.Keys)
            {
                if (!loaded.Contains(id))
                {
                    return false.Label("an indexed id is missing after loading");
                }
            }

            for (var q = 0; q < 10; q++)
            {
                var query = random.Next(2) == 0 && live.Count > 0
                    ? IndexPeople.Noisy(random, live.Values.ElementAt(random.Next(live.Count)), "query")
                    : IndexPeople.Person(random, numbers, "query");
                var expected = saved.FindMatches(query, 8);
                var actual = loaded.FindMatches(query, 8);
                if (!expected.SequenceEqual(actual))
                {
                    return false.Label("query " + q + " differs after loading");
                }
            }

            return true.ToProperty();
        });

    [Fact]
    public void A_loaded_index_takes_writes_like_any_other()
    {
        var random = new Random(5);
        var numbers = new NhsNumberGenerator(5);
        using var saved = Churned(random, numbers, out var live);
        using var loaded = RoundTrip(saved);
        var first = live.Keys.First();
        Assert.True(loaded.Remove(first));
        Assert.False(loaded.Contains(first));
        var added = IndexPeople.Person(random, numbers, "added-after-load");
        Assert.True(loaded.AddOrUpdate(added));
        Assert.Equal("added-after-load", Assert.Single(loaded.FindMatches(added, 1)).Id);
        Assert.Equal(saved.Count, loaded.Count);
    }

    [Fact]
    public void Another_model_and_other_rules_may_load_the_same_snapshot()
    {
        var random = new Random(6);
        var numbers = new NhsNumberGenerator(6);
        using var saved = Churned(random, numbers, out var live);
        var options = PatientIndexOptions.Default with { BlockingRules = [BlockingRule.NhsNumber] };
        using var stream = Saved(saved);
        using var loaded = PatientIndex.Load(stream, MatchModel.Default, options);
        var person = live.Values.First(p => p.NhsNumber is not null);
        Assert.Equal(person.Id, loaded.FindMatches(person, 1)[0].Id);
        Assert.Same(options, loaded.Options);
    }

    [Fact]
    public void An_empty_index_round_trips()
    {
        using var empty = new PatientIndex(MatchModel.Default);
        using var loaded = RoundTrip(empty);
        Assert.Equal(0, loaded.Count);
        Assert.Empty(loaded.FindMatches(IndexPeople.Person(new Random(1), new NhsNumberGenerator(1), "q"), 5));
    }

    [Fact]
    public void Bytes_that_are_not_a_snapshot_are_refused()
    {
        Assert.Equal(PatientIndexSnapshotError.NotASnapshot, Refused(new MemoryStream([])));
        Assert.Equal(PatientIndexSnapshotError.NotASnapshot, Refused(new MemoryStream("id,given,family\n"u8.ToArray())));
    }

    [Fact]
    public void Another_format_version_is_refused()
    {
        var bytes = SnapshotBytes();
        bytes[8]++; // the format version follows the eight-byte magic
        Assert.Equal(PatientIndexSnapshotError.UnsupportedFormat, Refused(new MemoryStream(bytes)));
    }

    [Fact]
    public void Another_library_build_is_refused()
    {
        var bytes = SnapshotBytes();
        bytes[16] ^= 0xFF; // the build's first byte, after magic, version and byte-order mark
        Assert.Equal(PatientIndexSnapshotError.DifferentLibraryBuild, Refused(new MemoryStream(bytes)));
    }

    [Fact]
    public void Other_preparation_options_are_refused()
    {
        var bytes = SnapshotBytes();
        var monthFirst = PatientIndexOptions.Default with { RecordSetOptions = RecordSetOptions.Default with { DateOrder = DateOrder.MonthDayYear } };
        Assert.Equal(PatientIndexSnapshotError.DifferentPreparationOptions, Refused(new MemoryStream(bytes), monthFirst));

        var otherNicknames = PatientIndexOptions.Default with
        {
            RecordSetOptions = RecordSetOptions.Default with { Nicknames = NicknameTable.Create([("ROBERT", "BOB")], NicknameTable.Default.Version) },
        };
        Assert.Equal(PatientIndexSnapshotError.DifferentPreparationOptions, Refused(new MemoryStream(bytes), otherNicknames));

        var otherMinimum = PatientIndexOptions.Default with { RecordSetOptions = RecordSetOptions.Default with { MinimumRecordsForTermFrequencies = 999 } };
        Assert.Equal(PatientIndexSnapshotError.DifferentPreparationOptions, Refused(new MemoryStream(bytes), otherMinimum));

        // The same contents under a new options instance are the same preparation.
        var equal = PatientIndexOptions.Default with { RecordSetOptions = RecordSetOptions.Default with { } };
        using var loaded = PatientIndex.Load(new MemoryStream(bytes), MatchModel.Default, equal);
        Assert.True(loaded.Count > 0);
    }

    [Fact]
    public void A_damaged_or_truncated_snapshot_is_refused_as_corrupt()
    {
        var bytes = SnapshotBytes();
        var random = new Random(9);
        for (var trial = 0; trial < 20; trial++)
        {
            var damaged = (byte[])bytes.Clone();
            damaged[48 + random.Next(damaged.Length - 48)] ^= (byte)(1 << random.Next(8)); // past the header
            Assert.Equal(PatientIndexSnapshotError.Corrupt, Refused(new MemoryStream(damaged)));
        }

        foreach (var length in new[] { 40, bytes.Length / 2, bytes.Length - 1 })
        {
            Assert.Equal(PatientIndexSnapshotError.Corrupt, Refused(new MemoryStream(bytes[..length])));
        }
    }

    [Fact]
    public void Sizes_made_to_pass_the_checksum_are_refused_before_they_are_allocated()
    {
        // Header (40 bytes: magic, version, byte order, build, preparation), then count, arena length, arena waste,
        // id chars (20 bytes) and the checksum of all 60. A count of 2^27 records would ask for 19 GB of rows.
        var bytes = SnapshotBytes();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), 1 << 27);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(60), System.IO.Hashing.XxHash3.HashToUInt64(bytes.AsSpan(0, 60)));
        Assert.Equal(PatientIndexSnapshotError.Corrupt, Refused(new MemoryStream(bytes)));
    }

    [Fact]
    public void A_stream_that_cannot_seek_loads_and_its_forged_sizes_allocate_only_what_arrives()
    {
        var random = new Random(12);
        var numbers = new NhsNumberGenerator(12);
        using var saved = Churned(random, numbers, out var live);
        var bytes = Saved(saved).ToArray();
        using (var loaded = PatientIndex.Load(new ForwardOnlyStream(bytes), MatchModel.Default))
        {
            var person = live.Values.First();
            Assert.Equal(saved.FindMatches(person, 5), loaded.FindMatches(person, 5));
        }

        // 2^27 records claimed by sizes that pass their checksum, from a stream of a few hundred bytes.
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), 1 << 27);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(60), System.IO.Hashing.XxHash3.HashToUInt64(bytes.AsSpan(0, 60)));
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(PatientIndexSnapshotError.Corrupt, Refused(new ForwardOnlyStream(bytes)));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L << 20, "a forged size allocated far more than the stream held");
    }

    [Fact]
    public void Forged_dead_text_is_refused()
    {
        // The arena-waste count follows the record count and arena length; forge it to the whole arena.
        var bytes = SnapshotBytes();
        var arenaLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(44));
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(48), arenaLength);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(60), System.IO.Hashing.XxHash3.HashToUInt64(bytes.AsSpan(0, 60)));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8), WholeChecksum(bytes));
        Assert.Equal(PatientIndexSnapshotError.Corrupt, Refused(new MemoryStream(bytes)));
    }

    [Fact]
    public void Every_preparation_option_is_in_the_fingerprint()
    {
        // A new RecordSetOptions property changes what preparation makes of a record: it must join the snapshot's
        // fingerprint (RecordSet.PreparationFingerprint) and this list together.
        var fingerprinted = new[] { "DateOrder", "Nicknames", "MinimumRecordsForTermFrequencies" };
        var properties = typeof(RecordSetOptions).GetProperties().Where(p => p.GetMethod is { IsStatic: false }).Select(p => p.Name);
        Assert.Equal(fingerprinted.Order(), properties.Where(p => p != "EqualityContract").Order());
    }

    [Fact]
    public void The_refusal_message_holds_no_record_data()
    {
        var random = new Random(10);
        var numbers = new NhsNumberGenerator(10);
        using var saved = Churned(random, numbers, out var live);
        var bytes = Saved(saved).ToArray();
        bytes[^20] ^= 1;
        var error = Assert.Throws<PatientIndexSnapshotException>(() => PatientIndex.Load(new MemoryStream(bytes), MatchModel.Default));
        foreach (var person in live.Values)
        {
            Assert.DoesNotContain(person.Id!, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(person.FamilyName!, error.Message, StringComparison.OrdinalIgnoreCase);
            if (person.NhsNumber is { } nhs)
            {
                Assert.DoesNotContain(nhs, error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Arguments_are_checked()
    {
        using var index = new PatientIndex(MatchModel.Default);
        Assert.Throws<ArgumentNullException>(() => index.Save(null!));
        Assert.Throws<ArgumentNullException>(() => PatientIndex.Load(null!, MatchModel.Default));
        Assert.Throws<ArgumentNullException>(() => PatientIndex.Load(new MemoryStream(), null!));
        Assert.Throws<ArgumentException>(() => PatientIndex.Load(new MemoryStream(), MatchModel.Default, PatientIndexOptions.Default with { MaxCandidates = 0 }));
    }

    private static readonly PatientIndexOptions EveryRecordMeasured =
        PatientIndexOptions.Default with { RecordSetOptions = RecordSetOptions.Default with { MinimumRecordsForTermFrequencies = 1 } };

    /// <summary>An index after a random run of adds, replacements and removals (so the arena holds dead text and
    /// positions have moved), and the records it holds (at least one).</summary>
    private static PatientIndex Churned(Random random, NhsNumberGenerator numbers, out Dictionary<string, PatientRecord> live, PatientIndexOptions? options = null)
    {
        var index = new PatientIndex(MatchModel.Default, options);
        live = new Dictionary<string, PatientRecord>(StringComparer.Ordinal);
        IndexPeople.Churn(index, live, random, numbers, operations: random.Next(20, 150), distinctIds: 50);
        if (live.Count == 0)
        {
            index.AddOrUpdate(live["R0"] = IndexPeople.Person(random, numbers, "R0"));
        }

        return index;
    }

    private static MemoryStream Saved(PatientIndex index)
    {
        var stream = new MemoryStream();
        index.Save(stream);
        stream.Position = 0;
        return stream;
    }

    private static PatientIndex RoundTrip(PatientIndex index)
    {
        using var stream = Saved(index);
        var loaded = PatientIndex.Load(stream, index.Model, index.Options);
        Assert.Equal(stream.Length, stream.Position); // read to the end, nothing left over
        return loaded;
    }

    private static byte[] SnapshotBytes()
    {
        using var index = Churned(new Random(3), new NhsNumberGenerator(3), out _);
        index.RefreshTermFrequencies();
        return Saved(index).ToArray();
    }

    /// <summary>The snapshot's closing checksum: everything written except the checksums themselves (the one after the
    /// sizes, at bytes 60-67, and the last eight).</summary>
    private static ulong WholeChecksum(byte[] bytes)
    {
        var hash = new System.IO.Hashing.XxHash3();
        hash.Append(bytes.AsSpan(0, 60));
        hash.Append(bytes.AsSpan(68, bytes.Length - 8 - 68));
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>A stream that reads forward only and cannot say its length, like a network stream.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static PatientIndexSnapshotError Refused(Stream stream, PatientIndexOptions? options = null) =>
        Assert.Throws<PatientIndexSnapshotException>(() => PatientIndex.Load(stream, MatchModel.Default, options)).Error;
}
