using Hl7.Fhir.Model;

namespace NhsIdentity.Fhir.FastJson;

/// <summary>The parameters of a <c>Patient/$match</c> request as <see cref="FhirMatchRequestReader"/> read them.</summary>
/// <param name="Patient">The <c>resource</c> parameter.</param>
/// <param name="Count">The <c>count</c> parameter's <c>valueInteger</c>, unchecked (the caller bounds it), or
/// <see langword="null"/> when absent.</param>
/// <param name="OnlyCertainMatches">The <c>onlyCertainMatches</c> parameter's <c>valueBoolean</c>, or
/// <see langword="null"/> when absent.</param>
internal sealed record FhirMatchRequest(Patient Patient, int? Count, bool? OnlyCertainMatches);
