using System.Globalization;

namespace NhsIdentity.Matching;

/// <summary>How a model makes one comparison: the m- and u-probabilities of its levels, which levels it uses and
/// adjusts for term frequency, and its parameters (thresholds, windows).</summary>
/// <remarks>
/// <para>Immutable. <see cref="Levels"/> has one entry per level of the comparison's definition
/// (<see cref="ComparisonDefinition.Levels"/>), in its order, so a level's position is its level enum value. A
/// dropped level (<see cref="WithoutLevel"/>) keeps an entry but is never reached: the comparer goes on to the next
/// level that holds. Missing values have no level and weigh 0.</para>
/// <para>Build a variant in code with the <c>With</c> methods, e.g.
/// <c>model.WithParameter("jaroWinklerHigh", 0.95).WithoutLevel((int)NameLevel.Phonetic)</c>, and put it in a
/// model with <see cref="MatchModel.WithComparison"/>; model JSON records all of it.</para>
/// </remarks>
public sealed class ComparisonModel
{
    private readonly ComparisonLevelModel[] _levels;
    private readonly System.Collections.ObjectModel.ReadOnlyCollection<ComparisonLevelModel> _levelView;
    private readonly double[] _parameters;
    private IReadOnlyDictionary<string, double>? _parameterView;
    private readonly uint _usedLevels;
    private readonly uint _termFrequencyLevels;

    /// <summary>Creates a comparison that uses every level, with the definition's default parameters and
    /// term-frequency adjustments.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="levels">One entry per level, in the order of the comparison's level enum.</param>
    /// <exception cref="ArgumentNullException"><paramref name="levels"/> is null.</exception>
    /// <exception cref="ArgumentException">The number of levels is wrong, or a probability is not in (0, 1].</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="comparison"/> is not defined.</exception>
    public ComparisonModel(ComparisonKind comparison, IEnumerable<ComparisonLevelModel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        Definition = ComparisonDefinition.Get(comparison);
        _levels = [.. levels];
        _levelView = Array.AsReadOnly(_levels);
        CheckLevels(Definition, _levels, nameof(levels));
        _parameters = new double[Definition.Parameters.Count];
        for (var p = 0; p < _parameters.Length; p++)
        {
            _parameters[p] = Definition.Parameters[p].DefaultValue;
        }

        _usedLevels = (1u << _levels.Length) - 1;
        for (var level = 0; level < _levels.Length; level++)
        {
            _termFrequencyLevels |= Definition.Levels[level].SupportsTermFrequency ? 1u << level : 0;
        }
    }

    private ComparisonModel(ComparisonModel source, ComparisonLevelModel[] levels, double[] parameters, uint usedLevels, uint termFrequencyLevels)
    {
        Definition = source.Definition;
        _levels = levels;
        _levelView = ReferenceEquals(levels, source._levels) ? source._levelView : Array.AsReadOnly(levels);
        _parameters = parameters;
        _usedLevels = usedLevels;
        _termFrequencyLevels = termFrequencyLevels;
    }

    /// <summary>Gets the comparison.</summary>
    public ComparisonKind Comparison => Definition.Kind;

    /// <summary>Gets the comparison's definition (its levels, parameters and fields).</summary>
    public ComparisonDefinition Definition { get; }

    /// <summary>Gets the parameters of each level, best first (dropped levels included; see <see cref="IsLevelUsed"/>).</summary>
    public IReadOnlyList<ComparisonLevelModel> Levels => _levelView;

    /// <summary>Gets the parameter values, by name (ordinal, case-insensitive); the definition lists them in order
    /// (<see cref="ComparisonDefinition.Parameters"/>).</summary>
    public IReadOnlyDictionary<string, double> Parameters => _parameterView ??= CreateParameterView();

    /// <summary>The parameter values in the definition's order (for the compiled settings and JSON).</summary>
    internal ReadOnlySpan<double> ParameterValues => _parameters;

    /// <summary>Gets a parameter's value.</summary>
    /// <param name="name">The parameter's name (ordinal, case-insensitive), e.g. <c>jaroWinklerHigh</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The comparison has no parameter of that name.</exception>
    public double GetParameter(string name) => _parameters[IndexOfParameter(name)];

    /// <summary>Whether the model uses a level (a dropped level is never reached).</summary>
    /// <param name="level">The level (its enum value).</param>
    /// <returns><see langword="true"/> when the level is used.</returns>
    public bool IsLevelUsed(int level) => (uint)level < (uint)_levels.Length && (_usedLevels & (1u << level)) != 0;

    /// <summary>Whether a level takes a term-frequency adjustment.</summary>
    /// <param name="level">The level (its enum value).</param>
    /// <returns><see langword="true"/> when agreements at that level are adjusted for how common the value is.</returns>
    public bool IsTermFrequencyAdjusted(int level) =>
        (uint)level < (uint)_levels.Length && (_termFrequencyLevels & (1u << level)) != 0;

    /// <summary>Returns a copy with one level's parameters replaced.</summary>
    /// <param name="level">The level (its enum value).</param>
    /// <param name="parameters">The new parameters.</param>
    /// <returns>The new comparison model.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is out of range.</exception>
    /// <exception cref="ArgumentException">A probability is not in (0, 1].</exception>
    public ComparisonModel WithLevel(int level, ComparisonLevelModel parameters)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)level, (uint)_levels.Length, nameof(level));
        var levels = (ComparisonLevelModel[])_levels.Clone();
        levels[level] = parameters;
        CheckLevels(Definition, levels, nameof(parameters));
        return new ComparisonModel(this, levels, _parameters, _usedLevels, _termFrequencyLevels);
    }

    /// <summary>Returns a copy with every level's parameters replaced (levels used, adjustments and parameters kept).</summary>
    /// <param name="levels">One entry per level, in the order of the comparison's level enum.</param>
    /// <returns>The new comparison model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="levels"/> is null.</exception>
    /// <exception cref="ArgumentException">The number of levels is wrong, or a probability is not in (0, 1].</exception>
    public ComparisonModel WithLevels(IEnumerable<ComparisonLevelModel> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ComparisonLevelModel[] copy = [.. levels];
        CheckLevels(Definition, copy, nameof(levels));
        return new ComparisonModel(this, copy, _parameters, _usedLevels, _termFrequencyLevels);
    }

    /// <summary>Returns a copy that does not use a level: pairs that would reach it go on to the next level that holds.</summary>
    /// <param name="level">The level (its enum value); not the last, which holds when no other does.</param>
    /// <returns>The new comparison model.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is out of range or the last level.</exception>
    /// <exception cref="ArgumentException">The last level would be the only one left: every pair would reach it, so
    /// agreement would count as disagreement (two equal NHS numbers as <c>Different</c>). Drop the comparison from
    /// the model instead (<see cref="MatchModel.WithoutComparison"/>).</exception>
    public ComparisonModel WithoutLevel(int level)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)level, (uint)(_levels.Length - 1), nameof(level));
        var used = _usedLevels & ~(1u << level);
        if (System.Numerics.BitOperations.PopCount(used) < 2)
        {
            throw new ArgumentException(
                $"The {Definition.Name} comparison needs a level besides {Definition.Levels[^1].Name}; drop the comparison instead.", nameof(level));
        }

        return new ComparisonModel(this, _levels, _parameters, used, _termFrequencyLevels);
    }

    /// <summary>Returns a copy that uses a level again (see <see cref="WithoutLevel"/>).</summary>
    /// <param name="level">The level (its enum value).</param>
    /// <returns>The new comparison model.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is out of range.</exception>
    public ComparisonModel WithLevelUsed(int level)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)level, (uint)_levels.Length, nameof(level));
        return new ComparisonModel(this, _levels, _parameters, _usedLevels | (1u << level), _termFrequencyLevels);
    }

    /// <summary>Returns a copy with a level's term-frequency adjustment turned on or off.</summary>
    /// <param name="level">The level (its enum value).</param>
    /// <param name="adjusted">Whether agreements at the level are adjusted for how common the value is.</param>
    /// <returns>The new comparison model.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="adjusted"/> is true for a level that has no term
    /// frequencies (<see cref="ComparisonLevelDefinition.SupportsTermFrequency"/>).</exception>
    public ComparisonModel WithTermFrequencyAdjustment(int level, bool adjusted)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)level, (uint)_levels.Length, nameof(level));
        if (adjusted && !Definition.Levels[level].SupportsTermFrequency)
        {
            throw new ArgumentException(
                $"Level {Definition.Levels[level].Name} of the {Definition.Name} comparison has no term frequencies.", nameof(adjusted));
        }

        var levels = adjusted ? _termFrequencyLevels | (1u << level) : _termFrequencyLevels & ~(1u << level);
        return new ComparisonModel(this, _levels, _parameters, _usedLevels, levels);
    }

    /// <summary>Returns a copy with one parameter changed.</summary>
    /// <remarks>Thresholds are not checked against each other, so they can be set in any order; a level whose
    /// threshold is above the level before it is never reached.</remarks>
    /// <param name="name">The parameter's name (ordinal, case-insensitive), e.g. <c>jaroWinklerHigh</c>.</param>
    /// <param name="value">The new value, within the parameter's range.</param>
    /// <returns>The new comparison model.</returns>
    /// <exception cref="ArgumentException">The comparison has no parameter of that name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside the parameter's range.</exception>
    public ComparisonModel WithParameter(string name, double value)
    {
        var index = IndexOfParameter(name);
        var definition = Definition.Parameters[index];
        if (!definition.IsValid(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"The {definition.Name} parameter of the {Definition.Name} comparison " +
                string.Create(CultureInfo.InvariantCulture, $"must be from {definition.Minimum:G} to {definition.Maximum:G}."));
        }

        var parameters = (double[])_parameters.Clone();
        parameters[index] = value;
        return new ComparisonModel(this, _levels, parameters, _usedLevels, _termFrequencyLevels);
    }

    /// <summary>Describes the comparison (no patient data).</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Comparison} ({System.Numerics.BitOperations.PopCount(_usedLevels)} of {_levels.Length} levels)");

    private System.Collections.ObjectModel.ReadOnlyDictionary<string, double> CreateParameterView()
    {
        var values = new Dictionary<string, double>(_parameters.Length, StringComparer.OrdinalIgnoreCase);
        for (var p = 0; p < _parameters.Length; p++)
        {
            values.Add(Definition.Parameters[p].Name, _parameters[p]);
        }

        return values.AsReadOnly();
    }

    private int IndexOfParameter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Definition.TryGetParameter(name, out var index))
        {
            var known = new List<string>();
            foreach (var parameter in Definition.Parameters)
            {
                known.Add(parameter.Name);
            }

            throw new ArgumentException($"The {Definition.Name} comparison has no parameter of that name; it has " +
                (known.Count == 0 ? "none." : string.Join(", ", known) + "."), nameof(name));
        }

        return index;
    }

    private static void CheckLevels(ComparisonDefinition definition, ComparisonLevelModel[] levels, string parameterName)
    {
        if (levels.Length != definition.Levels.Count)
        {
            throw new ArgumentException(
                $"The {definition.Name} comparison has {definition.Levels.Count} levels; {levels.Length} were given.", parameterName);
        }

        for (var level = 0; level < levels.Length; level++)
        {
            if (!levels[level].IsValid)
            {
                throw new ArgumentException(
                    $"Level {definition.Levels[level].Name} of the {definition.Name} comparison needs m and u greater than 0 and at most 1.",
                    parameterName);
            }
        }
    }
}
