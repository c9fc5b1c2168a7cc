using InProcessMatching;
using NhsIdentity.Ingestion;
using NhsIdentity.Matching;

// An interface engine's view: the GP extract is "our" patient index; each PAS record arrives as a message and is
// identified against it. Run from the repository root, or pass the samples/data folder.
var data = args.Length > 0 ? args[0] : Path.Combine("samples", "data");

// The library's reader recognises both suppliers' headers (id/nhs_number/... and PatientID/NHS_NO/Forename/...,
// AddressLine1..3 joined), streams the rows, and sets malformed ones aside by row number and reason: what nhsid reads.
using var service = new PatientLookupService();
using (var gp = PatientCsvReader.OpenFile(Path.Combine(data, "gp.csv")))
{
    await foreach (var record in gp.ReadRecordsAsync())
    {
        service.Register(record);
    }

    ReportRejections("gp.csv", gp);
}

service.FinishBulkLoad();
Console.WriteLine($"Indexed {service.Count} GP records.");

int messages = 0, matched = 0, review = 0;
using (var pas = PatientCsvReader.OpenFile(Path.Combine(data, "pas.csv")))
{
    await foreach (var incoming in pas.ReadRecordsAsync())
    {
        messages++;
        var best = service.Identify(incoming);
        matched += best?.Score.Decision == MatchDecision.Match ? 1 : 0;
        review += best?.Score.Decision == MatchDecision.Review ? 1 : 0;
    }

    ReportRejections("pas.csv", pas);
}

// Timings are this run's own measurements on this machine (a cold start included), not a benchmark: see
// benchmarks/results/PatientIndexBench.md for those.
var (median, p99) = service.LookupTimes();
Console.WriteLine($"Identified {messages} PAS messages: {matched} matched, {review} for review, {messages - matched - review} new patients.");
Console.WriteLine($"Lookup time: median {median:0.0} µs, 99th percentile {p99:0.0} µs.");

// Rejections carry row numbers and reasons, never values, so they can be logged as they are.
static void ReportRejections(string file, PatientCsvReader reader)
{
    foreach (var rejection in reader.Rejections)
    {
        Console.WriteLine($"{file}: {rejection}");
    }
}
