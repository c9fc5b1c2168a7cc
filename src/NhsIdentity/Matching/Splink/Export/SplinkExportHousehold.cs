using System.Text;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching.Splink;

/// <summary>
/// The household context of a pair as SQL over the exported levels: alike family names (a family-name level that says
/// <see cref="LevelEvidence.SameFamily"/>) and one home (<see cref="LevelEvidence.SameHome"/>, or agreeing addresses
/// when no postcode is compared and the model says so), with no shared identifier
/// and not both the given name and the date of birth equal, exactly as the scorer decides it from the levels the pair
/// reaches. A household-aware level is exported twice: first with this context and its household u (and no
/// term-frequency adjustment, as the scorer drops it there), then as itself.
/// </summary>
internal static class SplinkExportHousehold
{
    /// <summary>The condition, or null when the model can never put a pair in a household context.</summary>
    /// <param name="comparisons">The exported comparisons.</param>
    /// <param name="noPostcode">The postcode comparison's null condition when agreeing addresses tell the home of a pair
    /// with no postcode to compare (<see cref="LevelEvidence.SameAddress"/>), else null.</param>
    public static string? Condition(IReadOnlyList<(ComparisonModel Model, string NullCondition, List<ExportedLevel> Levels)> comparisons,
        string? noPostcode)
    {
        var family = Reached(comparisons, LevelEvidence.SameFamily);
        var home = Reached(comparisons, LevelEvidence.SameHome);
        if (home is not null && noPostcode is not null && Reached(comparisons, LevelEvidence.SameAddress) is { } address)
        {
            home = $"({home}) OR (({noPostcode}) AND ({address}))";
        }

        if (family is null || home is null)
        {
            return null;
        }

        var given = Reached(comparisons, LevelEvidence.SameGivenName) ?? "FALSE";
        var birth = Reached(comparisons, LevelEvidence.SameBirthDate) ?? "FALSE";
        var identifier = Reached(comparisons, LevelEvidence.SharesIdentifier) ?? "FALSE";
        // One home first: a single equality that most pairs fail, so AND stops there before the family-name bands.
        return $"({home}) AND ({family}) AND NOT (({given}) AND ({birth})) AND NOT ({identifier})";
    }

    /// <summary>Whether some comparison's reached level says <paramref name="evidence"/>: for each such level, its
    /// comparison not null, its condition true and every earlier level's false (Splink's first-true level).</summary>
    private static string? Reached(IReadOnlyList<(ComparisonModel Model, string NullCondition, List<ExportedLevel> Levels)> comparisons, LevelEvidence evidence)
    {
        var terms = new List<string>();
        foreach (var (model, nullCondition, levels) in comparisons)
        {
            var definition = model.Definition;
            for (var l = 0; l < levels.Count; l++)
            {
                var level = levels[l];
                if (level.Level < 0 || (definition.Levels[level.Level].Evidence & evidence) == 0)
                {
                    continue;
                }

                var term = new StringBuilder($"NOT ({nullCondition})");
                if (level.Sql != "ELSE")
                {
                    term.Append($" AND coalesce(({level.Sql}), FALSE)");
                }

                for (var earlier = 0; earlier < l; earlier++)
                {
                    term.Append($" AND NOT coalesce(({levels[earlier].Sql}), FALSE)");
                }

                terms.Add("(" + term + ")");
            }
        }

        return terms.Count == 0 ? null : string.Join(" OR ", terms);
    }
}
