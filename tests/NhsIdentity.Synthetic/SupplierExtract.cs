namespace NhsIdentity.Synthetic;

/// <summary>
/// Turns a population into one supplier's extract: a subset of the persons (<see cref="ErrorProfile.Coverage"/>),
/// some twice (<see cref="ErrorProfile.DuplicateRate"/>), in shuffled order, each row in the supplier's layout with
/// errors at the profile's rates, and writes or reads extracts and their truth as CSV.
/// </summary>
/// <remarks>
/// Deterministic for a population, dialect, profile and seed. Rows are produced lazily, one at a time; the only
/// state held is the shuffled order (one <see cref="int"/> per row), so a million-person extract can be streamed
/// to a file. Rows are shuffled so that neither a household nor a person's duplicate sits next to its relatives.
/// </remarks>
public static partial class SupplierExtract
{
    /// <summary>The source name of a dialect, as used in file names and truth files.</summary>
    /// <param name="dialect">The dialect.</param>
    /// <returns><c>pas</c> or <c>gp</c>.</returns>
    public static string SourceName(SupplierDialect dialect) => dialect switch
    {
        SupplierDialect.Pas => "pas",
        SupplierDialect.Gp => "gp",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect)),
    };

    /// <summary>Generates an extract with the default error profile.</summary>
    /// <param name="population">The persons (from <see cref="SyntheticPopulation.Generate(int, int)"/>).</param>
    /// <param name="dialect">The supplier layout.</param>
    /// <param name="seed">The seed; use different seeds for different extracts of one population.</param>
    /// <returns>The rows, lazily.</returns>
    public static IEnumerable<SupplierRow> Generate(IReadOnlyList<SyntheticPerson> population, SupplierDialect dialect, int seed) =>
        Generate(population, dialect, ErrorProfile.Default, seed);

    /// <summary>Generates an extract.</summary>
    /// <param name="population">The persons (from <see cref="SyntheticPopulation.Generate(int, int)"/>).</param>
    /// <param name="dialect">The supplier layout.</param>
    /// <param name="profile">Coverage, duplicates and error rates.</param>
    /// <param name="seed">The seed; use different seeds for different extracts of one population.</param>
    /// <returns>The rows, lazily; each enumeration gives the same rows.</returns>
    public static IEnumerable<SupplierRow> Generate(IReadOnlyList<SyntheticPerson> population, SupplierDialect dialect, ErrorProfile profile, int seed)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(profile);
        _ = SourceName(dialect);
        return GenerateCore(population, dialect, profile, seed);
    }

    private static IEnumerable<SupplierRow> GenerateCore(IReadOnlyList<SyntheticPerson> population, SupplierDialect dialect, ErrorProfile profile, int seed)
    {
        var random = new Random(seed);

        // Slot = person index * 2, + 1 for the person's duplicate row.
        var expected = population.Count * Math.Clamp(profile.Coverage, 0, 1) * (1 + Math.Clamp(profile.DuplicateRate, 0, 1)) * 1.02;
        var slots = new List<int>((int)Math.Min(2.0 * population.Count, expected));
        for (var i = 0; i < population.Count; i++)
        {
            if (random.NextDouble() < profile.Coverage)
            {
                slots.Add(i * 2);
                if (random.NextDouble() < profile.DuplicateRate)
                {
                    slots.Add((i * 2) + 1);
                }
            }
        }

        var order = slots.ToArray();
        slots = null;
        random.Shuffle(order);

        var corruptor = new RowCorruptor(random, dialect, profile);
        for (var row = 0; row < order.Length; row++)
        {
            yield return corruptor.MakeRow(population[order[row] >> 1], row, isDuplicate: (order[row] & 1) != 0);
        }
    }
}
