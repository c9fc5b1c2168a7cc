using NhsIdentity.Cli.Ingestion;

namespace NhsIdentity.Tests.Cli.Ingestion;

/// <summary>
/// HL7 v2 message files split into messages (blank lines, a new MSH, MLLP framing, batch envelopes) and read into
/// records, with unreadable messages rejected by ordinal and reason. Invented people, 999-range NHS numbers.
/// </summary>
public sealed class Hl7FileReaderTests
{
    private const string A01 = "MSH|^~\\&|EPR|RXH|MPI|RXH|20261124090000||ADT^A01|C1|P|2.5.1\rEVN|A01\rPID|1||H1^^^RXH^MR~9990000018^^^NHS^NH||ALDER^Ruth||19800101|F";
    private const string A08 = "MSH|^~\\&|EPR|RXH|MPI|RXH|20261124090100||ADT^A08|C2|P|2.5.1\rPID|1||H2^^^RXH^MR||BIRCH^Tom||19810202|M";
    private const string NoPid = "MSH|^~\\&|EPR|RXH|MPI|RXH|20261124090200||ADT^A01|C3|P|2.5.1\rEVN|A01\rPV1|1|I|SentinelWard";

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Messages_are_split_at_each_MSH_and_at_blank_lines_with_any_line_end(string newline)
    {
        var text = string.Join(newline, A01.Split('\r')) + newline + string.Join(newline, A08.Split('\r')) + newline + newline
            + "PID|||9990000026^^^NHS^NH||CEDAR^Ann" + newline;

        var messages = Hl7FileReader.Split(text);

        Assert.Equal(3, messages.Count);
        Assert.Equal(A01, messages[0].Text);
        Assert.Equal(A08, messages[1].Text);
        Assert.Equal(1, messages[0].Line);
        Assert.Equal(4, messages[1].Line);
        Assert.Equal(7, messages[2].Line);
    }

    [Fact]
    public void MLLP_framing_and_batch_envelopes_are_ignored()
    {
        var text = "FHS|^~\\&|EPR\rBHS|^~\\&|EPR\r\u000B" + A01 + "\r\u001C\r\u000B" + A08 + "\r\u001C\rBTS|2\rFTS|1\r";

        var messages = Hl7FileReader.Split(text);

        Assert.Equal([A01, A08], messages.Select(m => m.Text));
    }

    [Fact]
    public void Unreadable_messages_are_rejected_by_ordinal_and_reason_and_counts_reconcile()
    {
        using var temp = new TempCsv();
        var rejects = temp.PathOf("feed.rejects.hl7");
        var text = A01 + "\n\n" + NoPid + "\n\n" + A08 + "\n\nMSH|\nPID|||X\n";

        var result = Hl7FileReader.Read(text, rejects);

        Assert.Equal(4, result.ItemsRead);
        Assert.Equal(result.ItemsRead, result.Accepted + result.Rejected);
        Assert.Equal(["H1", "H2"], result.Records.Select(r => r.Id));
        Assert.Equal(2, result.Rejected);
        Assert.Equal(2, result.Rejections[0].RowNumber);
        Assert.Equal("message 2 (line 5): unreadable message: no PID segment", result.Rejections[0].ToString());
        Assert.Equal("message 4 (line 12): unreadable message: MSH segment does not give usable delimiters", result.Rejections[1].ToString());
        Assert.DoesNotContain(result.Rejections, r => r.ToString().Contains("Sentinel", StringComparison.Ordinal));
        var rejected = File.ReadAllText(rejects);
        Assert.Contains("SentinelWard", rejected, StringComparison.Ordinal);   // the content goes only to the rejects file
        Assert.DoesNotContain("ALDER", rejected, StringComparison.Ordinal);
        Assert.Equal(2, Hl7FileReader.Split(rejected).Count);                   // and can be read back as messages
    }

    [Fact]
    public void Nothing_is_written_when_nothing_is_rejected_and_records_without_ids_take_their_ordinal()
    {
        using var temp = new TempCsv();
        var rejects = temp.PathOf("feed.rejects.hl7");

        var result = Hl7FileReader.Read(A01 + "\n\nPID|||9990000026^^^NHS^NH||CEDAR^Ann\n", rejects);

        Assert.False(File.Exists(rejects));
        Assert.Equal(["H1", "2"], result.Records.Select(r => r.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\r\n  \n")]
    [InlineData("\u000B\u001C")]
    public void A_file_with_no_message_is_refused(string text)
    {
        var exception = Assert.Throws<IngestionException>(() => Hl7FileReader.Read(text, null, "feed.hl7"));
        Assert.Equal("feed.hl7 holds no HL7 v2 message.", exception.Message);
    }
}
