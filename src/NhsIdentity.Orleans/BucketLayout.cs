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
