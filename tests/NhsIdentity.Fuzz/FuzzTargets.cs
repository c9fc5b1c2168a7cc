using NhsIdentity.Fuzzing.Targets;

namespace NhsIdentity.Fuzzing;

/// <summary>The fuzz targets by the name the command line and the corpus folders use.</summary>
public static class FuzzTargets
{
    private static readonly Dictionary<string, FuzzTarget> ByName = new(StringComparer.Ordinal)
    {
        ["nhs-number"] = NhsNumberTarget.Run,
        ["postcode"] = PostcodeTarget.Run,
        ["date-of-birth"] = DateOfBirthTarget.Run,
        ["sex"] = SexTarget.Run,
        ["csv"] = CsvTarget.Run,
        ["model-json"] = ModelJsonTarget.Run,
        ["record-set"] = RecordSetTarget.Run,
        ["dicom"] = DicomTarget.Run,
    };

    /// <summary>The target names, in the order the README lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ByName.Keys];

    /// <summary>Looks a target up by name.</summary>
    /// <param name="name">The name, for example <c>nhs-number</c>.</param>
    /// <param name="target">The target, or <see langword="null"/> when the name is unknown.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FuzzTarget? target) =>
        ByName.TryGetValue(name, out target);
}
