using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NhsIdentity.Interop;
using NhsIdentity.Tests.Properties;

namespace NhsIdentity.Tests.Interop;

/// <summary>
/// Reading never throws and fails only with a defined reason; a PID and PD1 built from random values, escaped the way
/// HL7 v2.5.1 chapter 2, 2.7 says, read back to the same values.
/// </summary>
public sealed class Hl7MessageProperties
{
    private static readonly Hl7ReadError[] AllErrors = Enum.GetValues<Hl7ReadError>();

    /// <summary>Fragments that exercise the reader's structure: segment names, delimiters, escapes, framing.</summary>
    private static Gen<string> Hl7ishText =>
        Gen.Choose(0, 40).SelectMany(count => Gen.ArrayOf(
            Gen.Elements(
                "MSH|^~\\&|", "MSH", "MSH#", "PID|", "PID", "EVN|", "|", "^", "~", "\\", "&", "\\X", "\\XC3", "\\F\\", "\\E\\",
                "\\H\\", "\\.br\\", "\r", "\n", "\r\n", "\u000B", "\u001C", "\"\"", " ", "NHS", "NH", "MR", "L", "H",
                "9990000018", "19780312", "1978", "SMITH", "é", "\uD83D\uDE00", "\uD800", "\0"),
            count)).Select(parts => string.Concat(parts));

    private static Arbitrary<string> AnyMessage => Arb.From(Gen.Frequency(
        (3, Hl7ishText),
        (1, NhsArbitraries.AnyText.Generator)));

    [Property(MaxTest = 3000)]
    public Property TryReadPatient_never_throws_and_succeeds_exactly_when_it_says_so() =>
        Prop.ForAll(AnyMessage, message =>
        {
            var ok = Hl7Message.TryReadPatient(message, out var record, out var error);
            var okSpan = Hl7Message.TryReadPatient(message.AsSpan(), out var fromSpan, out var spanError);
            return Array.IndexOf(AllErrors, error) >= 0
                && ok == (error == Hl7ReadError.None)
                && ok == (record is not null)
                && okSpan == ok && spanError == error
                && (!ok || (fromSpan!.NhsNumber == record!.NhsNumber && fromSpan.FamilyName == record.FamilyName));
        });

    /// <summary>Random field values: letters, digits, spaces inside, every delimiter and non-ASCII text.</summary>
    private static Gen<string?> Value =>
        Gen.Frequency(
            (1, Gen.Constant<string?>(null)),
            (6, Gen.Choose(1, 12).SelectMany(length => Gen.ArrayOf(Gen.Elements("aZ09 -'|^~\\&éßŁ中\u00A0.".ToCharArray()), length))
                .Select(chars => new string(chars).Trim())
                .Select(text => text.Length == 0 || text == "\"\"" ? null : text)));

    private sealed record Fields(string? Nhs, string? Local, string? Family, string? Given, string? Middle, string? Street, string? Town, string? Postcode, string? Phone, string? GpPractice);

    private static Arbitrary<(Fields Fields, bool HexForNonAscii, bool Lf)> Pids => Arb.From(
        from nhs in Gen.Elements<string?>(null, "9990000018", "999 000 0026")
        from local in Value
        from family in Value
        from given in Value
        from middle in Value
        from street in Value
        from town in Value
        from postcode in Value
        from phone in Value
        from gpPractice in Value
        from hex in Gen.Elements(false, true)
        from lf in Gen.Elements(false, true)
        select (new Fields(nhs, local, family, given, middle, street, town, postcode, phone, gpPractice), hex, lf));

    [Property(MaxTest = 1000)]
    public Property A_PID_and_PD1_built_from_escaped_values_read_back_the_same_values() =>
        Prop.ForAll(Pids, sample =>
        {
            var (f, hex, lf) = sample;
            string E(string? value) => Escape(value, hex);
            var identifiers = new List<string>();
            if (f.Local is not null)
            {
                identifiers.Add(E(f.Local) + "^^^RXH^MR");
            }

            if (f.Nhs is not null)
            {
                identifiers.Add(f.Nhs + "^^^NHS^NH");
            }

            var pid = "PID|1||" + string.Join("~", identifiers) + "||" + E(f.Family) + "^" + E(f.Given) + "^" + E(f.Middle) + "^^^^L"
                + "||19780312|F|||" + E(f.Street) + "^^" + E(f.Town) + "^^" + E(f.Postcode) + "^GBR^H||" + E(f.Phone) + "^PRN^PH";
            // The practice name (XON.1) holds every delimiter escaped, so a wrongly split component would move XON.10.
            var pd1 = "PD1|||" + E("Surgery|^~\\&") + "^^^^^^^^^" + E(f.GpPractice);
            var message = "MSH|^~\\&|A|B|C|D|20261124||ADT^A08|CTRL|P|2.5.1" + (lf ? "\n" : "\r") + pid + (lf ? "\n" : "\r") + pd1;

            var givenNames = f.Given is null ? f.Middle : f.Middle is null ? f.Given : f.Given + " " + f.Middle;
            var address = f.Street is null ? f.Town : f.Town is null ? f.Street : f.Street + ", " + f.Town;
            var hasData = f.Nhs is not null || f.Local is not null || f.Family is not null || givenNames is not null;
            if (!Hl7Message.TryReadPatient(message, out var record, out var error))
            {
                return error == Hl7ReadError.None ? false.Label("failed without a reason") : (hasData ? false : true).Label(error.ToString());
            }

            return (record.NhsNumber == f.Nhs).Label("nhs")
                .And((record.LocalIdentifier == f.Local).Label("local"))
                .And((record.FamilyName == f.Family).Label("family"))
                .And((record.GivenNames == givenNames).Label("given"))
                .And((record.Address == address).Label("address"))
                .And((record.Postcode == f.Postcode).Label("postcode"))
                .And((record.Phone == f.Phone).Label("phone"))
                .And((record.GpPracticeCode == f.GpPractice?.ToUpperInvariant()).Label("gp practice"))
                .And((record.DateOfBirth == "1978-03-12").Label("dob"));
        });

    /// <summary>Escapes a value for the default delimiters; non-ASCII characters optionally as UTF-8 hex (<c>\Xhh..\</c>).</summary>
    private static string Escape(string? value, bool hexForNonAscii)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            var c = rune.IsBmp ? (char)rune.Value : '\0';
            switch (c)
            {
                case '|': text.Append("\\F\\"); break;
                case '^': text.Append("\\S\\"); break;
                case '&': text.Append("\\T\\"); break;
                case '~': text.Append("\\R\\"); break;
                case '\\': text.Append("\\E\\"); break;
                default:
                    if (hexForNonAscii && !rune.IsAscii)
                    {
                        var length = rune.EncodeToUtf8(utf8);
                        text.Append("\\X").Append(Convert.ToHexString(utf8[..length])).Append('\\');
                    }
                    else
                    {
                        text.Append(rune.ToString());
                    }

                    break;
            }
        }

        return text.ToString();
    }
}
