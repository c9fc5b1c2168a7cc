using System.Globalization;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Matching;

/// <summary>
/// The u-probabilities of two comparisons' levels together, among different people of one household: how often two
/// members of one household reach each pair of levels at once.
/// </summary>
/// <remarks>
/// <para>Within a household the levels of some comparisons are far from independent. Twins share a date of birth
/// but never a given name; a son named after his father shares the given name but never the date of birth. Each is
/// common alone, so the household u of each level (<see cref="ComparisonLevelModel.HouseholdU"/>) is high, yet the
/// two together almost never happen between two people. (Equal on both, a pair is not weighed as a household at all.)
/// Multiplying the two would say that a date of birth equal with a given name one letter apart, or a nickname, is as
/// likely between twins as the product of the two; a model with this table weighs such a pair in a household context
/// by how often the two levels occur together there, as training measured it.</para>
/// <para>The table's u are absolute: for a pair with both levels present they replace the product of the two
/// comparisons' household u (a comparison replaced by <see cref="MatchModel.WithComparison"/> with other household u
/// moves weight between the two outcomes but not their sum; drop the table with
/// <see cref="MatchModel.WithJointHouseholdU"/> to weigh them apart).</para>
/// <para>The weight of the pair of levels is <c>log2(m₁ · m₂ / u₁₂)</c> with each m from its comparison; the
/// explanation shows the first comparison's household weight as usual and puts the rest on the second comparison's
/// outcome. Learned by training (see <see cref="Training.ModelTrainer"/>); null on models that have none.</para>
/// </remarks>
public sealed class JointHouseholdU
{
    private readonly double[] _u;

    /// <summary>Initializes the table.</summary>
    /// <param name="first">The first comparison (it must come before <paramref name="second"/> in
    /// <see cref="ComparisonKind"/> order).</param>
    /// <param name="second">The second comparison.</param>
    /// <param name="firstLevels">The number of levels of the first comparison (1 to 13).</param>
    /// <param name="secondLevels">The number of levels of the second comparison (1 to 13).</param>
    /// <param name="u">The u-probabilities, row by row: <paramref name="secondLevels"/> values for the first
    /// comparison's level 0, then for its level 1, and so on; each greater than 0 and at most 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="u"/> is null.</exception>
    /// <exception cref="ArgumentException">The comparisons are not in order, a level count is out of range, or
    /// <paramref name="u"/> has the wrong number of values or a value out of range.</exception>
    public JointHouseholdU(ComparisonKind first, ComparisonKind second, int firstLevels, int secondLevels, IEnumerable<double> u)
    {
        ArgumentNullException.ThrowIfNull(u);
        if (first >= second)
        {
            throw new ArgumentException("The first comparison must come before the second in ComparisonKind order.", nameof(second));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(firstLevels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstLevels, ComparisonCatalog.MaxLevels);
        ArgumentOutOfRangeException.ThrowIfLessThan(secondLevels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(secondLevels, ComparisonCatalog.MaxLevels);
        _u = [.. u];
        if (_u.Length != firstLevels * secondLevels)
        {
            throw new ArgumentException($"Expected {firstLevels * secondLevels} values ({firstLevels} × {secondLevels}), got {_u.Length}.", nameof(u));
        }

        foreach (var value in _u)
        {
            if (!(value > 0 && value <= 1))
            {
                throw new ArgumentException("Every u-probability must be greater than 0 and at most 1.", nameof(u));
            }
        }

        First = first;
        Second = second;
        FirstLevels = firstLevels;
        SecondLevels = secondLevels;
    }

    /// <summary>Gets the first comparison.</summary>
    public ComparisonKind First { get; }

    /// <summary>Gets the second comparison.</summary>
    public ComparisonKind Second { get; }

    /// <summary>Gets the number of levels of the first comparison.</summary>
    public int FirstLevels { get; }

    /// <summary>Gets the number of levels of the second comparison.</summary>
    public int SecondLevels { get; }

    /// <summary>Gets the u-probability of one level of each comparison together.</summary>
    /// <param name="firstLevel">The first comparison's level.</param>
    /// <param name="secondLevel">The second comparison's level.</param>
    /// <returns>The u-probability.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A level is out of range.</exception>
    public double this[int firstLevel, int secondLevel]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)firstLevel, (uint)FirstLevels, nameof(firstLevel));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)secondLevel, (uint)SecondLevels, nameof(secondLevel));
            return _u[(firstLevel * SecondLevels) + secondLevel];
        }
    }

    /// <summary>Describes the table (comparisons and size; no values).</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"JointHouseholdU({First} × {Second}, {FirstLevels} × {SecondLevels} levels)");
}
