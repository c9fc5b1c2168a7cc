namespace NhsIdentity.Tests.TestHelpers;

/// <summary>
/// Reusable checks of the ordering contract (in the style of NodaTime's TestHelper): <see cref="IComparable{T}"/>,
/// <see cref="IComparable"/> (null sorts first, a wrong type throws <see cref="ArgumentException"/>) and the
/// <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c> operators (found by reflection).
/// </summary>
internal static class ComparisonContract
{
    /// <summary>
    /// Checks <paramref name="value"/> == <paramref name="equalValue"/> &lt; every one of <paramref name="greaterValues"/>
    /// by every route.
    /// </summary>
    public static void Verify<T>(T value, T equalValue, params T[] greaterValues)
        where T : struct, IComparable<T>, IComparable
    {
        Assert.NotEmpty(greaterValues);

        Assert.Equal(0, value.CompareTo(value));
        Assert.Equal(0, value.CompareTo(equalValue));
        Assert.Equal(0, equalValue.CompareTo(value));
        Assert.Equal(0, value.CompareTo((object)equalValue));
        Assert.False(Op(value, equalValue, "op_LessThan"));
        Assert.True(Op(value, equalValue, "op_LessThanOrEqual"));
        Assert.False(Op(value, equalValue, "op_GreaterThan"));
        Assert.True(Op(value, equalValue, "op_GreaterThanOrEqual"));

        // IComparable: null sorts first (so every value is greater than null); a wrong type throws.
        Assert.True(value.CompareTo(null) > 0);
        Assert.Throws<ArgumentException>(() => value.CompareTo(new object()));
        Assert.Throws<ArgumentException>(() => value.CompareTo((object)"not the same type"));

        foreach (var greater in greaterValues)
        {
            Assert.True(value.CompareTo(greater) < 0);
            Assert.True(greater.CompareTo(value) > 0);
            Assert.True(value.CompareTo((object)greater) < 0);
            Assert.True(greater.CompareTo((object)value) > 0);

            Assert.True(Op(value, greater, "op_LessThan"));
            Assert.True(Op(value, greater, "op_LessThanOrEqual"));
            Assert.False(Op(value, greater, "op_GreaterThan"));
            Assert.False(Op(value, greater, "op_GreaterThanOrEqual"));

            Assert.False(Op(greater, value, "op_LessThan"));
            Assert.False(Op(greater, value, "op_LessThanOrEqual"));
            Assert.True(Op(greater, value, "op_GreaterThan"));
            Assert.True(Op(greater, value, "op_GreaterThanOrEqual"));
        }
    }

    private static bool Op<T>(T left, T right, string name) => EqualityContract.InvokeOperator(left, right, name);
}
