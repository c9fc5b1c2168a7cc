using FuzzySharp;
using FuzzySharp.PreProcess;
using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Tests.Text.Similarity;

/// <summary>
/// <see cref="TokenSet"/>: the prepared form, hand-computed similarities, agreement with FuzzySharp 2.0.2's
/// <c>Fuzz.TokenSetRatio</c> on invented UK-style addresses, the empty-text rules and the TryPrepare contract.
/// All addresses are invented.
/// </summary>
public sealed class TokenSetTests
{
    // Source: the preparation rules in TokenSet's documentation (upper-case ASCII letter/digit tokens, person-name
    // folding of accents and ligatures, every other char separates, sorted ordinally, repeats dropped).
    [Theory]
    [InlineData("12 Acacia Avenue, Leeds", "12 ACACIA AVENUE LEEDS")]
    [InlineData("Flat 3, 12 Acacia Ave", "12 3 ACACIA AVE FLAT")]
    [InlineData("  leeds LEEDS, Leeds.  ", "LEEDS")]
    [InlineData("221b Baker St", "221B BAKER ST")]
    [InlineData("", "")]
    [InlineData(" ,;-/ \t", "")]
    [InlineData("St John's Road", "JOHN ROAD S ST")]
    [InlineData("O\u2019Neill House", "HOUSE NEILL O")] // a typographic apostrophe separates like the ASCII one
    [InlineData("Zo\u00EB Close", "CLOSE ZOE")]
    [InlineData("Zoe\u0308 Close", "CLOSE ZOE")] // decomposed: the combining diaeresis is dropped, not a break
    [InlineData("Stra\u00DFe 4", "4 STRASSE")]
    [InlineData("\uFB03e Lane", "FFIE LANE")]
    [InlineData("Mill\u00ADbrook", "MILLBROOK")] // soft hyphen: invisible, dropped
    [InlineData("\uFF26\uFF4C\uFF41\uFF54 \uFF13", "3 FLAT")] // full-width letters and digit
    [InlineData("\u0141\u00F3d\u017A Road", "LODZ ROAD")]
    [InlineData("Rose Cottage\uD83D\uDE00Hull", "COTTAGE HULL ROSE")] // an emoji separates
    [InlineData("10 9 1 A 09", "09 1 10 9 A")] // ordinal order: digits before letters, char by char
    public void Prepare_gives_the_sorted_distinct_upper_case_tokens(string text, string expected)
    {
        Assert.Equal(expected, TokenSet.Prepare(text));
        var destination = new char[TokenSet.GetMaxPreparedLength(text.Length)];
        Assert.True(TokenSet.TryPrepare(text, destination, out var written));
        Assert.Equal(expected, new string(destination, 0, written));
    }

    [Fact]
    public void Prepare_of_null_is_empty() => Assert.Equal("", TokenSet.Prepare(null));

    // Hand-computed from the definition: S = sorted intersection, A' = S + rest of a, B' = S + rest of b, best of
    // ratio(S, A'), ratio(S, B'), ratio(A', B') with ratio(x, y) = (|x| + |y| - indel(x, y)) / (|x| + |y|).
    [Theory]
    // S = "12 ACACIA LEEDS" (15), rests AVENUE / AVE: ratio(S, A') = 30/37, ratio(S, B') = 30/34,
    // ratio(A', B') = (41 - indel(AVENUE, AVE) = 3) / 41 = 38/41.
    [InlineData("12 Acacia Avenue, Leeds", "12 Acacia Ave, Leeds", 38, 41)]
    // Same token set in another order and case.
    [InlineData("Flat 3, 12 Acacia Avenue", "12 ACACIA AVENUE FLAT 3", 1, 1)]
    // Missing town: b's tokens are a subset of a's, so S = B' and ratio(S, B') = 1.
    [InlineData("12 Acacia Avenue, Leeds", "12 Acacia Avenue", 1, 1)]
    // No common token: S empty, ratio(A', B') = (2 + 2 - indel(AB, CD) = 4) / 4 = 0.
    [InlineData("AB", "CD", 0, 1)]
    // S = "12" (2), rests ACACIA (6) / ACACAI (6): ratio(S, A') = 4/11, ratio(A', B') = (18 - 2) / 18.
    [InlineData("12 Acacia", "12 Acacai", 16, 18)]
    // S empty, rests ROSE / ROSA: (8 - 2) / 8.
    [InlineData("Rose", "Rosa", 6, 8)]
    public void Similarity_matches_hand_computed_values(string a, string b, int numerator, int denominator)
    {
        var expected = numerator / (double)denominator;
        Assert.Equal(expected, TokenSet.Similarity(a, b));
        Assert.Equal(expected, TokenSet.Similarity(b, a));
        Assert.Equal(expected, TokenSet.SimilarityOfPrepared(TokenSet.Prepare(a), TokenSet.Prepare(b)));
    }

    /// <summary>Invented UK-style address pairs as two supplier systems might hold one address (or two different ones).</summary>
    public static TheoryData<string, string> AddressPairs => new()
    {
        { "12 Acacia Avenue, Leeds", "Flat 3, 12 Acacia Ave" },
        { "12 Acacia Avenue, Leeds", "Acacia Avenue 12 Leeds" },
        { "12 Acacia Avenue, Leeds", "12 Acacia Avenue" },
        { "12 Acacia Avenue, Leeds", "12 Acaica Avenue, Leeds" },
        { "12 Acacia Avenue, Leeds", "21 Acacia Avenue, Leeds" },
        { "Flat 3, 12 Acacia Avenue, Leeds LS6", "12 Acacia Av, Headingley, Leeds" },
        { "Rose Cottage, Mill Lane, Newton upon Hull", "Rose Cottage Mill Ln Newton-upon-Hull" },
        { "Rose Cottage, Mill Lane", "The Old Rectory, Mill Lane" },
        { "Apartment 40, The Gardens, West Street, York", "Apt 40 The Gdns West St York" },
        { "221B Baker Street", "221 B Baker Street" },
        { "4 High Street, Bradford", "4 High St, Wakefield" },
        { "4 High Street", "40 High Street" },
        { "Kingston upon Hull", "Hull" },
        { "Flat 1, 1 East Road", "1 East Road Flat 1" },
        { "One Two Three", "Four Five Six" },
        { "12 ACACIA AVENUE", "12 acacia avenue" },
        { "Newton House, 3 New Road, Bradford", "Newton Hse 3 New Rd Bradford BD1" },
    };

    [Theory]
    [MemberData(nameof(AddressPairs))]
    public void Rounded_percentage_equals_FuzzySharp_with_full_preprocessing(string a, string b)
    {
        var expected = Fuzz.TokenSetRatio(a, b, PreprocessMode.Full);
        Assert.Equal(expected, (int)Math.Round(100 * TokenSet.Similarity(a, b)));
        Assert.Equal(expected, (int)Math.Round(100 * TokenSet.SimilarityOfPrepared(TokenSet.Prepare(a), TokenSet.Prepare(b))));
    }

    [Theory]
    [MemberData(nameof(AddressPairs))]
    public void On_prepared_forms_the_rounded_percentage_equals_FuzzySharps_default_overload(string a, string b)
    {
        // Prepared forms are upper-case tokens separated by single spaces, which FuzzySharp's unprocessed default
        // overload tokenises exactly as we do.
        var preparedA = TokenSet.Prepare(a);
        var preparedB = TokenSet.Prepare(b);
        Assert.Equal(Fuzz.TokenSetRatio(preparedA, preparedB), (int)Math.Round(100 * TokenSet.SimilarityOfPrepared(preparedA, preparedB)));
    }

    [Fact]
    public void The_matcher_levels_fall_where_expected()
    {
        // The address comparison's levels: >= 0.9, >= 0.7, else.
        Assert.True(TokenSet.Similarity("12 Acacia Avenue, Leeds", "Acacia Avenue 12 Leeds") >= 0.9);
        Assert.True(TokenSet.Similarity("12 Acacia Avenue, Leeds", "12 Acacia Ave, Leeds") >= 0.9);
        Assert.InRange(TokenSet.Similarity("Flat 3, 12 Acacia Avenue, Leeds", "Flat 3, 12 Acacia Road, Bradford"), 0.7, 0.9);
        Assert.True(TokenSet.Similarity("Rose Cottage, Mill Lane", "4 High Street, Wakefield") < 0.7);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(" , ", "")]
    [InlineData("--", "\u0301")]
    public void Two_texts_without_tokens_are_the_same_empty_set(string a, string b)
    {
        Assert.Equal(1, TokenSet.Similarity(a, b));
        Assert.Equal(1, TokenSet.SimilarityOfPrepared(TokenSet.Prepare(a), TokenSet.Prepare(b)));
    }

    [Theory]
    [InlineData("", "12 Acacia Avenue")]
    [InlineData(" , ", "Leeds")]
    public void A_text_without_tokens_shares_nothing_with_one_that_has_some(string a, string b)
    {
        Assert.Equal(0, TokenSet.Similarity(a, b));
        Assert.Equal(0, TokenSet.Similarity(b, a));
        Assert.Equal(0, TokenSet.SimilarityOfPrepared(TokenSet.Prepare(a), TokenSet.Prepare(b)));

        // FuzzySharp 2.0.2 agrees here; it differs only for two empty texts (0 there, 1 here), see TokenSet's docs.
        Assert.Equal(0, Fuzz.TokenSetRatio(a, b, PreprocessMode.Full));
    }

    [Theory]
    [InlineData("12 Acacia Avenue, Leeds")]
    [InlineData("Flat 3, 12 Acacia Ave, Leeds, Leeds")]
    [InlineData("\uFB03 \uFB03")]
    public void TryPrepare_fails_on_a_short_destination_and_writes_nothing(string text)
    {
        var prepared = TokenSet.Prepare(text);
        var exact = new char[prepared.Length];
        Assert.True(TokenSet.TryPrepare(text, exact, out var written));
        Assert.Equal(prepared.Length, written);
        Assert.Equal(prepared, new string(exact));

        for (var length = 0; length < prepared.Length; length++)
        {
            var destination = Enumerable.Repeat('#', length + 2).ToArray();
            Assert.False(TokenSet.TryPrepare(text, destination.AsSpan(0, length), out written));
            Assert.Equal(0, written);
            Assert.All(destination, c => Assert.Equal('#', c));
        }
    }

    [Fact]
    public void TryPrepare_succeeds_with_an_empty_destination_when_there_are_no_tokens()
    {
        Assert.True(TokenSet.TryPrepare(" ,, ", [], out var written));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 3)]
    [InlineData(100, 300)]
    [InlineData(1_048_576, 3_145_728)]
    [InlineData(int.MaxValue, 3_145_728)] // text beyond 1,048,576 chars is ignored
    public void GetMaxPreparedLength_is_three_chars_per_char_read(int textLength, int expected) =>
        Assert.Equal(expected, TokenSet.GetMaxPreparedLength(textLength));

    [Fact]
    public void GetMaxPreparedLength_rejects_a_negative_length() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenSet.GetMaxPreparedLength(-1));

    [Fact]
    public void Ligatures_that_expand_fit_GetMaxPreparedLength()
    {
        // Each \uFB03 folds to three letters (FFI) and each separator adds one space; the tokens differ so none collapse.
        var text = string.Concat(Enumerable.Range(0, 50).Select(i => "\uFB03" + (char)('A' + (i % 26)) + (char)('A' + (i / 26)) + " "));
        var destination = new char[TokenSet.GetMaxPreparedLength(text.Length)];
        Assert.True(TokenSet.TryPrepare(text, destination, out var written));
        Assert.Equal(50 * 6 - 1, written);
    }

    [Fact]
    public void Long_texts_beyond_the_stack_scratch_agree_with_FuzzySharp()
    {
        // 300 numbered tokens (about 1,800 chars): preparation, the remainders and the alignment all use pooled scratch.
        var a = string.Join(", ", Enumerable.Range(0, 300).Select(i => "Road" + i));
        var b = string.Join(" ", Enumerable.Range(100, 300).Select(i => "road" + (i * 7 % 400)));
        var expected = Fuzz.TokenSetRatio(a, b, PreprocessMode.Full);
        Assert.Equal(expected, (int)Math.Round(100 * TokenSet.Similarity(a, b)));
        Assert.Equal(expected, (int)Math.Round(100 * TokenSet.SimilarityOfPrepared(TokenSet.Prepare(a), TokenSet.Prepare(b))));
    }
}
