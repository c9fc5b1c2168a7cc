using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;

namespace NhsIdentity.Fhir.FastJson;

/// <summary>Writes the <see cref="Patient"/> that <see cref="FhirPatientMapper.ToPatient"/> makes as JSON, byte for
/// byte as the Firely SDK's <c>ToJson()</c> writes it: elements in the order the FHIR specification lists them, empty
/// ones left out.</summary>
/// <remarks>It writes the elements the mapper writes and reads (see <see cref="FhirPatientJsonReader"/>) and no
/// others, so it is only for resources the mapper made; the property tests compare it with the SDK on generated
/// records, which is what catches an element added to the mapper and not here.</remarks>
internal static class FhirPatientJsonWriter
{
    public static void Write(Utf8JsonWriter writer, Patient patient)
    {
        writer.WriteStartObject();
        writer.WriteString("resourceType"u8, "Patient"u8);
        WriteStringIfAny(writer, "id"u8, patient.Id);
        WriteArray(writer, "identifier"u8, patient.Identifier, WriteIdentifier);
        WriteArray(writer, "name"u8, patient.Name, WriteName);
        WriteArray(writer, "telecom"u8, patient.Telecom, WriteContactPoint);
        WriteCodeIfAny(writer, "gender"u8, patient.Gender);
        WriteStringIfAny(writer, "birthDate"u8, patient.BirthDate);
        WriteArray(writer, "address"u8, patient.Address, WriteAddress);
        WriteArray(writer, "generalPractitioner"u8, patient.GeneralPractitioner, WriteReference);
        writer.WriteEndObject();
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, List<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        if (items.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IEnumerable<string?> values)
    {
        var started = false;
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            if (!started)
            {
                writer.WriteStartArray(name);
                started = true;
            }

            writer.WriteStringValue(value);
        }

        if (started)
        {
            writer.WriteEndArray();
        }
    }

    private static void WriteStringIfAny(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteCodeIfAny<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, T? code)
        where T : struct, Enum
    {
        if (code is { } value)
        {
            writer.WriteString(name, value.GetLiteral());
        }
    }

    private static void WriteIdentifier(Utf8JsonWriter writer, Identifier identifier)
    {
        writer.WriteStartObject();
        WriteCodeIfAny(writer, "use"u8, identifier.Use);
        WriteStringIfAny(writer, "system"u8, identifier.System);
        WriteStringIfAny(writer, "value"u8, identifier.Value);
        writer.WriteEndObject();
    }

    private static void WriteName(Utf8JsonWriter writer, HumanName name)
    {
        writer.WriteStartObject();
        WriteCodeIfAny(writer, "use"u8, name.Use);
        WriteStringIfAny(writer, "family"u8, name.Family);
        WriteStrings(writer, "given"u8, name.Given);
        WritePeriod(writer, name.Period);
        writer.WriteEndObject();
    }

    private static void WriteContactPoint(Utf8JsonWriter writer, ContactPoint contact)
    {
        writer.WriteStartObject();
        WriteCodeIfAny(writer, "system"u8, contact.System);
        WriteStringIfAny(writer, "value"u8, contact.Value);
        WriteCodeIfAny(writer, "use"u8, contact.Use);
        if (contact.Rank is { } rank)
        {
            writer.WriteNumber("rank"u8, rank);
        }

        WritePeriod(writer, contact.Period);
        writer.WriteEndObject();
    }

    private static void WriteAddress(Utf8JsonWriter writer, Address address)
    {
        writer.WriteStartObject();
        WriteCodeIfAny(writer, "use"u8, address.Use);
        WriteStrings(writer, "line"u8, address.Line);
        WriteStringIfAny(writer, "city"u8, address.City);
        WriteStringIfAny(writer, "postalCode"u8, address.PostalCode);
        WritePeriod(writer, address.Period);
        writer.WriteEndObject();
    }

    private static void WriteReference(Utf8JsonWriter writer, ResourceReference reference)
    {
        writer.WriteStartObject();
        WriteStringIfAny(writer, "type"u8, reference.Type);
        if (reference.Identifier is { } identifier)
        {
            writer.WritePropertyName("identifier"u8);
            WriteIdentifier(writer, identifier);
        }

        writer.WriteEndObject();
    }

    private static void WritePeriod(Utf8JsonWriter writer, Period? period)
    {
        if (period is null || (period.Start is null && period.End is null))
        {
            return;
        }

        writer.WriteStartObject("period"u8);
        WriteStringIfAny(writer, "start"u8, period.Start);
        WriteStringIfAny(writer, "end"u8, period.End);
        writer.WriteEndObject();
    }
}
