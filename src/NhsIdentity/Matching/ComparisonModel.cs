namespace NhsIdentity.Matching;

/// <summary>The m- and u-probabilities of every level of one comparison.</summary>
/// <remarks>Immutable. The levels are those of the comparison's level enum, in its order
/// (<see cref="ComparisonLevels"/>); missing values have no level and weigh 0.</remarks>
public sealed class ComparisonModel
{
    private readonly ComparisonLevelModel[] _levels;

    /// <summary>Creates the parameters of a comparison.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="levels">One entry per level, in the order of the comparison's level enum.</param>
    /// <exception cref="ArgumentNullException"><paramref name="levels"/> is null.</exception>
    /// <exception cref="ArgumentException">The number of levels is wrong, or a probability is not in (0, 1].</exception>
    public ComparisonModel(ComparisonKind comparison, IEnumerable<ComparisonLevelModel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var count = ComparisonLevels.GetCount(comparison);
        _levels = [.. levels];
        if (_levels.Length != count)
        {
            throw new ArgumentException(
                $"The {comparison} comparison has {count} levels; {_levels.Length} were given.", nameof(levels));
        }

        for (var level = 0; level < _levels.Length; level++)
        {
            if (!_levels[level].IsValid)
            {
                throw new ArgumentException(
                    $"Level {ComparisonLevels.GetName(comparison, level)} of the {comparison} comparison needs m and u " +
                    "greater than 0 and at most 1.", nameof(levels));
            }
        }

        Comparison = comparison;
    }

    /// <summary>Gets the comparison.</summary>
    public ComparisonKind Comparison { get; }

    /// <summary>Gets the parameters of each level, best first.</summary>
    public IReadOnlyList<ComparisonLevelModel> Levels => _levels;

    /// <summary>Returns a copy with one level's parameters replaced.</summary>
    /// <param name="level">The level (its enum value).</param>
    /// <param name="parameters">The new parameters.</param>
    /// <returns>The new comparison model.</returns>
    public ComparisonModel WithLevel(int level, ComparisonLevelModel parameters)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)level, (uint)_levels.Length, nameof(level));
        var levels = (ComparisonLevelModel[])_levels.Clone();
        levels[level] = parameters;
        return new ComparisonModel(Comparison, levels);
    }

    /// <summary>Describes the comparison and its weights (no patient data).</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() => $"{Comparison} ({_levels.Length} levels)";
}
