using NhsIdentity.Matching.Blocking;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching;

/// <summary>
/// Everything the library knows about one comparison: the <see cref="PatientRecord"/> fields it reads, its levels
/// (names, order, what each says about identity), its parameters and their defaults, its default m- and
/// u-probabilities, and the blocking key parts it can give.
/// </summary>
/// <remarks>
/// <para>Each comparison is declared once, in its own file under <c>Matching/Comparisons</c>; scoring, explanations,
/// training, blocking, model JSON and the command-line tool all read these definitions, in the order of
/// <see cref="All"/> (which is <see cref="ComparisonKind"/> order).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ComparisonDefinition
{
    private readonly ComparisonLevelDefinition[] _levels;
    private readonly ComparisonParameterDefinition[] _parameters;
    private readonly (double M, double U)[] _defaults;
    private readonly double[]? _householdDefaults;
    private ComparisonModel? _defaultModel;

    internal ComparisonDefinition(ComparisonKind kind, int version, string columnName, string displayName,
        string[] fields, ComparisonLevelDefinition[] levels, (double M, double U)[] defaults,
        ComparisonParameterDefinition[]? parameters = null, BlockingKeyPart[]? blockingParts = null, double[]? householdU = null,
        bool inDefaultModel = true)
    {
        IsInDefaultModel = inDefaultModel;
        if (householdU is not null && householdU.Length != defaults.Length)
        {
            throw new ArgumentException("A household u is needed for every level.", nameof(householdU));
        }

        _householdDefaults = householdU;
        Kind = kind;
        Version = version;
        ColumnName = columnName;
        DisplayName = displayName;
        _levels = levels;
        _defaults = defaults;
        _parameters = parameters ?? [];
        Fields = Array.AsReadOnly(fields);
        Levels = Array.AsReadOnly(_levels);
        Parameters = Array.AsReadOnly(_parameters);
        BlockingParts = Array.AsReadOnly(blockingParts ?? []);
    }

    /// <summary>Gets every comparison the library defines, in <see cref="ComparisonKind"/> order.</summary>
    public static IReadOnlyList<ComparisonDefinition> All { get; } = Array.AsReadOnly(ComparisonCatalog.Definitions);

    /// <summary>Gets the comparison this defines.</summary>
    public ComparisonKind Kind { get; }

    /// <summary>Gets the comparison's name, as in model JSON and <see cref="ComparisonKind"/> (<c>DateOfBirth</c>).</summary>
    public string Name => Kind.ToString();

    /// <summary>Gets the version of the definition: it goes up when the meaning of a level changes, so a saved model
    /// made with a newer definition is refused rather than scored with the wrong meaning.</summary>
    public int Version { get; }

    /// <summary>Gets the name used for the comparison's column in files the tool writes (<c>date_of_birth</c>).</summary>
    public string ColumnName { get; }

    /// <summary>Gets a name for people (<c>Date of birth</c>).</summary>
    public string DisplayName { get; }

    /// <summary>Gets the names of the <see cref="PatientRecord"/> properties the comparison reads.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Gets the levels, best first.</summary>
    public IReadOnlyList<ComparisonLevelDefinition> Levels { get; }

    /// <summary>Gets the parameters (thresholds, windows) a model can set.</summary>
    public IReadOnlyList<ComparisonParameterDefinition> Parameters { get; }

    /// <summary>Gets the blocking key parts read from this comparison's field.</summary>
    public IReadOnlyList<BlockingKeyPart> BlockingParts { get; }

    /// <summary>Gets the comparison as the default model makes it: every level, default parameters, and sourced
    /// starting m- and u-probabilities (see each definition's file for the sources).</summary>
    /// <remarks>Built on first use; two threads racing may each build one, equal in every value, and either may be
    /// returned (nothing relies on getting the same instance).</remarks>
    public ComparisonModel DefaultModel => _defaultModel ??= CreateDefaultModel();

    /// <summary>The number of default (m, u) pairs declared (checked against the levels when the catalog is built).</summary>
    internal int DefaultLevelCount => _defaults.Length;

    /// <summary>Gets whether <see cref="MatchModel.Default"/> makes this comparison. <see cref="ComparisonKind.Name"/>,
    /// given and family names together, is kept for models saved before version 2 and is not in the default model,
    /// which compares <see cref="ComparisonKind.GivenName"/> and <see cref="ComparisonKind.FamilyName"/> instead.</summary>
    public bool IsInDefaultModel { get; }

    /// <summary>Gets the definition of a comparison.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>Its definition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="comparison"/> is not defined.</exception>
    public static ComparisonDefinition Get(ComparisonKind comparison)
    {
        var all = ComparisonCatalog.Definitions;
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)comparison, (uint)all.Length, nameof(comparison));
        return all[(int)comparison];
    }

    /// <summary>Finds a comparison by name (ordinal, case-insensitive).</summary>
    /// <param name="name">The name, e.g. <c>DateOfBirth</c>.</param>
    /// <param name="definition">The definition, or null.</param>
    /// <returns>Whether a comparison of that name is defined.</returns>
    public static bool TryGet(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ComparisonDefinition? definition)
    {
        foreach (var candidate in ComparisonCatalog.Definitions)
        {
            if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                definition = candidate;
                return true;
            }
        }

        definition = null;
        return false;
    }

    /// <summary>Finds a level by name (ordinal, case-insensitive).</summary>
    /// <param name="name">The level's name.</param>
    /// <param name="level">The level (its position, best first), or -1.</param>
    /// <returns>Whether the comparison has a level of that name.</returns>
    public bool TryGetLevel(string? name, out int level) => (level = IndexOfName(_levels, static l => l.Name, name)) >= 0;

    /// <summary>Finds a parameter by name (ordinal, case-insensitive).</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="index">Its position in <see cref="Parameters"/>, or -1.</param>
    /// <returns>Whether the comparison has a parameter of that name.</returns>
    public bool TryGetParameter(string? name, out int index) => (index = IndexOfName(_parameters, static p => p.Name, name)) >= 0;

    /// <summary>Returns the comparison's name, level count and version.</summary>
    /// <returns>For example <c>Name (11 levels, v1)</c>.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name} ({_levels.Length} levels, v{Version})");

    private static int IndexOfName<T>(T[] items, Func<T, string> nameOf, string? name)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (string.Equals(nameOf(items[i]), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private ComparisonModel CreateDefaultModel()
    {
        var levels = new ComparisonLevelModel[_defaults.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = new ComparisonLevelModel(_defaults[i].M, _defaults[i].U, _householdDefaults?[i] ?? _defaults[i].U);
        }

        return new ComparisonModel(Kind, levels);
    }
}
