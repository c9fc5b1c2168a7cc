using System.Text;
using NhsIdentity.Tests.Cli.Ingestion;
using NhsIdentity.Tests.TestHelpers;

namespace NhsIdentity.Tests.Cli;

/// <summary>
/// <c>--format hl7v2</c> end to end through <c>CliApp.Run</c>: ADT messages built from the synthetic PAS sample's rows
/// link back to those rows, unreadable messages are rejected by ordinal, and unknown formats are usage errors.
/// </summary>
public sealed class Hl7InputCommandTests
{
    private static readonly string Pas = RepositoryRoot.Combine("samples", "data", "pas.csv");

    /// <summary>The first <paramref name="count"/> unquoted PAS rows as ADT^A04 messages, blank-line separated.</summary>
    private static (string Text, List<string> Ids) MessagesFromPas(int count)
    {
        var text = new StringBuilder();
        var ids = new List<string>();
        foreach (var line in File.ReadLines(Pas).Skip(1).Where(l => !l.Contains('"', StringComparison.Ordinal)).Take(count))
        {
            // PatientID,NHS_NO,Forename,Surname,DOB,Gender,AddressLine1,AddressLine2,AddressLine3,PostCode
            var f = line.Split(',');
            var dob = f[4].Length == 10 ? f[4][6..10] + f[4][3..5] + f[4][0..2] : f[4];
            var identifiers = f[0] + "^^^RXH^MR" + (f[1].Length > 0 ? "~" + f[1] + "^^^NHS^NH" : "");
            text.Append("MSH|^~\\&|PAS|RXH|MPI|RXH|20261124090000||ADT^A04^ADT_A01|MSG").Append(ids.Count).Append("|P|2.5.1\r")
                .Append("EVN|A04|20261124090000\r")
                .Append("PID|1||").Append(identifiers).Append("||").Append(Escape(f[3])).Append('^').Append(Escape(f[2])).Append("^^^^^L||")
                .Append(dob).Append('|').Append(f[5]).Append("|||")
                .Append(Escape(f[6])).Append('^').Append(Escape(f[7])).Append('^').Append(Escape(f[8])).Append("^^").Append(f[9]).Append("^GBR^H\r")
                .Append("PV1|1|O\r\n\r\n");
            ids.Add(f[0]);
        }

        return (text.ToString(), ids);
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\E\\", StringComparison.Ordinal).Replace("&", "\\T\\", StringComparison.Ordinal)
            .Replace("^", "\\S\\", StringComparison.Ordinal).Replace("|", "\\F\\", StringComparison.Ordinal);

    [Fact]
    public void Link_an_hl7v2_feed_against_the_pas_csv_finds_each_message_s_source_row()
    {
        using var temp = new TempCsv();
        var (text, ids) = MessagesFromPas(40);
        var feed = temp.Write("feed.hl7", "\u000B" + text + "\u001C\r\nMSH|^~\\&|PAS|RXH|MPI|RXH|20261124||ADT^A01|BAD|P|2.5.1\rPV1|1|I|SentinelWard\r\n");
        var output = temp.PathOf("links.csv");

        var result = CliRunner.Run("link", feed, Pas, "--format", "hl7v2", "--right-format", "csv", "--no-train", "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("left: feed.hl7: 41 messages, 40 accepted, 1 rejected", result.Error, StringComparison.Ordinal);
        Assert.Contains("rejected message 41 (line ", result.Error, StringComparison.Ordinal);
        Assert.Contains("unreadable message: no PID segment", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("SentinelWard", result.Error, StringComparison.Ordinal);
        Assert.Contains("right: pas.csv: 1584 rows", result.Error, StringComparison.Ordinal);
        Assert.Contains("SentinelWard", File.ReadAllText(temp.PathOf("links.left.rejects.hl7")), StringComparison.Ordinal);

        var matches = File.ReadLines(output).Skip(1).Where(l => l.EndsWith(",match", StringComparison.Ordinal)).Select(l => l.Split(',')).ToList();
        foreach (var id in ids)
        {
            Assert.Contains(matches, m => m[0] == id && m[1] == id);
        }
    }

    [Fact]
    public void Dedupe_and_train_read_hl7v2_input()
    {
        using var temp = new TempCsv();
        var (text, _) = MessagesFromPas(30);
        var feed = temp.Write("feed.hl7", text + text); // every patient sent twice (A04 then a repeat)

        var dedupe = CliRunner.Run("dedupe", feed, "--format", "hl7v2", "--no-train", "--out", temp.PathOf("pairs.csv"));
        Assert.Equal(0, dedupe.ExitCode);
        Assert.Contains("records: feed.hl7: 60 messages, 60 accepted, 0 rejected", dedupe.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.PathOf("pairs.records.rejects.hl7")));
        Assert.True(File.ReadLines(temp.PathOf("pairs.csv")).Count(l => l.EndsWith(",match", StringComparison.Ordinal)) >= 30);

        var train = CliRunner.Run("train", feed, Pas, "--format", "HL7V2", "--right-format", "csv", "--model-out", temp.PathOf("model.json"));
        Assert.Equal(0, train.ExitCode);
        Assert.True(File.Exists(temp.PathOf("model.json")));
    }

    [Fact]
    public void Csv_stays_the_default_and_unknown_formats_are_usage_errors()
    {
        using var temp = new TempCsv();
        var csv = CliRunner.Run("dedupe", Pas, "--no-train", "--out", temp.PathOf("pairs.csv"));
        Assert.Equal(0, csv.ExitCode);
        Assert.Contains("records: pas.csv: 1584 rows, 1584 accepted, 0 rejected", csv.Error, StringComparison.Ordinal);

        var unknown = CliRunner.Run("link", Pas, Pas, "--format", "xml", "--out", temp.PathOf("links.csv"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--format must be one of csv, dicom, fhir-ndjson, hl7v2", unknown.Error, StringComparison.Ordinal);

        var unknownRight = CliRunner.Run("link", Pas, Pas, "--right-format", "xml", "--out", temp.PathOf("links.csv"));
        Assert.Equal(2, unknownRight.ExitCode);
        Assert.Contains("--right-format must be one of", unknownRight.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_file_read_as_hl7v2_is_rejected_message_by_message_not_crashed()
    {
        using var temp = new TempCsv();
        var notHl7 = temp.Write("extract.csv", "id,given_name,family_name\nL1,Alice,Pemberton\n\nL2,Brian,Okafor\n");

        var result = CliRunner.Run("dedupe", notHl7, "--format", "hl7v2", "--no-train", "--out", temp.PathOf("pairs.csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("records: extract.csv: 2 messages, 0 accepted, 2 rejected", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Pemberton", result.Error, StringComparison.Ordinal);
    }
}
