using NhsIdentity.Synthetic;

namespace NhsIdentity.Tests.Synthetic;

public sealed class DeterminismTests
{
    [Theory]
    [InlineData(SupplierDialect.Pas)]
    [InlineData(SupplierDialect.Gp)]
    public void Same_seeds_give_identical_extracts(SupplierDialect dialect)
    {
        var first = SyntheticSamples.WriteExtract(SyntheticPopulation.Generate(3_000, 11), dialect, ErrorProfile.Default, 5);
        var second = SyntheticSamples.WriteExtract(SyntheticPopulation.Generate(3_000, 11), dialect, ErrorProfile.Default, 5);

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_different_population_seed_gives_different_persons()
    {
        var first = SyntheticPopulation.Generate(500, 11);
        var second = SyntheticPopulation.Generate(500, 12);

        var same = 0;
        for (var i = 0; i < first.Count; i++)
        {
            same += first[i].NhsNumber == second[i].NhsNumber ? 1 : 0;
        }

        Assert.True(same < 5, same + " of 500 persons share their NHS number across seeds.");
        Assert.NotEqual(
            SyntheticSamples.WriteExtract(first, SupplierDialect.Gp, ErrorProfile.None, 1),
            SyntheticSamples.WriteExtract(second, SupplierDialect.Gp, ErrorProfile.None, 1));
    }

    [Fact]
    public void A_different_extract_seed_gives_a_different_extract_of_the_same_population()
    {
        var population = SyntheticPopulation.Generate(1_000, 11);

        Assert.NotEqual(
            SyntheticSamples.WriteExtract(population, SupplierDialect.Pas, ErrorProfile.Default, 1),
            SyntheticSamples.WriteExtract(population, SupplierDialect.Pas, ErrorProfile.Default, 2));
    }

    [Fact]
    public void Streaming_gives_the_same_persons_as_generating_a_list()
    {
        var listed = SyntheticPopulation.Generate(2_000, 99);
        var streamed = SyntheticPopulation.Enumerate(2_000, new Random(99)).ToList();

        Assert.Equal(listed.Count, streamed.Count);
        for (var i = 0; i < listed.Count; i++)
        {
            Assert.Equal(
                (listed[i].NhsNumber, listed[i].GivenNames, listed[i].FamilyName, listed[i].DateOfBirth, listed[i].Address),
                (streamed[i].NhsNumber, streamed[i].GivenNames, streamed[i].FamilyName, streamed[i].DateOfBirth, streamed[i].Address));
        }
    }

    [Fact]
    public void Each_enumeration_of_an_extract_gives_the_same_rows()
    {
        var rows = SupplierExtract.Generate(SyntheticPopulation.Generate(500, 3), SupplierDialect.Gp, ErrorProfile.Default, 4);

        Assert.Equal(rows.Select(r => string.Join('|', r.GetFields())), rows.Select(r => string.Join('|', r.GetFields())));
    }

    [Fact]
    public void The_committed_samples_are_what_the_documented_command_writes()
    {
        // samples/data/README.md: dotnet run --project tests/NhsIdentity.Synthetic -c Release -- --persons 2000 --seed 42 --out samples/data
        var population = SyntheticPopulation.Generate(2_000, 42);
        using var pas = new StringWriter();
        using var gp = new StringWriter();
        using var truth = new StringWriter();
        SupplierExtract.WriteCsv(pas, SupplierDialect.Pas, SupplierExtract.Generate(population, SupplierDialect.Pas, ErrorProfile.Default, 43), truth);
        SupplierExtract.WriteCsv(gp, SupplierDialect.Gp, SupplierExtract.Generate(population, SupplierDialect.Gp, ErrorProfile.Default, 44), truth, writeTruthHeader: false);

        Assert.Equal(Committed("pas.csv"), pas.ToString());
        Assert.Equal(Committed("gp.csv"), gp.ToString());
        Assert.Equal(Committed("truth.csv"), truth.ToString());
    }

    // A checkout with core.autocrlf may have turned the \n line ends into \r\n; the content is what matters.
    private static string Committed(string file) =>
        File.ReadAllText(TestHelpers.RepositoryRoot.Combine("samples", "data", file)).Replace("\r\n", "\n", StringComparison.Ordinal);
}
