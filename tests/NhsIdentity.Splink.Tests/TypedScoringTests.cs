using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Splink;
using Xunit;

namespace NhsIdentity.Splink.Tests;

/// <summary>
/// The typed level conditions the scorer runs (<c>PairCompiler</c>) give the tree interpreter's answer on every pair:
/// the same level of every comparison, bit for bit the same weights, and the same error where the interpreter raises
/// one. On every comparison-library template and on the exported default model, over generated records with NULLs,
/// empty strings, non-ASCII text and values copied between the two records and between columns.
/// </summary>
/// <remarks>
/// Mutation check, done by hand: with <c>&lt;=</c> evaluated as <c>&lt;</c> in the typed path only
/// (<c>ComparePredicate.Holds</c>), the template property and the samples test both failed on their first run.
/// </remarks>
public sealed class TypedScoringTests
{
    private static readonly SplinkModel TemplateModel = SplinkModel.Parse(TemplateSettings.Templates);
    private static readonly SplinkModel JaccardModel = SplinkModel.Parse(TemplateSettings.Jaccard);
    private static readonly Lazy<(SplinkModel Model, SplinkRecord[] Records, SplinkTermFrequencies Tf)> Exported = new(LoadExported);

    [Property(MaxTest = 60)]
    public Property Every_template_scores_alike_typed_and_interpreted() =>
        Prop.ForAll(SyntheticRows.Rows(2, 16).ToArbitrary(), rows =>
        {
            var set = TemplateModel.Prepare(rows.Select(r => r.ToRecord()));
            AssertEveryPairAlike(TemplateModel, set);
        });

    [Property(MaxTest = 30)]
    public Property Jaccard_template_scores_alike_typed_and_interpreted_empty_strings_included() =>
        Prop.ForAll(SyntheticRows.Rows(2, 12).ToArbitrary(), rows =>
        {
            var set = JaccardModel.Prepare(rows.Select(r => r.ToRecord()));
            AssertEveryPairAlike(JaccardModel, set);
        });

    [Property(MaxTest = 300)]
    public Property Exported_default_model_scores_alike_typed_and_interpreted() =>
        Prop.ForAll(MutatedPairs().ToArbitrary(), pair =>
        {
            var (model, _, tf) = Exported.Value;
            var set = model.Prepare(pair, tf);
            AssertPairAlike(model, set, 0, 1);
            AssertPairAlike(model, set, 1, 0);
        });

    [Fact]
    public void Exported_default_model_scores_every_samples_pair_in_a_block_alike()
    {
        var (model, records, tf) = Exported.Value;
        var set = model.Prepare(records, tf);
        var compared = 0;
        for (var i = 0; i < set.Count; i++)
        {
            // Neighbours in file order share a supplier and often a household; every 7th record against all others
            // reaches the far levels too.
            for (var j = i + 1; j < set.Count && (j < i + 8 || i % 7 == 0); j++)
            {
                AssertPairAlike(model, set, i, j);
                compared++;
            }
        }

        Assert.True(compared > 5_000, compared.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void AssertEveryPairAlike(SplinkModel model, SplinkRecordSet set)
    {
        for (var i = 0; i < set.Count; i++)
        {
            for (var j = 0; j < set.Count; j++)
            {
                AssertPairAlike(model, set, i, j);
            }
        }
    }

    private static void AssertPairAlike(SplinkModel model, SplinkRecordSet set, int i, int j)
    {
        var (typed, typedError) = Try(() => model.Score(set, i, set, j, interpret: false));
        var (interpreted, interpretedError) = Try(() => model.Score(set, i, set, j, interpret: true));
        Assert.Equal(interpretedError?.Error, typedError?.Error);
        if (interpreted is null || typed is null)
        {
            return;
        }

        for (var c = 0; c < model.Comparisons.Count; c++)
        {
            Assert.Equal(interpreted.Comparisons[c].LevelIndex, typed.Comparisons[c].LevelIndex);
            Assert.Equal(BitConverter.DoubleToInt64Bits(interpreted.Comparisons[c].TfAdjustmentWeight),
                BitConverter.DoubleToInt64Bits(typed.Comparisons[c].TfAdjustmentWeight));
        }

        Assert.Equal(BitConverter.DoubleToInt64Bits(interpreted.MatchWeight), BitConverter.DoubleToInt64Bits(typed.MatchWeight));
        var weight = Try(() => model.MatchWeight(set, i, set, j)).Value;
        var interpretedWeight = Try(() => model.InterpretedMatchWeight(set, i, set, j)).Value;
        Assert.Equal(BitConverter.DoubleToInt64Bits(interpretedWeight), BitConverter.DoubleToInt64Bits(weight));
    }

    private static (T? Value, SplinkSqlException? Error) Try<T>(Func<T> score)
    {
        try
        {
            return (score(), null);
        }
        catch (SplinkSqlException error)
        {
            return (default, error);
        }
    }

    /// <summary>Two prepared records of the samples with some columns changed: to NULL, an empty string, non-ASCII
    /// text, the other record's value of that column or of a same-typed other column (swapped names), so that every
    /// level's condition, the household context's included, is true for some pairs and false for others.</summary>
    private static Gen<SplinkRecord[]> MutatedPairs()
    {
        var (_, records, _) = Exported.Value;
        var columns = records[0].Columns.ToArray();
        string?[] texts = [null, string.Empty, "é", "zoë", "Łódź", "ÉMILE", "o'neil", "straße", "a b", "smith"];
        return from i in Gen.Choose(0, records.Length - 1)
               from offset in Gen.Frequency((3, Gen.Choose(1, 6)), (1, Gen.Choose(1, records.Length - 1)))
               from edits in Gen.ListOf(
                   from column in Gen.Elements(columns)
                   from kind in Gen.Choose(0, 5)
                   from text in Gen.Elements(texts)
                   select (column, kind, text))
               select Mutate(records[i], records[(i + offset) % records.Length], edits);
    }

    private static SplinkRecord[] Mutate(SplinkRecord left, SplinkRecord right, IEnumerable<(string Column, int Kind, string? Text)> edits)
    {
        var l = left.Columns.ToDictionary(c => c, c => left[c]);
        var r = right.Columns.ToDictionary(c => c, c => right[c]);
        var side = 0;
        foreach (var (column, kind, text) in edits)
        {
            var target = side++ % 2 == 0 ? r : l;
            var source = target == r ? l : r;
            var isText = l[column] is string || r[column] is string;
            target[column] = kind switch
            {
                0 => null,
                1 or 2 => source[column],
                3 when isText => text,
                4 when column == "given_name" => source["family_name"],
                4 when column == "family_name" => source["given_name"],
                4 when isText => text,
                _ => target[column],
            };
        }

        return [new SplinkRecord(l), new SplinkRecord(r)];
    }

    private static (SplinkModel, SplinkRecord[], SplinkTermFrequencies) LoadExported()
    {
        var root = RepositoryRoot();
        var patients = PatientCsvReader.ReadFile(Path.Combine(root, "samples", "data", "pas.csv")).Records
            .Concat(PatientCsvReader.ReadFile(Path.Combine(root, "samples", "data", "gp.csv")).Records).ToList();
        var table = SplinkPreparedTable.Create(new RecordSet(patients));
        var model = SplinkModel.Parse(MatchModel.Default.ToSplink().Json);
        return (model, [.. table.ToRecords()], table.TermFrequencies());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NhsIdentity.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
