namespace NhsIdentity.Orleans.Tests;

/// <summary>The layout's options validate in their init accessors, so a <see langword="with"/> cannot bypass them.</summary>
public sealed class ClusterIndexOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65_537)]
    public void A_bucket_count_outside_1_to_65536_is_refused(int buckets) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterIndexOptions.Default with { Buckets = buckets });

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("spaced name")]
    public void A_name_that_cannot_be_part_of_a_grain_key_is_refused(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => ClusterIndexOptions.Default with { Name = name });

    [Theory]
    [InlineData(-1)]
    [InlineData(601)]
    public void A_recovery_wait_outside_0_to_10_minutes_is_refused(int seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterIndexOptions.Default with { RecoveryWait = TimeSpan.FromSeconds(seconds) });

    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), ClusterIndexOptions.Default.RecoveryWait);
        Assert.Equal(ClusterIndexOptions.DefaultBuckets, ClusterIndexOptions.Default.Buckets);
        Assert.Equal("patients", ClusterIndexOptions.Default.Name);
        Assert.Same(NhsIdentity.Matching.PatientIndexOptions.Default, ClusterIndexOptions.Default.Index);
    }
}
