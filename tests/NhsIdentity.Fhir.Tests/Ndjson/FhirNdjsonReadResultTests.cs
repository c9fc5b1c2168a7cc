using NhsIdentity.Ingestion;

namespace NhsIdentity.Fhir.Tests.Ndjson;

/// <summary>FHIR NDJSON read into the library's one result shape: counts that reconcile, rejections by ordinal, line
/// and reason (never content), repeated ids set aside, rejected lines only where the caller asks.</summary>
public sealed class FhirNdjsonReadResultTests
{
    private const string Marker = "Zebedee";

    private static readonly string Input = string.Join('\n',
        "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Alder\"}]}",
        "",
        "{\"resourceType\":\"Patient\",\"id\":\"p3\",\"name\":[{\"family\":\"" + Marker + "\"}", // truncated
        "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"" + Marker + "\"}]}", // repeats p1
        "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Birch\"}]}") + "\n"; // no id: keyed by its line

    [Fact]
    public void Resources_read_equals_accepted_plus_rejected_with_each_rejection_by_ordinal_line_and_reason()
    {
        var rejected = new StringWriter();

        var result = FhirNdjson.Read(new StringReader(Input), rejectedLines: rejected);

        Assert.True(result.Reconciles);
        Assert.Equal(("resources", 4L, 1L), (result.ItemName, result.ItemsRead, result.BlankRowsSkipped));
        Assert.Equal(["p1", "5"], result.Records.Select(r => r.Id));
        Assert.Equal(
            [(2L, 3, RejectionReason.UnreadableMessage), (3L, 4, RejectionReason.DuplicateId)],
            result.Rejections.Select(r => (r.RowNumber, r.LineNumber, r.Reason)));
        Assert.Equal("resource 3 (line 4): duplicate id (first at resource 1)", result.Rejections[1].ToString());
        Assert.DoesNotContain(result.Rejections, r => r.ToString().Contains(Marker, StringComparison.Ordinal));
        Assert.Equal(2, rejected.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(Marker, rejected.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_asynchronously_gives_what_reading_synchronously_does()
    {
        var asynchronous = await FhirNdjson.ReadAsync(new StringReader(Input));
        var synchronous = FhirNdjson.Read(new StringReader(Input));

        Assert.Equal(synchronous.Records, asynchronous.Records);
        Assert.Equal(synchronous.Rejections, asynchronous.Rejections);
    }
}
