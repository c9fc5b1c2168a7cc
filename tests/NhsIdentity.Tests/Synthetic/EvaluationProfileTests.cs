using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Demographics;
using NhsIdentity.Synthetic;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Tests.Synthetic;

/// <summary>The profiles of issue 13 (<see cref="ErrorProfile.SupplierHard"/>, <see cref="ErrorProfile.CensusNoisy"/>), their households and truth.</summary>
public sealed class EvaluationProfileTests
{
    public static TheoryData<string> ProfileNames() => [.. ErrorProfile.Names];

    [Fact]
    public void The_default_profile_writes_what_it_wrote_before_the_new_error_types()
    {
        // SHA-256 of pas.csv, gp.csv and truth.csv written by `--persons 2000 --seed 7` at commit 4b263de, before
        // issue 13 (the committed samples pin seed 42 the same way; this pins a second seed).
        var (pas, gp, truth) = WriteAll(ErrorProfile.Default, 2_000, 7);

        Assert.Equal("4f5dd2ba2b4115091ce4048d7cf104f15f62418b46bf7676de207034aaeaed21", Sha256(pas));
        Assert.Equal("4709977516445923d981b8ada9ea68816a73a013b094f8b32cae9d12894542a2", Sha256(gp));
        Assert.Equal("e62b6a1f78ec6a71127ad78198d76f16ec1b73554fb52ed0b6f5ed4dc891a05c", Sha256(truth));
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void Each_profile_is_deterministic_per_seed(string name)
    {
        Assert.True(ErrorProfile.TryFromName(name, out var profile));

        var first = WriteAll(profile, 1_500, 5);
        var again = WriteAll(profile, 1_500, 5);
        var other = WriteAll(profile, 1_500, 6);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Pas, other.Pas);
        Assert.NotEqual(first.Gp, other.Gp);
    }

    [Fact]
    public void Profiles_differ_from_each_other_and_unknown_names_are_refused()
    {
        var written = ErrorProfile.Names.Select(n => ErrorProfile.TryFromName(n, out var p) ? WriteAll(p, 500, 3).Pas : null).ToList();

        Assert.Equal(written.Count, written.Distinct().Count());
        Assert.False(ErrorProfile.TryFromName("noisy", out _));
        Assert.True(ErrorProfile.TryFromName("Census-Noisy", out var census));
        Assert.Same(ErrorProfile.CensusNoisy, census);
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void Truth_names_the_person_each_row_was_made_from(string name)
    {
        Assert.True(ErrorProfile.TryFromName(name, out var profile));
        var population = SyntheticPopulation.Generate(2_000, 17, profile.Households);
        foreach (var (dialect, seed) in new[] { (SupplierDialect.Pas, 18), (SupplierDialect.Gp, 19) })
        {
            var rows = SupplierExtract.Generate(population, dialect, profile, seed).ToList();
            using var truthText = new StringWriter();
            SupplierExtract.WriteTruthCsv(truthText, rows);
            var truth = SupplierExtract.ReadTruthCsv(new StringReader(truthText.ToString())).ToList();

            Assert.Equal(rows.Count, truth.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var person = population[truth[i].PersonId];
                Assert.Equal(rows[i].Id, truth[i].Id);
                if (rows[i].NhsNumber.Length != 0)
                {
                    Assert.Equal(person.NhsNumber, NhsNumber.Parse(rows[i].NhsNumber));
                }

                // The year survives every date error but a wrong digit; a full or partial date names the person's year.
                if (rows[i].DateOfBirth.Length != 0 && (rows[i].Errors & (RecordErrors.DateOfBirthDigit | RecordErrors.DayMonthSwap)) == 0)
                {
                    Assert.Contains(person.DateOfBirth.Year.ToString(CultureInfo.InvariantCulture), rows[i].DateOfBirth, StringComparison.Ordinal);
                }
            }

            // One person_id per person: a person's rows (a duplicate at most) share it, different persons never do.
            Assert.All(truth.GroupBy(t => t.PersonId), g => Assert.InRange(g.Count(), 1, 2));
            Assert.Equal(truth.Count, truth.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void The_census_profile_has_no_NHS_numbers_and_many_dates_of_birth_short_of_a_full_date()
    {
        var population = SyntheticPopulation.Generate(3_000, 23, ErrorProfile.CensusNoisy.Households);
        var rows = SupplierExtract.Generate(population, SupplierDialect.Gp, ErrorProfile.CensusNoisy, 24).ToList();
        var notFull = rows.Count(r => !DateOnly.TryParseExact(r.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

        Assert.All(rows, r => Assert.Empty(r.NhsNumber));
        Assert.All(rows, r => Assert.Empty(r.LocalIdentifier));
        // Partial 0.30 and missing 0.10 (plus missing fields): about 37% to 38% of rows; four standard deviations.
        var share = notFull / (double)rows.Count;
        Assert.InRange(share, 0.37 - (4 * Math.Sqrt(0.37 * 0.63 / rows.Count)), 0.39 + (4 * Math.Sqrt(0.39 * 0.61 / rows.Count)));
        Assert.InRange(rows.Count(r => r.Errors.HasFlag(RecordErrors.OcrNoise)) / (double)rows.Count, 0.21, 0.29);
    }

    [Theory]
    [MemberData(nameof(ProfileNames))]
    public void Households_come_in_the_mix_the_profile_names(string name)
    {
        Assert.True(ErrorProfile.TryFromName(name, out var profile));
        var mix = profile.Households;
        var households = SyntheticPopulation.Generate(20_000, 29, mix).GroupBy(p => p.HouseholdId).ToList();

        double Share(Func<IGrouping<int, SyntheticPerson>, bool> kind) => households.Count(kind) / (double)households.Count;
        static bool Has(IEnumerable<SyntheticPerson> members, Relationship relationship) => members.Any(p => p.Relationship == relationship);
        var tolerance = 4 * Math.Sqrt(0.25 / households.Count);

        Assert.InRange(Share(g => g.Count() == 1), mix.LivesAlone - tolerance, mix.LivesAlone + tolerance);
        Assert.InRange(Share(g => Has(g, Relationship.Spouse) && g.Count() == 2), mix.Couple - tolerance, mix.Couple + tolerance);
        Assert.InRange(Share(g => Has(g, Relationship.Spouse) && g.Count() > 2), mix.CoupleWithChildren - tolerance, mix.CoupleWithChildren + tolerance);
        Assert.InRange(Share(g => !Has(g, Relationship.Spouse) && !Has(g, Relationship.Sibling) && g.Count() > 1), mix.LoneParent - tolerance, mix.LoneParent + tolerance);
    }

    [Fact]
    public void The_hard_mix_makes_the_look_alikes_it_promises()
    {
        var population = SyntheticPopulation.Generate(20_000, 31, ErrorProfile.SupplierHard.Households);
        var twins = population.Where(p => p.Relationship == Relationship.Twin && p.RelatedPersonId > p.PersonId)
            .Select(p => (First: p, Second: population[p.RelatedPersonId])).ToList();
        var oppositeSexSimilar = twins.Count(t => t.First.Sex != t.Second.Sex && t.First.GivenName[0] == t.Second.GivenName[0]
            && Levenshtein.Distance(t.First.GivenName, t.Second.GivenName) <= 2);
        var sameInitial = twins.Count(t => t.First.GivenName[0] == t.Second.GivenName[0]);
        var juniors = population.Where(p => p.Relationship == Relationship.Namesake).ToList();
        var elsewhere = population.Where(p => p.Relationship == Relationship.NamesakeElsewhere).ToList();

        Assert.True(oppositeSexSimilar > 10, oppositeSexSimilar + " opposite-sex twins with similar names (John and Joan)");
        Assert.True(sameInitial > twins.Count / 3, sameInitial + " of " + twins.Count + " twin pairs share an initial");
        Assert.Contains(juniors, j => j.Sex == Sex.Male);
        Assert.Contains(juniors, j => j.Sex == Sex.Female);
        Assert.True(elsewhere.Count > 50, elsewhere.Count + " namesakes elsewhere");
        foreach (var namesake in elsewhere)
        {
            var original = population[namesake.RelatedPersonId];
            Assert.Equal((original.GivenName, original.FamilyName, original.Sex, original.DateOfBirth.Year), (namesake.GivenName, namesake.FamilyName, namesake.Sex, namesake.DateOfBirth.Year));
            Assert.NotEqual(original.HouseholdId, namesake.HouseholdId);
            Assert.NotEqual(original.NhsNumber, namesake.NhsNumber);
            Assert.True(original.PersonId < namesake.PersonId);
        }
    }

    [Property(MaxTest = 20)]
    public Property Any_seed_of_the_hard_mixes_keeps_relationships_consistent() =>
        Prop.ForAll(Arb.From(Gen.Choose(int.MinValue, int.MaxValue)), ArbMap.Default.ArbFor<bool>(), (seed, census) =>
        {
            var population = SyntheticPopulation.Generate(400, seed, census ? ErrorProfile.CensusNoisy.Households : ErrorProfile.SupplierHard.Households);
            return population.All(person =>
            {
                var related = person.RelatedPersonId >= 0 ? population[person.RelatedPersonId] : null;
                return person.Relationship switch
                {
                    Relationship.Twin => related!.DateOfBirth == person.DateOfBirth && related.GivenName != person.GivenName && related.HouseholdId == person.HouseholdId,
                    Relationship.Namesake => related!.GivenNames == person.GivenNames && related.HouseholdId == person.HouseholdId,
                    Relationship.NamesakeElsewhere => related!.GivenName == person.GivenName && related.FamilyName == person.FamilyName && related.HouseholdId != person.HouseholdId,
                    Relationship.LivesAlone or Relationship.HouseholdHead => related is null,
                    _ => related is not null && related.HouseholdId == person.HouseholdId,
                };
            }) && population.Select(p => p.NhsNumber).Distinct().Count() == population.Count;
        });

    [Fact]
    public void Hard_negatives_include_namesakes_elsewhere_in_both_directions()
    {
        var population = SyntheticPopulation.Generate(5_000, 37, ErrorProfile.SupplierHard.Households);
        var rows = SupplierExtract.Generate(population, SupplierDialect.Gp, ErrorProfile.None, 38).ToList();

        var pairs = ExtractTruth.HardNegatives(population, rows, rows).Where(p => p.Relationship == Relationship.NamesakeElsewhere).ToList();

        Assert.NotEmpty(pairs);
        Assert.Equal(pairs.Count, pairs.Select(p => (p.Right.PersonId, p.Left.PersonId)).Intersect(pairs.Select(p => (p.Left.PersonId, p.Right.PersonId))).Count());
    }

    [Fact]
    public void The_false_link_report_counts_household_members_apart_from_strangers()
    {
        var population = SyntheticPopulation.Generate(5_000, 41, ErrorProfile.SupplierHard.Households);
        var twin = population.First(p => p.Relationship == Relationship.Twin);
        var junior = population.First(p => p.Relationship == Relationship.Namesake);
        var elsewhere = population.First(p => p.Relationship == Relationship.NamesakeElsewhere);
        var stranger = population.First(p => p.HouseholdId != twin.HouseholdId && p.FamilyName != twin.FamilyName && p.Address != twin.Address);
        var truth = new[] { twin, population[twin.RelatedPersonId], junior, population[junior.RelatedPersonId], elsewhere, population[elsewhere.RelatedPersonId], stranger }
            .SelectMany(p => new[] { new TruthRow("pas", "P" + p.PersonId, p.PersonId), new TruthRow("gp", "G" + p.PersonId, p.PersonId) })
            .ToList();
        (string, string) Link(SyntheticPerson a, SyntheticPerson b) => ("P" + a.PersonId, "G" + b.PersonId);

        var counts = FalseLinkReport.Count(population, truth, [
            Link(twin, twin), Link(twin, population[twin.RelatedPersonId]), Link(population[junior.RelatedPersonId], junior),
            Link(elsewhere, population[elsewhere.RelatedPersonId]), Link(twin, stranger), ("P" + twin.PersonId, "nobody"),
        ]);

        Assert.Equal(6, counts.Links);
        Assert.Equal(1, counts.UnknownIds);
        Assert.Equal(4, counts.FalseLinks);
        Assert.Equal(3, counts.HouseholdOrFamily);
        Assert.Equal((1, 1, 1, 1), (counts[FalseLinkKind.Twin], counts[FalseLinkKind.Junior], counts[FalseLinkKind.NamesakeElsewhere], counts[FalseLinkKind.Unrelated]));
        Assert.Contains("false_links=4 household_or_family=3", counts.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_links_file_reader_keeps_only_matches()
    {
        const string Links = "left_id,right_id,match_weight,match_probability,decision\nA,B,9.1,0.999,match\nC,D,1.0,0.6,review\nE,F,9,1,match\n";

        var pairs = LinkFile.ReadMatches(new StringReader(Links)).ToList();

        Assert.Equal([("A", "B"), ("E", "F")], pairs);
        Assert.Throws<FormatException>(() => LinkFile.ReadMatches(new StringReader("id,cluster_id\nA,1\n")).ToList());
    }

    private static (string Pas, string Gp, string Truth) WriteAll(ErrorProfile profile, int persons, int seed)
    {
        // As the command line does: the profile's households, pas from seed + 1, gp from seed + 2, one truth file.
        var population = SyntheticPopulation.Generate(persons, seed, profile.Households);
        using var pas = new StringWriter();
        using var gp = new StringWriter();
        using var truth = new StringWriter();
        SupplierExtract.WriteCsv(pas, SupplierDialect.Pas, SupplierExtract.Generate(population, SupplierDialect.Pas, profile, seed + 1), truth);
        SupplierExtract.WriteCsv(gp, SupplierDialect.Gp, SupplierExtract.Generate(population, SupplierDialect.Gp, profile, seed + 2), truth, writeTruthHeader: false);
        return (pas.ToString(), gp.ToString(), truth.ToString());
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
