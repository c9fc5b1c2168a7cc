using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Hl7.Fhir.Model;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir.Tests.TestHelpers;

/// <summary>Generators of <c>$match</c> Parameters bodies: invented patients (<see cref="FhirArbitraries"/>) written
/// by the SDK with extra names, addresses, contact points and periods, then mutated structurally (a property
/// removed, repeated, renamed or given a value of another type) or as text (a character cut or added).</summary>
internal static class MatchBodies
{
    /// <summary>Values a mutation puts in place of another: wrong types, empty text, bad dates and codes.</summary>
    private static readonly string[] OddValues =
    [
        "\"\"", "\" \"", "\"x\"", "\"male\"", "\"Male\"", "\"home\"", "\"1984-02-30\"", "\"2000-02-29\"", "\"1985\"",
        "\"1985-13\"", "\"0000\"", "\"2020-01-01T10:00:00Z\"", "\"a b\"", "\"p-1\"", "\"resource\"", "\"count\"",
        "\"Patient\"", "\"Parameters\"", "\"https://fhir.nhs.u[k/Id/nhs-number\"", "\"http://[::1]/x\"", "\"urn:oid:1.2.3\"", "\"http://a/%zz\"", "\"https://fhir.nhs.uk/Id/nhs-number\"", "\"\\ud800\"", "\"\\u0000\"",
        "0", "-1", "1", "5", "101", "-0", "1.5", "1.0", "1e2", "2147483648", "true", "false", "null", "[]", "{}",
        "[\"a\"]", "[null]", "{\"a\":1}", "{\"resourceType\":\"Patient\"}", "{\"resourceType\":\"Patient\",\"gender\":\"male\"}",
    ];

    private static readonly string[] OddProperties =
    [
        "foo", "_family", "_value", "extension", "modifierExtension", "id", "text", "meta", "contained", "active",
        "valueString", "valueInteger", "valueBoolean", "part", "resource", "name", "period", "Family", "resourceType",
    ];

    /// <summary>Bodies in the fast reader's subset (as the SDK writes them, which is also what callers send).</summary>
    public static Gen<string> Valid =>
        from record in FhirArbitraries.Records.Generator
        from extras in Gen.Choose(0, int.MaxValue)
        from count in Gen.Frequency((3, Gen.Constant<int?>(null)), (2, Gen.Choose(1, 100).Select(c => (int?)c)))
        from onlyCertain in Gen.Elements<bool?>(null, true, false)
        from resourceFirst in Gen.Elements(true, false)
        select Write(Patient(record, new Random(extras)), count, onlyCertain, resourceFirst);

    /// <summary>Valid bodies with one mutation each (most of them leave the subset or FHIR altogether).</summary>
    public static Gen<string> Mutated =>
        from body in Valid
        from seed in Gen.Choose(0, int.MaxValue)
        select Mutate(body, new Random(seed));

    /// <summary>An invented patient as the mapper writes it, with some of the elements the mapper reads added.</summary>
    public static Patient Patient(PatientRecord record, Random random)
    {
        var patient = FhirPatientMapper.ToPatient(record with { Id = null });
        if (random.Next(4) == 0)
        {
            patient.Id = "q-" + random.Next(1000).ToString(CultureInfo.InvariantCulture);
        }

        if (random.Next(3) == 0)
        {
            patient.Name.Insert(0, new HumanName
            {
                Use = (HumanName.NameUse)random.Next(7),
                Family = "Oldname",
                Given = random.Next(2) == 0 ? ["Former", " Middle "] : [],
                Period = random.Next(2) == 0 ? null : new Period { Start = "1990", End = random.Next(2) == 0 ? "2001-02" : "2024-02-29" },
            });
        }

        if (random.Next(3) == 0)
        {
            patient.Address.Add(new Address
            {
                Use = (Address.AddressUse)random.Next(5),
                Line = ["2 Elsewhere Lane"],
                City = "Harrowgate",
                PostalCode = "HX7 8AE",
                Period = random.Next(2) == 0 ? null : new Period { End = "2019-06-30" },
            });
        }

        if (random.Next(3) == 0)
        {
            patient.Telecom.Insert(0, new ContactPoint(ContactPoint.ContactPointSystem.Phone, (ContactPoint.ContactPointUse)random.Next(5), "0113 496 0" + random.Next(100, 999).ToString(CultureInfo.InvariantCulture))
            {
                Rank = random.Next(3) == 0 ? null : random.Next(1, 4),
                Period = random.Next(3) == 0 ? new Period { Start = "2020-01-01" } : null,
            });
        }

        if (random.Next(4) == 0)
        {
            patient.Identifier.Add(new Identifier(UkCoreSystems.NhsNumber, "9990000026") { Use = Identifier.IdentifierUse.Old });
        }

        if (random.Next(5) == 0)
        {
            patient.GeneralPractitioner.Insert(0, new ResourceReference { Type = "Practitioner", Identifier = new Identifier("https://fhir.nhs.uk/Id/sds-user-id", "G1234567") });
        }

        // The SDK refuses an empty Patient; a record with no field gives one, so it gets a gender.
        if (patient.Identifier.Count + patient.Name.Count + patient.Telecom.Count + patient.Address.Count + patient.GeneralPractitioner.Count == 0
            && patient.Gender is null && patient.BirthDate is null && patient.Id is null)
        {
            patient.Gender = AdministrativeGender.Unknown;
        }

        return patient;
    }

    public static string Write(Patient patient, int? count, bool? onlyCertain, bool resourceFirst)
    {
        var parameters = new Parameters();
        if (!resourceFirst && count is { } c)
        {
            parameters.Add("count", new Integer(c));
        }

        parameters.Add("resource", patient);
        if (resourceFirst && count is { } d)
        {
            parameters.Add("count", new Integer(d));
        }

        if (onlyCertain is { } only)
        {
            parameters.Add("onlyCertainMatches", new FhirBoolean(only));
        }

        return FhirExamples.ToJson(parameters);
    }

    public static string Mutate(string body, Random random)
    {
        switch (random.Next(10))
        {
            case 0:
                return TextMutation(body, random);
            case 1:
                return Duplicate(body, random);
            default:
                var root = JsonNode.Parse(body)!;
                var nodes = new List<JsonNode>();
                Collect(root, nodes);
                var node = nodes[random.Next(nodes.Count)];
                StructuralMutation(root, node, random);
                try
                {
                    return root.ToJsonString();
                }
                catch (InvalidOperationException)
                {
                    // JsonNode will not write a lone surrogate escape: put it in as text instead.
                    return body.Insert(body.IndexOf("\"family\":\"", StringComparison.Ordinal) is >= 0 and var at ? at + 10 : 1, "\\ud800");
                }
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        into.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
        }
    }

    private static void StructuralMutation(JsonNode root, JsonNode node, Random random)
    {
        var odd = JsonNode.Parse(OddValues[random.Next(OddValues.Length)]);
        switch (random.Next(7))
        {
            case 0 when node is JsonObject obj && obj.Count > 0:
                obj.Remove(obj.ElementAt(random.Next(obj.Count)).Key);
                return;
            case 1 when node is JsonObject obj:
                var name = OddProperties[random.Next(OddProperties.Length)];
                if (!obj.ContainsKey(name))
                {
                    obj[name] = odd;
                }

                return;
            case 2 when node is JsonObject obj && obj.Count > 1:
                // Another property order: the SDK takes any; so must the fast reader, or fall back.
                var pairs = obj.Select(p => (p.Key, p.Value)).ToList();
                obj.Clear();
                foreach (var (name2, value) in pairs.OrderBy(_ => random.Next()))
                {
                    obj[name2] = value;
                }

                return;
            case 3 when node is JsonArray array && array.Count > 0:
                if (random.Next(2) == 0)
                {
                    array.RemoveAt(random.Next(array.Count));
                }
                else
                {
                    array.Add(odd);
                }

                return;
            case 4 when node is JsonObject obj && obj.Count > 0:
                // A renamed property: other case, a primitive's _element, or a neighbour's name.
                var key = obj.ElementAt(random.Next(obj.Count)).Key;
                var renamed = random.Next(3) switch
                {
                    0 => char.ToUpperInvariant(key[0]) + key[1..],
                    1 => "_" + key,
                    _ => OddProperties[random.Next(OddProperties.Length)],
                };
                if (!obj.ContainsKey(renamed))
                {
                    var value = obj[key];
                    obj.Remove(key);
                    obj[renamed] = value;
                }

                return;
            default:
                // The node's value replaced (a leaf, or a whole object or array).
                if (node.Parent is JsonObject parent)
                {
                    parent[node.GetPropertyName()] = odd;
                }
                else if (node.Parent is JsonArray list)
                {
                    list[node.GetElementIndex()] = odd;
                }
                else if (random.Next(2) == 0 && root is JsonObject top)
                {
                    top["resourceType"] = odd;
                }

                return;
        }
    }

    /// <summary>One property of one object written twice (JsonNode cannot hold that, so it is done in the text).</summary>
    private static string Duplicate(string body, Random random)
    {
        var starts = new List<int>();
        for (var i = 0; i < body.Length - 1; i++)
        {
            if (body[i] == '{' && body[i + 1] == '"')
            {
                starts.Add(i + 1);
            }
        }

        var at = starts[random.Next(starts.Count)];
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(body[at..].Insert(0, "{")));
        reader.Read(); // {
        reader.Read(); // property name
        reader.Read(); // value
        reader.Skip();
        var length = (int)reader.BytesConsumed - 1; // the first property, without the brace added
        var property = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(body[at..]), 0, length);
        return body.Insert(at, property + ",");
    }

    private static string TextMutation(string body, Random random)
    {
        var at = random.Next(body.Length);
        const string inserts = ",{}[]\":a0 -.\\";
        return random.Next(4) switch
        {
            0 => body.Remove(at, 1),
            1 => body.Insert(at, inserts[random.Next(inserts.Length)].ToString()),
            2 => body[..at],
            _ => body + (random.Next(2) == 0 ? " " : "x"),
        };
    }
}
