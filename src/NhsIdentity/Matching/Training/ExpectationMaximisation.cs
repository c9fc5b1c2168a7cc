namespace NhsIdentity.Matching.Training;

/// <summary>What one EM session estimated.</summary>
/// <param name="M">m-probabilities by comparison position and level (<c>[c * 16 + level]</c>); valid where
/// <paramref name="Estimated"/> is set.</param>
/// <param name="Counts">The expected number of matched pairs at each level (same layout), from the last E-step: the
/// evidence <paramref name="M"/> rests on.</param>
/// <param name="Estimated">Which comparison positions were estimated.</param>
/// <param name="Lambda">The share of the session's pairs that are matches.</param>
/// <param name="Iterations">Iterations run.</param>
/// <param name="Converged">Whether the largest m change fell below the tolerance.</param>
internal readonly record struct EmEstimate(double[] M, double[] Counts, bool[] Estimated, double Lambda, int Iterations, bool Converged);

/// <summary>
/// Expectation-maximisation of m-probabilities with u fixed (Splink's approach): the E-step gives each pattern its
/// posterior match probability from λ, m and u; the M-step sets each m to the posterior mean of its level's
/// expected-match-weighted frequency under a Dirichlet prior centred on the starting m,
/// <c>(expected + α·m0) / (expected total + α)</c> with α = <see cref="TrainingOptions.PriorStrength"/> (a
/// maximum-a-posteriori EM: with few pairs the starting m holds the estimate steady), and λ to the mean posterior.
/// Missing codes weigh nothing in the E-step and count nowhere in the M-step.
/// </summary>
/// <remarks>Comparisons the session leaves out (those its blocking rule constrains: every pair agrees on them, so
/// they carry no information about which pairs match) take no part at all, as in Splink.</remarks>
internal static class ExpectationMaximisation
{
    /// <summary>λ the first E-step starts from: no opinion about the block, so the starting m and u decide.</summary>
    private const double InitialLambda = 0.5;

    /// <summary>The fewest expected matched observations of a comparison for its m to count as estimated.</summary>
    private const double MinimumExpectedMatches = 1.0;

    private const int Codes = NhsIdentity.Matching.Comparisons.ComparisonCatalog.CodesPerComparison;

    public static EmEstimate Run(ComparisonPatterns patterns, bool[] included, ReadOnlySpan<int> levelCounts,
        double[] startM, double[] u, TrainingOptions options, CancellationToken cancellationToken, Action<int>? iterationDone = null)
    {
        var comparisons = included.Length;
        var floor = options.ProbabilityFloor;
        var strength = options.PriorStrength;
        var m = (double[])startM.Clone();
        var logBayes = new double[comparisons * Codes];
        var expected = new double[comparisons * Codes];
        var posterior = new double[patterns.Keys.Length];
        var lambda = InitialLambda;
        var iterations = 0;
        var converged = false;
        var estimated = new bool[comparisons];
        while (iterations < options.MaxIterations && !converged)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iterations++;

            // Missing codes (13 to 15) and left-out comparisons keep a log Bayes factor of 0.
            Array.Clear(logBayes);
            for (var c = 0; c < comparisons; c++)
            {
                if (included[c])
                {
                    for (var level = 0; level < levelCounts[c]; level++)
                    {
                        logBayes[(c * Codes) + level] = Math.Log(m[(c * Codes) + level] / u[(c * Codes) + level]);
                    }
                }
            }

            // E-step.
            var priorLogOdds = Math.Log(lambda / (1 - lambda));
            double matches = 0, pairs = 0;
            Array.Clear(expected);
            for (var p = 0; p < posterior.Length; p++)
            {
                var key = patterns.Keys[p];
                var logOdds = priorLogOdds;
                for (var c = 0; c < comparisons; c++)
                {
                    logOdds += logBayes[(c * Codes) + ComparisonPatterns.Code(key, c)];
                }

                var probability = 1 / (1 + Math.Exp(-logOdds));
                var weight = probability * patterns.Counts[p];
                for (var c = 0; c < comparisons; c++)
                {
                    expected[(c * Codes) + ComparisonPatterns.Code(key, c)] += weight;
                }

                matches += weight;
                pairs += patterns.Counts[p];
            }

            // M-step.
            var largestChange = 0.0;
            for (var c = 0; c < comparisons; c++)
            {
                estimated[c] = false;
                if (!included[c])
                {
                    continue;
                }

                double observed = 0;
                for (var level = 0; level < levelCounts[c]; level++)
                {
                    observed += expected[(c * Codes) + level];
                }

                if (observed < MinimumExpectedMatches)
                {
                    continue;
                }

                estimated[c] = true;
                for (var level = 0; level < levelCounts[c]; level++)
                {
                    var index = (c * Codes) + level;
                    var updated = Math.Clamp((expected[index] + (strength * startM[index])) / (observed + strength), floor, 1.0);
                    largestChange = Math.Max(largestChange, Math.Abs(updated - m[index]));
                    m[index] = updated;
                }
            }

            lambda = Math.Clamp(pairs > 0 ? matches / pairs : InitialLambda, floor, 1 - floor);
            converged = largestChange < options.ConvergenceTolerance;
            iterationDone?.Invoke(iterations);
        }

        return new EmEstimate(m, expected, estimated, lambda, iterations, converged);
    }
}
