using System.Text;
using BenchmarkDotNet.Attributes;
using NhsIdentity.Interop;
using NhsIdentity.Matching;

namespace NhsIdentity.Benchmarks;

/// <summary>
/// Reading the patient out of HL7 v2 ADT messages: <see cref="Hl7Message.TryReadPatient(string?, out PatientRecord?, out Hl7ReadError)"/>
/// against the naive reader people write (<c>string.Split</c> on every delimiter, <c>string.Replace</c> for escapes).
/// Every method reads <see cref="Count"/> messages and declares <c>OperationsPerInvoke</c>, so times are <b>per message</b>.
/// </summary>
[MemoryDiagnoser]
public class Hl7Bench
{
    private const int Count = 1_000;
    private string[] _messages = [];

    [GlobalSetup]
    public void Setup()
    {
        _messages = CreateMessages();
        foreach (var message in _messages)
        {
            Hl7Message.TryReadPatient(message, out var ours, out _);
            var naive = NaiveRead(message);
            if (ours!.NhsNumber != naive.NhsNumber || ours.FamilyName != naive.FamilyName || ours.GivenNames != naive.GivenNames
                || ours.LocalIdentifier != naive.LocalIdentifier || ours.DateOfBirth != naive.DateOfBirth || ours.Postcode != naive.Postcode)
            {
                throw new InvalidOperationException("The readers disagree on a generated message.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int NaiveSplit()
    {
        var found = 0;
        foreach (var message in _messages)
        {
            found += NaiveRead(message).NhsNumber is null ? 0 : 1;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int TryReadPatient()
    {
        var found = 0;
        foreach (var message in _messages)
        {
            found += Hl7Message.TryReadPatient(message, out var record, out _) && record.NhsNumber is not null ? 1 : 0;
        }

        return found;
    }

    /// <summary>Cerner-style ADT^A01 messages, fixed seed; one in ten has escape sequences in its names.</summary>
    private static string[] CreateMessages()
    {
        var random = new Random(2026);
        string[] families = ["SMITH", "O'BRIEN", "PATEL", "KOWALSKA", "NAKAMURA", "MCALLISTER", "VAN DER BERG", "OKAFOR"];
        string[] givens = ["Siobhan", "Anil", "Ruth", "Kenji", "Fiona", "Tom", "Agnieszka", "Declan"];
        var messages = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            var family = families[random.Next(families.Length)];
            var given = givens[random.Next(givens.Length)];
            if (i % 10 == 0)
            {
                family += "\\T\\SONS";
                given = "Zo\\XC3AB\\";
            }

            NhsNumber number;
            while (!NhsNumber.TryFromBase(999_000_000 + random.Next(1, 999_999), out number))
            {
                // a base whose check value is 10 has no NHS number: draw again
            }

            var nhs = number.ToString("N", null);
            messages[i] = new StringBuilder()
                .Append("MSH|^~\\&|CERNER|RXH|PAS_ENGINE|RXH|20261124093015||ADT^A01^ADT_A01|Q").Append(i).Append("|P|2.5.1\r")
                .Append("EVN|A01|20261124093000\r")
                .Append("PID|1||RXH").Append(4_000_000 + i).Append("^^^RXH^MR^RXH~").Append(nhs).Append("^^^NHS^NH~E").Append(i).Append("^^^ECUH^PI||")
                .Append(family).Append('^').Append(given).Append("^Mary^^MRS^^L||19").Append(random.Next(30, 99)).Append("0312|F|||")
                .Append(random.Next(1, 200)).Append(" Riverside Court^Flat 3^Salford^Greater Manchester^M5 4WT^GBR^H||07700 900123^PRN^CP\r")
                .Append("PV1|1|I|WARD7^BED2^^RXH\r")
                .ToString();
        }

        return messages;
    }

    /// <summary>The naive reader: split everything, pick fields by index, replace escapes (default delimiters only).</summary>
    private static PatientRecord NaiveRead(string message)
    {
        var pid = message.Split('\r').First(s => s.StartsWith("PID|", StringComparison.Ordinal)).Split('|');
        string? nhs = null, local = null;
        foreach (var cx in pid[3].Split('~'))
        {
            var parts = cx.Split('^');
            if (parts.Length > 4 && (parts[3].Split('&')[0] == "NHS" || parts[4] == "NH"))
            {
                nhs ??= parts[0];
            }
            else if (parts.Length > 4 && (parts[4] == "MR" || parts[4] == "PI"))
            {
                local ??= parts[0];
            }
        }

        var name = pid[5].Split('~')[0].Split('^');
        var dob = pid[7];
        var address = pid[11].Split('~')[0].Split('^');
        return new PatientRecord
        {
            NhsNumber = nhs,
            LocalIdentifier = local,
            FamilyName = Unescape(name[0].Split('&')[0]),
            GivenNames = string.Join(" ", new[] { Unescape(name[1]), Unescape(name[2]) }.Where(s => s.Length > 0)),
            DateOfBirth = dob.Length >= 8 ? dob[..4] + "-" + dob[4..6] + "-" + dob[6..8] : dob,
            Postcode = address.Length > 4 ? address[4] : null,
        };
    }

    private static string Unescape(string text)
    {
        text = text.Replace("\\F\\", "|", StringComparison.Ordinal).Replace("\\S\\", "^", StringComparison.Ordinal)
            .Replace("\\T\\", "&", StringComparison.Ordinal).Replace("\\R\\", "~", StringComparison.Ordinal);
        var x = text.IndexOf("\\X", StringComparison.Ordinal);
        while (x >= 0)
        {
            var end = text.IndexOf('\\', x + 2);
            var bytes = Convert.FromHexString(text[(x + 2)..end]);
            text = text[..x] + Encoding.UTF8.GetString(bytes) + text[(end + 1)..];
            x = text.IndexOf("\\X", StringComparison.Ordinal);
        }

        return text.Replace("\\E\\", "\\", StringComparison.Ordinal);
    }
}
