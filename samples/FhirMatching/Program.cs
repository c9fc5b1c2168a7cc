using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using NhsIdentity.Fhir;
using NhsIdentity.Matching;

// A FHIR-facing patient index: UK Core Patient resources go in, a Patient/$match request comes back as a searchset
// Bundle with search.score and the match-grade extension. Invented people; 999-range NHS numbers only.
var store = new Dictionary<string, Patient>(StringComparer.Ordinal);
using var index = new PatientIndex(MatchModel.Default);

Patient Person(string id, string? nhs, string family, string given, string birthDate, AdministrativeGender gender, string postcode, string line) => new()
{
    Id = id,
    Identifier = nhs is null ? [] : [new Identifier(UkCoreSystems.NhsNumber, nhs)],
    Name = [new HumanName { Use = HumanName.NameUse.Official, Family = family, Given = [given] }],
    BirthDate = birthDate,
    Gender = gender,
    Address = [new Address { Use = Address.AddressUse.Home, Line = [line], PostalCode = postcode }],
};

foreach (var patient in new[]
{
    Person("p1", "9990000018", "Pemberton", "Elizabeth", "1961-04-03", AdministrativeGender.Female, "LS1 4AP", "12 Park Row"),
    Person("p2", "9990000026", "Pemberton", "Eleanor", "1961-04-03", AdministrativeGender.Female, "LS1 4AP", "12 Park Row"),
    Person("p3", "9990000034", "Okafor", "Brian", "1950-07-02", AdministrativeGender.Male, "M1 1AE", "3 Mill Lane"),
})
{
    store[patient.Id!] = patient;
    index.AddOrUpdate(patient);
}

// The incoming request: no NHS number, a nickname, the postcode without its space.
var query = Person("query", null, "PEMBERTON", "Liz", "1961-04-03", AdministrativeGender.Female, "LS14AP", "12 Park Row");
var bundle = index.Match(query, maxResults: 5, id => store.GetValueOrDefault(id));

foreach (var entry in bundle.Entry)
{
    var grade = entry.Search?.GetExtensionValue<Code>(UkCoreSystems.MatchGradeExtension)?.Value;
    Console.WriteLine($"{entry.Resource?.Id}: score {entry.Search?.Score}, grade {grade}");
}

// The Bundle as a FHIR server would send it back.
var json = bundle.ToJson(pretty: true);
Console.WriteLine($"Bundle: {bundle.Type}, {bundle.Entry.Count} entries, {json.Length} characters of JSON");
