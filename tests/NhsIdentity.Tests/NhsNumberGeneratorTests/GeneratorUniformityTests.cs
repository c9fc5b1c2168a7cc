using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.NhsNumberGeneratorTests;

/// <summary>
/// Seeded (hence deterministic, never flaky) goodness-of-fit tests. The expected frequencies are not assumed to be
/// uniform: check digits are not exactly equally common, so the exact distribution over every valid number in the
/// test range is computed by enumerating all 10^6 bases with the reference implementation, and the generator's
/// draws are compared with it by Pearson's chi-square.
/// </summary>
public sealed class GeneratorUniformityTests
{
    private const int Draws = 110_000;

    /// <summary>
    /// Chi-square critical value for 9 degrees of freedom at p = 0.0001 is 33.7; the threshold is generous. A
    /// generator that, say, kept bases with check value 10 or skewed a digit by 2% would exceed it by far.
    /// </summary>
    private const double Threshold = 33.7;

    private static readonly Lazy<(long[] CheckDigits, long[,] FreeDigits, long Total)> Expected = new(ComputeExpected);

    private static (long[] CheckDigits, long[,] FreeDigits, long Total) ComputeExpected()
    {
        var checkDigits = new long[10];
        var freeDigits = new long[6, 10];
        long total = 0;
        Span<char> digits = stackalloc char[9];
        "999000000".AsSpan().CopyTo(digits);
        for (var b = 999_000_000; b <= 999_999_999; b++, ReferenceNhsNumber.Increment(digits))
        {
            var check = ReferenceNhsNumber.CheckValue(digits);
            if (check == 10)
            {
                continue;
            }

            total++;
            checkDigits[check]++;
            var rest = b % 1_000_000;
            for (var position = 5; position >= 0; position--)
            {
                freeDigits[position, rest % 10]++;
                rest /= 10;
            }
        }

        return (checkDigits, freeDigits, total);
    }

    private static double ChiSquare(long[] observed, Func<int, double> expectedShare)
    {
        var n = observed.Sum();
        double chi = 0;
        for (var i = 0; i < observed.Length; i++)
        {
            var e = n * expectedShare(i);
            chi += (observed[i] - e) * (observed[i] - e) / e;
        }

        return chi;
    }

    [Fact]
    public void Check_digits_and_free_base_digits_follow_the_exact_distribution()
    {
        var (expectedCheck, expectedFree, total) = Expected.Value;
        var generator = new NhsNumberGenerator(20261124);
        var numbers = new NhsNumber[Draws];
        generator.Fill(numbers);

        var check = new long[10];
        var free = new long[6][];
        for (var p = 0; p < 6; p++)
        {
            free[p] = new long[10];
        }

        foreach (var n in numbers)
        {
            check[n.CheckDigit]++;
            var rest = n.Base % 1_000_000;
            for (var p = 5; p >= 0; p--)
            {
                free[p][rest % 10]++;
                rest /= 10;
            }
        }

        var checkChi = ChiSquare(check, d => (double)expectedCheck[d] / total);
        Assert.True(checkChi < Threshold, $"check digit chi-square {checkChi:F2} over {Threshold}: [{string.Join(", ", check)}]");
        for (var p = 0; p < 6; p++)
        {
            var position = p;
            var chi = ChiSquare(free[p], d => (double)expectedFree[position, d] / total);
            Assert.True(chi < Threshold, $"base digit {position + 4} chi-square {chi:F2} over {Threshold}: [{string.Join(", ", free[p])}]");
        }
    }

    [Fact]
    public void The_test_range_has_the_expected_number_of_valid_numbers()
    {
        // Sanity of the oracle: about 10 in 11 bases have a check digit, and every check digit occurs.
        var (checkDigits, _, total) = Expected.Value;
        Assert.InRange(total, 900_000, 920_000);
        Assert.All(checkDigits, c => Assert.InRange(c, 85_000, 98_000));
    }

    [Fact]
    public void England_draws_cover_both_blocks_in_proportion_to_their_size()
    {
        // 400-499 million (100 million bases) and 600-799 million (200 million bases): two thirds from the second.
        var generator = new NhsNumberGenerator(7, NhsNumberRegion.EnglandWalesIsleOfMan);
        var numbers = new NhsNumber[30_000];
        generator.Fill(numbers);
        var second = numbers.Count(n => n.Base >= 600_000_000);
        var share = (double)second / numbers.Length;
        Assert.InRange(share, 0.65, 0.683); // 2/3 +- about 6 standard deviations (sd ~ 0.0027)
        Assert.Contains(numbers, n => n.Base is >= 700_000_000);
        Assert.Contains(numbers, n => n.Base is < 450_000_000);
    }

    [Fact]
    public void Wrong_check_digits_are_spread_over_the_nine_wrong_values()
    {
        var generator = new NhsNumberGenerator(5);
        var counts = new long[9];
        for (var i = 0; i < 45_000; i++)
        {
            var value = generator.NextInvalidValue(InvalidNhsNumberKind.WrongCheckDigit);
            var correct = ReferenceNhsNumber.CheckDigitOrMinusOne((int)(value / 10));
            var wrong = (int)(value % 10);
            Assert.NotEqual(correct, wrong);
            // Rank of the wrong digit among the nine wrong ones: uniform by construction.
            counts[wrong > correct ? wrong - 1 : wrong]++;
        }

        var chi = ChiSquare(counts, _ => 1.0 / 9);
        Assert.True(chi < 31.8, $"chi-square {chi:F2} (8 degrees of freedom, p = 0.0001 is 31.8): [{string.Join(", ", counts)}]");
    }
}
