using System.Globalization;
using Hl7.Fhir.Model;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir;

/// <summary>
/// Builds the answer of a FHIR <c>Patient/$match</c> operation from index matches: a <c>searchset</c>
/// <see cref="Bundle"/> of candidate <see cref="Patient"/> resources, best first, each with <c>search.mode =
/// match</c>, <c>search.score</c> (the match probability) and the <c>match-grade</c> extension.
/// </summary>
/// <remarks>
/// <para><b>Grades</b> (<see cref="GradeOf"/>), from the decision the model's <see cref="DecisionPolicy"/> made:</para>
/// <list type="table">
/// <listheader><term>Decision</term><description>Grade</description></listheader>
/// <item><term><see cref="MatchDecision.Match"/></term><description><c>certain</c>: the policy would link the
/// records without review (probability at least its match threshold, 0.99 by default, and no contradiction on
/// identity evidence).</description></item>
/// <item><term><see cref="MatchDecision.Review"/>, probability at least
/// <see cref="FhirMatchBundleOptions.ProbableProbability"/> (0.9)</term><description><c>probable</c>: close,
/// but a person should confirm. This includes pairs capped at review for contradicting identity evidence however
/// high their probability.</description></item>
/// <item><term><see cref="MatchDecision.Review"/>, lower</term><description><c>possible</c>.</description></item>
/// <item><term><see cref="MatchDecision.NonMatch"/></term><description><c>certainly-not</c>: below the review
/// threshold. An index returns these only when its <see cref="PatientIndexOptions.MinimumDecision"/> is
/// <see cref="MatchDecision.NonMatch"/>.</description></item>
/// </list>
/// <para>The grade follows the decision, not a fixed probability, so a policy with other thresholds grades
/// consistently with the links it makes. <c>search.score</c> is the probability cut to four decimals (FHIR
/// scores are decimals from 0 to 1; more digits claim a precision the model does not have, and cutting rather than
/// rounding never turns 0.99999 into 1; a score is 1 only when the probability is 1 in double precision, a match
/// weight above about 53 bits).</para>
/// <para><b>Resources.</b> A <see cref="PatientIndex"/> holds prepared records, not resources, so the caller supplies
/// a function from record id to <see cref="Patient"/> (its store, a cache, or
/// <see cref="FhirPatientMapper.ToPatient"/> over its records). A match whose resource the function cannot supply
/// (<see langword="null"/>: removed since the lookup) is left out, and <c>total</c> counts the entries written.</para>
/// </remarks>
public static class FhirMatchBundle
{
    /// <summary>The code of a grade in the <c>match-grade</c> value set.</summary>
    /// <param name="grade">The grade.</param>
    /// <returns><c>certain</c>, <c>probable</c>, <c>possible</c> or <c>certainly-not</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grade"/> is not a defined value.</exception>
    public static string ToCode(this MatchGrade grade) => grade switch
    {
        MatchGrade.Certain => "certain",
        MatchGrade.Probable => "probable",
        MatchGrade.Possible => "possible",
        MatchGrade.CertainlyNot => "certainly-not",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), "The match grade is not a defined value."),
    };

    /// <summary>Grades a scored candidate (see the class remarks for the mapping).</summary>
    /// <param name="score">The candidate's score.</param>
    /// <param name="options">Grading options; <see langword="null"/> for <see cref="FhirMatchBundleOptions.Default"/>.</param>
    /// <returns>The grade.</returns>
    public static MatchGrade GradeOf(MatchScore score, FhirMatchBundleOptions? options = null) => score.Decision switch
    {
        MatchDecision.Match => MatchGrade.Certain,
        MatchDecision.Review when score.Probability >= (options ?? FhirMatchBundleOptions.Default).ProbableProbability => MatchGrade.Probable,
        MatchDecision.Review => MatchGrade.Possible,
        _ => MatchGrade.CertainlyNot,
    };

    /// <summary>Builds a <c>searchset</c> bundle of the matched patients, by descending score (then ordinal id).</summary>
    /// <param name="matches">The matches, for example from <see cref="PatientIndex.FindMatches(PatientRecord, int)"/>;
    /// any order.</param>
    /// <param name="resolvePatient">Returns the resource of a matched record id, or <see langword="null"/> to leave
    /// the match out.</param>
    /// <param name="options">Grading and naming options; <see langword="null"/> for
    /// <see cref="FhirMatchBundleOptions.Default"/>.</param>
    /// <returns>A new bundle with one entry per resolved match.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matches"/> or <paramref name="resolvePatient"/> is null.</exception>
    public static Bundle Create(IEnumerable<IndexMatch> matches, Func<string, Patient?> resolvePatient, FhirMatchBundleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(resolvePatient);
        options ??= FhirMatchBundleOptions.Default;

        var ordered = InBundleOrder(matches);
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset };
        foreach (var match in ordered)
        {
            if (match.Id is null || resolvePatient(match.Id) is not { } patient)
            {
                continue;
            }

            bundle.Entry.Add(CreateEntry(patient, match.Score, options));
        }

        bundle.Total = bundle.Entry.Count;
        return bundle;
    }

    /// <summary>The matches in the bundle's order: by descending weight, then ordinal id. Shared with the
    /// <c>Utf8JsonWriter</c> form (<see cref="FastJson.FhirMatchBundleWriter"/>), which must write the same bundle.</summary>
    internal static List<IndexMatch> InBundleOrder(IEnumerable<IndexMatch> matches)
    {
        var ordered = new List<IndexMatch>(matches);
        ordered.Sort(static (a, b) =>
        {
            var byWeight = b.Score.Weight.CompareTo(a.Score.Weight);
            return byWeight != 0 ? byWeight : string.CompareOrdinal(a.Id, b.Id);
        });
        return ordered;
    }

    /// <summary>An entry's <c>fullUrl</c>, <c>{base}Patient/{id}</c>, or <see langword="null"/> when there is no
    /// base or no id.</summary>
    internal static string? FullUrl(FhirMatchBundleOptions options, string? patientId)
    {
        if (options.ServiceBase is not { } serviceBase || string.IsNullOrEmpty(patientId))
        {
            return null;
        }

        var root = serviceBase.OriginalString.EndsWith('/') ? serviceBase.OriginalString : serviceBase.OriginalString + "/";
        return string.Create(CultureInfo.InvariantCulture, $"{root}Patient/{patientId}");
    }

    /// <summary>The probability cut (not rounded) to four decimals, so a score never overstates it: 0.99999 is
    /// 0.9999, not 1. A score is 1 only when the probability is 1 in double precision (a match weight above about 53
    /// bits, such as full agreement including the NHS number). Cutting keeps the order of scores.</summary>
    internal static decimal ToScore(double probability) =>
        double.IsNaN(probability) ? 0m : (decimal)(Math.Floor(Math.Clamp(probability, 0, 1) * 10_000) / 10_000);

    private static Bundle.EntryComponent CreateEntry(Patient patient, MatchScore score, FhirMatchBundleOptions options)
    {
        var search = new Bundle.SearchComponent
        {
            Mode = Bundle.SearchEntryMode.Match,
            Score = ToScore(score.Probability),
        };
        search.Extension.Add(new Extension(UkCoreSystems.MatchGradeExtension, new Code(GradeOf(score, options).ToCode())));

        return new Bundle.EntryComponent { Resource = patient, Search = search, FullUrl = FullUrl(options, patient.Id) };
    }
}
