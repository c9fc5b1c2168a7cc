using Hl7.Fhir.Model;
using NhsIdentity.Fhir.Tests.Mapping;
using NhsIdentity.Fhir.Tests.TestHelpers;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir.Tests.Matching;

public sealed class PatientIndexFhirTests
{
    // Invented people; 999-range NHS numbers only. Margaret's sister shares her family name, address and birth year (so the postcode and birth-year blocking rule pairs them).
    private static readonly PatientRecord Sister = new()
    {
        Id = "pas-100977", NhsNumber = "999 123 4020", GivenNames = "Dorothy", FamilyName = "Ashworth", DateOfBirth = "21/03/1948",
        Sex = "F", Postcode = "HX7 8AE", Address = "Flat 3, 17 Chapel Street, Hebden Bridge",
    };

    private static (PatientIndex Index, Dictionary<string, Patient> Store) Populated(PatientIndexOptions? options = null)
    {
        var index = new PatientIndex(MatchModel.Default, options);
        var store = new Dictionary<string, Patient>(StringComparer.Ordinal);
        void Add(Patient patient)
        {
            index.AddOrUpdate(patient);
            store[patient.Id!] = patient;
        }

        Add(FhirExamples.Patient("patient-full.json"));
        Add(FhirExamples.Patient("patient-partial.json"));
        Add(FhirPatientMapper.ToPatient(Sister));
        var random = new Random(5);
        var numbers = new NhsNumberGenerator(5);
        string[] given = ["Aisha", "Rhys", "Siobhan", "Tomasz", "Oluwaseun", "Priya", "Callum", "Eilidh"];
        string[] family = ["Okafor", "Nguyen", "Hughes", "Patel", "Murray", "Fraser", "Kaur", "Evans"];
        string[] postcodes = ["LS1 4AP", "M1 1AE", "B33 8TH", "CR2 6XH", "SR1 1RE", "EC1A 1BB"];
        for (var i = 0; i < 200; i++)
        {
            Add(FhirPatientMapper.ToPatient(new PatientRecord
            {
                Id = "pas-" + (200_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                NhsNumber = numbers.Next().ToString(),
                GivenNames = given[random.Next(given.Length)],
                FamilyName = family[random.Next(family.Length)],
                DateOfBirth = new DateOnly(1930, 1, 1).AddDays(random.Next(30_000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Sex = random.Next(2) == 0 ? "M" : "F",
                Postcode = postcodes[random.Next(postcodes.Length)],
            }));
        }

        return (index, store);
    }

    private static Patient GpQuery(bool withNhsNumber)
    {
        // Margaret as her GP system sends her: another id, the same NHS number (or none), a typing slip in the name.
        var query = FhirPatientMapper.ToPatient(new PatientRecord
        {
            Id = "gp-77012", NhsNumber = withNhsNumber ? "9991234004" : null, GivenNames = "Margret", FamilyName = "Ashworth",
            DateOfBirth = "1948-11-02", Sex = "F", Postcode = "HX7 8AE",
        });
        return query;
    }

    [Fact]
    public void A_patient_is_found_in_the_index_by_its_fhir_form()
    {
        var (index, _) = Populated();
        using var disposable = index;
        Assert.Equal(203, index.Count);
        var matches = index.FindMatches(GpQuery(withNhsNumber: true), 5);
        Assert.Equal("pas-100234", matches[0].Id);
        Assert.Equal(MatchDecision.Match, matches[0].Score.Decision);
    }

    [Fact]
    public void Match_answers_with_a_searchset_ordered_by_score_and_graded()
    {
        var (index, store) = Populated(PatientIndexOptions.Default with { MinimumDecision = MatchDecision.NonMatch });
        using var disposable = index;
        var matches = index.FindMatches(GpQuery(withNhsNumber: true), 10);
        var bundle = index.Match(GpQuery(withNhsNumber: true), 10, id => store.GetValueOrDefault(id));

        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(matches.Count, bundle.Total);
        Assert.True(bundle.Entry.Count >= 2, "Margaret and her sister are both candidates");
        Assert.Equal(matches.Select(m => m.Id), bundle.Entry.Select(e => e.Resource!.Id));
        Assert.Equal(matches.Select(m => FhirMatchBundle.GradeOf(m.Score).ToCode()), bundle.Entry.Select(MatchBundleTests.Grade));
        for (var i = 1; i < bundle.Entry.Count; i++)
        {
            Assert.True(bundle.Entry[i - 1].Search!.Score >= bundle.Entry[i].Search!.Score);
        }

        Assert.Equal("pas-100234", bundle.Entry[0].Resource!.Id);
        Assert.Equal("certain", MatchBundleTests.Grade(bundle.Entry[0]));
        var sister = Assert.Single(bundle.Entry, e => e.Resource!.Id == "pas-100977");
        Assert.Equal("certainly-not", MatchBundleTests.Grade(sister)); // different NHS number, name and date of birth
    }

    [Fact]
    public void Without_an_nhs_number_the_best_candidate_is_graded_for_review_or_better()
    {
        var (index, store) = Populated();
        using var disposable = index;
        var bundle = index.Match(GpQuery(withNhsNumber: false), 5, id => store.GetValueOrDefault(id));
        Assert.Equal("pas-100234", bundle.Entry[0].Resource!.Id);
        Assert.Contains(MatchBundleTests.Grade(bundle.Entry[0]), new[] { "certain", "probable", "possible" });
        Assert.DoesNotContain(bundle.Entry, e => e.Resource!.Id == "pas-100977"); // the default minimum decision is review
    }

    [Fact]
    public void A_patient_without_an_id_cannot_be_indexed()
    {
        using var index = new PatientIndex(MatchModel.Default);
        Assert.Throws<ArgumentException>(() => index.AddOrUpdate(new Patient()));
    }

    [Fact]
    public void Adding_the_same_id_again_replaces_the_record()
    {
        using var index = new PatientIndex(MatchModel.Default);
        var patient = FhirExamples.Patient("patient-full.json");
        Assert.True(index.AddOrUpdate(patient));
        Assert.False(index.AddOrUpdate(patient));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        using var index = new PatientIndex(MatchModel.Default);
        Assert.Throws<ArgumentNullException>(() => ((PatientIndex)null!).FindMatches(new Patient(), 1));
        Assert.Throws<ArgumentNullException>(() => index.FindMatches((Patient)null!, 1));
        Assert.Throws<ArgumentNullException>(() => index.Match(new Patient(), 1, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.FindMatches(new Patient(), -1));
    }
}
