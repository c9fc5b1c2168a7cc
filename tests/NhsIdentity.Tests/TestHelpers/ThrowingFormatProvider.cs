namespace NhsIdentity.Tests.TestHelpers;

/// <summary>A provider that fails the test if anything asks it for formatting data: NHS numbers must ignore it.</summary>
internal sealed class ThrowingFormatProvider : IFormatProvider
{
    public static readonly ThrowingFormatProvider Instance = new();

    public object? GetFormat(Type? formatType) =>
        throw new InvalidOperationException($"The provider was consulted for {formatType}; it should be ignored.");
}
