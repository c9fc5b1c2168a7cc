using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NhsIdentity.Matching;

namespace NhsIdentity.Fhir.Tests.TestHelpers;

/// <summary>Generators of invented patient records in the forms supplier extracts write them (999-range NHS numbers
/// only; names and places are drawn from small invented lists and random letters).</summary>
internal static class FhirArbitraries
{
    private static readonly string[] GivenNames = ["Margaret", "Tomasz", "Aisha", "Oluwaseun", "Siobhan", "Rhys", "Mary Ann", "Jean-Luc", "Zo\u00eb"];
    private static readonly string[] FamilyNames = ["Ashworth", "Kowalczyk-Brennan", "O'Neill", "Van der Berg", "Okafor", "Nguyen"];
    private static readonly string[] Postcodes = ["HX7 8AE", "sr11re", "LS1 4AP", "M1 1AE", "ec1a 1bb", "GIR 0AA", "B33 8TH", "CR2 6XH", "DN55 1PT"];
    private static readonly string[] SexCodes = ["M", "F", "1", "2", "9", "0", "X", "male", "female", "other", "unknown", "U", "O"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "yyyyMMdd", "yyyy-MM", "yyyy"];

    public static Arbitrary<PatientRecord> Records => Arb.From(RecordGen);

    private static Gen<string?> Maybe(Gen<string> gen) =>
        Gen.Frequency((1, Gen.Constant<string?>(null)), (4, gen.Select(s => (string?)s)));

    private static Gen<string> Word =>
        Gen.Choose(2, 9).SelectMany(length => Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz".ToCharArray()), length))
            .Select(chars => char.ToUpperInvariant(chars[0]) + new string(chars, 1, chars.Length - 1));

    private static Gen<string> Spaced(Gen<string> gen) =>
        gen.SelectMany(text => Gen.Elements("", " ", "  ").Select(pad => pad + text + pad));

    private static Gen<string> NhsNumbers =>
        Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var number = new NhsNumberGenerator(seed).Next();
            return seed % 3 == 0 ? number.ToString("N") : number.ToString();
        });

    /// <summary>GP practice codes in the ODS shape (a letter and five digits), sometimes in lower case as a supplier
    /// extract may hold them.</summary>
    private static Gen<string> OdsCodes =>
        from letter in Gen.Elements("ABCDEFGHJKLMNPY".ToCharArray())
        from number in Gen.Choose(0, 99_999)
        from lower in Gen.Elements(false, true)
        let code = letter + number.ToString("D5", CultureInfo.InvariantCulture)
        select lower ? code.ToLowerInvariant() : code;

    private static Gen<string> Dates =>
        from day in Gen.Choose(0, 60_000)
        from format in Gen.Elements(DateFormats)
        select new DateOnly(1900, 1, 1).AddDays(day).ToString(format, CultureInfo.InvariantCulture);

    private static Gen<string> Addresses =>
        from number in Gen.Choose(1, 300)
        from street in Word
        from town in Word
        from separator in Gen.Elements(", ", ",", " ,  ")
        select number.ToString(CultureInfo.InvariantCulture) + " " + street + " Road" + separator + town;

    private static Gen<PatientRecord> RecordGen =>
        from id in Word
        from nhs in Maybe(NhsNumbers)
        from given in Maybe(Spaced(Gen.OneOf(Gen.Elements(GivenNames), Word, Word.SelectMany(a => Word.Select(b => a + "  " + b)))))
        from family in Maybe(Gen.OneOf(Gen.Elements(FamilyNames), Word))
        from dob in Maybe(Dates)
        from sex in Maybe(Gen.Elements(SexCodes))
        from postcode in Maybe(Gen.Elements(Postcodes))
        from address in Maybe(Addresses)
        from local in Maybe(Word.Select(w => "RX" + w))
        from phone in Maybe(Gen.Choose(0, 999).Select(n => "07700 900" + n.ToString("D3", CultureInfo.InvariantCulture)))
        from email in Maybe(Word.Select(w => w.ToLowerInvariant() + "@example.com"))
        from practice in Maybe(Spaced(OdsCodes))
        select new PatientRecord
        {
            Id = "rec-" + id, NhsNumber = nhs, GivenNames = given, FamilyName = family, DateOfBirth = dob, Sex = sex,
            Postcode = postcode, Address = address, LocalIdentifier = local, Phone = phone, Email = email,
            GpPracticeCode = practice,
        };
}
