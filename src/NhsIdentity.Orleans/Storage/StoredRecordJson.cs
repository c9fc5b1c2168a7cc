using System.Text.Json;
using NhsIdentity.Matching;

namespace NhsIdentity.Orleans.Storage;

/// <summary>A record's raw fields as the PostgreSQL store holds them: JSON with web defaults, the form the identity
/// service's own store uses, so a field added to <see cref="PatientRecord"/> is stored without a schema change.</summary>
internal static class StoredRecordJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(PatientRecord record) => JsonSerializer.Serialize(record, Options);

    public static PatientRecord Read(string json) =>
        JsonSerializer.Deserialize<PatientRecord>(json, Options) ?? throw new InvalidDataException("A stored record is empty.");
}
