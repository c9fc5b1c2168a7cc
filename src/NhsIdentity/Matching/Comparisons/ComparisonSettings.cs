using System.Runtime.CompilerServices;

namespace NhsIdentity.Matching.Comparisons;

/// <summary>One comparison's settings as a model compiled them for the comparer: its parameter values in the
/// definition's order, and which levels the model uses and adjusts for term frequency, as bit masks.</summary>
/// <remarks>A plain struct read by reference on the hot path; a comparison has at most
/// <see cref="MaxParameters"/> parameters.</remarks>
internal struct ComparisonSettings
{
    public const int MaxParameters = 4;

    public double Parameter0;
    public double Parameter1;
    public double Parameter2;
    public double Parameter3;

    /// <summary>One bit per level the model uses; a comparer skips a level whose bit is clear.</summary>
    public uint UsedLevels;

    /// <summary>One bit per level that takes a term-frequency adjustment.</summary>
    public uint TermFrequencyLevels;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Uses(int level) => (UsedLevels & (1u << level)) != 0;

    /// <summary>Compiles a comparison model's settings.</summary>
    public static ComparisonSettings From(ComparisonModel model)
    {
        var settings = new ComparisonSettings();
        var values = model.ParameterValues;
        for (var p = 0; p < values.Length; p++)
        {
            settings.Set(p, values[p]);
        }

        for (var level = 0; level < model.Levels.Count; level++)
        {
            settings.UsedLevels |= model.IsLevelUsed(level) ? 1u << level : 0;
            settings.TermFrequencyLevels |= model.IsTermFrequencyAdjusted(level) ? 1u << level : 0;
        }

        return settings;
    }

    private void Set(int parameter, double value)
    {
        switch (parameter)
        {
            case 0: Parameter0 = value; break;
            case 1: Parameter1 = value; break;
            case 2: Parameter2 = value; break;
            case 3: Parameter3 = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(parameter), "A comparison has at most four parameters.");
        }
    }
}
