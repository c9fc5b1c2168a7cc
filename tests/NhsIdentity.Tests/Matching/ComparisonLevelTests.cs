using NhsIdentity.Matching;
using NhsIdentity.Matching.Comparisons;

namespace NhsIdentity.Tests.Matching;

/// <summary>Each comparison level reached by a pair of invented values, and the missing codes.</summary>
public sealed class ComparisonLevelTests
{
    [Theory]
    [InlineData("Alice", "Pemberton", "ALICE", "PEMBERTON", NameLevel.ExactFullName)]
    [InlineData("Alice Mary", "Pemberton", "alice", "pemberton", NameLevel.ExactFullName)]        // middle name ignored
    [InlineData("Pemberton", "Alice", "Alice", "Pemberton", NameLevel.Swapped)]
    [InlineData("Elsie", "Pemberton", "Alice", "Pemberton", NameLevel.Nickname)]                  // carltonnorthern: ALICE ~ ELSIE
    [InlineData("Alice", "Pemberten", "Alice", "Pemberton", NameLevel.JaroWinkler92)]             // one typo
    [InlineData("Alicia", "Pemberton", "Alice", "Pemberton", NameLevel.JaroWinkler88)]
    [InlineData("Mary Alice", "Jones-Smith", "Alice", "Smith", NameLevel.TokenOverlap)]           // middle name + double-barrel
    [InlineData("Catherine", "Pemberton", "Alice", "Pemberton", NameLevel.FamilyOnly)]
    [InlineData("Alice", "Okafor", "Alice", "Pemberton", NameLevel.GivenOnly)]
    [InlineData("Brian", "Okafor", "Alice", "Pemberton", NameLevel.Else)]
    [InlineData("Mary-Jane", "Pemberton", "MaryJane", "Pemberton", NameLevel.ExactFullName)]       // hyphen dropped in the compact form
    public void Names(string givenA, string familyA, string givenB, string familyB, NameLevel expected)
    {
        var (a, b) = Sets(new PatientRecord { GivenNames = givenA, FamilyName = familyA }, new PatientRecord { GivenNames = givenB, FamilyName = familyB });
        Assert.Equal((byte)expected, PairComparer.Compare(ComparisonKind.Name, a, 0, b, 0));
        Assert.Equal((byte)expected, PairComparer.Compare(ComparisonKind.Name, b, 0, a, 0));
    }

    [Theory]
    [InlineData("Alice", "ALICE", GivenNameLevel.Exact)]
    [InlineData("Alice Mary", "alice", GivenNameLevel.Exact)]                     // middle name ignored
    [InlineData("Elsie", "Alice", GivenNameLevel.Nickname)]                       // carltonnorthern: ALICE ~ ELSIE
    [InlineData("Alicia", "Alice", GivenNameLevel.JaroWinkler88)]
    [InlineData("Christopher", "C", GivenNameLevel.Initial)]
    [InlineData("C.", "Christopher", GivenNameLevel.Initial)]
    [InlineData("John Paul", "Paul", GivenNameLevel.MiddleName)]
    [InlineData("Philip", "Filip", GivenNameLevel.Phonetic)]
    [InlineData("Brian", "Alice", GivenNameLevel.Else)]
    [InlineData("Christopher", "D", GivenNameLevel.Else)]
    [InlineData("C", "C.", GivenNameLevel.Initial)]                               // two equal initials: no more than one
    [InlineData("E", "E. E.", GivenNameLevel.Initial)]
    [InlineData("C", "D", GivenNameLevel.Else)]
    public void Given_names(string givenA, string givenB, GivenNameLevel expected)
    {
        var (a, b) = Sets(new PatientRecord { GivenNames = givenA, FamilyName = "Pemberton" }, new PatientRecord { GivenNames = givenB, FamilyName = "Okafor" });
        Assert.Equal((byte)expected, PairComparer.Compare(ComparisonKind.GivenName, a, 0, b, 0));
        Assert.Equal((byte)expected, PairComparer.Compare(ComparisonKind.GivenName, b, 0, a, 0));
    }

    [Theory]
    [InlineData("Pemberton", "PEMBERTON", FamilyNameLevel.Exact)]
    [InlineData("Pemberten", "Pemberton", FamilyNameLevel.JaroWinkler92)]
    [InlineData("Jones-Smith", "Smith", FamilyNameLevel.DoubleBarrel)]
    [InlineData("Knight", "Nite", FamilyNameLevel.Phonetic)]
    [InlineData("Okafor", "Pemberton", FamilyNameLevel.Else)]
    public void Family_names(string familyA, string familyB, FamilyNameLevel expected)
    {
        var (a, b) = Sets(new PatientRecord { GivenNames = "Alice", FamilyName = familyA }, new PatientRecord { GivenNames = "Brian", FamilyName = familyB });
        Assert.Equal((byte)expected, PairComparer.Compare(ComparisonKind.FamilyName, a, 0, b, 0));
        Assert.Equal((byte)expected, PairComparer.Compare(ComparisonKind.FamilyName, b, 0, a, 0));
    }

    [Fact]
    public void A_swap_is_the_given_names_level_and_the_family_name_comparison_is_not_made_so_it_counts_once()
    {
        var (a, b) = Sets(new PatientRecord { GivenNames = "Pemberton", FamilyName = "Alice" }, new PatientRecord { GivenNames = "Alice", FamilyName = "Pemberton" });
        Assert.Equal((byte)GivenNameLevel.Swapped, PairComparer.Compare(ComparisonKind.GivenName, a, 0, b, 0));
        Assert.Equal(PairComparer.MissingBoth, PairComparer.Compare(ComparisonKind.FamilyName, a, 0, b, 0));
        var explanation = MatchModel.Default.Explain(a, 0, b, 0);
        var family = explanation.Outcomes.Single(o => o.Comparison == ComparisonKind.FamilyName);
        Assert.Equal(0, family.Weight);
    }

    [Fact]
    public void Phonetic_level_needs_both_names_to_sound_alike()
    {
        // Double Metaphone (Philips 2000): PHILIP and FILIP are both FLP, KNIGHT and NITE both NT, while Jaro-Winkler on
        // the family names stays far below 0.70.
        var (a, b) = Sets(new PatientRecord { GivenNames = "Philip", FamilyName = "Knight" }, new PatientRecord { GivenNames = "Filip", FamilyName = "Nite" });
        Assert.Equal((byte)NameLevel.Phonetic, PairComparer.Compare(ComparisonKind.Name, a, 0, b, 0));
        var (c, d) = Sets(new PatientRecord { GivenNames = "Philip", FamilyName = "Knight" }, new PatientRecord { GivenNames = "Filip", FamilyName = "Okafor" });
        Assert.NotEqual((byte)NameLevel.Phonetic, PairComparer.Compare(ComparisonKind.Name, c, 0, d, 0));
    }

    [Theory]
    [InlineData("14/03/1987", "1987-03-14", DateOfBirthLevel.Exact)]
    [InlineData("04/03/1987", "1987-04-03", DateOfBirthLevel.DayMonthSwapped)]
    [InlineData("14/03/1987", "14/03/1981", DateOfBirthLevel.OneDigitDifferent)]
    [InlineData("14/03/1987", "14/05/1987", DateOfBirthLevel.OneDigitDifferent)]
    [InlineData("14/03/1987", "28/03/1987", DateOfBirthLevel.TwoPartsEqual)]
    [InlineData("14/03/1987", "20/11/1986", DateOfBirthLevel.WithinOneYear)]
    [InlineData("14/03/1987", "14/03/1959", DateOfBirthLevel.TwoPartsEqual)]
    [InlineData("14/03/1987", "02/11/1959", DateOfBirthLevel.Else)]
    [InlineData("01/01/1987", "1987-01-01", DateOfBirthLevel.WithinOneYear)]                       // possible placeholder: year only
    [InlineData("01/01/1987", "14/03/1987", DateOfBirthLevel.WithinOneYear)]
    [InlineData("1987", "14/03/1987", DateOfBirthLevel.WithinOneYear)]                             // partial date
    [InlineData("1987", "14/03/1988", DateOfBirthLevel.Else)]
    public void Dates_of_birth(string a, string b, DateOfBirthLevel expected) =>
        AssertLevel(ComparisonKind.DateOfBirth, new PatientRecord { DateOfBirth = a }, new PatientRecord { DateOfBirth = b }, (byte)expected);

    [Theory]
    [InlineData("LS1 4AP", "ls14ap", PostcodeLevel.Full)]
    [InlineData("LS1 4AP", "LS1 4AQ", PostcodeLevel.Sector)]
    [InlineData("LS1 4AP", "LS1 9ZZ", PostcodeLevel.District)]
    [InlineData("LS1 4AP", "LS6 2AB", PostcodeLevel.Area)]
    [InlineData("LS1 4AP", "M1 1AE", PostcodeLevel.Else)]
    [InlineData("2615", "2615", PostcodeLevel.Full)]                                                // non-UK: exact only
    [InlineData("2615", "2614", PostcodeLevel.Else)]
    public void Postcodes(string a, string b, PostcodeLevel expected) =>
        AssertLevel(ComparisonKind.Postcode, new PatientRecord { Postcode = a }, new PatientRecord { Postcode = b }, (byte)expected);

    [Theory]
    [InlineData("12 Acacia Avenue, Leeds", "12 ACACIA AVENUE LEEDS", AddressLevel.Similar90)]
    [InlineData("12 Acacia Avenue, Leeds", "Leeds, 12 Acacia Avenue", AddressLevel.Similar90)]
    [InlineData("12 Acacia Avenue, Leeds", "3 Mill Lane, Manchester", AddressLevel.Else)]
    public void Addresses(string a, string b, AddressLevel expected) =>
        AssertLevel(ComparisonKind.Address, new PatientRecord { Address = a }, new PatientRecord { Address = b }, (byte)expected);

    [Theory]
    [InlineData("RX1000123", "rx1-000-123", LocalIdentifierLevel.Exact)]
    [InlineData("RX1000123", "RX1000124", LocalIdentifierLevel.OneEdit)]
    [InlineData("RX1000123", "RX1000321", LocalIdentifierLevel.Else)]
    [InlineData("RX1000123", "RX1000213", LocalIdentifierLevel.OneEdit)]                             // adjacent transposition
    public void Local_identifiers(string a, string b, LocalIdentifierLevel expected) =>
        AssertLevel(ComparisonKind.LocalIdentifier, new PatientRecord { LocalIdentifier = a }, new PatientRecord { LocalIdentifier = b }, (byte)expected);

    [Theory]
    [InlineData("999 000 0018", "9990000018", NhsNumberLevel.Equal)]
    [InlineData("999 000 0018", "999 000 0026", NhsNumberLevel.Different)]
    public void Nhs_numbers(string a, string b, NhsNumberLevel expected) =>
        AssertLevel(ComparisonKind.NhsNumber, new PatientRecord { NhsNumber = a }, new PatientRecord { NhsNumber = b }, (byte)expected);

    [Theory]
    [InlineData("M", "male", SexLevel.Equal)]
    [InlineData("1", "F", SexLevel.Different)]
    public void Sexes(string a, string b, SexLevel expected) =>
        AssertLevel(ComparisonKind.Sex, new PatientRecord { Sex = a }, new PatientRecord { Sex = b }, (byte)expected);

    [Theory]
    [InlineData(ComparisonKind.NhsNumber, "9999999999", "999 000 0018")]  // repdigit placeholder
    [InlineData(ComparisonKind.NhsNumber, "999 000 0019", "999 000 0018")] // fails the check digit
    [InlineData(ComparisonKind.Postcode, "ZZ99 3VZ", "LS1 4AP")]            // pseudo-postcode
    [InlineData(ComparisonKind.Postcode, "N/A", "LS1 4AP")]
    [InlineData(ComparisonKind.Sex, "U", "F")]                              // not known
    [InlineData(ComparisonKind.Sex, "9", "F")]                              // indeterminate
    [InlineData(ComparisonKind.DateOfBirth, "31/02/1987", "14/03/1987")]    // not a date
    [InlineData(ComparisonKind.Email, "not-an-email", "a@example.org")]
    public void Unusable_values_count_as_missing_on_their_side(ComparisonKind kind, string unusable, string usable)
    {
        var (a, b) = Sets(Record(kind, unusable), Record(kind, usable));
        Assert.Equal(PairComparer.MissingLeft, PairComparer.Compare(kind, a, 0, b, 0));
        Assert.Equal(PairComparer.MissingRight, PairComparer.Compare(kind, b, 0, a, 0));
        Assert.Equal(PairComparer.MissingBoth, PairComparer.Compare(kind, a, 0, a, 0));
        Assert.NotEqual(0, a.GetCounts(kind).Invalid + a.GetCounts(kind).Placeholder);
    }

    [Fact]
    public void Phone_numbers_compare_by_their_last_ten_digits()
    {
        AssertLevel(ComparisonKind.Phone, new PatientRecord { Phone = "+44 7700 900123" }, new PatientRecord { Phone = "07700 900123" }, (byte)ExactLevel.Equal);
        AssertLevel(ComparisonKind.Email, new PatientRecord { Email = " Alice@Example.org" }, new PatientRecord { Email = "alice@example.org" }, (byte)ExactLevel.Equal);
    }

    private static PatientRecord Record(ComparisonKind kind, string value) => kind switch
    {
        ComparisonKind.NhsNumber => new PatientRecord { NhsNumber = value },
        ComparisonKind.Postcode => new PatientRecord { Postcode = value },
        ComparisonKind.Sex => new PatientRecord { Sex = value },
        ComparisonKind.DateOfBirth => new PatientRecord { DateOfBirth = value },
        ComparisonKind.Email => new PatientRecord { Email = value },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static void AssertLevel(ComparisonKind kind, PatientRecord left, PatientRecord right, byte expected)
    {
        var (a, b) = Sets(left, right);
        Assert.Equal(expected, PairComparer.Compare(kind, a, 0, b, 0));
        Assert.Equal(expected, PairComparer.Compare(kind, b, 0, a, 0));
    }

    private static (RecordSet, RecordSet) Sets(PatientRecord a, PatientRecord b) => (new RecordSet([a]), new RecordSet([b]));
}
