using System.Text;
using NhsIdentity.Ingestion;
using NhsIdentity.Tests.Cli.Ingestion;

namespace NhsIdentity.Tests.Ingestion;

/// <summary>The library's HL7 v2 file reader: the shared result shape, MLLP framing and batch envelopes, rejections
/// by ordinal and reason, and records handed out a message at a time. Invented people, 999-range NHS numbers.</summary>
public sealed class Hl7BatchReaderTests
{
    private const string A01 = "MSH|^~\\&|EPR|RXH|MPI|RXH|20261124090000||ADT^A01|C1|P|2.5.1\rEVN|A01\rPID|1||H1^^^RXH^MR~9990000018^^^NHS^NH||ALDER^Ruth||19800101|F";
    private const string A08 = "MSH|^~\\&|EPR|RXH|MPI|RXH|20261124090100||ADT^A08|C2|P|2.5.1\rPID|1||H2^^^RXH^MR||BIRCH^Tom||19810202|M";
    private const string NoPid = "MSH|^~\\&|EPR|RXH|MPI|RXH|20261124090200||ADT^A01|C3|P|2.5.1\rEVN|A01\rPV1|1|I|SentinelWard";

    [Fact]
    public void An_MLLP_batch_reads_into_the_shared_result_shape_with_rejections_by_ordinal()
    {
        var text = "FHS|^~\\&|EPR\rBHS|^~\\&|EPR\r\u000B" + A01 + "\r\u001C\r\u000B" + NoPid + "\r\u001C\r\u000B" + A08 + "\r\u001C\rBTS|3\rFTS|1\r";
        var rejected = new StringWriter();

        var result = Hl7BatchReader.Read(new StringReader(text), rejected);

        Assert.True(result.Reconciles);
        Assert.Equal("messages", result.ItemName);
        Assert.Equal(3, result.ItemsRead);
        Assert.Equal(["H1", "H2"], result.Records.Select(r => r.Id));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((2L, RejectionReason.UnreadableMessage), (rejection.RowNumber, rejection.Reason));
        Assert.DoesNotContain("Sentinel", rejection.ToString(), StringComparison.Ordinal);
        Assert.Contains("SentinelWard", rejected.ToString(), StringComparison.Ordinal); // only where the caller asked
        Assert.Equal(NoPid, Assert.Single(new Hl7BatchReader(new StringReader(rejected.ToString())).ReadMessages()).Text);
    }

    [Fact]
    public void Records_are_handed_out_before_the_input_has_been_read_to_its_end()
    {
        var head = A01.Replace('\r', '\n') + "\n\n";
        using var text = new TextThatFailsPast(head, head + A08.Replace('\r', '\n') + "\n" + new string('#', 100_000));
        using var reader = new Hl7BatchReader(text);

        using var records = reader.ReadRecords().GetEnumerator();

        Assert.True(records.MoveNext());
        Assert.Equal("H1", records.Current.Id);
        Assert.Equal(1, reader.MessagesRead);
        Assert.Throws<IOException>(() => records.MoveNext());
    }

    [Fact]
    public async Task Reading_a_file_asynchronously_gives_what_reading_it_synchronously_does()
    {
        using var temp = new TempCsv();
        var path = temp.PathOf("feed.hl7");
        await File.WriteAllTextAsync(path, A01 + "\r\n" + NoPid + "\r\n" + A08 + "\r\n", new UTF8Encoding(true));

        var asynchronous = await Hl7BatchReader.ReadFileAsync(path);
        var synchronous = Hl7BatchReader.ReadFile(path);

        Assert.Equal(synchronous.Records, asynchronous.Records);
        Assert.Equal(synchronous.Rejections, asynchronous.Rejections);
        Assert.Equal(3, asynchronous.ItemsRead);
        Assert.True(asynchronous.Reconciles);
    }

    [Fact]
    public void An_input_without_messages_reads_as_none_with_a_warning()
    {
        var result = Hl7BatchReader.Read(new StringReader("\n\r\n \u000B\u001C\n"));

        Assert.Equal(0, result.ItemsRead);
        Assert.NotEmpty(result.Warnings);
        Assert.Equal("message at line 4 (3 characters)", new Hl7BatchMessage("PID", 4).ToString());
    }
}
