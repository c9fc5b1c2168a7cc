using Hl7.Fhir.Model;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir;

/// <summary>Feeds a <see cref="PatientIndex"/> with FHIR <see cref="Patient"/> resources and answers lookups in
/// the style of <c>Patient/$match</c>.</summary>
/// <remarks>Each method maps the resource with <see cref="FhirPatientMapper.ToPatientRecord"/> and then calls the
/// index, so it is as thread-safe as the index.</remarks>
public static class PatientIndexFhirExtensions
{
    /// <summary>Adds a patient, or replaces the indexed record with the same id (<c>Patient.id</c>).</summary>
    /// <param name="index">The index.</param>
    /// <param name="patient">The resource; it must have an id.</param>
    /// <param name="options">Mapping options; <see langword="null"/> for <see cref="FhirPatientMapperOptions.Default"/>.</param>
    /// <returns><see langword="true"/> when the record was added, <see langword="false"/> when it replaced one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="index"/> or <paramref name="patient"/> is null.</exception>
    /// <exception cref="ArgumentException">The patient has no id.</exception>
    public static bool AddOrUpdate(this PatientIndex index, Patient patient, FhirPatientMapperOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.AddOrUpdate(FhirPatientMapper.ToPatientRecord(patient, options));
    }

    /// <summary>Finds the indexed records that match a patient, best first.</summary>
    /// <param name="index">The index.</param>
    /// <param name="patient">The patient to look up; its id is ignored.</param>
    /// <param name="maxResults">The most matches to return; 0 returns none.</param>
    /// <param name="options">Mapping options; <see langword="null"/> for <see cref="FhirPatientMapperOptions.Default"/>.</param>
    /// <returns>The matches, as <see cref="PatientIndex.FindMatches(PatientRecord, int)"/> returns them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="index"/> or <paramref name="patient"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxResults"/> is negative.</exception>
    public static IReadOnlyList<IndexMatch> FindMatches(this PatientIndex index, Patient patient, int maxResults, FhirPatientMapperOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.FindMatches(FhirPatientMapper.ToPatientRecord(patient, options), maxResults);
    }

    /// <summary>Answers a <c>Patient/$match</c> request: looks the patient up and returns the candidates as a
    /// <c>searchset</c> bundle (see <see cref="FhirMatchBundle"/> for scores and grades).</summary>
    /// <param name="index">The index.</param>
    /// <param name="patient">The patient to look up (the operation's <c>resource</c> parameter); its id is ignored.</param>
    /// <param name="maxResults">The most candidates to return (the operation's <c>count</c> parameter).</param>
    /// <param name="resolvePatient">Returns the resource of a matched record id, or <see langword="null"/> to leave
    /// it out.</param>
    /// <param name="mapperOptions">Mapping options; <see langword="null"/> for the defaults.</param>
    /// <param name="bundleOptions">Grading and naming options; <see langword="null"/> for the defaults.</param>
    /// <returns>A new bundle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="index"/>, <paramref name="patient"/> or
    /// <paramref name="resolvePatient"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxResults"/> is negative.</exception>
    /// <remarks>The operation's <c>onlyCertainMatches</c> parameter corresponds to an index whose
    /// <see cref="PatientIndexOptions.MinimumDecision"/> is <see cref="MatchDecision.Match"/>.</remarks>
    public static Bundle Match(
        this PatientIndex index,
        Patient patient,
        int maxResults,
        Func<string, Patient?> resolvePatient,
        FhirPatientMapperOptions? mapperOptions = null,
        FhirMatchBundleOptions? bundleOptions = null)
    {
        ArgumentNullException.ThrowIfNull(resolvePatient);
        return FhirMatchBundle.Create(index.FindMatches(patient, maxResults, mapperOptions), resolvePatient, bundleOptions);
    }
}
