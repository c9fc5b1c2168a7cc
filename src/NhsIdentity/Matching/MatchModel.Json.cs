using System.Globalization;
using System.Text.Json;

namespace NhsIdentity.Matching;

// Saving and loading models as versioned JSON.
public sealed partial class MatchModel
{
    /// <summary>Writes the model as JSON (format <c>nhsidentity-match-model</c>, version 2): every comparison with its
    /// definition version, parameters, levels used, m, u and term-frequency settings, and the decision policy.</summary>
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

        // The format and version first, on their own: a file from another release or of another kind gets an error
        // that says so, not a complaint about the members this release requires.
        CheckHeader(Deserialize(static json => JsonSerializer.Deserialize(json, MatchModelJsonContext.Default.MatchModelHeader), json));
        return FromDocument(Deserialize(static json => JsonSerializer.Deserialize(json, MatchModelJsonContext.Default.MatchModelDocument), json));
    }

    /// <summary>Reads a model from a stream of UTF-8 JSON (see <see cref="FromJson"/>).</summary>
    /// <param name="utf8Json">The stream; read to its end and left open.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="FormatException">The content is not a model this release reads.</exception>
    public static MatchModel Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var reader = new StreamReader(utf8Json, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return FromJson(reader.ReadToEnd());
    }

    private static void CheckHeader(MatchModelHeader? header)
    {
        if (header is null || header.Format != MatchModelDocument.FormatName)
        {
            throw new FormatException($"The JSON is not a match model (its \"format\" is not \"{MatchModelDocument.FormatName}\").");
        }

        if (header.Version is not (1 or MatchModelDocument.CurrentVersion))
        {
            throw new FormatException(
                $"The model is version {header.Version}; this release reads versions 1 and {MatchModelDocument.CurrentVersion}.");
        }
    }

    /// <summary>Runs one of the deserialisers, turning the serialiser's JSON errors into the documented exception.</summary>
    private static TResult? Deserialize<TSource, TResult>(Func<TSource, TResult?> deserialize, TSource source)
        where TResult : class
    {
        try
        {
            return deserialize(source);
        }
        catch (JsonException e)
        {
            // Neither e.Message nor e as the inner exception: the serialiser's message quotes the offending text,
            // which could be a patient row (a CSV given as a model), and an inner exception shows in ToString().
            throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"The text is not valid model JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
        }
    }

    private MatchModelDocument ToDocument()
    {
        var comparisons = new List<ComparisonDocument>(_comparisons.Length);
        foreach (var comparison in _comparisons)
        {
            var definition = comparison.Definition;
            var levels = new List<LevelDocument?>(comparison.Levels.Count);
            for (var level = 0; level < comparison.Levels.Count; level++)
            {
                if (!comparison.IsLevelUsed(level))
                {
                    continue;
                }

                levels.Add(new LevelDocument
                {
                    Level = definition.Levels[level].Name,
                    M = comparison.Levels[level].M,
                    U = comparison.Levels[level].U,
                    HouseholdU = comparison.Levels[level].HouseholdU != comparison.Levels[level].U ? comparison.Levels[level].HouseholdU : null,
                    TermFrequencyAdjusted = definition.Levels[level].SupportsTermFrequency ? comparison.IsTermFrequencyAdjusted(level) : null,
                });
            }

            var parameters = new Dictionary<string, double>(definition.Parameters.Count, StringComparer.Ordinal);
            for (var p = 0; p < definition.Parameters.Count; p++)
            {
                parameters.Add(definition.Parameters[p].Name, comparison.ParameterValues[p]);
            }

            comparisons.Add(new ComparisonDocument
            {
                Comparison = definition.Name,
                DefinitionVersion = definition.Version,
                Parameters = parameters,
                Levels = levels,
            });
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
                DifferentNhsNumbersNeverMatch = Policy.DifferentNhsNumbersNeverMatch,
            },
            Comparisons = comparisons,
            JointHouseholdU = ToDocument(JointHouseholdU),
            Competition = Competition is { } competition ? new CompetitionDocument
            {
                CompetitorProbability = competition.CompetitorProbability,
                Levels = new Dictionary<string, CompetitionLevelDocument>(StringComparer.Ordinal)
                {
                    [CompetitionLevelNames[0]] = new() { M = competition.Unrivalled.M, U = competition.Unrivalled.U },
                    [CompetitionLevelNames[1]] = new() { M = competition.BestOfRivals.M, U = competition.BestOfRivals.U },
                    [CompetitionLevelNames[2]] = new() { M = competition.Outranked.M, U = competition.Outranked.U },
                },
            } : null,
        };
    }

    /// <summary>The competition levels' names in saved models, in <see cref="CandidateCompetition"/> order.</summary>
    private static readonly string[] CompetitionLevelNames = ["unrivalled", "best_of_rivals", "outranked"];

    /// <summary>Reads the competition comparison; every level must be there and no other.</summary>
    private static CompetitionModel? ReadCompetition(CompetitionDocument? document)
    {
        if (document is null)
        {
            return null;
        }

        if (document.Levels is not { Count: 3 } levels)
        {
            throw new FormatException("The model's \"competition\" needs exactly the levels unrivalled, best_of_rivals and outranked.");
        }

        var read = new ComparisonLevelModel[3];
        for (var level = 0; level < read.Length; level++)
        {
            if (!levels.TryGetValue(CompetitionLevelNames[level], out var values) || values is null)
            {
                throw new FormatException("The model's \"competition\" needs exactly the levels unrivalled, best_of_rivals and outranked.");
            }

            read[level] = new ComparisonLevelModel(values.M, values.U);
        }

        return new CompetitionModel(document.CompetitorProbability, read[0], read[1], read[2]);
    }

    private JointHouseholdDocument? ToDocument(JointHouseholdU? joint)
    {
        if (joint is null)
        {
            return null;
        }

        var first = GetComparison(joint.First)!;
        var second = GetComparison(joint.Second)!;
        var rows = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        for (var a = 0; a < joint.FirstLevels; a++)
        {
            if (!first.IsLevelUsed(a))
            {
                continue;
            }

            var row = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var b = 0; b < joint.SecondLevels; b++)
            {
                if (second.IsLevelUsed(b))
                {
                    row.Add(second.Definition.Levels[b].Name, joint[a, b]);
                }
            }

            rows.Add(first.Definition.Levels[a].Name, row);
        }

        return new JointHouseholdDocument { First = first.Definition.Name, Second = second.Definition.Name, U = rows };
    }

    private static bool UsesLevel(ComparisonModel comparison, string name)
    {
        for (var level = 0; level < comparison.Levels.Count; level++)
        {
            if (comparison.IsLevelUsed(level) && comparison.Definition.Levels[level].Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the joint household table against the comparisons already read; a level the comparisons do not
    /// use gets the product of the two household u (it is never reached).</summary>
    private static JointHouseholdU? ReadJoint(JointHouseholdDocument? document, List<ComparisonModel> comparisons)
    {
        if (document is null)
        {
            return null;
        }

        var first = comparisons.Find(c => c.Definition.Name == document.First);
        var second = comparisons.Find(c => c.Definition.Name == document.Second);
        if (first is null || second is null || document.U is null)
        {
            throw new FormatException("The model's \"jointHouseholdU\" names a comparison the model does not make, or has no \"u\".");
        }

        // Every name in the table must be a level the comparison uses: a misspelt or reordered level fails loudly
        // instead of leaving its pair of levels at a value from somewhere else.
        foreach (var (rowName, row) in document.U)
        {
            if (!UsesLevel(first, rowName) || row is null || row.Keys.Any(name => !UsesLevel(second, name)))
            {
                throw new FormatException("The model's \"jointHouseholdU\" names a level its comparisons do not use, or has an empty row.");
            }
        }

        var u = new double[first.Levels.Count * second.Levels.Count];
        for (var a = 0; a < first.Levels.Count; a++)
        {
            for (var b = 0; b < second.Levels.Count; b++)
            {
                var index = (a * second.Levels.Count) + b;
                if (!first.IsLevelUsed(a) || !second.IsLevelUsed(b))
                {
                    u[index] = first.Levels[a].HouseholdU * second.Levels[b].HouseholdU;
                }
                else if (document.U.TryGetValue(first.Definition.Levels[a].Name, out var row) && row is not null
                    && row.TryGetValue(second.Definition.Levels[b].Name, out var value))
                {
                    u[index] = value;
                }
                else
                {
                    throw new FormatException($"The model's \"jointHouseholdU\" has no value for {first.Definition.Levels[a].Name} × {second.Definition.Levels[b].Name}.");
                }
            }
        }

        return new JointHouseholdU(first.Comparison, second.Comparison, first.Levels.Count, second.Levels.Count, u);
    }

    private static MatchModel FromDocument(MatchModelDocument? document)
    {
        if (document is null)
        {
            throw new FormatException($"The JSON is not a match model (its \"format\" is not \"{MatchModelDocument.FormatName}\").");
        }

        CheckHeader(new MatchModelHeader { Format = document.Format, Version = document.Version });
        if (document.Policy is null || document.Comparisons is null)
        {
            throw new FormatException("The model has no \"policy\" or no \"comparisons\".");
        }

        if (document.Comparisons.Count == 0)
        {
            throw new FormatException("The model makes no comparisons.");
        }

        var neverMatch = document.Version == 1 ? document.Policy.RequireIdentityEvidence : document.Policy.DifferentNhsNumbersNeverMatch;
        if (neverMatch is not { } differentNhsNumbersNeverMatch
            || (document.Version == 1 ? document.Policy.DifferentNhsNumbersNeverMatch : document.Policy.RequireIdentityEvidence) is not null)
        {
            throw new FormatException(document.Version == 1
                ? "A version 1 model's \"policy\" needs \"requireIdentityEvidence\" (and no version 2 switch)."
                : "The model's \"policy\" needs \"differentNhsNumbersNeverMatch\" (\"requireIdentityEvidence\" is version 1's).");
        }

        var comparisons = new List<ComparisonModel>(document.Comparisons.Count);
        foreach (var comparison in document.Comparisons)
        {
            comparisons.Add(document.Version == 1 ? ReadVersion1Comparison(comparison) : ReadComparison(comparison));
        }

        if (document.Version == 1 && document.JointHouseholdU is not null)
        {
            throw new FormatException("A version 1 model has no \"jointHouseholdU\".");
        }

        if (document.Version == 1 && document.Competition is not null)
        {
            throw new FormatException("A version 1 model has no \"competition\".");
        }

        try
        {
            return new MatchModel(document.PriorMatchProbability, comparisons,
                new DecisionPolicy(document.Policy.MatchProbability, document.Policy.ReviewProbability, differentNhsNumbersNeverMatch),
                document.TermFrequencyFloor, ReadJoint(document.JointHouseholdU, comparisons), ReadCompetition(document.Competition));
        }
        catch (ArgumentException e)
        {
            throw new FormatException("The model's values are out of range: " + e.Message, e);
        }
    }

    /// <summary>The definition a comparison entry names; the name is quoted only when it looks like one (a saved model
    /// is not patient data, but a damaged file could hold anything).</summary>
    private static ComparisonDefinition DefinitionOf(ComparisonDocument? document)
    {
        if (document?.Comparison is not { } name || !ComparisonDefinition.TryGet(name, out var definition))
        {
            var known = new List<string>();
            foreach (var candidate in ComparisonDefinition.All)
            {
                known.Add(candidate.Name);
            }

            // Comparison names are letters only, so anything with a digit (an NHS number, a date) is never echoed.
            var shown = document?.Comparison is { Length: > 0 and <= 40 } text && text.All(char.IsAsciiLetter) ? "\"" + text + "\"" : "a name";
            throw new FormatException(
                $"The model names {shown}, a comparison this release does not know (it knows {string.Join(", ", known)}).");
        }

        return definition;
    }

    private static ComparisonModel ReadVersion1Comparison(ComparisonDocument? document)
    {
        var definition = DefinitionOf(document);
        if (document!.DefinitionVersion is not null || document.Parameters is not null
            || document.Levels?.Any(l => l?.TermFrequencyAdjusted is not null || l?.HouseholdU is not null) == true)
        {
            throw new FormatException(
                $"The {definition.Name} comparison has version 2 settings in a version 1 model; save it as version 2.");
        }

        var count = definition.Levels.Count;
        if (document.Levels is null || document.Levels.Count != count)
        {
            throw new FormatException($"The {definition.Name} comparison needs {count} levels.");
        }

        var levels = ReadLevels(definition, document.Levels, out _);
        return new ComparisonModel(definition.Kind, levels);
    }

    private static ComparisonModel ReadComparison(ComparisonDocument? document)
    {
        var definition = DefinitionOf(document);
        if (document!.DefinitionVersion is not { } version || version < 1)
        {
            throw new FormatException($"The {definition.Name} comparison has no \"definitionVersion\".");
        }

        if (version > definition.Version)
        {
            throw new FormatException(
                $"The {definition.Name} comparison was saved by a newer release (definition version {version}; this release has {definition.Version}).");
        }

        if (document.Levels is null || document.Levels.Count == 0)
        {
            throw new FormatException($"The {definition.Name} comparison has no levels.");
        }

        var levels = ReadLevels(definition, document.Levels, out var seen);
        var last = definition.Levels.Count - 1;
        if (!seen[last])
        {
            throw new FormatException($"The {definition.Name} comparison must keep its last level, {definition.Levels[last].Name}.");
        }

        var model = definition.DefaultModel.WithLevels(levels);
        foreach (var level in document.Levels)
        {
            definition.TryGetLevel(level!.Level, out var index);
            if (level.TermFrequencyAdjusted is { } adjusted)
            {
                model = definition.Levels[index].SupportsTermFrequency
                    ? model.WithTermFrequencyAdjustment(index, adjusted)
                    : throw new FormatException($"Level {definition.Levels[index].Name} of the {definition.Name} comparison has no term frequencies.");
            }
        }

        for (var level = 0; level < last; level++)
        {
            try
            {
                model = seen[level] ? model : model.WithoutLevel(level);
            }
            catch (ArgumentException e)
            {
                throw new FormatException(e.Message, e);
            }
        }

        // Every parameter, once: a value left out would silently take this release's default, which may not be what
        // the file's definition version meant.
        var parameters = document.Parameters ?? [];
        var given = new bool[definition.Parameters.Count];
        foreach (var (name, value) in parameters)
        {
            if (!definition.TryGetParameter(name, out var index))
            {
                throw new FormatException($"The {definition.Name} comparison has no parameter of that name.");
            }

            if (given[index])
            {
                throw new FormatException($"The {definition.Parameters[index].Name} parameter of the {definition.Name} comparison is given twice.");
            }

            given[index] = true;
            var parameter = definition.Parameters[index];
            model = parameter.IsValid(value) ? model.WithParameter(parameter.Name, value)
                : throw new FormatException($"The {parameter.Name} parameter of the {definition.Name} comparison is out of range.");
        }

        var missing = Array.IndexOf(given, false);
        if (missing >= 0)
        {
            throw new FormatException($"The {definition.Name} comparison does not give its {definition.Parameters[missing].Name} parameter.");
        }

        return model;
    }

    /// <summary>The m and u of every level listed; levels not listed get placeholders (and are dropped by the caller).</summary>
    private static ComparisonLevelModel[] ReadLevels(ComparisonDefinition definition, List<LevelDocument?> documents, out bool[] seen)
    {
        var levels = new ComparisonLevelModel[definition.Levels.Count];
        seen = new bool[levels.Length];
        foreach (var level in documents)
        {
            if (level is null || !definition.TryGetLevel(level.Level, out var index) || seen[index])
            {
                throw new FormatException($"The {definition.Name} comparison has an unknown or repeated level.");
            }

            seen[index] = true;
            levels[index] = new ComparisonLevelModel(level.M, level.U, level.HouseholdU ?? level.U);
            if (!levels[index].IsValid)
            {
                throw new FormatException(
                    $"Level {definition.Levels[index].Name} of the {definition.Name} comparison needs m, u and household u greater than 0 and at most 1.");
            }
        }

        for (var level = 0; level < levels.Length; level++)
        {
            // A dropped level is never reached; any valid pair of numbers keeps its slot.
            levels[level] = seen[level] ? levels[level] : definition.DefaultModel.Levels[level];
        }

        return levels;
    }
}
