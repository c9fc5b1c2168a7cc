using InProcessMatching;
using NhsIdentity.Matching;

// An interface engine's view: the GP extract is "our" patient index; each PAS record arrives as a message and is
// identified against it. Run from the repository root, or pass the samples/data folder.
var data = args.Length > 0 ? args[0] : Path.Combine("samples", "data");

using var service = new PatientLookupService();
foreach (var record in SampleCsv.Read(Path.Combine(data, "gp.csv"), row => new PatientRecord
{
    Id = row["id"], NhsNumber = row["nhs_number"], GivenNames = row["given_name"], FamilyName = row["family_name"],
    DateOfBirth = row["date_of_birth"], Sex = row["sex"], Address = row["address"], Postcode = row["postcode"],
    LocalIdentifier = row["local_id"],
}))
{
    service.Register(record);
}

service.FinishBulkLoad();
Console.WriteLine($"Indexed {service.Count} GP records.");

int messages = 0, matched = 0, review = 0;
foreach (var incoming in SampleCsv.Read(Path.Combine(data, "pas.csv"), row => new PatientRecord
{
    Id = row["PatientID"], NhsNumber = row["NHS_NO"], GivenNames = row["Forename"], FamilyName = row["Surname"],
    DateOfBirth = row["DOB"], Sex = row["Gender"], Postcode = row["PostCode"], LocalIdentifier = row["PatientID"],
    Address = string.Join(", ", new[] { row["AddressLine1"], row["AddressLine2"], row["AddressLine3"] }.Where(s => s.Length > 0)),
}))
{
    messages++;
    var best = service.Identify(incoming);
    matched += best?.Score.Decision == MatchDecision.Match ? 1 : 0;
    review += best?.Score.Decision == MatchDecision.Review ? 1 : 0;
}

// Timings are this run's own measurements on this machine (a cold start included), not a benchmark: see
// benchmarks/results/PatientIndexBench.md for those.
var (median, p99) = service.LookupTimes();
Console.WriteLine($"Identified {messages} PAS messages: {matched} matched, {review} for review, {messages - matched - review} new patients.");
Console.WriteLine($"Lookup time: median {median:0.0} µs, 99th percentile {p99:0.0} µs.");
