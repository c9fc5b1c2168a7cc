using NhsIdentity.Demographics;

namespace NhsIdentity.Tests.Demographics.PostcodeTests;

/// <summary>
/// Sourced examples. "MRS" is the Market Research Society's "Postcode format" sheet (after the Royal Mail PAF
/// Programmers' Guide), whose format table gives one example per shape; "Wikipedia" is "Postcodes in the United
/// Kingdom" (Formatting, Validation, Special cases, Overseas territories). Failing examples for the letter rules are
/// constructed from the rule they break, which is named beside each.
/// </summary>
public sealed class ParsingExamplesTests
{
    [Theory]
    [InlineData("M1 1AA", "A9 9AA")]     // MRS format table
    [InlineData("M60 1NW", "A99 9AA")]   // MRS
    [InlineData("CR2 6XH", "AA9 9AA")]   // MRS
    [InlineData("DN55 1PT", "AA99 9AA")] // MRS
    [InlineData("W1A 1HQ", "A9A 9AA")]   // MRS
    [InlineData("EC1A 1BB", "AA9A 9AA")] // MRS
    [InlineData("SW1A 1AA", "AA9A 9AA")] // Buckingham Palace (Wikipedia)
    [InlineData("B33 8TH", "A99 9AA")]   // Wikipedia examples
    [InlineData("GX11 1AA", "AA99 9AA")] // Gibraltar uses the ordinary shape (Wikipedia, overseas territories)
    public void Every_shape_parses_and_is_canonical(string text, string shape)
    {
        Assert.True(Postcode.TryParse(text, PostcodeStyles.Strict, out var postcode, out var status), shape);
        Assert.Equal(PostcodeStatus.Valid, status);
        Assert.Equal(PostcodeKind.Geographic, postcode.Kind);
        Assert.Equal(text, postcode.ToString());
        Assert.False(postcode.IsPseudo);
        Assert.True(postcode.HasLocation);
    }

    [Theory]
    [InlineData("sw1a1aa")]
    [InlineData(" SW1A  1AA ")]
    [InlineData("SW1A1AA")]
    [InlineData("Sw1a 1aA")]
    [InlineData("\tSW1A\t1AA\r\n")]
    [InlineData("\u00A0SW1A 1AA\u2003")]
    [InlineData("S W 1 A 1 A A")]
    public void Lenient_normalises_case_and_spacing(string text)
    {
        Assert.Equal("SW1A 1AA", Postcode.Parse(text).ToString());
        Assert.NotEqual(PostcodeStatus.Valid, Postcode.Validate(text, PostcodeStyles.Strict));
    }

    [Theory]
    [InlineData("SW1A IAA", "SW1A 1AA")]  // inward digit: I -> 1
    [InlineData("SW1A OAA", "SW1A 0AA")]  // inward digit: O -> 0
    [InlineData("SWIA IAA", "SW1A 1AA")]  // fourth-character outward, third position is a digit: I -> 1
    [InlineData("0X1 1AA", "OX1 1AA")]    // first position is always a letter: 0 -> O
    [InlineData("1P1 2AB", "IP1 2AB")]    // first position: 1 -> I
    [InlineData("LI 8JQ", "L1 8JQ")]      // A9: the second character is a digit
    [InlineData("MO 1AE", "M0 1AE")]      // A9: O -> 0
    [InlineData("BI2 3AB", "B12 3AB")]    // three-character outward: I is never a second letter
    [InlineData("E1O 1AA", "E10 1AA")]    // three-character outward: O is not a valid A9A third letter
    [InlineData("S0I4 7AB", "SO14 7AB")]  // AA9x: second is a letter (0 -> O), third a digit (I -> 1)
    [InlineData("EC1O 1BB", "EC10 1BB")]  // O is not a valid AA9A fourth letter
    [InlineData("NW1I 2AB", "NW11 2AB")]  // I is not a valid AA9A fourth letter
    [InlineData("GIR OAA", "GIR 0AA")]    // the Girobank inward digit too
    public void Lenient_repairs_O_0_and_I_1_by_position(string typed, string expected)
    {
        Assert.Equal(expected, Postcode.Parse(typed).ToString());
        Assert.NotEqual(PostcodeStatus.Valid, Postcode.Validate(typed, PostcodeStyles.Strict));
    }

    [Theory]
    [InlineData("PO1 3AX")] // O second in AA9 is a valid letter (Portsmouth; MRS example): not repaired
    [InlineData("YO1 7HH")] // York
    [InlineData("IG1 1AA")] // I first is valid (Ilford)
    [InlineData("IP1 1AA")]
    [InlineData("L1 8JQ")]
    public void Valid_text_is_never_repaired(string text) => Assert.Equal(text, Postcode.Parse(text).ToString());

    [Theory]
    [InlineData("SW1A 1A0", PostcodeStatus.InvalidShape)] // a zero in an inward letter is not repaired: O is never an inward letter
    [InlineData("SW1A 1AO", PostcodeStatus.InvalidLetter)] // ... and a typed O there breaks the inward rule
    [InlineData("5W1A 1AA", PostcodeStatus.InvalidShape)]  // only O/0 and I/1 are repaired, not S/5
    [InlineData("SW1A LAA", PostcodeStatus.InvalidShape)]  // L is not repaired to 1 (L is a valid letter elsewhere)
    [InlineData("AI12 1AA", PostcodeStatus.InvalidLetter)] // four-character outward: a second-position I is not repaired (1 cannot be there)
    public void What_is_not_repaired(string typed, PostcodeStatus expected) => Assert.Equal(expected, Postcode.Validate(typed));

    [Theory]
    [InlineData("", PostcodeStatus.Empty)]
    [InlineData("   ", PostcodeStatus.Empty)]
    [InlineData("\t\u00A0", PostcodeStatus.Empty)]
    [InlineData("SW1A-1AA", PostcodeStatus.InvalidCharacter)]
    [InlineData("SW1A 1A@", PostcodeStatus.InvalidCharacter)]
    [InlineData("SW1A.1AA", PostcodeStatus.InvalidCharacter)]
    [InlineData("SW1A 1A\u00C4", PostcodeStatus.InvalidCharacter)]
    [InlineData("\uFF33W1A 1AA", PostcodeStatus.InvalidCharacter)] // full-width S
    [InlineData("SW1A\u00A01AA", PostcodeStatus.InvalidCharacter)] // inner NBSP: only space and tab are ignored inside
    [InlineData("SW1", PostcodeStatus.WrongLength)]
    [InlineData("M1 1A", PostcodeStatus.WrongLength)]
    [InlineData("SW1A 1AAX", PostcodeStatus.WrongLength)]
    [InlineData("SW1AB 1AA", PostcodeStatus.WrongLength)]
    [InlineData("99 9AA", PostcodeStatus.InvalidShape)]
    [InlineData("SWA1 1AA", PostcodeStatus.InvalidShape)]
    [InlineData("SW1A AAA", PostcodeStatus.InvalidShape)]
    [InlineData("SW1A 11A", PostcodeStatus.InvalidShape)]
    [InlineData("ABC 1AA", PostcodeStatus.InvalidShape)]
    [InlineData("AB1C2 1AA", PostcodeStatus.WrongLength)]
    [InlineData("A1 1A1", PostcodeStatus.InvalidShape)]
    [InlineData("ABCD 1ZZ", PostcodeStatus.InvalidShape)] // 1ZZ but not an overseas-territory code
    public void Malformed_input_gives_its_reason(string text, PostcodeStatus expected)
    {
        Assert.Equal(expected, Postcode.Validate(text));
        Assert.False(Postcode.TryParse(text, out var result));
        Assert.True(result.IsEmpty);
    }

    [Theory]
    [InlineData("QA1 1AA")]  // Q never first (Wikipedia/MRS: "Q, V and X are not used in the first position")
    [InlineData("V1 1AA")]   // V never first
    [InlineData("X11 1AA")]  // X never first
    [InlineData("AI12 1AA")] // I never second ("I, J and Z are not used in the second position")
    [InlineData("AJ1 1AA")]  // J never second
    [InlineData("AZ1 1AA")]  // Z never second
    [InlineData("A1L 1AA")]  // A9A third letter only from ABCDEFGHJKPSTUW
    [InlineData("A1Q 1AA")]
    [InlineData("W1Z 1AA")]
    [InlineData("AA1C 1AA")] // AA9A fourth letter only from ABEHMNPRVWXY
    [InlineData("EC1D 1AA")]
    [InlineData("SW1Z 1AA")]
    [InlineData("SW1A 1CA")] // inward letters never C, I, K, M, O, V
    [InlineData("SW1A 1AI")]
    [InlineData("SW1A 1KA")]
    [InlineData("SW1A 1AM")]
    [InlineData("SW1A 1OA")]
    [InlineData("SW1A 1AV")]
    public void Each_letter_rule_has_a_failing_example(string text)
    {
        Assert.Equal(PostcodeStatus.InvalidLetter, Postcode.Validate(text));
        Assert.Equal(PostcodeStatus.InvalidLetter, Postcode.Validate(text, PostcodeStyles.Strict));
    }

    [Theory]
    [InlineData("A1P 1AA")] // P is in Wikipedia's A9A list (the older MRS sheet omits it): accepted
    [InlineData("AA1V 1AA")]
    [InlineData("AA1Y 1AB")]
    [InlineData("SW1A 1ZZ")]
    public void Edge_letters_inside_the_rules_pass(string text) => Assert.True(Postcode.IsValid(text, PostcodeStyles.Strict));

    [Theory]
    [InlineData("SW1A1AA", PostcodeStatus.InvalidSpacing)]
    [InlineData("SW1A  1AA", PostcodeStatus.InvalidSpacing)]
    [InlineData("SW1 A1AA", PostcodeStatus.InvalidSpacing)]
    [InlineData(" SW1A 1AA", PostcodeStatus.InvalidSpacing)] // strict does not trim
    [InlineData("sw1a 1aa", PostcodeStatus.InvalidCharacter)]
    [InlineData("SW1A\t1AA", PostcodeStatus.InvalidCharacter)]
    [InlineData("SWIA 1AA", PostcodeStatus.InvalidShape)]
    [InlineData("BFPO57", PostcodeStatus.InvalidSpacing)]
    [InlineData("BFPO 057", PostcodeStatus.InvalidShape)]
    public void Strict_accepts_only_the_canonical_form(string text, PostcodeStatus expected) =>
        Assert.Equal(expected, Postcode.Validate(text, PostcodeStyles.Strict));

    [Theory]
    [InlineData("GIR 0AA")]
    [InlineData("gir0aa")]
    [InlineData(" GIR  0AA")]
    public void Girobank_is_a_special_case(string text)
    {
        var postcode = Postcode.Parse(text);
        Assert.Equal(PostcodeKind.Girobank, postcode.Kind);
        Assert.Equal("GIR 0AA", postcode.ToString());
        Assert.True(postcode.HasLocation);
    }

    [Theory]
    [InlineData("BFPO 1", "BFPO 1")]
    [InlineData("BFPO 57", "BFPO 57")]
    [InlineData("bfpo801", "BFPO 801")]
    [InlineData("BFPO  1234", "BFPO 1234")]
    [InlineData("BFPO 057", "BFPO 57")] // lenient drops leading zeros
    public void Bfpo_numbers_are_a_special_case(string text, string expected)
    {
        var postcode = Postcode.Parse(text);
        Assert.Equal(PostcodeKind.Bfpo, postcode.Kind);
        Assert.Equal(expected, postcode.ToString());
        Assert.True(Postcode.IsValid(expected, PostcodeStyles.Strict));
    }

    [Theory]
    [InlineData("BFPO", PostcodeStatus.WrongLength)]
    [InlineData("BFPO 12345", PostcodeStatus.WrongLength)]
    [InlineData("BFPO 0", PostcodeStatus.InvalidShape)]
    [InlineData("BFPO 0000", PostcodeStatus.InvalidShape)]
    [InlineData("BFPO 12A", PostcodeStatus.InvalidShape)]
    public void Bad_bfpo_numbers_fail(string text, PostcodeStatus expected) => Assert.Equal(expected, Postcode.Validate(text));

    // Wikipedia, "Postcodes in the United Kingdom", overseas territories.
    [Theory]
    [InlineData("ASCN 1ZZ")]
    [InlineData("BBND 1ZZ")]
    [InlineData("BIQQ 1ZZ")]
    [InlineData("FIQQ 1ZZ")]
    [InlineData("PCRN 1ZZ")]
    [InlineData("SIQQ 1ZZ")]
    [InlineData("STHL 1ZZ")]
    [InlineData("TDCU 1ZZ")]
    [InlineData("TKCA 1ZZ")]
    public void Overseas_territory_codes_are_a_special_case(string text)
    {
        var postcode = Postcode.Parse(text, PostcodeStyles.Strict);
        Assert.Equal(PostcodeKind.OverseasTerritory, postcode.Kind);
        Assert.Equal(text, postcode.ToString());
        Assert.Equal(postcode, Postcode.Parse(Lower(text).Replace(" ", "", StringComparison.Ordinal)));
        Assert.Equal(text[..4], postcode.Area);
    }

    // NHS pseudo-postcodes: NHS Wales Data Dictionary, "Postcode"; NHS England, "Commissioner assignment method
    // 2021/22 guidance"; HES Admitted Patient Care Data Dictionary.
    [Theory]
    [InlineData("ZZ99 3VZ")] // no fixed abode
    [InlineData("ZZ99 3WZ")] // address not known
    [InlineData("ZZ99 3CZ")] // England / UK, not otherwise specified
    [InlineData("ZZ99 3GZ")] // Wales, not otherwise specified
    [InlineData("ZZ99 1WZ")] // Scotland, not otherwise specified
    [InlineData("ZZ99 2WZ")] // Northern Ireland, not otherwise specified
    public void Nhs_pseudo_postcodes_are_a_special_case_and_count_as_missing(string text)
    {
        var postcode = Postcode.Parse(text, PostcodeStyles.Strict);
        Assert.Equal(PostcodeKind.Pseudo, postcode.Kind);
        Assert.True(postcode.IsPseudo);
        Assert.False(postcode.HasLocation);
        Assert.Equal(text, postcode.ToString());
        Assert.Equal(postcode, Postcode.Parse(Lower(text)));
        foreach (var part in Enum.GetValues<PostcodePart>())
        {
            Assert.Equal(0, postcode.GetPartKey(part));
            Assert.False(postcode.SharesPart(postcode, part));
        }
    }

    [Fact]
    public void Pseudo_postcodes_would_fail_the_letter_rules_as_geographic()
    {
        // Z is never a second letter and V never an inward letter, so ZZ99 3VZ is accepted only as the explicit
        // special case; its neighbours fail.
        Assert.Equal(PostcodeStatus.InvalidLetter, Postcode.Validate("ZZ98 3AB"));
        Assert.Equal(PostcodeStatus.InvalidLetter, Postcode.Validate("ZY99 3VZ"));
    }

    private static string Lower(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = char.ToLowerInvariant(source[i]);
        }
    });
}
