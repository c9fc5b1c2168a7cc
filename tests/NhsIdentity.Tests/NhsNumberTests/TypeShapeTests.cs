using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace NhsIdentity.Tests.NhsNumberTests;

/// <summary>The documented shape of the value type, and the "patient data never leaks" rule for its exceptions.</summary>
public sealed partial class TypeShapeTests
{
    [Fact]
    public void NhsNumber_is_an_eight_byte_readonly_struct_with_the_BCL_interfaces()
    {
        var type = typeof(NhsNumber);
        Assert.True(type.IsValueType);
        Assert.True(type.IsDefined(typeof(IsReadOnlyAttribute), inherit: false));
        Assert.Equal(8, Unsafe.SizeOf<NhsNumber>());
        Assert.True(typeof(ISpanParsable<NhsNumber>).IsAssignableFrom(type));
        Assert.True(typeof(IParsable<NhsNumber>).IsAssignableFrom(type));
        Assert.True(typeof(IUtf8SpanParsable<NhsNumber>).IsAssignableFrom(type));
        Assert.True(typeof(ISpanFormattable).IsAssignableFrom(type));
        Assert.True(typeof(IUtf8SpanFormattable).IsAssignableFrom(type));
        Assert.True(typeof(IEquatable<NhsNumber>).IsAssignableFrom(type));
        Assert.True(typeof(IComparable<NhsNumber>).IsAssignableFrom(type));
        Assert.True(typeof(IComparable).IsAssignableFrom(type));
    }

    [GeneratedRegex("[0-9]{4,}")]
    private static partial Regex FourOrMoreDigits();

    [Fact]
    public void Argument_exceptions_do_not_carry_the_rejected_value()
    {
        Exception[] exceptions =
        [
            Assert.Throws<ArgumentOutOfRangeException>(() => NhsNumber.FromValue(4505577105)),
            Assert.Throws<ArgumentOutOfRangeException>(() => NhsNumber.FromValue(94347659190)),
            Assert.Throws<ArgumentOutOfRangeException>(() => NhsNumber.FromBase(1_450_557_710)),
            Assert.Throws<ArgumentException>(() => NhsNumber.FromBase(999123456)),
            Assert.Throws<ArgumentException>(() => NhsNumber.ComputeCheckDigit("94347659")),
            Assert.Throws<ArgumentOutOfRangeException>(() => NhsNumber.ComputeCheckDigit(1_450_557_710)),
            Assert.Throws<FormatException>(() => NhsNumber.Parse("9434765918")),
        ];

        foreach (var ex in exceptions)
        {
            Assert.DoesNotMatch(FourOrMoreDigits(), ex.Message);
            if (ex is ArgumentOutOfRangeException range)
            {
                Assert.Null(range.ActualValue);
            }
        }
    }

    [Fact]
    public void IParsable_Parse_names_its_own_parameter_when_null()
    {
        // Parse(string s, IFormatProvider? provider): BCL convention is ParamName == "s" (the parameter's name).
        var ex = Assert.Throws<ArgumentNullException>(() => NhsNumber.Parse((string)null!, (IFormatProvider?)null));
        Assert.Equal("s", ex.ParamName);
    }

    [Fact]
    public void Parse_string_names_its_parameter_when_null()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => NhsNumber.Parse((string)null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => NhsNumber.Parse((string)null!, NhsNumberStyles.Lenient)).ParamName);
        Assert.Equal("nineDigits", Assert.Throws<ArgumentNullException>(() => NhsNumber.ComputeCheckDigit((string)null!)).ParamName);
    }
}
