namespace NhsIdentity.Cli.Review;

/// <summary>The Wilson score interval of a proportion: unlike the normal approximation it stays inside [0, 1] and is
/// honest for the small counts a day of clerical review gives (10 of 10 is not "1 plus or minus 0").</summary>
internal static class WilsonInterval
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The interval of <paramref name="successes"/> out of <paramref name="trials"/>; (0, 1) when there are no trials.</summary>
    public static (double Low, double High) Of(long successes, long trials, double z = Z95)
    {
        if (trials <= 0)
        {
            return (0, 1);
        }

        double n = trials, p = (double)successes / trials, z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
