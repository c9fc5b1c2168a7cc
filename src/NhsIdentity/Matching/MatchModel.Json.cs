using System.Text.Json;

namespace NhsIdentity.Matching;

// Saving and loading models as versioned JSON.
public sealed partial class MatchModel
{
    /// <summary>Writes the model as JSON (format <c>nhsidentity-match-model</c>, version 1).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(ToDocument(), MatchModelJsonContext.Default.MatchModelDocument);

    /// <summary>Writes the model as UTF-8 JSON to a stream.</summary>
    /// <param name="utf8Json">The stream; left open.</param>
    public void Save(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, ToDocument(), MatchModelJsonContext.Default.MatchModelDocument);
    }

    /// <summary>Reads a model saved by <see cref="ToJson"/> or <see cref="Save"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a model of a version this release reads, or a value is out
    /// of range (the message says which).</exception>
    public static MatchModel FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromDocument(Deserialize(static json => JsonSerializer.Deserialize(json, MatchModelJsonContext.Default.MatchModelDocument), json));
    }

    /// <summary>Reads a model from a stream of UTF-8 JSON (see <see cref="FromJson"/>).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="FormatException">The content is not a model this release reads.</exception>
    public static MatchModel Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return FromDocument(Deserialize(static stream => JsonSerializer.Deserialize(stream, MatchModelJsonContext.Default.MatchModelDocument), utf8Json));
    }

    /// <summary>Runs one of the deserialisers, turning the serialiser's JSON errors into the documented exception.</summary>
    private static MatchModelDocument? Deserialize<TSource>(Func<TSource, MatchModelDocument?> deserialize, TSource source)
    {
        try
        {
            return deserialize(source);
        }
        catch (JsonException e)
        {
            throw new FormatException("The text is not valid model JSON: " + e.Message, e);
        }
    }

    private MatchModelDocument ToDocument()
    {
        var comparisons = new List<ComparisonDocument>(_comparisons.Length);
        foreach (var comparison in _comparisons)
        {
            var levels = new List<LevelDocument>(comparison.Levels.Count);
            for (var level = 0; level < comparison.Levels.Count; level++)
            {
                levels.Add(new LevelDocument
                {
                    Level = ComparisonLevels.GetName(comparison.Comparison, level),
                    M = comparison.Levels[level].M,
                    U = comparison.Levels[level].U,
                });
            }

            comparisons.Add(new ComparisonDocument { Comparison = comparison.Comparison.ToString(), Levels = levels });
        }

        return new MatchModelDocument
        {
            Format = MatchModelDocument.FormatName,
            Version = MatchModelDocument.CurrentVersion,
            PriorMatchProbability = PriorMatchProbability,
            TermFrequencyFloor = TermFrequencyFloor,
            Policy = new DecisionPolicyDocument
            {
                MatchProbability = Policy.MatchProbability,
                ReviewProbability = Policy.ReviewProbability,
                RequireIdentityEvidence = Policy.RequireIdentityEvidence,
            },
            Comparisons = comparisons,
        };
    }

    private static MatchModel FromDocument(MatchModelDocument? document)
    {
        if (document is null || document.Format != MatchModelDocument.FormatName)
        {
            throw new FormatException($"The JSON is not a match model (its \"format\" is not \"{MatchModelDocument.FormatName}\").");
        }

        if (document.Version != MatchModelDocument.CurrentVersion)
        {
            throw new FormatException(
                $"The model is version {document.Version}; this release reads version {MatchModelDocument.CurrentVersion}.");
        }

        if (document.Policy is null || document.Comparisons is null)
        {
            throw new FormatException("The model has no \"policy\" or no \"comparisons\".");
        }

        var comparisons = new List<ComparisonModel>(document.Comparisons.Count);
        foreach (var comparison in document.Comparisons)
        {
            comparisons.Add(ReadComparison(comparison));
        }

        try
        {
            return new MatchModel(document.PriorMatchProbability, comparisons,
                new DecisionPolicy(document.Policy.MatchProbability, document.Policy.ReviewProbability, document.Policy.RequireIdentityEvidence),
                document.TermFrequencyFloor);
        }
        catch (ArgumentException e)
        {
            throw new FormatException("The model's values are out of range: " + e.Message, e);
        }
    }

    private static ComparisonModel ReadComparison(ComparisonDocument? document)
    {
        if (document?.Comparison is null || !Enum.TryParse<ComparisonKind>(document.Comparison, ignoreCase: true, out var kind)
            || !Enum.IsDefined(kind) || char.IsAsciiDigit(document.Comparison[0]))
        {
            throw new FormatException("The model names a comparison this release does not know.");
        }

        var count = ComparisonLevels.GetCount(kind);
        if (document.Levels is null || document.Levels.Count != count)
        {
            throw new FormatException($"The {kind} comparison needs {count} levels.");
        }

        var levels = new ComparisonLevelModel[count];
        var seen = new bool[count];
        foreach (var level in document.Levels)
        {
            if (level is null || !ComparisonLevels.TryGetLevel(kind, level.Level, out var index) || seen[index])
            {
                throw new FormatException($"The {kind} comparison has an unknown or repeated level.");
            }

            seen[index] = true;
            levels[index] = new ComparisonLevelModel(level.M, level.U);
            if (!levels[index].IsValid)
            {
                throw new FormatException(
                    $"Level {ComparisonLevels.GetName(kind, index)} of the {kind} comparison needs m and u greater than 0 and at most 1.");
            }
        }

        return new ComparisonModel(kind, levels);
    }
}
