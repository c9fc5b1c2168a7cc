using System.Text.Json.Serialization;

namespace NhsIdentity.Matching;

/// <summary>The JSON shape of a saved <see cref="MatchModel"/> (version 1). Levels are named, not numbered, so a
/// file stays readable and a renamed or reordered level fails loudly instead of loading into the wrong slot.</summary>
internal sealed class MatchModelDocument
{
    public const string FormatName = "nhsidentity-match-model";
    public const int CurrentVersion = 1;

    public string? Format { get; set; }

    public int Version { get; set; }

    public double PriorMatchProbability { get; set; }

    public double TermFrequencyFloor { get; set; }

    public DecisionPolicyDocument? Policy { get; set; }

    public List<ComparisonDocument>? Comparisons { get; set; }
}

internal sealed class DecisionPolicyDocument
{
    public double MatchProbability { get; set; }

    public double ReviewProbability { get; set; }

    public bool RequireIdentityEvidence { get; set; }
}

internal sealed class ComparisonDocument
{
    public string? Comparison { get; set; }

    public List<LevelDocument>? Levels { get; set; }
}

internal sealed class LevelDocument
{
    public string? Level { get; set; }

    public double M { get; set; }

    public double U { get; set; }
}

/// <summary>Source-generated serialisation: no reflection, so the package stays trimming- and AOT-safe.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(MatchModelDocument))]
internal sealed partial class MatchModelJsonContext : JsonSerializerContext;
