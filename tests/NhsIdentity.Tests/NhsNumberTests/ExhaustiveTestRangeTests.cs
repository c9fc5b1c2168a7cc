using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.NhsNumberTests;

/// <summary>
/// Every base of the 999 test range (10^6 bases) against the textbook reference. Kept allocation-free in the loop
/// so it runs in well under a second in Release.
/// </summary>
public sealed class ExhaustiveTestRangeTests
{
    [Fact]
    public void Every_base_in_the_test_range_agrees_with_the_reference()
    {
        Span<char> text = stackalloc char[10];
        Span<char> spaced = stackalloc char[12];
        Span<byte> utf8 = stackalloc byte[12];
        var failures = new List<string>();
        var valid = 0;
        Span<char> baseDigits = stackalloc char[9];
        "999000000".AsSpan().CopyTo(baseDigits);
        for (var b = 999_000_000; b <= 999_999_999; b++, ReferenceNhsNumber.Increment(baseDigits))
        {
            var checkValue = ReferenceNhsNumber.CheckValue(baseDigits);
            var expected = checkValue == 10 ? -1 : checkValue;
            var computed = NhsNumber.ComputeCheckDigit(b);
            var created = NhsNumber.TryFromBase(b, out var n);
            if (computed != expected || created != (expected >= 0))
            {
                Fail(failures, $"base {b}: reference {expected}, ComputeCheckDigit {computed}, TryFromBase {created}");
                continue;
            }

            if (!created)
            {
                // Any tenth digit after such a base is CheckDigitIsTen.
                var anyDigit = b % 10;
                if (NhsNumber.TryFromValue((b * 10L) + anyDigit, out _))
                {
                    Fail(failures, $"base {b}: TryFromValue accepted a check-value-10 base");
                }

                continue;
            }

            valid++;
            if (n.Value != (b * 10L) + expected || n.Base != b || n.CheckDigit != expected || n.Region != NhsNumberRegion.Test)
            {
                Fail(failures, $"base {b}: number {n.Value} (base {n.Base}, check {n.CheckDigit}, region {n.Region})");
                continue;
            }

            if (!n.TryFormat(text, out var written, "N") || written != 10
                || NhsNumber.Validate(text) != NhsNumberStatus.Valid
                || !n.TryFormat(spaced, out written, "S") || NhsNumber.Validate(spaced, NhsNumberStyles.Strict) != NhsNumberStatus.Valid
                || !n.TryFormat(utf8, out written, "H") || !NhsNumber.TryParse(utf8[..written], out var back) || back != n)
            {
                Fail(failures, $"base {b}: formatted text does not validate");
                continue;
            }

            // The neighbouring wrong check digit is a mismatch.
            text[9] = (char)('0' + ((expected + 1) % 10));
            if (NhsNumber.Validate(text) != NhsNumberStatus.CheckDigitMismatch)
            {
                Fail(failures, $"base {b}: wrong check digit not reported as mismatch");
            }
        }

        Assert.Empty(failures);
        Assert.Equal("000000000", baseDigits.ToString()); // the odometer wrapped exactly once: it tracked b
        Assert.InRange(valid, 900_000, 920_000);
    }

    private static void Fail(List<string> failures, string message)
    {
        if (failures.Count < 20)
        {
            failures.Add(message);
        }
    }
}
