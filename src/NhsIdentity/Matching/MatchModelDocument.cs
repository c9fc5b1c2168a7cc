using System.Text.Json.Serialization;

namespace NhsIdentity.Matching;

/// <summary>The JSON shape of a saved <see cref="MatchModel"/>. Levels and parameters are named, not numbered, so a
/// file stays readable and a renamed or reordered level fails loudly instead of loading into the wrong slot.</summary>
/// <remarks>
/// <para>Version 2 (written): each comparison records its definition's version, its parameters (every one, by name),
/// and the levels it uses, each with m, u and, where the level has term frequencies, whether it is adjusted; a level
/// the definition has but the file omits is dropped from the model.</para>
/// <para>Every member without a default is <see cref="JsonRequiredAttribute"/>: a file that leaves out a threshold or
/// the policy's switch (checked in code, per version) is refused, never read as 0 or false.</para>
/// <para>Version 1 (read): each comparison lists every level of its definition with m and u and nothing else; it
/// loads with the definition's default parameters and term-frequency adjustments and every level used, which is
/// what version 1 meant.</para>
/// </remarks>
internal sealed class MatchModelDocument
{
    public const string FormatName = "nhsidentity-match-model";
    public const int CurrentVersion = 2;

    [JsonRequired]
    public string? Format { get; set; }

    [JsonRequired]
    public int Version { get; set; }

    [JsonRequired]
    public double PriorMatchProbability { get; set; }

    [JsonRequired]
    public double TermFrequencyFloor { get; set; }

    [JsonRequired]
    public DecisionPolicyDocument? Policy { get; set; }

    [JsonRequired]
    public List<ComparisonDocument>? Comparisons { get; set; }

    /// <summary>The joint household table (version 2, written only when the model has one).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JointHouseholdDocument? JointHouseholdU { get; set; }

    /// <summary>The competition comparison (version 2, written only when the model has one).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CompetitionDocument? Competition { get; set; }
}

/// <summary>A <see cref="CompetitionModel"/>: the competitor probability and m and u of each level, by level name
/// (unrivalled, best_of_rivals, outranked); every level must be there.</summary>
internal sealed class CompetitionDocument
{
    [JsonRequired]
    public double CompetitorProbability { get; set; }

    [JsonRequired]
    public Dictionary<string, CompetitionLevelDocument>? Levels { get; set; }
}

/// <summary>m and u of one competition level.</summary>
internal sealed class CompetitionLevelDocument
{
    [JsonRequired]
    public double M { get; set; }

    [JsonRequired]
    public double U { get; set; }
}

/// <summary>A <see cref="Matching.JointHouseholdU"/> table: u by the first comparison's level name, then the second's.
/// Levels the comparisons do not use are left out; every pair of used levels must be there.</summary>
internal sealed class JointHouseholdDocument
{
    [JsonRequired]
    public string? First { get; set; }

    [JsonRequired]
    public string? Second { get; set; }

    [JsonRequired]
    public Dictionary<string, Dictionary<string, double>>? U { get; set; }
}

/// <summary>A saved model's format and version, read before the rest (which version 2 requires in full).</summary>
internal sealed class MatchModelHeader
{
    public string? Format { get; set; }

    public int Version { get; set; }
}

internal sealed class DecisionPolicyDocument
{
    [JsonRequired]
    public double MatchProbability { get; set; }

    [JsonRequired]
    public double ReviewProbability { get; set; }

    /// <summary>Version 2's switch: different valid NHS numbers never match (required in version 2).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? DifferentNhsNumbersNeverMatch { get; set; }

    /// <summary>Version 1's switch, the identity-evidence rule; read as <see cref="DifferentNhsNumbersNeverMatch"/>
    /// (its hand rules on names, dates and twins gave way to household-aware weights).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? RequireIdentityEvidence { get; set; }
}

internal sealed class ComparisonDocument
{
    [JsonRequired]
    public string? Comparison { get; set; }

    /// <summary>The definition's version (version 2 files; absent in version 1).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? DefinitionVersion { get; set; }

    /// <summary>Parameter values by name (version 2 files; absent in version 1).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, double>? Parameters { get; set; }

    [JsonRequired]
    public List<LevelDocument?>? Levels { get; set; }
}

internal sealed class LevelDocument
{
    [JsonRequired]
    public string? Level { get; set; }

    [JsonRequired]
    public double M { get; set; }

    [JsonRequired]
    public double U { get; set; }

    /// <summary>The u-probability among members of one household (version 2; written only when it differs from
    /// <see cref="U"/>, read as <see cref="U"/> when absent).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? HouseholdU { get; set; }

    /// <summary>Whether the level is adjusted for term frequency (version 2, levels that have term frequencies only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? TermFrequencyAdjusted { get; set; }
}

/// <summary>Source-generated serialisation: no reflection, so the package stays trimming- and AOT-safe.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(MatchModelDocument))]
[JsonSerializable(typeof(MatchModelHeader))]
internal sealed partial class MatchModelJsonContext : JsonSerializerContext;
