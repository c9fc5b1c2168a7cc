using System.Reflection;

namespace NhsIdentity.Tests.TestHelpers;

/// <summary>
/// Reusable checks of the equality contract (in the style of NodaTime's TestHelper): <see cref="IEquatable{T}"/>,
/// <see cref="object.Equals(object)"/>, <see cref="object.GetHashCode"/> and the <c>==</c>/<c>!=</c> operators,
/// which are found by reflection so a type that forgets one fails loudly.
/// </summary>
internal static class EqualityContract
{
    /// <summary>
    /// Checks that <paramref name="value"/> and <paramref name="equalValue"/> (a distinct instance or copy with the same
    /// value) are equal by every route, and that each of <paramref name="unequalValues"/> differs from both by every route.
    /// </summary>
    public static void Verify<T>(T value, T equalValue, params T[] unequalValues)
        where T : struct, IEquatable<T>
    {
        Assert.NotEmpty(unequalValues);

        // Reflexive, symmetric, equal hash codes.
        Assert.True(value.Equals(value));
        Assert.True(value.Equals(equalValue));
        Assert.True(equalValue.Equals(value));
        Assert.True(value.Equals((object)equalValue));
        Assert.True(equalValue.Equals((object)value));
        Assert.Equal(value.GetHashCode(), equalValue.GetHashCode());
        Assert.True(OperatorEquality(value, equalValue));
        Assert.True(OperatorEquality(equalValue, value));
        Assert.False(OperatorInequality(value, equalValue));
        Assert.False(OperatorInequality(equalValue, value));

        // Never equal to null or to a boxed value of another type.
        Assert.False(value.Equals(null));
        Assert.False(value.Equals(new object()));
        Assert.False(value.Equals((object)"not the same type"));

        foreach (var other in unequalValues)
        {
            Assert.False(value.Equals(other));
            Assert.False(other.Equals(value));
            Assert.False(value.Equals((object)other));
            Assert.False(other.Equals((object)value));
            Assert.False(OperatorEquality(value, other));
            Assert.False(OperatorEquality(other, value));
            Assert.True(OperatorInequality(value, other));
            Assert.True(OperatorInequality(other, value));
        }
    }

    private static bool OperatorEquality<T>(T left, T right) => InvokeOperator(left, right, "op_Equality");

    private static bool OperatorInequality<T>(T left, T right) => InvokeOperator(left, right, "op_Inequality");

    internal static bool InvokeOperator<T>(T left, T right, string name)
    {
        var method = typeof(T).GetMethod(name, BindingFlags.Public | BindingFlags.Static, [typeof(T), typeof(T)]);
        Assert.True(method is not null, $"{typeof(T).Name} has no public {name}({typeof(T).Name}, {typeof(T).Name}).");
        Assert.Equal(typeof(bool), method.ReturnType);
        return (bool)method.Invoke(null, [left, right])!;
    }
}
