namespace NhsIdentity.Tests.TestHelpers;

/// <summary>
/// <see cref="NhsNumberGenerator.NextInvalidValue"/> with <see cref="InvalidNhsNumberKind.CheckValueTen"/> redraws until
/// it finds a base whose check value is 10; if the library ever stopped recognising such bases, it would loop forever
/// and hang the run (tests have no time limits). Tests call this first so that regression fails fast instead.
/// </summary>
internal static class GeneratorGuard
{
    public static void LibraryKnowsCheckValueTen()
    {
        // 999 123 456 and 123 456 789 have check value 10 by the reference implementation.
        Assert.False(ReferenceNhsNumber.HasCheckDigit(999_123_456));
        Assert.Equal(-1, NhsNumber.ComputeCheckDigit(999_123_456));
        Assert.Equal(-1, NhsNumber.ComputeCheckDigit(123_456_789));
        Assert.False(NhsNumber.TryFromBase(999_123_456, out _));
    }
}
