namespace NhsIdentity.Tests.Interop;

/// <summary>
/// Realistic HL7 v2 ADT messages written for these tests: invented people, 999-range NHS numbers (the NHS test range),
/// Ofcom drama-range telephone numbers (07700 900xxx, 0161 496 0xxx), example.org email addresses. Field layouts
/// follow HL7 v2.5.1 chapter 3 (3.4.2 PID) and chapter 2A (CX, XPN, XAD, XTN); the NHS number marking (CX.4
/// <c>NHS</c>, CX.5 <c>NH</c>) follows the NHS England North West GMSA NHS Number profile and Patients Know Best's PID
/// profile.
/// </summary>
internal static class Hl7Samples
{
    /// <summary>
    /// ADT^A01 (admit) from a Cerner-style EPR: three PID-3 repetitions (hospital number MR first, NHS number, another
    /// trust's PI), the legal name after a display name, a mailing address before the home address, a mobile phone
    /// and an email, a PD1 naming the registered GP practice (ODS code in XON.10), then PV1 and NK1 segments that must
    /// be ignored.
    /// </summary>
    public const string CernerA01 =
        "MSH|^~\\&|CERNER|RXH|PAS_ENGINE|RXH|20261124093015||ADT^A01^ADT_A01|Q8812345T01|P|2.5.1|||AL|NE|GBR|UNICODE UTF-8\r" +
        "EVN|A01|20261124093000\r" +
        "PID|1||RXH4471025^^^RXH^MR^RXH~9990000018^^^NHS^NH~E55501^^^ECUH^PI||O'BRIEN^Shiv^^^^^D~O'BRIEN^Siobhan^Mary Claire^^MRS^^L||19780312|F|||PO Box 12^^Salford^^M5 0AA^GBR^M~12 Riverside Court^Flat 3^Salford^Greater Manchester^M5 4WT^GBR^H||07700 900123^PRN^CP~^NET^Internet^siobhan.obrien@example.org|^WPN^PH^^44^161^4960123|||||||||||||||\r" +
        "PD1|||RIVERSIDE MEDICAL PRACTICE^^^^^^^^^Y02345\r" +
        "PV1|1|I|WARD7^BED2^^RXH||||C1234567^HOLLOWAY^Janet^^^DR\r" +
        "NK1|1|O'BRIEN^Declan|SPO|12 Riverside Court^^Salford^^M5 4WT\r";

    /// <summary>
    /// ADT^A04 (register) with escape sequences in names and the address: <c>\T\</c> (&amp;), <c>\F\</c> (|),
    /// <c>\S\</c> (^), <c>\R\</c> (~), <c>\E\</c> (\), UTF-8 hex <c>\XC3AB\</c> (ë), ISO 8859-1 hex <c>\XE9\</c> (é),
    /// highlighting <c>\H\...\N\</c>; line feeds between segments; an NHS number with spaces; a date of birth with time and offset.
    /// </summary>
    public const string EscapedA04 =
        "MSH|^~\\&|EPR|RTX|MPI|RTX|20261124101500||ADT^A04^ADT_A01|MSG00042|P|2.5.1\n" +
        "EVN|A04|20261124101500\n" +
        "PID|1||999 000 0026^^^NHS^NH~T0098765^^^RTX^MR||\\H\\Ren\\XE9\\e-Smith\\N\\^Zo\\XC3AB\\^Anne\\R\\Marie||19610704083000+0100|F|||Unit 4\\F\\5^Smith \\T\\ Sons Yard^Lancaster^^LA1 1AA^GBR^H||01524 \\S\\ 496000^PRN^PH|||||||||||||||||\n" +
        "PV1|1|O|OPD\n";

    /// <summary>ADT^A08 (update) with unusual delimiters from MSH-1/MSH-2: field <c>!</c>, component <c>$</c>, repetition <c>*</c>, escape <c>#</c>, subcomponent <c>%</c>.</summary>
    public const string OddDelimitersA08 =
        "MSH!$*#%!GPSYS!Y12345!EPR!RXH!20261124111111!!ADT$A08$ADT_A01!CTRL-A08-7!P!2.4\r" +
        "PID!1!!G778899$$$Y12345$PI*9990000034$$$NHS%2.16.840.1.113883.2.1.4.1%ISO!!PATEL$Anil$Kumar$$DR!!19520229!M!!!Flat 1$The #S# Mews$Bolton$$BL1 1AA!!07700 900456\r";

    /// <summary>ADT^A28 (add person) in the older v2.3 style: NHS number in PID-2, hospital number in PID-3, partial date of birth, missing address, sex unknown.</summary>
    public const string OlderA28 =
        "MSH|^~\\&|LEGACYPAS|RWW|MPI|RWW|20261124120000||ADT^A28|A28-000913|P|2.3\r\n" +
        "EVN|A28|20261124120000\r\n" +
        "PID|1|9990000042^^^NHS^NH|W112233^^^RWW^MR||KOWALSKA^Agnieszka||198511|U\r\n";

    /// <summary>A bare PID segment with no MSH: default delimiters; the NHS number marked only by the assigning facility (CX.6).</summary>
    public const string LonePid = "PID|||9990000050^^^^^NHS||Nakamura^Kenji||20010915|M|||^^^^LS1 4AP";
}
