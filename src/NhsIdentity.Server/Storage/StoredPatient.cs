using System.Text.Json;
using NhsIdentity.Matching;

namespace NhsIdentity.Server.Storage;

/// <summary>One patient as the store holds it: the record the index is built from and, when it came in over FHIR,
/// the resource as the caller sent it (so <c>GET /fhir/Patient/{id}</c> returns what was written).</summary>
/// <remarks>The record and its stored JSON text (<see cref="RecordJson"/>) are each made from the other only when
/// asked for, once. A start that catches a snapshot up reads every stored row but needs the record of only those that
/// changed: the content hash is taken over the stored text (<see cref="Hosting.IndexSnapshotFile.ContentHash"/>), so
/// an unchanged row is neither parsed nor written out again.</remarks>
internal sealed class StoredPatient : IEquatable<StoredPatient>
{
    private static readonly JsonSerializerOptions RecordJsonOptions = new(JsonSerializerDefaults.Web);

    private PatientRecord? _record;
    private string? _recordJson;

    /// <summary>A patient to write (or as a test builds it).</summary>
    public StoredPatient(string id, PatientRecord record, string? fhirJson)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(record);
        Id = id;
        _record = record;
        FhirJson = fhirJson;
    }

    private StoredPatient(string id, string recordJson, string? fhirJson)
    {
        Id = id;
        _recordJson = recordJson;
        FhirJson = fhirJson;
    }

    /// <summary>Gets the record's id in the store.</summary>
    public string Id { get; }

    /// <summary>Gets the record (parsed from the stored text the first time it is asked for).</summary>
    /// <exception cref="InvalidDataException">The stored text is an empty record.</exception>
    /// <exception cref="JsonException">The stored text is not JSON of a record.</exception>
    public PatientRecord Record => _record ??= Parse(_recordJson!);

    /// <summary>Gets the record as the store holds it: JSON, web defaults (made the first time it is asked for).</summary>
    public string RecordJson => _recordJson ??= JsonSerializer.Serialize(_record!, RecordJsonOptions);

    /// <summary>Gets the FHIR resource as the caller sent it, or null when the record came another way.</summary>
    public string? FhirJson { get; }

    /// <summary>A patient as read from a store row; its record is parsed only when asked for.</summary>
    public static StoredPatient FromRow(string id, string recordJson, string? fhirJson) => new(id, recordJson, fhirJson);

    /// <inheritdoc/>
    public bool Equals(StoredPatient? other) =>
        other is not null && Id == other.Id && FhirJson == other.FhirJson && Record == other.Record;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as StoredPatient);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Record);

    /// <summary>The id only: the record is patient data.</summary>
    public override string ToString() => nameof(StoredPatient);

    private static PatientRecord Parse(string json) =>
        JsonSerializer.Deserialize<PatientRecord>(json, RecordJsonOptions)
        ?? throw new InvalidDataException("A stored record is empty.");
}
