using NhsIdentity.Matching;
using NhsIdentity.Matching.Comparisons;
using Xunit.Abstractions;

namespace NhsIdentity.Tests.Matching.Training;

/// <summary>
/// The given-name comparison's swap level (given and family names transposed) stands for both names, since the
/// family-name comparison is not made then: training may weigh it above an exact given name alone, and does when the
/// data shows swaps (census-style extracts, 2% of rows swapped).
/// </summary>
public sealed class SwappedNamesTrainingTests(ITestOutputHelper output)
{
    [Fact]
    public void A_swap_learned_from_the_data_outweighs_an_exact_given_name_and_is_not_cut_to_it()
    {
        var trained = CensusStyleExtracts.Trained;

        var given = trained.Model.Comparisons.Single(c => c.Comparison == ComparisonKind.GivenName);
        var (swapped, exact) = (given.Levels[(int)GivenNameLevel.Swapped].Weight, given.Levels[(int)GivenNameLevel.Exact].Weight);
        output.WriteLine($"given name: swapped {swapped:F2} bits, exact {exact:F2} bits");
        Assert.True(swapped > exact, $"swapped {swapped:F2} bits, exact {exact:F2} bits");
        Assert.DoesNotContain(trained.Adjustments, a => a.Comparison == ComparisonKind.GivenName && a.Level == (int)GivenNameLevel.Swapped);
        Assert.Empty(TrainedOrder.Violations(trained.Model));
    }
}
