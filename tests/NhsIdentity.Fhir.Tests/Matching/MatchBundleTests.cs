using Hl7.Fhir.Model;
using NhsIdentity.Fhir.Tests.Mapping;
using NhsIdentity.Fhir.Tests.TestHelpers;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir.Tests.Matching;

public sealed class MatchBundleTests
{
    [Theory]
    [InlineData(MatchDecision.Match, 0.9999, MatchGrade.Certain)]
    [InlineData(MatchDecision.Match, 0.9, MatchGrade.Certain)] // a policy with a lower match threshold: the decision rules
    [InlineData(MatchDecision.Review, 0.9999, MatchGrade.Probable)] // capped at review by contradicting identity evidence
    [InlineData(MatchDecision.Review, 0.9, MatchGrade.Probable)] // the threshold is inclusive
    [InlineData(MatchDecision.Review, 0.8999, MatchGrade.Possible)]
    [InlineData(MatchDecision.Review, 0.5, MatchGrade.Possible)]
    [InlineData(MatchDecision.NonMatch, 0.3, MatchGrade.CertainlyNot)]
    public void Grades_follow_the_decision_and_the_probable_threshold(MatchDecision decision, double probability, MatchGrade grade) =>
        Assert.Equal(grade, FhirMatchBundle.GradeOf(new MatchScore(0, probability, decision)));

    [Fact]
    public void The_probable_threshold_is_an_option()
    {
        var options = FhirMatchBundleOptions.Default with { ProbableProbability = 0.6 };
        Assert.Equal(MatchGrade.Probable, FhirMatchBundle.GradeOf(new MatchScore(0, 0.7, MatchDecision.Review), options));
        Assert.Equal(MatchGrade.Possible, FhirMatchBundle.GradeOf(new MatchScore(0, 0.7, MatchDecision.Review)));
    }

    [Theory]
    [InlineData(MatchGrade.Certain, "certain")]
    [InlineData(MatchGrade.Probable, "probable")]
    [InlineData(MatchGrade.Possible, "possible")]
    [InlineData(MatchGrade.CertainlyNot, "certainly-not")]
    public void Grades_have_the_value_set_codes(MatchGrade grade, string code) => Assert.Equal(code, grade.ToCode());

    [Fact]
    public void An_undefined_grade_has_no_code() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((MatchGrade)42).ToCode());

    [Fact]
    public void Entries_are_ordered_by_score_and_carry_score_mode_and_grade()
    {
        IndexMatch[] matches =
        [
            new("low", new MatchScore(0.5, 0.5858, MatchDecision.Review)),
            new("top", new MatchScore(12, 0.99975, MatchDecision.Match)),
            new("mid", new MatchScore(4, 0.94118, MatchDecision.Review)),
        ];

        var bundle = FhirMatchBundle.Create(matches, id => new Patient { Id = id });

        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(3, bundle.Total);
        Assert.Equal(["top", "mid", "low"], bundle.Entry.Select(e => e.Resource!.Id));
        Assert.Equal([0.9997m, 0.9411m, 0.5858m], bundle.Entry.Select(e => e.Search!.Score!.Value));
        Assert.All(bundle.Entry, e => Assert.Equal(Bundle.SearchEntryMode.Match, e.Search!.Mode));
        Assert.Equal(["certain", "probable", "possible"], bundle.Entry.Select(Grade));
        Assert.All(bundle.Entry, e => Assert.Null(e.FullUrl));
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(0.9999999999, "0.9999")] // cut, not rounded up to a certain-looking 1
    [InlineData(0.12345, "0.1234")]
    [InlineData(0.0, "0")]
    [InlineData(double.NaN, "0")]
    public void Scores_are_probabilities_cut_to_four_decimals(double probability, string score)
    {
        var bundle = FhirMatchBundle.Create([new("a", new MatchScore(0, probability, MatchDecision.Review))], id => new Patient { Id = id });
        Assert.Equal(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(bundle.Entry).Search!.Score);
    }

    [Fact]
    public void Equal_weights_are_ordered_by_ordinal_id()
    {
        var score = new MatchScore(3, 0.9, MatchDecision.Review);
        var bundle = FhirMatchBundle.Create([new("b", score), new("B", score), new("a", score)], id => new Patient { Id = id });
        Assert.Equal(["B", "a", "b"], bundle.Entry.Select(e => e.Resource!.Id));
    }

    [Fact]
    public void Matches_whose_resource_cannot_be_found_are_left_out()
    {
        var score = new MatchScore(10, 0.999, MatchDecision.Match);
        var bundle = FhirMatchBundle.Create([new("kept", score), new("removed", score)], id => id == "kept" ? new Patient { Id = id } : null);
        Assert.Equal("kept", Assert.Single(bundle.Entry).Resource!.Id);
        Assert.Equal(1, bundle.Total);
    }

    [Theory]
    [InlineData("https://ehr.example.nhs.uk/fhir")]
    [InlineData("https://ehr.example.nhs.uk/fhir/")]
    public void A_service_base_gives_full_urls(string serviceBase)
    {
        var options = FhirMatchBundleOptions.Default with { ServiceBase = new Uri(serviceBase) };
        var bundle = FhirMatchBundle.Create([new("pas-1", new MatchScore(10, 0.999, MatchDecision.Match))], id => new Patient { Id = id }, options);
        Assert.Equal("https://ehr.example.nhs.uk/fhir/Patient/pas-1", Assert.Single(bundle.Entry).FullUrl);
    }

    [Fact]
    public void An_empty_result_is_an_empty_searchset()
    {
        var bundle = FhirMatchBundle.Create([], _ => throw new InvalidOperationException("not called"));
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(0, bundle.Total);
        Assert.Empty(bundle.Entry);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => FhirMatchBundle.Create(null!, _ => null));
        Assert.Throws<ArgumentNullException>(() => FhirMatchBundle.Create([], null!));
    }

    [Fact]
    public void The_bundle_is_valid_fhir_json_with_the_match_grade_extension_on_search()
    {
        var bundle = FhirMatchBundle.Create(
            [new("pas-100234", new MatchScore(12, 0.99975, MatchDecision.Match))],
            _ => FhirExamples.Patient("patient-full.json"));
        var json = FhirExamples.ToJson(bundle);

        Assert.Contains(
            "\"search\":{\"extension\":[{\"url\":\"http://hl7.org/fhir/StructureDefinition/match-grade\",\"valueCode\":\"certain\"}],\"mode\":\"match\",\"score\":0.9997}",
            json,
            StringComparison.Ordinal);
        var parsed = FhirExamples.ParseBundle(json);
        Assert.Equal("pas-100234", Assert.Single(parsed.Entry).Resource!.Id);
    }

    internal static string Grade(Bundle.EntryComponent entry)
    {
        var extension = Assert.Single(entry.Search!.Extension);
        Assert.Equal(UkCoreSystems.MatchGradeExtension, extension.Url);
        return Assert.IsType<Code>(extension.Value).Value!;
    }
}
