using NhsIdentity.Demographics;
using NhsIdentity.Internal;
using NhsIdentity.Privacy;

namespace NhsIdentity.Tests.Privacy;

public sealed class NhsNumberPseudonymiserTests
{
    /// <summary>
    /// The documented layout <c>HMAC-SHA256(key, BE32(n) ‖ label ‖ tag ‖ value)</c>, key 0x00..0x1F, label
    /// <c>nhsid-test</c>. Expected values computed independently with Python 3's <c>hmac</c>/<c>hashlib</c> and, for
    /// the first, OpenSSL 3 (<c>printf '\x00\x00\x00\x0anhsid-testN9990000018' | openssl dgst -sha256 -mac HMAC
    /// -macopt hexkey:000102...1f</c>); base32 with Python's <c>base64.b32encode</c>, padding stripped.
    /// </summary>
    public static TheoryData<string, string, string, string> LayoutVectors => new()
    {
        { "N", "9990000018", "1669a55a771c9a0a1ef16975269879c08b9a65dc1843455fb085f52e00482112", "CZU2KWTXDSNAUHXRNF2SNGDZYCFZUZO4DBBUKX5QQX2S4ACIEEJA" },
        { "D", "1987-03-14", "761be8d4646a7551e7f77b7d964ff56d44a8a403e94156343e19cd3537cd5b1e", "OYN6RVDENJ2VDZ7XPN6ZMT7VNVCKRJAD5FAVMNB6DHGTKN6NLMPA" },
        { "D", "1987-03", "164e7b7a68433f4c9768735c6842843658bb40a14dfd6ef4b46e67d475a968d9", "CZHHW6TIIM7UZF3IONOGQQUEGZMLWQFBJX6W55FUNZT5I5NJNDMQ" },
        { "D", "1987", "18b0bc17176a9e6be5fee166de75d6a482e0a1f45712a1d5938cf247e989d528", "DCYLYFYXNKPGXZP64FTN45OWUSBOBIPUK4JKDVMTRTZEP2MJ2UUA" },
        { "P", "SW1A 1AA", "2c4c68dc006fe95b624749ba92d325529d55801b3d0504b4bb3ee125b8eef1dc", "FRGGRXAAN7UVWYSHJG5JFUZFKKOVLAA3HUCQJNF3H3QSLOHO6HOA" },
    };

    [Theory]
    [MemberData(nameof(LayoutVectors))]
    public void Pseudonyms_follow_the_documented_byte_layout(string tag, string canonical, string hex, string base32)
    {
        var pseudonymiser = PrivacyTestKeys.Pseudonymiser();
        var (actualHex, actualBase32, bytes) = tag switch
        {
            "N" => Forms(NhsNumber.Parse(canonical)),
            "D" => Forms(DateOfBirth.Parse(canonical)),
            _ => Forms(Postcode.Parse(canonical)),
        };

        Assert.Equal(hex, actualHex);
        Assert.Equal(base32, actualBase32);
        Assert.Equal(Convert.FromHexString(hex), bytes);

        (string, string, byte[]) Forms<T>(T value)
        {
            var buffer = new byte[NhsNumberPseudonymiser.PseudonymLength];
            Assert.True(value switch
            {
                NhsNumber n => pseudonymiser.TryPseudonymise(n, buffer, out var w) && w == 32,
                DateOfBirth d => pseudonymiser.TryPseudonymise(d, buffer, out var w) && w == 32,
                Postcode p => pseudonymiser.TryPseudonymise(p, buffer, out var w) && w == 32,
                _ => false,
            });
            return value switch
            {
                NhsNumber n => (pseudonymiser.ToHex(n), pseudonymiser.ToBase32(n), buffer),
                DateOfBirth d => (pseudonymiser.ToHex(d), pseudonymiser.ToBase32(d), buffer),
                Postcode p => (pseudonymiser.ToHex(p), pseudonymiser.ToBase32(p), buffer),
                _ => throw new InvalidOperationException(),
            };
        }
    }

    [Theory]
    [InlineData("9990000018")]
    [InlineData("999 000 0018")]
    [InlineData("999-000-0018")]
    [InlineData(" 9990000018\t")]
    public void The_canonical_digits_are_hashed_never_the_display_form(string text)
    {
        var pseudonymiser = PrivacyTestKeys.Pseudonymiser();
        Assert.Equal("1669a55a771c9a0a1ef16975269879c08b9a65dc1843455fb085f52e00482112", pseudonymiser.ToHex(NhsNumber.Parse(text)));
    }

    [Theory]
    [InlineData("sw1a1aa")]
    [InlineData("SW1A  1AA")]
    [InlineData(" sw1a 1aa ")]
    public void Postcodes_are_hashed_in_canonical_form(string text)
    {
        var pseudonymiser = PrivacyTestKeys.Pseudonymiser();
        Assert.Equal("2c4c68dc006fe95b624749ba92d325529d55801b3d0504b4bb3ee125b8eef1dc", pseudonymiser.ToHex(Postcode.Parse(text)));
    }

    [Theory]
    [InlineData("14/03/1987")]
    [InlineData("1987-03-14T00:00:00Z")]
    [InlineData("19870314")]
    [InlineData("14-Mar-1987")]
    public void Dates_of_birth_are_hashed_in_iso_form(string text)
    {
        var pseudonymiser = PrivacyTestKeys.Pseudonymiser();
        Assert.Equal("761be8d4646a7551e7f77b7d964ff56d44a8a403e94156343e19cd3537cd5b1e", pseudonymiser.ToHex(DateOfBirth.Parse(text)));
    }

    /// <summary>
    /// RFC 4231 section 4.7 and 4.8 (test cases 6 and 7): the only HMAC-SHA256 vectors whose keys (131 bytes of 0xAA)
    /// meet the 32-byte minimum; the raw path is the pseudonyms' HMAC without label or tag. That key is all one byte
    /// value, so it needs <see cref="PseudonymKeyOptions.AllowWeakKey"/>.
    /// </summary>
    [Theory]
    [InlineData("Test Using Larger Than Block-Size Key - Hash Key First", "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")]
    [InlineData("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.", "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")]
    public void The_hmac_layer_matches_rfc_4231(string data, string expected)
    {
        using var key = new PseudonymKey(Enumerable.Repeat((byte)0xAA, 131).ToArray(), "rfc4231", new PseudonymKeyOptions { AllowWeakKey = true });
        var pseudonymiser = new NhsNumberPseudonymiser(key);
        var mac = new byte[32];
        Assert.True(pseudonymiser.TryComputeRawMac(System.Text.Encoding.ASCII.GetBytes(data), mac, out var written));
        Assert.Equal(32, written);
        Assert.Equal(expected, Convert.ToHexStringLower(mac));
    }

    /// <summary>RFC 4648 section 10 test vectors for base32, without the padding this library omits.</summary>
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Base32_matches_rfc_4648(string data, string expected)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(data);
        var buffer = new char[16];
        Assert.True(PseudonymText.TryFormatBase32(bytes, buffer, out var written));
        Assert.Equal(expected, new string(buffer, 0, written));
        Assert.Equal(expected.Length, PseudonymText.Base32Length(bytes.Length));
    }

    [Fact]
    public void Too_short_destinations_fail_and_stay_untouched()
    {
        var pseudonymiser = PrivacyTestKeys.Pseudonymiser();
        var number = NhsNumber.Parse(PrivacyTestKeys.SentinelNhsNumber);
        var date = new DateOfBirth(1987, 3, 14);
        var postcode = Postcode.Parse("SW1A 1AA");
        for (var size = 0; size < NhsNumberPseudonymiser.PseudonymLength; size++)
        {
            var bytes = Enumerable.Repeat((byte)0xEE, size + 2).ToArray();
            var inner = bytes.AsSpan(1, size);
            Assert.False(pseudonymiser.TryPseudonymise(number, inner, out var w1));
            Assert.False(pseudonymiser.TryPseudonymise(date, inner, out var w2));
            Assert.False(pseudonymiser.TryPseudonymise(postcode, inner, out var w3));
            Assert.Equal(0, w1 + w2 + w3);
            Assert.All(bytes, b => Assert.Equal(0xEE, b));
        }

        for (var size = 0; size < NhsNumberPseudonymiser.HexLength; size++)
        {
            var chars = Enumerable.Repeat('\uFFFF', size + 2).ToArray();
            var inner = chars.AsSpan(1, size);
            Assert.False(pseudonymiser.TryFormatHex(number, inner, out var w1));
            Assert.False(pseudonymiser.TryFormatHex(postcode, inner, out var w2));
            Assert.False(pseudonymiser.TryFormatHex(date, inner, out var w3));
            Assert.Equal(0, w1 + w2 + w3);
            if (size < NhsNumberPseudonymiser.Base32Length)
            {
                Assert.False(pseudonymiser.TryFormatBase32(number, inner, out var w4));
                Assert.False(pseudonymiser.TryFormatBase32(date, inner, out var w5));
                Assert.False(pseudonymiser.TryFormatBase32(postcode, inner, out var w6));
                Assert.Equal(0, w4 + w5 + w6);
            }

            Assert.All(chars, c => Assert.Equal('\uFFFF', c));
        }
    }

    [Fact]
    public void Exact_size_destinations_succeed()
    {
        var pseudonymiser = PrivacyTestKeys.Pseudonymiser();
        var number = NhsNumber.Parse(PrivacyTestKeys.SentinelNhsNumber);
        Assert.True(pseudonymiser.TryFormatHex(number, new char[64], out var hex));
        Assert.True(pseudonymiser.TryFormatBase32(number, new char[52], out var base32));
        Assert.Equal((64, 52), (hex, base32));
    }

    [Fact]
    public void Empty_values_have_no_pseudonym()
    {
        var pseudonymiser = PrivacyTestKeys.Pseudonymiser();
        var buffer = new byte[32];
        Assert.Throws<ArgumentException>(() => pseudonymiser.TryPseudonymise(NhsNumber.Empty, buffer, out _));
        Assert.Throws<ArgumentException>(() => pseudonymiser.ToHex(DateOfBirth.Empty));
        Assert.Throws<ArgumentException>(() => pseudonymiser.ToBase32(Postcode.Empty));
    }

    [Fact]
    public void A_disposed_key_erases_itself_and_refuses_further_use()
    {
        var key = PrivacyTestKeys.Create();
        var pseudonymiser = new NhsNumberPseudonymiser(key);
        var number = NhsNumber.Parse(PrivacyTestKeys.SentinelNhsNumber);
        _ = pseudonymiser.ToHex(number);
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pseudonymiser.ToHex(number));
    }

    [Fact]
    public void Partial_and_full_dates_never_share_a_pseudonym()
    {
        var pseudonymiser = PrivacyTestKeys.Pseudonymiser();
        var pseudonyms = new[] { DateOfBirth.FromYear(1987), DateOfBirth.FromYearMonth(1987, 1), new DateOfBirth(1987, 1, 1) }
            .Select(pseudonymiser.ToHex).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(3, pseudonyms.Count);
    }

    [Fact]
    public void Two_extracts_pseudonymised_with_the_same_key_link_exactly()
    {
        // Each party holds its own copy of the key file content and pseudonymises its own text forms.
        var a = new NhsNumberPseudonymiser(new PseudonymKey(PrivacyTestKeys.Sequential32, "linkage"));
        var b = new NhsNumberPseudonymiser(new PseudonymKey(PrivacyTestKeys.Sequential32, "linkage"));
        Assert.Equal(a.ToHex(NhsNumber.Parse("999 000 0018")), b.ToHex(NhsNumber.Parse("9990000018")));
        Assert.Equal(a.ToHex(DateOfBirth.Parse("14/03/1987")), b.ToHex(DateOfBirth.Parse("1987-03-14")));
        Assert.Equal(a.ToHex(Postcode.Parse("sw1a1aa")), b.ToHex(Postcode.Parse("SW1A 1AA")));
        Assert.Equal("linkage", a.Label);
    }
}
