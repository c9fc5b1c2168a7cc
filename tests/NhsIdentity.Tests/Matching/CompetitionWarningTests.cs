using NhsIdentity.Matching;

namespace NhsIdentity.Tests.Matching;

/// <summary>A model whose competition levels are out of order loads (it is valid) but says so.</summary>
public sealed class CompetitionWarningTests
{
    [Theory]
    [InlineData(0.8, 0.1, 0.15, 0.1, 0.05, 0.8, false)] // unrivalled > best > outranked
    [InlineData(0.5, 0.5, 0.3, 0.3, 0.2, 0.2, false)] // all equal: in order
    [InlineData(0.05, 0.8, 0.15, 0.1, 0.8, 0.1, true)] // reversed
    [InlineData(0.5, 0.5, 0.4, 0.1, 0.1, 0.4, true)] // best of rivals above unrivalled
    [InlineData(0.8, 0.1, 0.1, 0.4, 0.1, 0.5, false)] // best of rivals (ratio 0.25) above outranked (0.2): in order
    [InlineData(0.8, 0.1, 0.1, 0.5, 0.1, 0.4, true)] // outranked (0.25) above best of rivals (0.2)
    public void Competition_levels_out_of_order_are_a_warning(double mU, double uU, double mB, double uB, double mO, double uO, bool warned)
    {
        var model = MatchModel.Default.WithCompetition(new CompetitionModel(0.5, new(mU, uU), new(mB, uB), new(mO, uO)));

        Assert.Equal(warned, model.Warnings.HasFlag(MatchModelWarnings.CompetitionOutOfOrder));
        Assert.False(MatchModel.Default.Warnings.HasFlag(MatchModelWarnings.CompetitionOutOfOrder));
    }
}
