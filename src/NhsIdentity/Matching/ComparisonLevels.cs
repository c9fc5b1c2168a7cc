using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching;

/// <summary>The levels each comparison has, by name, in order (best first).</summary>
public static class ComparisonLevels
{
    private static readonly string[][] Names =
    [
        Enum.GetNames<NhsNumberLevel>(),
        Enum.GetNames<NameLevel>(),
        Enum.GetNames<DateOfBirthLevel>(),
        Enum.GetNames<SexLevel>(),
        Enum.GetNames<PostcodeLevel>(),
        Enum.GetNames<AddressLevel>(),
        Enum.GetNames<LocalIdentifierLevel>(),
        Enum.GetNames<ExactLevel>(),
        Enum.GetNames<ExactLevel>(),
    ];

    /// <summary>Gets the number of levels of a comparison.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The number of levels (the values of its level enum).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="comparison"/> is not defined.</exception>
    public static int GetCount(ComparisonKind comparison) => NamesOf(comparison).Length;

    /// <summary>Gets the name of a level.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="level">The level (its enum value).</param>
    /// <returns>The level's name, e.g. <c>JaroWinkler92</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The comparison or level is not defined.</exception>
    public static string GetName(ComparisonKind comparison, int level)
    {
        var names = NamesOf(comparison);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)level, (uint)names.Length, nameof(level));
        return names[level];
    }

    /// <summary>Finds a level by name (ordinal, case-insensitive).</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="name">The level's name.</param>
    /// <param name="level">The level, or -1.</param>
    /// <returns>Whether the comparison has a level of that name.</returns>
    public static bool TryGetLevel(ComparisonKind comparison, string? name, out int level)
    {
        level = -1;
        if ((uint)comparison >= (uint)Names.Length || name is null)
        {
            return false;
        }

        level = Array.FindIndex(Names[(int)comparison], n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return level >= 0;
    }

    private static string[] NamesOf(ComparisonKind comparison)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)comparison, (uint)Names.Length, nameof(comparison));
        return Names[(int)comparison];
    }
}
