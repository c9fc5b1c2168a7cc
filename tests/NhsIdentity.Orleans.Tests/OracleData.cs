using NhsIdentity.Matching;
using NhsIdentity.Synthetic;

namespace NhsIdentity.Orleans.Tests;

/// <summary>
/// The oracle's synthetic people (999-range NHS numbers, names and postcodes drawn from public frequency tables, with
/// households, duplicates and clerical errors from the repository's generator): a PAS extract to index, and queries
/// that are the same people as a GP system holds them (other errors), some PAS rows themselves, and people the index
/// has never seen.
/// </summary>
internal static class OracleData
{
    private const int People = 6_000;

    /// <summary>The indexed records: one PAS extract of <see cref="People"/> people (with its duplicates).</summary>
    public static PatientRecord[] Records { get; } = [.. SupplierExtract
        .Generate(SyntheticPopulation.Generate(People, 17), SupplierDialect.Pas, 18)
        .Select(row => row.ToPatientRecord())];

    /// <summary>The whole index's term frequencies, as every bucket applies them.</summary>
    public static TermFrequencyTable TermFrequencies { get; } = TermFrequencyTable.Measure(new RecordSet(Records));

    /// <summary>People the indexed extract never saw (another population): new records for write tests, and queries
    /// whose matches are coincidences.</summary>
    public static PatientRecord[] Strangers { get; } = [.. SupplierExtract
        .Generate(SyntheticPopulation.Generate(2_000, 23), SupplierDialect.Pas, 24)
        .Select(row => row.ToPatientRecord())];

    /// <summary><paramref name="count"/> queries: about 70% the same people from a GP extract, 15% indexed rows
    /// themselves, 15% strangers (another population, so their matches are coincidences of name, date or postcode).</summary>
    public static PatientRecord[] Queries(int count)
    {
        var gp = SupplierExtract.Generate(SyntheticPopulation.Generate(People, 17), SupplierDialect.Gp, 19)
            .Select(row => row.ToPatientRecord()).ToArray();
        var strangers = Strangers;
        var random = new Random(29);
        var queries = new PatientRecord[count];
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(100);
            queries[i] = pick < 70 ? gp[random.Next(gp.Length)]
                : pick < 85 ? Records[random.Next(Records.Length)]
                : strangers[random.Next(strangers.Length)];
        }

        return queries;
    }

    /// <summary>A single-node index over <see cref="Records"/> with its own term frequencies: the oracle.</summary>
    public static PatientIndex SingleNode(PatientIndexOptions options)
    {
        var index = new PatientIndex(MatchModel.Default, options);
        foreach (var record in Records)
        {
            index.AddOrUpdate(record);
        }

        index.RefreshTermFrequencies();
        return index;
    }
}
