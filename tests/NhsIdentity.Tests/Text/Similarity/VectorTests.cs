using NhsIdentity.Text.Similarity;

namespace NhsIdentity.Tests.Text.Similarity;

/// <summary>Published examples, each with its source beside it; every one is also checked through the prepared form.</summary>
public sealed class VectorTests
{
    public static TheoryData<string, string, double, double> JaroWinklerVectors => new()
    {
        // a, b, Jaro, Jaro-Winkler (4 dp). Source: Wikipedia, "Jaro-Winkler distance", worked examples
        // (MARTHA/MARHTA, DWAYNE/DUANE, DIXON/DICKSONX), which restate Winkler (1990).
        { "MARTHA", "MARHTA", 0.9444, 0.9611 },
        { "DWAYNE", "DUANE", 0.8222, 0.8400 },
        { "DIXON", "DICKSONX", 0.7667, 0.8133 },

        // Source: Wikipedia, "Jaro-Winkler distance", Jaro example FAREMVIEL/FARMVILLE (Jaro 0.88: 8 matches,
        // 2 out of order, so (8/9 + 8/9 + 7/8)/3 = 0.8843); Jaro-Winkler from the definition with the
        // 3-char prefix FAR: 0.8843 + 3 x 0.1 x (1 - 0.8843) = 0.9190.
        { "FAREMVIEL", "FARMVILLE", 0.8843, 0.9190 },

        // Hand-computed from the definition (no common chars within the window; one-char strings).
        { "ABC", "XYZ", 0, 0 },
        { "A", "A", 1, 1 },
        { "A", "B", 0, 0 },
    };

    [Theory]
    [MemberData(nameof(JaroWinklerVectors))]
    public void Jaro_and_Jaro_Winkler_match_published_values(string a, string b, double jaro, double jaroWinkler)
    {
        Assert.Equal(jaro, Math.Round(Jaro.Similarity(a, b), 4));
        Assert.Equal(jaroWinkler, Math.Round(JaroWinkler.Similarity(a, b), 4));
        Assert.Equal(jaroWinkler, Math.Round(JaroWinkler.Similarity(b, a), 4));
        Assert.Equal(jaroWinkler, Math.Round(new PreparedJaroWinkler(a).Similarity(b), 4));
        Assert.Equal(jaro, Math.Round(new PreparedJaroWinkler(b).JaroSimilarity(a), 4));
    }

    [Theory]
    // Source: Wikipedia, "Levenshtein distance" (kitten/sitting 3, flaw/lawn 2, Saturday/Sunday 3 in the
    // "Example" and "Upper and lower bounds" sections).
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("Saturday", "Sunday", 3)]
    // From the definition: distance to the empty string is the length; equal strings are 0; case counts.
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("SMITH", "SMITH", 0)]
    [InlineData("smith", "SMITH", 5)]
    public void Levenshtein_matches_published_values(string a, string b, int expected)
    {
        Assert.Equal(expected, Levenshtein.Distance(a, b));
        Assert.Equal(expected, Levenshtein.Distance(b, a));
        Assert.Equal(expected, new PreparedLevenshtein(a).Distance(b));
        Assert.Equal(expected, new PreparedLevenshtein(b).Distance(a));
    }

    [Theory]
    // Source: Wikipedia, "Damerau-Levenshtein distance", section "Optimal string alignment distance":
    // OSA(CA, ABC) = 3 where the unrestricted Damerau-Levenshtein distance is 2 (CA -> AC -> ABC edits a
    // substring twice); Levenshtein(CA, ABC) is 3 as well.
    [InlineData("CA", "ABC", 3)]
    // From the definition: one adjacent transposition costs 1 (Levenshtein would say 2).
    [InlineData("AB", "BA", 1)]
    [InlineData("TEH", "THE", 1)]
    [InlineData("JONSE", "JONES", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "ab", 2)]
    public void Optimal_string_alignment_matches_published_values(string a, string b, int expected)
    {
        Assert.Equal(expected, OptimalStringAlignment.Distance(a, b));
        Assert.Equal(expected, OptimalStringAlignment.Distance(b, a));
    }

    [Theory]
    // kitten/sitting: LCS "ittn" (4), so 6 + 7 - 2 x 4 = 5 (from the definition).
    [InlineData("kitten", "sitting", 5)]
    // A substitution costs 2 in indel terms.
    [InlineData("SMITH", "SMYTH", 2)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "abc", 0)]
    public void Indel_matches_the_definition(string a, string b, int expected)
    {
        Assert.Equal(expected, Indel.Distance(a, b));
        Assert.Equal(expected, new PreparedIndel(a).Distance(b));
    }

    [Theory]
    // Source: FuzzySharp README ("Simple Ratio": Fuzz.Ratio("mysmilarstring", "myawfullysimilarstirng") = 72,
    // Fuzz.Ratio("mysmilarstring", "mysimilarstring") = 97), which are fuzzywuzzy's examples.
    [InlineData("mysmilarstring", "myawfullysimilarstirng", 72)]
    [InlineData("mysmilarstring", "mysimilarstring", 97)]
    public void Indel_ratio_matches_the_FuzzySharp_readme(string a, string b, int expectedPercent)
    {
        Assert.Equal(expectedPercent, (int)Math.Round(100 * Indel.NormalizedSimilarity(a, b)));
        Assert.Equal(expectedPercent, FuzzySharp.Fuzz.Ratio(a, b));
    }

    [Fact]
    public void Empty_inputs_follow_the_documented_conventions()
    {
        Assert.Equal(1, Jaro.Similarity("", ""));
        Assert.Equal(0, Jaro.Similarity("", "A"));
        Assert.Equal(0, Jaro.Similarity("A", ""));
        Assert.Equal(1, JaroWinkler.Similarity("", ""));
        Assert.Equal(1, Levenshtein.NormalizedSimilarity("", ""));
        Assert.Equal(0, Levenshtein.NormalizedSimilarity("", "AB"));
        Assert.Equal(1, Indel.NormalizedSimilarity("", ""));
        Assert.Equal(0, Indel.NormalizedSimilarity("AB", ""));
        Assert.Equal(1, new PreparedJaroWinkler("").Similarity(""));
        Assert.Equal(0, new PreparedJaroWinkler("").Similarity("A"));
        Assert.Equal(1, new PreparedLevenshtein("").NormalizedSimilarity(""));
        Assert.Equal(1, new PreparedIndel("").NormalizedSimilarity(""));
    }

    [Fact]
    public void The_prefix_boost_needs_Jaro_above_the_threshold_and_counts_at_most_four_chars()
    {
        // Winkler 1990: the boost applies only above 0.7 and to at most 4 prefix chars.
        Assert.Equal(0.7, JaroWinkler.BoostThreshold);
        Assert.Equal(4, JaroWinkler.MaxPrefixLength);
        Assert.Equal(0.1, JaroWinkler.DefaultPrefixScale);

        // Six equal leading chars boost like four: j + 4 x 0.1 x (1 - j).
        var jaro = Jaro.Similarity("ABCDEFXY", "ABCDEFYX");
        Assert.Equal(jaro + (0.4 * (1 - jaro)), JaroWinkler.Similarity("ABCDEFXY", "ABCDEFYX"), 12);

        // Jaro at or below 0.7 is returned unchanged even with a shared first char.
        var low = Jaro.Similarity("AXXXXX", "AYYYYY");
        Assert.True(low <= 0.7);
        Assert.Equal(low, JaroWinkler.Similarity("AXXXXX", "AYYYYY"));

        // Jaro exactly 7/10 is not boosted: HTGRI/HQTCRK matches H, T, R in order, (3/5 + 3/6 + 3/3) / 3 = 0.7.
        Assert.Equal(0.7, Jaro.Similarity("HTGRI", "HQTCRK"));
        Assert.Equal(0.7, JaroWinkler.Similarity("HTGRI", "HQTCRK"));

        // A scale of 0 is plain Jaro; 0.25 is allowed; both prepared and static agree.
        Assert.Equal(Jaro.Similarity("MARTHA", "MARHTA"), JaroWinkler.Similarity("MARTHA", "MARHTA", 0));
        Assert.Equal(JaroWinkler.Similarity("MARTHA", "MARHTA", 0.25), new PreparedJaroWinkler("MARTHA", 0.25).Similarity("MARHTA"));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(0.2500001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Prefix_scale_outside_0_to_quarter_is_rejected(double scale)
    {
        Assert.Throws<ArgumentOutOfRangeException>("prefixScale", () => JaroWinkler.Similarity("A", "B", scale));
        Assert.Throws<ArgumentOutOfRangeException>("prefixScale", () => new PreparedJaroWinkler("A", scale));
    }

    [Fact]
    public void Capped_Levenshtein_returns_max_plus_one_beyond_the_cap()
    {
        Assert.Equal(3, Levenshtein.Distance("kitten", "sitting", 3));
        Assert.Equal(3, Levenshtein.Distance("kitten", "sitting", 2));
        Assert.Equal(1, Levenshtein.Distance("kitten", "sitting", 0));
        Assert.Equal(2, Levenshtein.Distance("A", "ABCDEF", 1)); // lengths alone exceed the cap
        Assert.Equal(3, new PreparedLevenshtein("kitten").Distance("sitting", 2));
        Assert.Equal(3, new PreparedLevenshtein("kitten").Distance("sitting", 5));
        Assert.Throws<ArgumentOutOfRangeException>("maxDistance", () => Levenshtein.Distance("A", "B", -1));
        Assert.Throws<ArgumentOutOfRangeException>("maxDistance", () => new PreparedLevenshtein("A").Distance("B", -1));
    }

    [Theory]
    [InlineData("abc", "abd", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "ABCDEF", 6)]
    [InlineData("SAME", "SAME", 0)]
    public void Capped_Levenshtein_with_int_MaxValue_is_uncapped(string a, string b, int expected)
    {
        // Found in review: maxDistance + 1 overflowed to int.MinValue, so the "cap" won every Math.Min.
        Assert.Equal(expected, Levenshtein.Distance(a, b, int.MaxValue));
        Assert.Equal(expected, new PreparedLevenshtein(a).Distance(b, int.MaxValue));
    }

    [Fact]
    public void Prepared_forms_copy_the_query_and_report_only_its_length()
    {
        var buffer = "MARTHA".ToCharArray();
        var prepared = new PreparedJaroWinkler(buffer);
        var levenshtein = new PreparedLevenshtein(buffer);
        var indel = new PreparedIndel(buffer);
        Array.Fill(buffer, 'Z');
        Assert.Equal(6, prepared.QueryLength);
        Assert.Equal(0.1, prepared.PrefixScale);
        Assert.Equal(0.9611, Math.Round(prepared.Similarity("MARHTA"), 4));
        Assert.Equal(0, levenshtein.Distance("MARTHA"));
        Assert.Equal(0, indel.Distance("MARTHA"));
        Assert.Equal(6, levenshtein.QueryLength + indel.QueryLength - 6);
        Assert.DoesNotContain("MARTHA", prepared.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    // Non-ASCII chars take the pattern table's fallback list; comparison is ordinal, so accents count as edits.
    [InlineData("JOS\u00C9", "JOSE", 1)]
    [InlineData("\u00C9MILE", "\u00C9MILIE", 1)]
    [InlineData("\u0410\u0411\u0410", "\u0411\u0410\u0411", 2)]
    [InlineData("A\uD83D\uDE00B", "AB", 2)]
    public void Non_ascii_chars_are_compared_ordinally(string a, string b, int levenshtein)
    {
        Assert.Equal(levenshtein, Levenshtein.Distance(a, b));
        Assert.Equal(levenshtein, new PreparedLevenshtein(a).Distance(b));
        Assert.Equal(TextbookSimilarity.JaroWinkler(a, b), JaroWinkler.Similarity(a, b), 12);
        Assert.Equal(TextbookSimilarity.JaroWinkler(a, b), new PreparedJaroWinkler(a).Similarity(b), 12);
    }
}
