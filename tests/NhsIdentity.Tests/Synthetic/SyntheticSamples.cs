using NhsIdentity.Synthetic;

namespace NhsIdentity.Tests.Synthetic;

/// <summary>Populations shared by the synthetic-data tests, built once (each takes well under a second).</summary>
internal static class SyntheticSamples
{
    private static readonly Lazy<IReadOnlyList<SyntheticPerson>> Households = new(() => SyntheticPopulation.Generate(20_000, 2026));

    /// <summary>20,000 persons, seed 2026: enough for hundreds of twins and namesakes.</summary>
    public static IReadOnlyList<SyntheticPerson> Population => Households.Value;

    public static string WriteExtract(IReadOnlyList<SyntheticPerson> population, SupplierDialect dialect, ErrorProfile profile, int seed)
    {
        using var writer = new StringWriter();
        SupplierExtract.WriteCsv(writer, dialect, SupplierExtract.Generate(population, dialect, profile, seed));
        return writer.ToString();
    }
}
