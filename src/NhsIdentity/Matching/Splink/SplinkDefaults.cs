namespace NhsIdentity.Matching.Splink;

/// <summary>
/// The probabilities Splink assumes for a level whose saved model lacks one (its <c>_default_m_values</c> and
/// <c>_default_u_values</c>): with n non-null levels, the level of comparison vector value n-1 (the first) has m 0.95
/// and the others 0.05 / (n-1); u is m divided by 2^w, w running evenly from -5 (value 0) to 3 (value n-2), and 10 for
/// value n-1 (with two levels, -5 and 10).
/// </summary>
internal static class SplinkDefaults
{
    public const string LevelNotObserved = "level not observed in training dataset";

    public const double LevelNotObservedProbability = 1e-6;

    public static (double M, double U) Probabilities(int nonNullLevels, int vectorValue)
    {
        const double exactShare = 0.95;
        var others = (1 - exactShare) / (nonNullLevels - 1);
        var m = vectorValue == nonNullLevels - 1 ? exactShare : others;
        double weight;
        if (vectorValue == nonNullLevels - 1)
        {
            weight = 10;
        }
        else if (nonNullLevels == 2)
        {
            weight = -5;
        }
        else
        {
            var step = (3.0 - -5.0) / (nonNullLevels - 2);
            weight = -5 + (vectorValue * step);
        }

        return (m, m / Math.Pow(2, weight));
    }
}
