using NhsIdentity.Matching;
using NhsIdentity.Matching.Training;

namespace NhsIdentity.Tests.Matching.Training;

/// <summary>The rules a trained model's weights must keep, checked level by level: each violation in words (comparison
/// and level names, weights), so a failing test says what broke.</summary>
internal static class TrainedOrder
{
    /// <summary>Weights may differ from the rule by rounding only.</summary>
    private const double Tolerance = 1e-9;

    public static List<string> Violations(MatchModel model)
    {
        var violations = new List<string>();
        foreach (var comparison in model.Comparisons)
        {
            var levels = comparison.Levels;
            for (var level = 0; level < levels.Count; level++)
            {
                if (!double.IsFinite(levels[level].Weight))
                {
                    violations.Add($"{comparison.Comparison} {Name(comparison, level)}: weight {levels[level].Weight} is not finite");
                }

                if (comparison.IsLevelUsed(level) && (comparison.Definition.Levels[level].Evidence & LevelEvidence.Agrees) != 0
                    && levels[level].Weight < -Tolerance)
                {
                    violations.Add($"{comparison.Comparison} {Name(comparison, level)}: an agreement weighs {levels[level].Weight:F3} bits");
                }
            }

            // The test restates the rules rather than reuse the trainer's list of them: the first used level over
            // every other used level but the given name's swap (which holds the family name too), and each declared
            // chain over its used levels.
            var used = Enumerable.Range(0, levels.Count).Where(comparison.IsLevelUsed).ToList();
            foreach (var other in used.Skip(1))
            {
                if (comparison.Comparison == ComparisonKind.GivenName && other == (int)NhsIdentity.Matching.Comparisons.GivenNameLevel.Swapped)
                {
                    continue;
                }

                CheckPair(comparison, used[0], other, violations);
            }

            foreach (var chain in NhsIdentity.Matching.Comparisons.ComparisonCatalog.WeightChains[(int)comparison.Comparison])
            {
                var chainUsed = chain.Where(comparison.IsLevelUsed).ToList();
                for (var k = 1; k < chainUsed.Count; k++)
                {
                    CheckPair(comparison, chainUsed[k - 1], chainUsed[k], violations);
                }
            }
        }

        return violations;
    }

    private static void CheckPair(ComparisonModel comparison, int heavier, int lighter, List<string> violations)
    {
        var (a, b) = (comparison.Levels[heavier].Weight, comparison.Levels[lighter].Weight);
        if (a < b - Tolerance)
        {
            violations.Add($"{comparison.Comparison}: {Name(comparison, heavier)} {a:F3} bits below {Name(comparison, lighter)} {b:F3} bits");
        }
    }

    private static string Name(ComparisonModel comparison, int level) => comparison.Definition.Levels[level].Name;
}
