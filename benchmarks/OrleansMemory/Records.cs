using NhsIdentity.Matching;
using NhsIdentity.Synthetic;

namespace NhsIdentity.OrleansMemory;

/// <summary>The records and queries every mode uses: the PAS extract of a synthetic population (seed 17, as
/// benchmarks/OrleansLookup) large enough to give the records asked for, and GP rows of the same people as queries.</summary>
internal sealed class Records
{
    private Records(IReadOnlyList<SyntheticPerson> people, int count)
    {
        People = people;
        Count = count;
    }

    /// <summary>The people (held for the whole run, so a measurement's baseline already contains them).</summary>
    public IReadOnlyList<SyntheticPerson> People { get; }

    public int Count { get; }

    public static Records Generate(int count)
    {
        // The PAS extract covers about 80% of people (with some duplicate rows): 1.3 people a record is enough.
        var people = SyntheticPopulation.Generate((int)Math.Max(1_000, count * 1.3), 17);
        return new Records(people, count);
    }

    /// <summary>The records, lazily (each enumeration gives the same ones).</summary>
    public IEnumerable<PatientRecord> Enumerate() =>
        SupplierExtract.Generate(People, SupplierDialect.Pas, 18).Take(Count).Select(row => row.ToPatientRecord());

    /// <summary>Lookups: GP rows of the same people, drawn with a fixed seed.</summary>
    public PatientRecord[] Queries(int count)
    {
        var gp = SupplierExtract.Generate(People, SupplierDialect.Gp, 19).Take(Math.Max(count * 20, 10_000)).Select(row => row.ToPatientRecord()).ToArray();
        var random = new Random(29);
        return [.. Enumerable.Range(0, count).Select(_ => gp[random.Next(gp.Length)])];
    }
}
