namespace NhsIdentity.Synthetic;

/// <summary>
/// Generates a deterministic population of invented persons living in households, including the hard negatives a
/// matcher must not link (twins, parent and child with the same full name, spouses, siblings).
/// </summary>
/// <remarks>
/// <para><b>Determinism.</b> The same count and seed (or a <see cref="Random"/> in the same state) give the same
/// persons on every run and machine: everything is drawn from the one caller-supplied source, in order.</para>
/// <para><b>Households</b> (shares of households, not persons): 28% one adult; 22% a couple; 32% a couple with one to
/// three children; 10% one parent with children; 8% two adult siblings. Twins are over-represented on purpose
/// (a fifth of families with two or more children, against about 1.5% of real maternities) so that small test
/// populations hold enough of them; in 12% of couples with children the first child of a parent's sex is that
/// parent's namesake. The last household is cut short to one adult when it would not fit in the count. These are
/// <see cref="HouseholdMix.Default"/>'s shares; <see cref="Generate(int, int, HouseholdMix)"/> takes others
/// (<see cref="ErrorProfile.SupplierHard"/> and <see cref="ErrorProfile.CensusNoisy"/> name theirs).</para>
/// <para><b>NHS numbers</b> are unique within a population and drawn with <see cref="NhsNumberGenerator"/>: from the
/// 999 test range for the first 600,000 persons (the range holds 909,090 valid numbers, so redraws stay cheap),
/// then from the 900–998 synthetic range, which is not issued to patients either.</para>
/// </remarks>
public static class SyntheticPopulation
{
    /// <summary>The largest population: hospital numbers (<c>RX1</c> or <c>RX3</c> + 7 digits; <c>RX2</c> is the duplicates' series) must stay unique.</summary>
    public const int MaxCount = 20_000_000;

    /// <summary>How many persons take a 999 test-range NHS number before the synthetic range is used.</summary>
    public const int TestRangeCapacity = 600_000;

    /// <summary>Generates <paramref name="count"/> persons from a seed.</summary>
    /// <param name="count">How many persons (0 to <see cref="MaxCount"/>).</param>
    /// <param name="seed">The seed; the same seed gives the same population.</param>
    /// <returns>The persons, <see cref="SyntheticPerson.PersonId"/> equal to the index, households contiguous.</returns>
    public static IReadOnlyList<SyntheticPerson> Generate(int count, int seed) => Generate(count, new Random(seed));

    /// <summary>Generates <paramref name="count"/> persons from a seed with a chosen household mix.</summary>
    /// <param name="count">How many persons (0 to <see cref="MaxCount"/>).</param>
    /// <param name="seed">The seed; the same seed and mix give the same population.</param>
    /// <param name="mix">The households and their hard negatives (<see cref="HouseholdMix.Default"/> gives <see cref="Generate(int, int)"/>).</param>
    /// <returns>The persons, <see cref="SyntheticPerson.PersonId"/> equal to the index, households contiguous.</returns>
    public static IReadOnlyList<SyntheticPerson> Generate(int count, int seed, HouseholdMix mix)
    {
        ArgumentNullException.ThrowIfNull(mix);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        var persons = new List<SyntheticPerson>(count);
        persons.AddRange(EnumerateCore(count, new Random(seed), TestRangeCapacity, mix));
        return persons;
    }

    /// <summary>Generates <paramref name="count"/> persons drawing from <paramref name="random"/>.</summary>
    /// <param name="count">How many persons (0 to <see cref="MaxCount"/>).</param>
    /// <param name="random">The random source.</param>
    /// <returns>The persons, <see cref="SyntheticPerson.PersonId"/> equal to the index, households contiguous.</returns>
    public static IReadOnlyList<SyntheticPerson> Generate(int count, Random random)
    {
        var persons = new List<SyntheticPerson>(count);
        persons.AddRange(Enumerate(count, random));
        return persons;
    }

    /// <summary>
    /// Streams <paramref name="count"/> persons without keeping them: the same persons, in the same order, as
    /// <see cref="Generate(int, Random)"/> with a <see cref="Random"/> in the same state.
    /// </summary>
    /// <param name="count">How many persons (0 to <see cref="MaxCount"/>).</param>
    /// <param name="random">The random source; enumerate once.</param>
    /// <returns>The persons in order.</returns>
    public static IEnumerable<SyntheticPerson> Enumerate(int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        ArgumentNullException.ThrowIfNull(random);
        return EnumerateCore(count, random, TestRangeCapacity);
    }

    /// <summary>As <see cref="Enumerate"/>, with the switch to the synthetic range moved (so tests need not generate 600,000 persons).</summary>
    internal static IEnumerable<SyntheticPerson> EnumerateCore(int count, Random random, int testRangeCapacity) =>
        EnumerateCore(count, random, testRangeCapacity, HouseholdMix.Default);

    /// <summary>As <see cref="EnumerateCore(int, Random, int)"/> with a chosen household mix.</summary>
    internal static IEnumerable<SyntheticPerson> EnumerateCore(int count, Random random, int testRangeCapacity, HouseholdMix mix)
    {
        var builder = new HouseholdBuilder(random, count, testRangeCapacity, mix);
        var household = new List<SyntheticPerson>(6);
        while (builder.NextPersonId < count)
        {
            household.Clear();
            builder.AddHousehold(household, count - builder.NextPersonId);
            foreach (var person in household)
            {
                yield return person;
            }
        }
    }
}
