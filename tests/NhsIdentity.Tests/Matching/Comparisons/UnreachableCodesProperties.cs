using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Matching;
using NhsIdentity.Matching.Comparisons;
using NhsIdentity.Tests.Matching.Linking;

namespace NhsIdentity.Tests.Matching.Comparisons;

/// <summary>
/// <see cref="IComparisonDefinition.UnreachableCodes"/> never names a code the comparison returns: for every pair of
/// records whose values are present on both sides, with the default model's settings and with settings that leave
/// levels out, the code <see cref="IComparisonDefinition.Compare"/> gives is reachable. The records include swapped
/// names, equal names, initials and nickname pairs, so every level that a mask can exclude is also met where it is
/// reachable. Bounded scoring is only exact while this holds.
/// </summary>
public sealed class UnreachableCodesProperties
{
    private static Arbitrary<(int Seed, int People)> Sets =>
        Arb.From(from seed in Gen.Choose(0, int.MaxValue) from people in Gen.Choose(5, 40) select (seed, people));

    [Property(MaxTest = 60)]
    public Property No_comparison_returns_a_code_it_calls_unreachable() =>
        Prop.ForAll(Sets, input =>
        {
            var random = new Random(input.Seed);
            var records = LinkingPeople.Population(input.Seed, input.People, 0.5, tight: true);

            // Swapped names, and one initial for a given name, for some of the people.
            foreach (var record in records.Take(input.People / 2).ToList())
            {
                records.Add(record with { Id = record.Id + "s", GivenNames = record.FamilyName, FamilyName = record.GivenNames });
                records.Add(record with { Id = record.Id + "i", GivenNames = record.GivenNames?[..1] });
            }

            var set = new RecordSet(records);
            foreach (var settings in new[] { MatchModel.Default, Thinned(MatchModel.Default, random) })
            {
                for (var i = 0; i < set.Count; i++)
                {
                    for (var j = 0; j < set.Count; j++)
                    {
                        if (Unreached<GivenNameComparison>(settings, set, i, j) is { } given)
                        {
                            return false.Label($"given name, pair ({i}, {j}): code {given}");
                        }

                        if (Unreached<FamilyNameComparison>(settings, set, i, j) is { } family)
                        {
                            return false.Label($"family name, pair ({i}, {j}): code {family}");
                        }

                        if (Unreached<AddressComparison>(settings, set, i, j) is { } address)
                        {
                            return false.Label($"address, pair ({i}, {j}): code {address}");
                        }
                    }
                }
            }

            return true.ToProperty();
        });

    [Fact]
    public void The_name_masks_exclude_the_heaviest_levels_for_strangers()
    {
        // The masks would be trivially safe if they named nothing; this shows they name what the bound gains from.
        var set = new RecordSet([MatchingSamples.Alice, MatchingSamples.Stranger]);
        ref readonly var alice = ref set.Row(0);
        ref readonly var stranger = ref set.Row(1);
        var given = GivenNameComparison.UnreachableCodes(in alice, in stranger);
        var family = FamilyNameComparison.UnreachableCodes(in alice, in stranger);

        Assert.NotEqual(0u, given & (1u << (int)GivenNameLevel.Exact));
        Assert.NotEqual(0u, given & (1u << (int)GivenNameLevel.Swapped));
        Assert.NotEqual(0u, family & (1u << (int)FamilyNameLevel.Exact));
        Assert.NotEqual(0u, family & (1u << ComparisonCatalog.MissingBoth));
        Assert.Equal(0u, GivenNameComparison.UnreachableCodes(in alice, in alice) & (1u << (int)GivenNameLevel.Exact));
    }

    /// <summary>The code the comparison returns for the pair when the mask calls it unreachable; null when it does not
    /// (or a value is missing, where the code comes from presence and no mask is asked).</summary>
    private static int? Unreached<T>(MatchModel model, RecordSet set, int i, int j)
        where T : struct, IComparisonDefinition
    {
        ref readonly var ra = ref set.Row(i);
        ref readonly var rb = ref set.Row(j);
        if (ComparisonCatalog.Missing((int)T.Kind, ra.Present, rb.Present) != 0 || model.GetComparison(T.Kind) is null)
        {
            return null;
        }

        var code = model.Level(T.Kind, set, i, set, j);
        return (T.UnreachableCodes(in ra, in rb) & (1u << code)) != 0 ? code : null;
    }

    /// <summary>The model with some levels of each name comparison left out (the settings' Uses), as a trained model
    /// may have them.</summary>
    private static MatchModel Thinned(MatchModel model, Random random)
    {
        var comparisons = model.Comparisons.Select(comparison =>
        {
            if (comparison.Comparison is not (ComparisonKind.GivenName or ComparisonKind.FamilyName))
            {
                return comparison;
            }

            // Leave out about a third of the levels (never the last; always keeping two in use).
            for (var level = 0; level < comparison.Levels.Count - 1; level++)
            {
                var used = Enumerable.Range(0, comparison.Levels.Count).Count(comparison.IsLevelUsed);
                if (random.Next(3) == 0 && used > 2 && comparison.IsLevelUsed(level))
                {
                    comparison = comparison.WithoutLevel(level);
                }
            }

            return comparison;
        });
        return new MatchModel(model.PriorMatchProbability, comparisons, model.Policy, model.TermFrequencyFloor, model.JointHouseholdU);
    }
}
