using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;

namespace NhsIdentity.Fhir.FastJson;

/// <summary>Reads a FHIR R4 <c>Patient</c> in JSON into the SDK's <see cref="Patient"/>, for the elements
/// <see cref="FhirPatientMapper"/> reads and nothing else: <c>id</c>, <c>identifier</c> (<c>use</c>, <c>system</c>,
/// <c>value</c>), <c>name</c> (<c>use</c>, <c>family</c>, <c>given</c>, <c>period</c>), <c>telecom</c>
/// (<c>system</c>, <c>value</c>, <c>use</c>, <c>rank</c>, <c>period</c>), <c>gender</c>, <c>birthDate</c>,
/// <c>address</c> (<c>use</c>, <c>line</c>, <c>city</c>, <c>postalCode</c>, <c>period</c>) and
/// <c>generalPractitioner</c> (<c>type</c>, <c>identifier</c>).</summary>
/// <remarks>Any other property, an extension, a primitive's <c>_element</c>, a repeated property, an empty array or
/// object, a <c>null</c>, or a value its FHIR type does not allow makes it return <see langword="false"/>: the caller
/// then reads the body with the SDK, whose answer (or error) stands. Building the SDK's own model, rather than a
/// record directly, keeps one definition of which name, address and contact point is current: the mapper's.</remarks>
internal static class FhirPatientJsonReader
{
    /// <summary>Reads the object the reader stands on (its <see cref="JsonTokenType.StartObject"/>), leaving the
    /// reader on its <see cref="JsonTokenType.EndObject"/>.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out Patient patient)
    {
        patient = new Patient();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        var sawType = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var ok = reader.ValueTextEquals("resourceType"u8) ? Once(ref sawType) && reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Patient"u8)
                : reader.ValueTextEquals("id"u8) ? Once(ref seen, 1) && reader.Read() && ReadId(ref reader, patient)
                : reader.ValueTextEquals("identifier"u8) ? Once(ref seen, 2) && reader.Read() && ReadArray(ref reader, patient.Identifier, ReadIdentifier)
                : reader.ValueTextEquals("name"u8) ? Once(ref seen, 4) && reader.Read() && ReadArray(ref reader, patient.Name, ReadName)
                : reader.ValueTextEquals("telecom"u8) ? Once(ref seen, 8) && reader.Read() && ReadArray(ref reader, patient.Telecom, ReadContactPoint)
                : reader.ValueTextEquals("gender"u8) ? Once(ref seen, 16) && reader.Read() && ReadGender(ref reader, patient)
                : reader.ValueTextEquals("birthDate"u8) ? Once(ref seen, 32) && reader.Read() && ReadBirthDate(ref reader, patient)
                : reader.ValueTextEquals("address"u8) ? Once(ref seen, 64) && reader.Read() && ReadArray(ref reader, patient.Address, ReadAddress)
                : reader.ValueTextEquals("generalPractitioner"u8) ? Once(ref seen, 128) && reader.Read() && ReadArray(ref reader, patient.GeneralPractitioner, ReadReference)
                : false;
            if (!ok)
            {
                return false;
            }
        }

        // The SDK refuses a resource with no element besides its type.
        return reader.TokenType == JsonTokenType.EndObject && sawType && seen != 0;
    }

    private delegate bool ElementReader<T>(ref Utf8JsonReader reader, out T element);

    private static bool Once(ref bool seen)
    {
        var first = !seen;
        seen = true;
        return first;
    }

    private static bool Once(ref int seen, int bit)
    {
        var first = (seen & bit) == 0;
        seen |= bit;
        return first;
    }

    /// <summary>A JSON array of at least one element, none null (the SDK refuses empty arrays and nulls in them).</summary>
    private static bool ReadArray<T>(ref Utf8JsonReader reader, List<T> into, ElementReader<T> readElement)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!readElement(ref reader, out var element))
            {
                return false;
            }

            into.Add(element);
        }

        return into.Count > 0;
    }

    private static bool ReadStringElement(ref Utf8JsonReader reader, out string value) =>
        FhirJsonPrimitives.TryReadString(ref reader, out value);

    private static bool ReadId(ref Utf8JsonReader reader, Patient patient)
    {
        var ok = FhirJsonPrimitives.TryReadId(ref reader, out var id);
        patient.Id = id;
        return ok;
    }

    private static bool ReadGender(ref Utf8JsonReader reader, Patient patient)
    {
        var ok = TryReadCode<AdministrativeGender>(ref reader, out var gender);
        patient.Gender = gender;
        return ok;
    }

    private static bool ReadBirthDate(ref Utf8JsonReader reader, Patient patient)
    {
        var ok = FhirJsonPrimitives.TryReadDate(ref reader, out var date);
        patient.BirthDate = date;
        return ok;
    }

    /// <summary>A FHIR <c>code</c> bound to one of the SDK's enumerations: exactly one of its literals (the SDK
    /// refuses any other text, including another case).</summary>
    private static bool TryReadCode<T>(ref Utf8JsonReader reader, out T code)
        where T : struct, Enum
    {
        code = default;
        if (!FhirJsonPrimitives.TryReadString(ref reader, out var text) || EnumUtility.ParseLiteral<T>(text) is not { } parsed)
        {
            return false;
        }

        code = parsed;
        return true;
    }

    private static bool ReadIdentifier(ref Utf8JsonReader reader, out Identifier identifier)
    {
        identifier = new Identifier();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("use"u8))
            {
                if (!(Once(ref seen, 1) && reader.Read() && TryReadCode<Identifier.IdentifierUse>(ref reader, out var use)))
                {
                    return false;
                }

                identifier.Use = use;
            }
            else if (reader.ValueTextEquals("system"u8))
            {
                if (!(Once(ref seen, 2) && reader.Read() && FhirJsonPrimitives.TryReadUri(ref reader, out var system)))
                {
                    return false;
                }

                identifier.System = system;
            }
            else if (reader.ValueTextEquals("value"u8))
            {
                if (!(Once(ref seen, 4) && reader.Read() && FhirJsonPrimitives.TryReadString(ref reader, out var value)))
                {
                    return false;
                }

                identifier.Value = value;
            }
            else
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && seen != 0;
    }

    private static bool ReadName(ref Utf8JsonReader reader, out HumanName name)
    {
        name = new HumanName();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("use"u8))
            {
                if (!(Once(ref seen, 1) && reader.Read() && TryReadCode<HumanName.NameUse>(ref reader, out var use)))
                {
                    return false;
                }

                name.Use = use;
            }
            else if (reader.ValueTextEquals("family"u8))
            {
                if (!(Once(ref seen, 2) && reader.Read() && FhirJsonPrimitives.TryReadString(ref reader, out var family)))
                {
                    return false;
                }

                name.Family = family;
            }
            else if (reader.ValueTextEquals("given"u8))
            {
                var given = new List<string>();
                if (!(Once(ref seen, 4) && reader.Read() && ReadArray(ref reader, given, ReadStringElement)))
                {
                    return false;
                }

                name.Given = given;
            }
            else if (reader.ValueTextEquals("period"u8))
            {
                if (!(Once(ref seen, 8) && reader.Read() && ReadPeriod(ref reader, out var period)))
                {
                    return false;
                }

                name.Period = period;
            }
            else
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && seen != 0;
    }

    private static bool ReadContactPoint(ref Utf8JsonReader reader, out ContactPoint contact)
    {
        contact = new ContactPoint();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("system"u8))
            {
                if (!(Once(ref seen, 1) && reader.Read() && TryReadCode<ContactPoint.ContactPointSystem>(ref reader, out var system)))
                {
                    return false;
                }

                contact.System = system;
            }
            else if (reader.ValueTextEquals("value"u8))
            {
                if (!(Once(ref seen, 2) && reader.Read() && FhirJsonPrimitives.TryReadString(ref reader, out var value)))
                {
                    return false;
                }

                contact.Value = value;
            }
            else if (reader.ValueTextEquals("use"u8))
            {
                if (!(Once(ref seen, 4) && reader.Read() && TryReadCode<ContactPoint.ContactPointUse>(ref reader, out var use)))
                {
                    return false;
                }

                contact.Use = use;
            }
            else if (reader.ValueTextEquals("rank"u8))
            {
                if (!(Once(ref seen, 8) && reader.Read() && FhirJsonPrimitives.TryReadPositiveInt(ref reader, out var rank)))
                {
                    return false;
                }

                contact.Rank = rank;
            }
            else if (reader.ValueTextEquals("period"u8))
            {
                if (!(Once(ref seen, 16) && reader.Read() && ReadPeriod(ref reader, out var period)))
                {
                    return false;
                }

                contact.Period = period;
            }
            else
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && seen != 0;
    }

    private static bool ReadAddress(ref Utf8JsonReader reader, out Address address)
    {
        address = new Address();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("use"u8))
            {
                if (!(Once(ref seen, 1) && reader.Read() && TryReadCode<Address.AddressUse>(ref reader, out var use)))
                {
                    return false;
                }

                address.Use = use;
            }
            else if (reader.ValueTextEquals("line"u8))
            {
                var lines = new List<string>();
                if (!(Once(ref seen, 2) && reader.Read() && ReadArray(ref reader, lines, ReadStringElement)))
                {
                    return false;
                }

                address.Line = lines;
            }
            else if (reader.ValueTextEquals("city"u8))
            {
                if (!(Once(ref seen, 4) && reader.Read() && FhirJsonPrimitives.TryReadString(ref reader, out var city)))
                {
                    return false;
                }

                address.City = city;
            }
            else if (reader.ValueTextEquals("postalCode"u8))
            {
                if (!(Once(ref seen, 8) && reader.Read() && FhirJsonPrimitives.TryReadString(ref reader, out var postalCode)))
                {
                    return false;
                }

                address.PostalCode = postalCode;
            }
            else if (reader.ValueTextEquals("period"u8))
            {
                if (!(Once(ref seen, 16) && reader.Read() && ReadPeriod(ref reader, out var period)))
                {
                    return false;
                }

                address.Period = period;
            }
            else
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && seen != 0;
    }

    /// <summary>A reference to the registered GP practice: its <c>type</c> and <c>identifier</c> only. A literal
    /// <c>reference</c> or a <c>display</c> goes the slow way.</summary>
    private static bool ReadReference(ref Utf8JsonReader reader, out ResourceReference reference)
    {
        reference = new ResourceReference();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                if (!(Once(ref seen, 1) && reader.Read() && FhirJsonPrimitives.TryReadUri(ref reader, out var type)))
                {
                    return false;
                }

                reference.Type = type;
            }
            else if (reader.ValueTextEquals("identifier"u8))
            {
                if (!(Once(ref seen, 2) && reader.Read() && ReadIdentifier(ref reader, out var identifier)))
                {
                    return false;
                }

                reference.Identifier = identifier;
            }
            else
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && seen != 0;
    }

    /// <summary>A period whose <c>start</c> and <c>end</c> are dates (a <c>dateTime</c> with a time goes the slow
    /// way).</summary>
    private static bool ReadPeriod(ref Utf8JsonReader reader, out Period period)
    {
        period = new Period();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("start"u8))
            {
                if (!(Once(ref seen, 1) && reader.Read() && FhirJsonPrimitives.TryReadDate(ref reader, out var start)))
                {
                    return false;
                }

                period.Start = start;
            }
            else if (reader.ValueTextEquals("end"u8))
            {
                if (!(Once(ref seen, 2) && reader.Read() && FhirJsonPrimitives.TryReadDate(ref reader, out var end)))
                {
                    return false;
                }

                period.End = end;
            }
            else
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && seen != 0;
    }
}
