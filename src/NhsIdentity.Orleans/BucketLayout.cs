using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;

namespace NhsIdentity.Orleans;

/// <summary>Where a blocking key lives: bucket <c>hash(rule, key) mod B</c>, and the grain key of each bucket.</summary>
/// <remarks>The hash is XxHash64 of the key's eight little-endian bytes, seeded with the rule's position: the same on
/// every process, machine and run (never <see cref="string.GetHashCode()"/>, which .NET randomises per process), so a
/// client and every silo agree on where a record lives. Seeding by rule sends one record's keys under different rules
/// to unrelated buckets, so one hot value does not load the same bucket number of every rule.</remarks>
internal static class BucketLayout
{
    /// <summary>The bucket of a key under a rule, 0 to <paramref name="buckets"/> - 1.</summary>
    public static int BucketOf(int rule, ulong key, int buckets)
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, key);
        return (int)(XxHash64.HashToUInt64(bytes, seed: rule) % (ulong)buckets);
    }

    /// <summary>The rule number the store files row shards under (<see cref="Storage.BucketAddress.Rule"/>): no blocking
    /// rule has it, so a row shard's memberships never mix with a key bucket's.</summary>
    public const int Rows = -1;

    /// <summary>The row shard holding a record's prepared row: <c>XxHash64(id) mod <paramref name="shards"/></c>, over
    /// the id's UTF-16 code units (the same on every process and machine).</summary>
    public static int RowShardOf(string id, int shards) =>
        (int)(XxHash64.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes(id.AsSpan()), seed: RowSeed) % (ulong)shards);

    /// <summary>The store address of a record's row shard.</summary>
    public static Storage.BucketAddress RowAddress(string id, int shards) => new(Rows, RowShardOf(id, shards));

    /// <summary>The key of the grain holding one row shard of a named index: <c>name/rows/shard</c>.</summary>
    public static string RowShardKey(string index, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{index}/rows/{shard}");

    /// <summary>The index name and store address in a key made by <see cref="RowShardKey"/>.</summary>
    public static (string Index, Storage.BucketAddress Bucket) ParseRowShardKey(string grainKey)
    {
        var parts = grainKey.Split('/');
        return parts.Length == 3 && parts[1] == "rows"
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var shard)
            ? (parts[0], new Storage.BucketAddress(Rows, shard))
            : throw new ArgumentException("Not a row shard grain key.", nameof(grainKey));
    }

    /// <summary>Seeds the row hash apart from every rule's key hash (rules are seeded 0, 1, 2, ...).</summary>
    private const long RowSeed = 0x726F7773; // "rows"

    /// <summary>The key of the grain holding one bucket of one rule of a named index: <c>name/rule/bucket</c>.</summary>
    public static string GrainKey(string index, int rule, int bucket) =>
        string.Create(CultureInfo.InvariantCulture, $"{index}/{rule}/{bucket}");

    /// <summary>The index name, rule and bucket in a grain key made by <see cref="GrainKey"/>.</summary>
    public static (string Index, Storage.BucketAddress Bucket) Parse(string grainKey)
    {
        var parts = grainKey.Split('/');
        return parts.Length == 3
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rule)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var bucket)
            ? (parts[0], new Storage.BucketAddress(rule, bucket))
            : throw new ArgumentException("Not a bucket grain key.", nameof(grainKey));
    }

    /// <summary>The rule position in a grain key made by <see cref="GrainKey"/>.</summary>
    public static int RuleOf(string grainKey) => Parse(grainKey).Bucket.Rule;

    /// <summary>The key of the grain that owns one record id's writes: <c>name/id</c> (the name has no '/', so the
    /// first '/' ends it whatever the id holds).</summary>
    public static string OwnerKey(string index, string id) => index + "/" + id;

    /// <summary>The index name and record id in a key made by <see cref="OwnerKey"/>.</summary>
    public static (string Index, string Id) ParseOwnerKey(string grainKey)
    {
        var slash = grainKey.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < grainKey.Length - 1
            ? (grainKey[..slash], grainKey[(slash + 1)..])
            : throw new ArgumentException("Not a record owner grain key.", nameof(grainKey));
    }
}
