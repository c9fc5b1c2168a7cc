using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching;

/// <summary>Single comparisons of a pair with the default model's settings: for tests and the per-comparison
/// benchmark rows. Scoring goes through <see cref="MatchModel"/>, which applies each model's own settings.</summary>
internal static class PairComparer
{
    public const byte MissingRight = ComparisonCatalog.MissingRight;
    public const byte MissingLeft = ComparisonCatalog.MissingLeft;
    public const byte MissingBoth = ComparisonCatalog.MissingBoth;

    /// <summary>The level code of one comparison (a level, or a missing code) with the default settings.</summary>
    public static byte Compare(ComparisonKind kind, RecordSet a, int i, RecordSet b, int j) =>
        (byte)ComparisonCatalog.Compare(kind, in DefaultSettings[(int)kind], a, in a.Row(i), b, in b.Row(j));

    /// <summary>Every comparison's default settings, including those the default model does not make.</summary>
    private static readonly ComparisonSettings[] DefaultSettings =
        [.. ComparisonDefinition.All.Select(definition => ComparisonSettings.From(definition.DefaultModel))];
}
