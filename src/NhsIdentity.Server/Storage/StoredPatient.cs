using NhsIdentity.Matching;

namespace NhsIdentity.Server.Storage;

/// <summary>One patient as the store holds it: the record the index is built from and, when it came in over FHIR,
/// the resource as the caller sent it (so <c>GET /fhir/Patient/{id}</c> returns what was written).</summary>
internal sealed record StoredPatient(string Id, PatientRecord Record, string? FhirJson);
