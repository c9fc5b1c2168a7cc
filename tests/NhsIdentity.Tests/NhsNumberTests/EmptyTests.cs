namespace NhsIdentity.Tests.NhsNumberTests;

public sealed class EmptyTests
{
    [Fact]
    public void Default_is_Empty()
    {
        Assert.Equal(NhsNumber.Empty, default);
        Assert.True(default(NhsNumber) == NhsNumber.Empty);
        Assert.True(NhsNumber.Empty.IsEmpty);
        Assert.True(default(NhsNumber).IsEmpty);
        Assert.False(NhsNumber.FromValue(0).IsEmpty);
        Assert.NotEqual(NhsNumber.Empty, NhsNumber.FromValue(0));
    }

    [Fact]
    public void Empty_sorts_before_zero()
    {
        Assert.True(NhsNumber.Empty < NhsNumber.Parse("000 000 0000"));
        Assert.True(NhsNumber.Empty.CompareTo(NhsNumber.FromValue(0)) < 0);
    }

    [Fact]
    public void Empty_formats_as_empty_text()
    {
        Assert.Equal("", NhsNumber.Empty.ToString());
        foreach (var format in new[] { null, "", "S", "N", "H", "M", "m" })
        {
            Assert.Equal("", NhsNumber.Empty.ToString(format));
            Assert.Equal("", NhsNumber.Empty.ToString(format, null));
        }

        var chars = new[] { '#', '#' };
        Assert.True(NhsNumber.Empty.TryFormat(chars, out var charsWritten));
        Assert.Equal(0, charsWritten);
        Assert.Equal(new[] { '#', '#' }, chars);
        Assert.True(NhsNumber.Empty.TryFormat(Span<char>.Empty, out charsWritten, "N"));
        Assert.Equal(0, charsWritten);

        var bytes = new byte[] { 0xAA };
        Assert.True(NhsNumber.Empty.TryFormat(bytes, out var bytesWritten, "H"));
        Assert.Equal(0, bytesWritten);
        Assert.Equal(0xAA, bytes[0]);
    }

    [Fact]
    public void Empty_value_members_throw()
    {
        Assert.Throws<InvalidOperationException>(() => NhsNumber.Empty.Value);
        Assert.Throws<InvalidOperationException>(() => NhsNumber.Empty.Base);
        Assert.Throws<InvalidOperationException>(() => NhsNumber.Empty.CheckDigit);
        Assert.Throws<InvalidOperationException>(() => default(NhsNumber).Value);
    }

    [Fact]
    public void Empty_classification()
    {
        Assert.Equal(NhsNumberRegion.None, NhsNumber.Empty.Region);
        Assert.False(NhsNumber.Empty.IsTestNumber);
        Assert.False(NhsNumber.Empty.IsRepdigit);
        Assert.False(NhsNumber.Empty.TryGetChiDetails(2026, out var date, out var sex));
        Assert.Equal(default, date);
        Assert.Equal(global::NhsIdentity.Demographics.Sex.Unknown, sex);
        Assert.Equal(NhsNumber.Empty.GetHashCode(), default(NhsNumber).GetHashCode());
    }
}
