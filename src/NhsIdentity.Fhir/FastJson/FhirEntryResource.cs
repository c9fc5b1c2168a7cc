using NhsIdentity.Matching;

namespace NhsIdentity.Fhir.FastJson;

/// <summary>The resource of one <c>$match</c> bundle entry as <see cref="FhirMatchBundleWriter"/> writes it: either a
/// record, written as <see cref="FhirPatientMapper.ToPatient"/> makes it into a <c>Patient</c> (with
/// <see cref="Id"/>), or a resource's JSON text as the Firely SDK serialised it, copied as it is.</summary>
/// <remarks>The JSON form is for a resource the service received, parsed with the SDK (strict mode) and stored as the
/// SDK wrote it back: parsing and serialising such text again gives the same text, which is why it can be copied
/// instead (a test holds the SDK to that). <see cref="ToString"/> names neither the record nor the text.</remarks>
internal readonly struct FhirEntryResource
{
    private FhirEntryResource(string id, PatientRecord? record, string? json)
    {
        Id = id;
        Record = record;
        Json = json;
    }

    /// <summary>Gets the resource id (the stored record's id).</summary>
    public string Id { get; }

    /// <summary>Gets the record to write as a Patient, or <see langword="null"/> for <see cref="Json"/>.</summary>
    public PatientRecord? Record { get; }

    /// <summary>Gets the resource's JSON text as the SDK serialised it, or <see langword="null"/> for
    /// <see cref="Record"/>.</summary>
    public string? Json { get; }

    /// <summary>A record, written as <c>FhirPatientMapper.ToPatient(record with { Id = id })</c> with its id set to
    /// <paramref name="id"/>.</summary>
    public static FhirEntryResource FromRecord(string id, PatientRecord record)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(record);
        return new FhirEntryResource(id, record, null);
    }

    /// <summary>A resource the SDK serialised (strict-mode parsed, then <c>ToJson()</c>), copied as it is.</summary>
    public static FhirEntryResource FromJson(string id, string json)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(json);
        return new FhirEntryResource(id, null, json);
    }

    /// <summary>The type name only: the record and text are patient data.</summary>
    public override string ToString() => nameof(FhirEntryResource);
}
