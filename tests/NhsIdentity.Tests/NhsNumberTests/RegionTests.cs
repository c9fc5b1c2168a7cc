using NhsIdentity.Internal;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.NhsNumberTests;

/// <summary>Region classification at every edge of the table in <see cref="NhsNumberRegion"/>'s documentation.</summary>
public sealed class RegionTests
{
    public static TheoryData<int, NhsNumberRegion, int> Edges => new()
    {
        // base, region, direction to step (towards the inside of that region) when the base has check value 10
        { 0, NhsNumberRegion.Unallocated, +1 },
        { 010_099_999, NhsNumberRegion.Unallocated, -1 },
        { 010_100_000, NhsNumberRegion.ScotlandChi, +1 },
        { 311_299_999, NhsNumberRegion.ScotlandChi, -1 },
        { 311_300_000, NhsNumberRegion.Unallocated, +1 },
        { 320_000_000, NhsNumberRegion.Unallocated, -1 },
        { 320_000_001, NhsNumberRegion.NorthernIrelandHealthAndCare, +1 },
        { 399_999_999, NhsNumberRegion.NorthernIrelandHealthAndCare, -1 },
        { 400_000_000, NhsNumberRegion.EnglandWalesIsleOfMan, +1 },
        { 499_999_999, NhsNumberRegion.EnglandWalesIsleOfMan, -1 },
        { 500_000_000, NhsNumberRegion.Unallocated, +1 },
        { 599_999_999, NhsNumberRegion.Unallocated, -1 },
        { 600_000_000, NhsNumberRegion.EnglandWalesIsleOfMan, +1 },
        { 799_999_999, NhsNumberRegion.EnglandWalesIsleOfMan, -1 },
        { 800_000_000, NhsNumberRegion.Unallocated, +1 },
        { 899_999_999, NhsNumberRegion.Unallocated, -1 },
        { 900_000_000, NhsNumberRegion.Synthetic, +1 },
        { 998_999_999, NhsNumberRegion.Synthetic, -1 },
        { 999_000_000, NhsNumberRegion.Test, +1 },
        { 999_999_999, NhsNumberRegion.Test, -1 },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void Edge_bases_classify_as_documented(int nineDigitBase, NhsNumberRegion region, int inwards)
    {
        // The classifier itself, at the exact edge.
        Assert.Equal(region, NhsNumberRanges.Classify(nineDigitBase));

        // A real number at (or, when the edge base has check value 10, just inside) the edge.
        var usable = ReferenceNhsNumber.NearestBaseWithCheckDigit(nineDigitBase, inwards);
        Assert.InRange(Math.Abs(usable - nineDigitBase), 0, 20);
        Assert.Equal(region, NhsNumberRanges.Classify(usable)); // still the same side of the edge
        Assert.True(NhsNumber.TryFromBase(usable, out var n));
        Assert.Equal(usable == nineDigitBase, NhsNumber.TryFromBase(nineDigitBase, out _));
        Assert.Equal(region, n.Region);
        Assert.Equal(region == NhsNumberRegion.Test, n.IsTestNumber);
        Assert.Equal(region, NhsNumber.Parse(n.ToString("N")).Region);
    }

    [Theory]
    [InlineData(9434765919L, NhsNumberRegion.Synthetic)]
    [InlineData(4505577104L, NhsNumberRegion.EnglandWalesIsleOfMan)]
    [InlineData(211165794L, NhsNumberRegion.ScotlandChi)]
    [InlineData(402070763L, NhsNumberRegion.ScotlandChi)]
    [InlineData(9990000018L, NhsNumberRegion.Test)]
    [InlineData(9000000009L, NhsNumberRegion.Synthetic)]
    [InlineData(0L, NhsNumberRegion.Unallocated)]
    [InlineData(9999999999L, NhsNumberRegion.Test)]
    [InlineData(5390502108L, NhsNumberRegion.Unallocated)]
    [InlineData(3510670485L, NhsNumberRegion.NorthernIrelandHealthAndCare)]
    [InlineData(7156652133L, NhsNumberRegion.EnglandWalesIsleOfMan)]
    public void Vector_numbers_classify(long value, NhsNumberRegion region) =>
        Assert.Equal(region, NhsNumber.FromValue(value).Region);

    [Fact]
    public void The_range_constants_match_the_documented_table()
    {
        Assert.Equal(010_100_000, NhsNumberRanges.ScotlandFirst);
        Assert.Equal(311_299_999, NhsNumberRanges.ScotlandLast);
        Assert.Equal(320_000_001, NhsNumberRanges.NorthernIrelandFirst);
        Assert.Equal(399_999_999, NhsNumberRanges.NorthernIrelandLast);
        Assert.Equal(400_000_000, NhsNumberRanges.EnglandFirstBlockFirst);
        Assert.Equal(499_999_999, NhsNumberRanges.EnglandFirstBlockLast);
        Assert.Equal(600_000_000, NhsNumberRanges.EnglandSecondBlockFirst);
        Assert.Equal(799_999_999, NhsNumberRanges.EnglandSecondBlockLast);
        Assert.Equal(900_000_000, NhsNumberRanges.SyntheticFirst);
        Assert.Equal(998_999_999, NhsNumberRanges.SyntheticLast);
        Assert.Equal(999_000_000, NhsNumberRanges.TestFirst);
        Assert.Equal(999_999_999, NhsNumberRanges.TestLast);
    }
}
