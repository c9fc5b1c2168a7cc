using System.Reflection;
using NhsIdentity.Cli.Ingestion;
using NhsIdentity.Ingestion;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Blocking;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Tests.Matching.Comparisons;

/// <summary>
/// Walks every defined comparison and checks that each table, name and mapping has it, so a comparison added to the
/// catalog but forgotten somewhere fails here rather than scoring silently as missing.
/// </summary>
public sealed class ComparisonDefinitionTests
{
    /// <summary>A plausible value for every <see cref="PatientRecord"/> field (a synthetic person, 999-range number).</summary>
    private static readonly PatientRecord Everything = new()
    {
        Id = "R1",
        NhsNumber = "999 445 6156",
        GivenNames = "Alice Mary",
        FamilyName = "Pemberton",
        DateOfBirth = "1987-03-14",
        Sex = "F",
        Postcode = "LS1 4AP",
        Address = "12 Park Row, Leeds",
        LocalIdentifier = "RX1234",
        Phone = "07700 900123",
        Email = "alice@example.org",
        GpPracticeCode = "B86001",
    };

    /// <summary>The public level enum of each comparison: the one place a test must name them.</summary>
    private static readonly Dictionary<ComparisonKind, Type> LevelEnums = new()
    {
        [ComparisonKind.NhsNumber] = typeof(NhsNumberLevel),
        [ComparisonKind.Name] = typeof(NameLevel),
        [ComparisonKind.DateOfBirth] = typeof(DateOfBirthLevel),
        [ComparisonKind.Sex] = typeof(SexLevel),
        [ComparisonKind.Postcode] = typeof(PostcodeLevel),
        [ComparisonKind.Address] = typeof(AddressLevel),
        [ComparisonKind.LocalIdentifier] = typeof(LocalIdentifierLevel),
        [ComparisonKind.Email] = typeof(ExactLevel),
        [ComparisonKind.Phone] = typeof(ExactLevel),
        [ComparisonKind.GpPractice] = typeof(ExactLevel),
        [ComparisonKind.GivenName] = typeof(GivenNameLevel),
        [ComparisonKind.FamilyName] = typeof(FamilyNameLevel),
    };

    [Fact]
    public void Every_comparison_kind_has_one_definition_in_kind_order()
    {
        var kinds = Enum.GetValues<ComparisonKind>();
        Assert.Equal(kinds.Length, ComparisonDefinition.All.Count);
        for (var i = 0; i < kinds.Length; i++)
        {
            Assert.Equal(kinds[i], ComparisonDefinition.All[i].Kind);
            Assert.Same(ComparisonDefinition.All[i], ComparisonDefinition.Get(kinds[i]));
            Assert.True(ComparisonDefinition.TryGet(kinds[i].ToString().ToUpperInvariant(), out var found));
            Assert.Same(ComparisonDefinition.All[i], found);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => ComparisonDefinition.Get((ComparisonKind)kinds.Length));
        Assert.False(ComparisonDefinition.TryGet("ShoeSize", out var none));
        Assert.Null(none);
    }

    [Fact]
    public void Level_names_are_the_level_enum_names_in_order()
    {
        foreach (var definition in ComparisonDefinition.All)
        {
            Assert.True(LevelEnums.TryGetValue(definition.Kind, out var levelEnum), $"{definition.Kind} has no level enum in this test");
            var names = Enum.GetNames(levelEnum);
            Assert.Equal(names, definition.Levels.Select(l => l.Name));
            for (var level = 0; level < names.Length; level++)
            {
                Assert.Equal(level, (int)Enum.Parse(levelEnum, names[level]));
                Assert.True(definition.TryGetLevel(names[level].ToLowerInvariant(), out var found));
                Assert.Equal(level, found);
                Assert.False(string.IsNullOrWhiteSpace(definition.Levels[level].Description));
            }

            Assert.False(definition.TryGetLevel("NoSuchLevel", out var missing));
            Assert.Equal(-1, missing);
        }
    }

    [Fact]
    public void Names_and_columns_are_unique_and_snake_case()
    {
        var definitions = ComparisonDefinition.All;
        Assert.Equal(definitions.Count, definitions.Select(d => d.ColumnName).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(definitions.Count, definitions.Select(d => d.DisplayName).Distinct(StringComparer.Ordinal).Count());
        Assert.All(definitions, d => Assert.Matches("^[a-z]+(_[a-z]+)*$", d.ColumnName));
        Assert.All(definitions, d => Assert.True(d.Version >= 1));
        Assert.All(definitions, d => Assert.Equal(d.Kind.ToString(), d.Name));
    }

    [Fact]
    public void Every_record_field_is_read_by_a_comparison_and_every_field_named_exists()
    {
        var properties = typeof(PatientRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.Name != nameof(PatientRecord.Id))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        var read = ComparisonDefinition.All.SelectMany(d => d.Fields).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(properties.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_blocking_key_part_is_declared_by_exactly_one_comparison_and_constrains_it()
    {
        foreach (var part in Enum.GetValues<BlockingKeyPart>())
        {
            var owners = ComparisonDefinition.All.Where(d => d.BlockingParts.Contains(part)).ToArray();
            var owner = Assert.Single(owners);
            var rule = BlockingRule.Create("one-part", part);
            foreach (var definition in ComparisonDefinition.All)
            {
                // A rule constrains its part's owner and any comparison that reads one of the same fields (a family
                // name rule constrains the combined Name comparison of version 1 models too), and nothing else.
                var sharesField = definition.Fields.Intersect(owner.Fields).Any();
                Assert.Equal(sharesField, rule.Constrains(definition.Kind));
                Assert.True(definition != owner || sharesField);
            }
        }
    }

    [Fact]
    public void Every_blocking_key_part_has_a_key_for_a_complete_record()
    {
        var set = new RecordSet([Everything]);
        foreach (var part in Enum.GetValues<BlockingKeyPart>())
        {
            Assert.NotEqual(0UL, ComparisonCatalog.BlockingKey(part, set, 0));
            Assert.Equal(0UL, ComparisonCatalog.BlockingKey(part, new RecordSet([new PatientRecord { Id = "empty" }]), 0));
        }
    }

    [Fact]
    public void A_complete_record_is_present_in_every_comparison_and_agrees_with_itself_at_the_first_level()
    {
        var set = new RecordSet([Everything, Everything with { Id = "R2" }]);
        foreach (var definition in ComparisonDefinition.All)
        {
            Assert.Equal(new FieldCounts(2, 0, 0, 0), set.GetCounts(definition.Kind));
            Assert.Equal(0, PairComparer.Compare(definition.Kind, set, 0, set, 1));
        }

        var explanation = MatchModel.Default.Explain(set, 0, set, 1);
        Assert.Equal(ComparisonDefinition.All.Where(d => d.IsInDefaultModel).Select(d => d.Kind), explanation.Outcomes.Select(o => o.Comparison));
        Assert.All(explanation.Outcomes, o => Assert.Equal(ComparisonDefinition.Get(o.Comparison).Levels[0].Name, o.LevelName));
    }

    [Fact]
    public void An_empty_record_is_missing_in_every_comparison()
    {
        var set = new RecordSet([new PatientRecord { Id = "empty" }, Everything]);
        foreach (var definition in ComparisonDefinition.All)
        {
            Assert.Equal(1, set.GetCounts(definition.Kind).Missing);
            Assert.Equal(PairComparer.MissingLeft, PairComparer.Compare(definition.Kind, set, 0, set, 1));
        }
    }

    [Fact]
    public void Every_record_field_is_read_from_its_standard_csv_column()
    {
        var header = PatientFieldNames.All.Select(f => f.ToName()).ToArray();
        var mapping = ColumnMapping.Create(header);
        var values = header.Select(name => (string?)("value-of-" + name)).ToArray();
        var record = mapping.ToRecord(values, rowNumber: 1);
        foreach (var field in ComparisonDefinition.All.SelectMany(d => d.Fields))
        {
            Assert.NotNull(typeof(PatientRecord).GetProperty(field)!.GetValue(record));
        }
    }

    [Fact]
    public void The_default_model_makes_every_comparison_with_its_definitions_defaults()
    {
        var model = MatchModel.Default;
        Assert.Equal(ComparisonDefinition.All.Where(d => d.IsInDefaultModel).Select(d => d.Kind), model.Comparisons.Select(c => c.Comparison));

        // Names are compared once: given and family names apart, not also together.
        Assert.Null(model.GetComparison(ComparisonKind.Name));
        foreach (var definition in ComparisonDefinition.All.Where(d => d.IsInDefaultModel))
        {
            var comparison = model.GetComparison(definition.Kind)!;
            Assert.Equal(definition.DefaultModel.Levels, comparison.Levels);
            Assert.Equal(definition.Parameters.Select(p => p.DefaultValue), definition.Parameters.Select(p => comparison.GetParameter(p.Name)));
            for (var level = 0; level < definition.Levels.Count; level++)
            {
                Assert.True(comparison.IsLevelUsed(level));
                Assert.Equal(definition.Levels[level].SupportsTermFrequency, comparison.IsTermFrequencyAdjusted(level));
            }

            // m sums to 1 over the levels (u is allowed the rounding of its sources); no weight is infinite.
            Assert.Equal(1.0, comparison.Levels.Sum(l => l.M), 6);
            Assert.All(comparison.Levels, l => Assert.True(double.IsFinite(l.Weight)));
        }
    }

    [Fact]
    public void Parameters_are_within_their_ranges_and_have_descriptions()
    {
        foreach (var parameter in ComparisonDefinition.All.SelectMany(d => d.Parameters))
        {
            Assert.True(parameter.IsValid(parameter.DefaultValue), parameter.ToString());
            Assert.False(parameter.IsValid(double.NaN));
            Assert.False(string.IsNullOrWhiteSpace(parameter.Description));
        }
    }

    [Fact]
    public void The_level_evidence_the_decision_policy_reads_is_declared_where_the_rule_needs_it()
    {
        static LevelEvidence Of(ComparisonKind kind, Enum level) => ComparisonDefinition.Get(kind).Levels[Convert.ToInt32(level, null)].Evidence;

        Assert.True(Of(ComparisonKind.NhsNumber, NhsNumberLevel.Equal).HasFlag(LevelEvidence.SharesIdentifier));
        Assert.True(Of(ComparisonKind.NhsNumber, NhsNumberLevel.Different).HasFlag(LevelEvidence.Contradicts));
        Assert.True(Of(ComparisonKind.LocalIdentifier, LocalIdentifierLevel.Exact).HasFlag(LevelEvidence.SharesIdentifier));

        // The policy's one hard rule is the NHS number's: no other level contradicts identity (names and dates are
        // weighed, with household u-probabilities, not ruled).
        Assert.Equal(
            [(ComparisonKind.NhsNumber, nameof(NhsNumberLevel.Different))],
            ComparisonDefinition.All.SelectMany(d => d.Levels.Where(l => l.Evidence.HasFlag(LevelEvidence.Contradicts)).Select(l => (d.Kind, l.Name))));

        // Nothing a comparison declares as agreement also contradicts.
        Assert.All(ComparisonDefinition.All.SelectMany(d => d.Levels), l =>
            Assert.False(l.Evidence.HasFlag(LevelEvidence.Agrees) && l.Evidence.HasFlag(LevelEvidence.Contradicts), l.Name));
    }
}
