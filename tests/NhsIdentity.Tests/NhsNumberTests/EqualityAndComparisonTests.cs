using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.NhsNumberTests;

public sealed class EqualityAndComparisonTests
{
    [Fact]
    public void Equality_contract()
    {
        EqualityContract.Verify(
            NhsNumber.FromValue(4505577104),
            NhsNumber.Parse("450-557-7104"),
            NhsNumber.FromValue(9434765919),
            NhsNumber.FromValue(0),
            NhsNumber.Empty);

        EqualityContract.Verify(NhsNumber.FromValue(0), NhsNumber.Parse("0000000000"), NhsNumber.Empty, NhsNumber.FromBase(1));
        EqualityContract.Verify(NhsNumber.Empty, default, NhsNumber.FromValue(0), NhsNumber.FromValue(9999999999));
    }

    [Fact]
    public void Equals_object_is_false_for_the_raw_value()
    {
        var n = NhsNumber.FromValue(4505577104);
        Assert.False(n.Equals((object)4505577104L));
        Assert.False(n.Equals((object)"4505577104"));
        Assert.False(n.Equals((object)"450 557 7104"));
    }

    [Fact]
    public void Comparison_contract()
    {
        ComparisonContract.Verify(
            NhsNumber.Empty,
            default,
            NhsNumber.FromValue(0),
            NhsNumber.FromValue(4505577104),
            NhsNumber.FromValue(9999999999));

        ComparisonContract.Verify(
            NhsNumber.FromValue(0),
            NhsNumber.Parse("000 000 0000"),
            NhsNumber.FromValue(211165794),
            NhsNumber.FromValue(9999999999));

        ComparisonContract.Verify(
            NhsNumber.FromValue(4505577104),
            NhsNumber.Parse("4505577104"),
            NhsNumber.FromValue(9434765919));
    }

    [Fact]
    public void CompareTo_object_wrong_type_throws_ArgumentException_naming_obj()
    {
        var ex = Assert.Throws<ArgumentException>(() => NhsNumber.FromValue(4505577104).CompareTo((object)4505577104L));
        Assert.Equal("obj", ex.ParamName);
        Assert.Throws<ArgumentException>(() => NhsNumber.Empty.CompareTo((object)"x"));
        Assert.True(NhsNumber.Empty.CompareTo(null) > 0);
    }

    [Fact]
    public void Sorting_orders_by_value_with_Empty_first()
    {
        var values = new[]
        {
            NhsNumber.FromValue(9999999999),
            NhsNumber.FromValue(4505577104),
            NhsNumber.Empty,
            NhsNumber.FromValue(211165794),
            NhsNumber.FromValue(0),
            NhsNumber.FromValue(9990000018),
        };
        var sorted = values.Order().ToArray();
        Assert.Equal(
            new[] { NhsNumber.Empty, NhsNumber.FromValue(0), NhsNumber.FromValue(211165794), NhsNumber.FromValue(4505577104), NhsNumber.FromValue(9990000018), NhsNumber.FromValue(9999999999) },
            sorted);

        var boxed = new List<object?> { NhsNumber.FromValue(4505577104), null, NhsNumber.Empty };
        boxed.Sort(System.Collections.Comparer.Default.Compare);
        Assert.Null(boxed[0]);
        Assert.Equal(NhsNumber.Empty, boxed[1]);
    }

    [Fact]
    public void Hash_codes_work_in_sets()
    {
        var set = new HashSet<NhsNumber>
        {
            NhsNumber.Parse("450 557 7104"),
            NhsNumber.Parse("450-557-7104"),
            NhsNumber.Parse("4505577104"),
            NhsNumber.Empty,
            default,
            NhsNumber.FromValue(0),
        };
        Assert.Equal(3, set.Count);
    }
}
